package dev.lamina.nn;

/**
 * Non-trainable state that inference needs, such as batch normalization's running statistics:
 * no gradient, never touched by optimizers or weight decay, saved with the model.
 */
public record StateTensor(String name, float[] values) {}
