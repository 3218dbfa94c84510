package dev.lamina.internal.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward product and weight gradient of a convolution over a one-channel image (a first
 * layer on grey images), without im2col. An im2col row of such a layer holds only K·K values, so
 * the tiled product spends its time loading and storing its accumulators and reading the rows
 * back from cache; here each window is read from a padded copy of the sample, which stays in L1.
 * The forward pass goes four output pixels at a time; every output is the same fma chain as
 * im2col and {@link Gemm}'s: from 0, over the taps in order (kh, kw), so the two give the same
 * bits. The weight gradient goes four taps at a time ({@link #weightGradient}).
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
    checkWindow(h, w, k, pad, scratch);
    int hp = h + 2 * pad;
    int wp = w + 2 * pad;
    int ho = hp - k + 1;
    int wo = wp - k + 1;
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

  /**
   * Taps t0..t1-1 of the weight gradient {@code dw (k·k, filters)}, overwritten: for each tap and
   * filter, the sum over every output pixel of samples 0..samples-1 of the pixel's window value at
   * the tap times {@code dy (samples, ho, wo, filters)} at the pixel and filter. Each sample's sum
   * is one fma chain over its pixels in order, in registers, added to dw in sample order, so an
   * element is the same float for any split of the taps between threads. Four taps × two vectors
   * of filters go at once: eight chains, enough to keep the fma units busy, where im2col rows of
   * K·K values and the tiled product ran at a fifth of the speed (1.44 against 0.45 ms a step for
   * FashionCnn's first convolution at batch 128). {@code scratch} holds one padded sample.
   */
  public static void weightGradient(float[] dw, float[] x, float[] dy, int h, int w, int k,
      int pad, int filters, int samples, int t0, int t1, float[] scratch) {
    checkWindow(h, w, k, pad, scratch);
    int hp = h + 2 * pad;
    int wp = w + 2 * pad;
    int ho = hp - k + 1;
    int wo = wp - k + 1;
    if (t0 < 0 || t1 > k * k || t0 > t1) {
      throw new IllegalArgumentException("taps must lie within 0.." + k * k + ", got " + t0 + ".."
          + t1);
    }
    Gemm.checkLength("x", x, (long) samples * h * w);
    Gemm.checkLength("dy", dy, (long) samples * ho * wo * filters);
    Gemm.checkLength("dw", dw, (long) k * k * filters);
    Arrays.fill(dw, t0 * filters, t1 * filters, 0f);
    Arrays.fill(scratch, 0, hp * wp, 0f);
    for (int s = 0; s < samples; s++) {
      for (int r = 0; r < h; r++) {
        System.arraycopy(x, (s * h + r) * w, scratch, (r + pad) * wp + pad, w);
      }
      int d0 = s * ho * wo * filters;
      int j = 0;
      for (; j + 2 * L <= filters; j += 2 * L) {
        int t = t0;
        for (; t + 4 <= t1; t += 4) {
          fourTaps(dw, scratch, wp, dy, d0, ho, wo, filters, j, t, k);
        }
        for (; t < t1; t++) {
          oneTap(dw, scratch, wp, dy, d0, ho, wo, filters, j, t, k);
        }
      }
      for (; j < filters; j++) { // filters after whole pairs of vectors: one at a time
        for (int t = t0; t < t1; t++) {
          int o = t / k * wp + t % k;
          float acc = 0f;
          for (int oh = 0; oh < ho; oh++) {
            for (int ow = 0; ow < wo; ow++) {
              acc = Math.fma(scratch[oh * wp + ow + o], dy[d0 + (oh * wo + ow) * filters + j], acc);
            }
          }
          dw[t * filters + j] += acc;
        }
      }
    }
  }

  /** Taps t..t+3, filters j..j+2L-1 of one sample's weight gradient, added to dw. */
  private static void fourTaps(float[] dw, float[] xp, int wp, float[] dy, int d0, int ho, int wo,
      int filters, int j, int t, int k) {
    int o0 = t / k * wp + t % k;
    int o1 = (t + 1) / k * wp + (t + 1) % k;
    int o2 = (t + 2) / k * wp + (t + 2) % k;
    int o3 = (t + 3) / k * wp + (t + 3) % k;
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    for (int oh = 0; oh < ho; oh++) {
      int di = d0 + oh * wo * filters + j;
      for (int q = oh * wp, end = q + wo; q < end; q++, di += filters) {
        FloatVector b0 = FloatVector.fromArray(S, dy, di);
        FloatVector b1 = FloatVector.fromArray(S, dy, di + L);
        FloatVector a = FloatVector.broadcast(S, xp[q + o0]);
        c00 = a.fma(b0, c00);
        c01 = a.fma(b1, c01);
        a = FloatVector.broadcast(S, xp[q + o1]);
        c10 = a.fma(b0, c10);
        c11 = a.fma(b1, c11);
        a = FloatVector.broadcast(S, xp[q + o2]);
        c20 = a.fma(b0, c20);
        c21 = a.fma(b1, c21);
        a = FloatVector.broadcast(S, xp[q + o3]);
        c30 = a.fma(b0, c30);
        c31 = a.fma(b1, c31);
      }
    }
    int g = t * filters + j;
    FloatVector.fromArray(S, dw, g).add(c00).intoArray(dw, g);
    FloatVector.fromArray(S, dw, g + L).add(c01).intoArray(dw, g + L);
    g += filters;
    FloatVector.fromArray(S, dw, g).add(c10).intoArray(dw, g);
    FloatVector.fromArray(S, dw, g + L).add(c11).intoArray(dw, g + L);
    g += filters;
    FloatVector.fromArray(S, dw, g).add(c20).intoArray(dw, g);
    FloatVector.fromArray(S, dw, g + L).add(c21).intoArray(dw, g + L);
    g += filters;
    FloatVector.fromArray(S, dw, g).add(c30).intoArray(dw, g);
    FloatVector.fromArray(S, dw, g + L).add(c31).intoArray(dw, g + L);
  }

  /** {@link #fourTaps} for tap t alone: the same chain for each of its elements. */
  private static void oneTap(float[] dw, float[] xp, int wp, float[] dy, int d0, int ho, int wo,
      int filters, int j, int t, int k) {
    int o = t / k * wp + t % k;
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = c0;
    for (int oh = 0; oh < ho; oh++) {
      int di = d0 + oh * wo * filters + j;
      for (int q = oh * wp, end = q + wo; q < end; q++, di += filters) {
        FloatVector a = FloatVector.broadcast(S, xp[q + o]);
        c0 = a.fma(FloatVector.fromArray(S, dy, di), c0);
        c1 = a.fma(FloatVector.fromArray(S, dy, di + L), c1);
      }
    }
    int g = t * filters + j;
    FloatVector.fromArray(S, dw, g).add(c0).intoArray(dw, g);
    FloatVector.fromArray(S, dw, g + L).add(c1).intoArray(dw, g + L);
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

  /** A k×k window fits the image padded by pad, and scratch holds the padded sample. */
  private static void checkWindow(int h, int w, int k, int pad, float[] scratch) {
    int hp = h + 2 * pad;
    int wp = w + 2 * pad;
    if (hp < k || wp < k) {
      throw new IllegalArgumentException("a " + h + "×" + w + " image padded by " + pad
          + " has no " + k + "×" + k + " window: k must be at most the padded size");
    }
    if (scratch.length < hp * wp) {
      throw new IllegalArgumentException("scratch must hold the padded sample, " + hp + "×" + wp
          + " = " + hp * wp + " floats, got " + scratch.length);
    }
  }
}
