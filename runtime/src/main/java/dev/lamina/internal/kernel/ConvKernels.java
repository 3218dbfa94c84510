package dev.lamina.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The part of a convolution's backward pass that the plain matrix products do badly: the weight
 * gradient {@code dW (patch, filters) = colsᵀ·dY} sums over every output pixel of the batch (a
 * hundred thousand rows for a 28×28 image and 128 samples), and the batch's im2col matrix would be
 * tens of MB, read from memory by columns. Instead the pixel rows go in blocks that fit in cache
 * ({@link ConvWeights#blockRows}): the generated code rebuilds each block's im2col rows from the
 * layer's input into a buffer of one block, and {@link #addBlock} adds the block's product to dW,
 * block by block in order.
 */
public final class ConvKernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private ConvKernels() {}

  /**
   * Adds one block's product to rows i0..i1-1 of {@code dw (patch, filters)}: {@code colsᵀ·dy}
   * over the block's {@code rows} pixel rows, whose im2col rows are cols' rows 0..rows-1 and whose
   * output gradients are dy's rows p0..p0+rows-1. The first block ({@code p0 == 0}) writes dw;
   * each later one goes into {@code scratch} (as large as dw) and is added. Every element is then
   * the same sum, block by block in order, for any split of dw's rows between threads.
   *
   * <pre>
   * cols (rows, patch), dy (p0 + rows, filters) -> dw (patch, filters) rows i0..i1-1
   * </pre>
   */
  public static void addBlock(float[] dw, float[] scratch, float[] cols, float[] dy, int p0,
      int rows, int patch, int filters, int i0, int i1) {
    Gemm.matmulTransA(p0 == 0 ? dw : scratch, cols, 0, dy, p0, rows, patch, filters, i0, i1);
    if (p0 > 0) {
      add(dw, scratch, i0 * filters, i1 * filters);
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
