package dev.lamina;

/** How a layer's weights are initialized. fan_in is the number of inputs of each unit. */
public enum Init {
  /** He (Kaiming) normal for ReLU and leaky ReLU, Xavier normal for every other activation. */
  AUTO,
  /** He / Kaiming normal: N(0, 2/fan_in), gain for leaky ReLU as in PyTorch. Keeps ReLU alive. */
  HE,
  /** Xavier / Glorot normal: N(0, 2/(fan_in + fan_out)). Keeps tanh and sigmoid alive. */
  XAVIER,
  /** N(0, std²) with the {@code std} given on the layer. */
  NORMAL,
  /** All zeros: every unit computes the same thing and never differs. For teaching only. */
  ZEROS
}
