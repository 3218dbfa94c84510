package dev.lamina;

/** The elementwise function an {@link Activation} applies. Each matches PyTorch's of that name. */
public enum Nonlinearity {
  /** f(x) = x: no activation (a linear layer, or logits). */
  IDENTITY,
  /** max(x, 0). */
  RELU,
  /** max(x, slope·x), with the slope given on the {@link Activation}. */
  LEAKY_RELU,
  /** tanh(x), in (−1, 1). */
  TANH,
  /** 1 / (1 + e^(−x)), in (0, 1). */
  SIGMOID,
  /** x·Φ(x), Φ the standard normal CDF: {@code torch.nn.GELU()} (the exact, erf form). */
  GELU,
  /**
   * GELU's tanh approximation, x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))/2: {@code
   * torch.nn.GELU(approximate='tanh')} (BERT's and GPT-2's).
   */
  GELU_TANH,
  /** x·sigmoid(x), also called swish: {@code torch.nn.SiLU}. */
  SILU,
  /** x for x > 0, e^x − 1 otherwise (α = 1): {@code torch.nn.ELU}. */
  ELU,
  /**
   * λ·x for x > 0, λ·α·(e^x − 1) otherwise, λ ≈ 1.0507, α ≈ 1.6733: {@code torch.nn.SELU}. It
   * keeps activations normalized when the weights are drawn with LeCun's initializer, which
   * {@code Init.AUTO} picks for it.
   */
  SELU,
  /** ln(1 + e^x): {@code torch.nn.Softplus()} (β = 1). */
  SOFTPLUS,
  /** x·min(max(x + 3, 0), 6) / 6: {@code torch.nn.Hardswish}. */
  HARDSWISH
}
