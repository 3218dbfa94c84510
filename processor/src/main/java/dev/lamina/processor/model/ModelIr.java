package dev.lamina.processor.model;

import dev.lamina.nn.NetworkSpec;
import javax.lang.model.element.TypeElement;

/**
 * A validated model: its class, the name of the network to generate, and the layers with every
 * shape and default resolved (the runtime's own {@link NetworkSpec}, so the processor and the
 * runtime share one definition of a layer).
 *
 * @param inputShape the input as (channels, height, width); a flat input is (size, 1, 1)
 */
public record ModelIr(
    TypeElement type, String packageName, String generatedName, NetworkSpec spec, int[] inputShape) {}
