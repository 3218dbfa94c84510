package dev.lamina.kernel;

/**
 * A convolution's weight in the two layouts its matrix products read. The parameter is (kernel ·
 * kernel · input channels, filters): the forward product multiplies by it as it is; the input
 * gradient wants its transpose, which a generated network refreshes in every training pass (the
 * optimizer moves the weights between steps). Unlike {@link Gemm#transpose} it allocates nothing.
 */
public final class ConvWeights {
  /** Side of the square blocks the transpose copies, so both arrays are read and written in cache lines. */
  private static final int BLOCK = 16;

  private ConvWeights() {}

  /**
   * The pixel rows per block of {@link ConvKernels#weightGradient}: about 256 KiB of the im2col
   * matrix and dY together, between 16 and 4096 rows. It depends on the shapes only, never on the
   * threads. (Here, not in ConvKernels, so that the processor can call it without the Vector API.)
   */
  public static int blockRows(int patch, int filters) {
    return Math.max(16, Math.min(4096, 65536 / (patch + filters)));
  }

  /**
   * <pre>
   * src (rows, cols) -> dst (cols, rows), dst[j·rows + i] = src[i·cols + j]
   * </pre>
   */
  public static void transpose(float[] dst, float[] src, int rows, int cols) {
    if (src.length < rows * cols || dst.length < rows * cols) {
      throw new IllegalArgumentException("src and dst must hold rows × cols = " + rows + " × " + cols
          + " floats, got " + src.length + " and " + dst.length);
    }
    for (int i0 = 0; i0 < rows; i0 += BLOCK) {
      int i1 = Math.min(rows, i0 + BLOCK);
      for (int j0 = 0; j0 < cols; j0 += BLOCK) {
        int j1 = Math.min(cols, j0 + BLOCK);
        for (int i = i0; i < i1; i++) {
          for (int j = j0; j < j1; j++) {
            dst[j * rows + i] = src[i * cols + j];
          }
        }
      }
    }
  }
}
