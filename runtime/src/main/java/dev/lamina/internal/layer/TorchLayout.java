package dev.lamina.internal.layer;

/**
 * How a Lamina tensor maps to PyTorch's: viewed as {@code view}, its axes permuted by {@code
 * permutation}, it is PyTorch's tensor of shape {@code torch}.
 *
 * @param stored the shape Lamina stores it in
 * @param torch PyTorch's shape
 * @param view Lamina's values seen with this shape before the permutation
 * @param permutation the axis of {@code view} that each axis of {@code torch} is
 */
public record TorchLayout(int[] stored, int[] torch, int[] view, int[] permutation) {}
