package dev.lamina.nn;

/**
 * Non-trainable state that inference needs, such as batch normalization's running statistics:
 * no gradient, never touched by optimizers or weight decay, saved with the model.
 *
 * @param name the tensor's name, e.g. {@code hidden1.running_mean}
 * @param values its live values
 */
public record StateTensor(String name, float[] values) {}
