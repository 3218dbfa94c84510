package dev.lamina.internal.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward product of a convolution over a one-channel image (a first layer on grey images),
 * without im2col. An im2col row of such a layer holds only K·K values, so the tiled product spends
 * its time loading and storing its accumulators and reading the rows back from cache; here each
 * window is read from a padded copy of the sample, which stays in L1, four output pixels at a
 * time. Every output is the same fma chain as im2col and {@link Gemm}'s: from 0, over the taps in
 * order (kh, kw), so the two give the same bits.
 */
public final class SingleChannelConv {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private SingleChannelConv() {}

  /**
   * {@code out} (rows, ho, wo, filters) of samples s0..s1-1: the k×k windows of {@code x} (rows,
   * h, w), padded with {@code pad} zeros on each side, times {@code weight} (k·k, filters); stride
   * 1, no dilation, so ho = h + 2·pad − k + 1 and wo likewise. {@code scratch} holds one padded
   * sample: at least (h + 2·pad)·(w + 2·pad) floats.
   */
  public static void forward(float[] out, float[] x, float[] weight, int h, int w, int k, int pad,
      int filters, int s0, int s1, float[] scratch) {
    int hp = h + 2 * pad;
    int wp = w + 2 * pad;
    int ho = hp - k + 1;
    int wo = wp - k + 1;
    if (ho < 1 || wo < 1) {
      throw new IllegalArgumentException("a " + h + "×" + w + " image padded by " + pad
          + " has no " + k + "×" + k + " window: k must be at most the padded size");
    }
    if (scratch.length < hp * wp) {
      throw new IllegalArgumentException("scratch must hold the padded sample, " + hp + "×" + wp
          + " = " + hp * wp + " floats, got " + scratch.length);
    }
    Gemm.checkLength("x", x, (long) s1 * h * w);
    Gemm.checkLength("weight", weight, (long) k * k * filters);
    Gemm.checkLength("out", out, (long) s1 * ho * wo * filters);
    Arrays.fill(scratch, 0, hp * wp, 0f);
    for (int s = s0; s < s1; s++) {
      for (int r = 0; r < h; r++) {
        System.arraycopy(x, (s * h + r) * w, scratch, (r + pad) * wp + pad, w);
      }
      for (int oh = 0; oh < ho; oh++) {
        int o = (s * ho + oh) * wo * filters;
        int j = 0;
        for (; j + 2 * L <= filters; j += 2 * L) {
          int ow = 0;
          for (; ow + 4 <= wo; ow += 4) {
            fourPixels(out, o + ow * filters + j, filters, scratch, oh * wp + ow, wp, weight, j, k);
          }
          for (; ow < wo; ow++) {
            onePixel(out, o + ow * filters + j, scratch, oh * wp + ow, wp, weight, j, filters, k);
          }
        }
        for (; j + L <= filters; j += L) {
          for (int ow = 0; ow < wo; ow++) {
            FloatVector c = FloatVector.zero(S);
            for (int kh = 0; kh < k; kh++) {
              for (int kw = 0; kw < k; kw++) {
                c = FloatVector.broadcast(S, scratch[(oh + kh) * wp + ow + kw])
                    .fma(FloatVector.fromArray(S, weight, (kh * k + kw) * filters + j), c);
              }
            }
            c.intoArray(out, o + ow * filters + j);
          }
        }
        for (; j < filters; j++) {
          for (int ow = 0; ow < wo; ow++) {
            float acc = 0f;
            for (int kh = 0; kh < k; kh++) {
              for (int kw = 0; kw < k; kw++) {
                acc = Math.fma(scratch[(oh + kh) * wp + ow + kw], weight[(kh * k + kw) * filters + j], acc);
              }
            }
            out[o + ow * filters + j] = acc;
          }
        }
      }
    }
  }

  /** Filters j..j+2L-1 of four adjacent output pixels, whose first window starts at p. */
  private static void fourPixels(float[] out, int oi, int filters, float[] xp, int p, int wp,
      float[] weight, int j, int k) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    for (int kh = 0; kh < k; kh++) {
      int row = p + kh * wp;
      for (int kw = 0; kw < k; kw++) {
        int wi = (kh * k + kw) * filters + j;
        FloatVector b0 = FloatVector.fromArray(S, weight, wi);
        FloatVector b1 = FloatVector.fromArray(S, weight, wi + L);
        int xi = row + kw;
        FloatVector a = FloatVector.broadcast(S, xp[xi]);
        c00 = a.fma(b0, c00);
        c01 = a.fma(b1, c01);
        a = FloatVector.broadcast(S, xp[xi + 1]);
        c10 = a.fma(b0, c10);
        c11 = a.fma(b1, c11);
        a = FloatVector.broadcast(S, xp[xi + 2]);
        c20 = a.fma(b0, c20);
        c21 = a.fma(b1, c21);
        a = FloatVector.broadcast(S, xp[xi + 3]);
        c30 = a.fma(b0, c30);
        c31 = a.fma(b1, c31);
      }
    }
    c00.intoArray(out, oi);
    c01.intoArray(out, oi + L);
    c10.intoArray(out, oi + filters);
    c11.intoArray(out, oi + filters + L);
    c20.intoArray(out, oi + 2 * filters);
    c21.intoArray(out, oi + 2 * filters + L);
    c30.intoArray(out, oi + 3 * filters);
    c31.intoArray(out, oi + 3 * filters + L);
  }

  /** Filters j..j+2L-1 of one output pixel, whose window starts at p. */
  private static void onePixel(float[] out, int oi, float[] xp, int p, int wp, float[] weight,
      int j, int filters, int k) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = c0;
    for (int kh = 0; kh < k; kh++) {
      for (int kw = 0; kw < k; kw++) {
        int wi = (kh * k + kw) * filters + j;
        FloatVector a = FloatVector.broadcast(S, xp[p + kh * wp + kw]);
        c0 = a.fma(FloatVector.fromArray(S, weight, wi), c0);
        c1 = a.fma(FloatVector.fromArray(S, weight, wi + L), c1);
      }
    }
    c0.intoArray(out, oi);
    c1.intoArray(out, oi + L);
  }
}
