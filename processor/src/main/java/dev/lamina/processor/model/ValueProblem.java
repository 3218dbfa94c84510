package dev.lamina.processor.model;

/**
 * An error in one of a kind's own annotation values, found by the kind itself.
 *
 * @param member the annotation member whose value is wrong, where the error is reported
 * @param message the whole message, starting with its stable id: {@code "[Lamina/UpsampleFactor]
 *     ..."}
 */
public record ValueProblem(String member, String message) {}
