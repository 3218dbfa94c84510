package dev.lamina.kernel;

/**
 * A convolution's weight in the two layouts its matrix products read. The parameter is (filters,
 * kernel · kernel · input channels): the input gradient multiplies by it as it is; the forward
 * product wants its transpose, which a generated network refreshes before every pass, since the
 * optimizer moves the weights in between.
 */
public final class ConvWeights {
  /** Side of the square blocks the transpose copies, so both arrays are read and written in cache lines. */
  private static final int BLOCK = 16;

  private ConvWeights() {}

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
