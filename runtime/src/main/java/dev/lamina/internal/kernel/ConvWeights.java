package dev.lamina.internal.kernel;

/**
 * Shapes of a convolution's weight products that the processor needs at compile time, without
 * the Vector API. The weight is (kernel · kernel · input channels, filters), laid out like a
 * dense weight, so its transposed copy for the input gradient is {@link Gemm#transpose}'s.
 */
public final class ConvWeights {
  private ConvWeights() {}

  /**
   * The pixel rows per block of a convolution's weight gradient ({@link ConvKernels#addBlock}):
   * about 256 KiB of the block's im2col rows and dY together, between 16 and 4096 rows. It depends
   * on the shapes only, never on the threads. (Here, not in ConvKernels, so that the processor can
   * call it without the Vector API.)
   */
  public static int blockRows(int patch, int filters) {
    return Math.max(16, Math.min(4096, 65536 / (patch + filters)));
  }

  /**
   * Samples that {@link Winograd} transforms and multiplies at a time, so that each of its 16
   * products has their tiles' rows together (98 for a 14×14 output).
   */
  public static final int WINOGRAD_GROUP = 2;

  /** Output tiles of one sample in {@link Winograd}: 2×2 blocks covering an (outH, outW) output. */
  public static int winogradTiles(int outH, int outW) {
    return ((outH + 1) / 2) * ((outW + 1) / 2);
  }

  /**
   * Floats of {@link Winograd}'s scratch for {@code samples} samples at a time: their transformed
   * inputs (16 per tile and input channel), then their products (16 per tile and filter) from a
   * whole row of {@code out} floats.
   */
  public static int winogradScratch(int samples, int tiles, int in, int out) {
    return winogradProducts(samples * tiles, in, out) + 16 * samples * tiles * out;
  }

  /** Where {@link Winograd}'s products start in its scratch, for {@code rows} tiles. */
  static int winogradProducts(int rows, int in, int out) {
    int inputs = 16 * rows * in;
    return (inputs + out - 1) / out * out;
  }
}
