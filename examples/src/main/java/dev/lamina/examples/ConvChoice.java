package dev.lamina.examples;

import dev.lamina.internal.kernel.Gemm;
import dev.lamina.internal.kernel.Winograd;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The measurement behind how convolutions are generated: the forward pass of FashionCnn's second
 * convolution ((32, 14, 14) → 64 filters 3×3, padding 1) on one thread as im2col + the
 * register-tiled {@link Gemm}, as a direct loop, and through {@link Winograd}'s F(2×2, 3×3),
 * which the generated code takes for it. The direct form keeps one output pixel's 64 filters in 4
 * vector accumulators and, for each tap and input channel, broadcasts the input value against 4
 * vectors of weights: the loop the Vector API makes easiest to write, and the one to beat. Each is
 * counted in the direct convolution's FLOPs.
 */
final class ConvChoice {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int IN = 32;
  static final int OUT = 64;
  static final int SIDE = 14;
  static final int K = 3;
  static final int PATCH = K * K * IN;

  private final int batch;
  private final float[] x;
  private final float[] w = new float[PATCH * OUT];
  private final float[] cols;
  private final float[] y;
  private final float[][] filters = new float[Winograd.POSITIONS][IN * OUT];
  private final float[] scratch =
      new float[Winograd.scratchSize(Winograd.GROUP, Winograd.tiles(SIDE, SIDE), IN, OUT)];

  ConvChoice(int batch) {
    this.batch = batch;
    x = new float[batch * SIDE * SIDE * IN];
    cols = new float[batch * SIDE * SIDE * PATCH];
    y = new float[batch * SIDE * SIDE * OUT];
    Arrays.fill(x, 0.5f);
    Arrays.fill(w, 0.25f);
  }

  double flops() {
    return 2.0 * batch * SIDE * SIDE * PATCH * OUT;
  }

  /** im2col, then (pixels, 288)·(288, 64) with the tiled product. */
  void im2colGemm() {
    for (int s = 0; s < batch; s++) {
      for (int oh = 0; oh < SIDE; oh++) {
        for (int ow = 0; ow < SIDE; ow++) {
          int dst = ((s * SIDE + oh) * SIDE + ow) * PATCH;
          for (int kh = 0; kh < K; kh++) {
            for (int kw = 0; kw < K; kw++) {
              int ih = oh - 1 + kh;
              int iw = ow - 1 + kw;
              int d = dst + (kh * K + kw) * IN;
              if (ih < 0 || ih >= SIDE || iw < 0 || iw >= SIDE) {
                Arrays.fill(cols, d, d + IN, 0f);
              } else {
                System.arraycopy(x, ((s * SIDE + ih) * SIDE + iw) * IN, cols, d, IN);
              }
            }
          }
        }
      }
    }
    Gemm.matmul(y, cols, w, PATCH, OUT, 0, batch * SIDE * SIDE);
  }

  /** The filters transformed (as before every forward pass), then Winograd's forward pass. */
  void winograd() {
    Winograd.filters(filters, w, IN, OUT, 0, OUT);
    Winograd.forward(y, x, filters, SIDE, SIDE, IN, OUT, 1, 0, batch, scratch);
  }

  /** Each output pixel: 64 filters in 4 accumulators, one broadcast per tap and channel. */
  void direct() {
    int l = S.length();
    for (int s = 0; s < batch; s++) {
      for (int oh = 0; oh < SIDE; oh++) {
        for (int ow = 0; ow < SIDE; ow++) {
          for (int j = 0; j < OUT; j += 4 * l) {
            pixel(s, oh, ow, j, l);
          }
        }
      }
    }
  }

  /** Filters j..j+4L-1 of one output pixel. */
  private void pixel(int s, int oh, int ow, int j, int l) {
    FloatVector a0 = FloatVector.zero(S);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int kh = 0; kh < K; kh++) {
      int ih = oh - 1 + kh;
      if (ih < 0 || ih >= SIDE) {
        continue;
      }
      for (int kw = 0; kw < K; kw++) {
        int iw = ow - 1 + kw;
        if (iw < 0 || iw >= SIDE) {
          continue;
        }
        int xi = ((s * SIDE + ih) * SIDE + iw) * IN;
        int wi = (kh * K + kw) * IN * OUT + j;
        for (int c = 0; c < IN; c++, wi += OUT) {
          FloatVector v = FloatVector.broadcast(S, x[xi + c]);
          a0 = v.fma(FloatVector.fromArray(S, w, wi), a0);
          a1 = v.fma(FloatVector.fromArray(S, w, wi + l), a1);
          a2 = v.fma(FloatVector.fromArray(S, w, wi + 2 * l), a2);
          a3 = v.fma(FloatVector.fromArray(S, w, wi + 3 * l), a3);
        }
      }
    }
    int o = ((s * SIDE + oh) * SIDE + ow) * OUT + j;
    a0.intoArray(y, o);
    a1.intoArray(y, o + l);
    a2.intoArray(y, o + 2 * l);
    a3.intoArray(y, o + 3 * l);
  }
}
