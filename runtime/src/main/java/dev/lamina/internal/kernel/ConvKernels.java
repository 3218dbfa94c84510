package dev.lamina.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The part of a convolution's backward pass that the plain matrix products do badly: the weight
 * gradient {@code dW (patch, filters) = colsᵀ·dY} sums over every output pixel of the batch (a
 * hundred thousand rows for a 28×28 image and 128 samples), so one product would stream the
 * whole im2col matrix through memory once per block of dW's rows. Instead the rows go in blocks
 * that fit in cache, each block's product added to dW in order.
 */
public final class ConvKernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private ConvKernels() {}

  /**
   * Rows i0..i1-1 of {@code dw (patch, filters) = colsᵀ·dy}, summed over {@code pixelRows} rows of
   * cols (pixelRows, patch) and dy (pixelRows, filters): block by block of {@code block} rows, in
   * order, each block's product (into {@code scratch}, as large as dw) added to dw; {@link
   * ConvWeights#blockRows} gives a block that stays in cache. Every element
   * is the same sum for any row range, so threads may split dw's rows.
   *
   * <pre>
   * cols (pixelRows, patch), dy (pixelRows, filters) -> dw (patch, filters), rows i0..i1-1 only
   * </pre>
   */
  public static void weightGradient(float[] dw, float[] scratch, float[] cols, float[] dy,
      int pixelRows, int patch, int filters, int block, int i0, int i1) {
    if (block <= 0) {
      throw new IllegalArgumentException("block must be > 0, got " + block);
    }
    if (pixelRows == 0) {
      java.util.Arrays.fill(dw, i0 * filters, i1 * filters, 0f);
      return;
    }
    for (int p0 = 0; p0 < pixelRows; p0 += block) {
      int rows = Math.min(block, pixelRows - p0);
      Gemm.matmulTransA(p0 == 0 ? dw : scratch, cols, dy, p0, rows, patch, filters, i0, i1);
      if (p0 > 0) {
        add(dw, scratch, i0 * filters, i1 * filters);
      }
    }
  }

  /** {@code target[from:to] += source[from:to]}. */
  private static void add(float[] target, float[] source, int from, int to) {
    int i = from;
    for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
      FloatVector.fromArray(S, target, i).add(FloatVector.fromArray(S, source, i)).intoArray(target, i);
    }
    for (; i < to; i++) {
      target[i] += source[i];
    }
  }
}
