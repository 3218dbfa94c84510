package dev.lamina.internal.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * 3×3 convolutions (stride 1, no dilation, padding 0 to 2) by Winograd's F(2×2, 3×3): each 2×2
 * block of output pixels comes from a 4×4 patch of the input through 16 multiplications instead of
 * 36.
 * In matrix form, for one tile, one input channel c and one filter o (Lavin and Gray, 2015):
 *
 * <pre>
 * V = Bᵀ·d·B        d: the 4×4 input patch          (input transform)
 * U = G·g·Gᵀ        g: the 3×3 filter                (filter transform)
 * M[ξ] = Σ_c V_c[ξ]·U_co[ξ]   for each of the 16 positions ξ: 16 matrix products
 * Y = Aᵀ·M·A        the 2×2 output block             (output transform)
 * </pre>
 *
 * with {@code Bᵀ = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1]}, {@code G = [1 0 0; ½ ½ ½; ½ -½ ½;
 * 0 0 1]} and {@code Aᵀ = [1 1 1 0; 0 1 -1 -1]}. The 16 products, (tiles, C)·(C, filters) each,
 * go through the register-tiled {@link Gemm}: 2.25 times fewer multiplications than the im2col
 * product's, and no im2col rows to build.
 *
 * <p>The backward pass: the input gradient is the same kind of convolution of dY, with the
 * filters turned by 180° and their channels swapped ({@link #inputGradientFilters}), padding
 * {@code 2 − p}. The weight gradient is the transpose of the forward map: {@code dU[ξ] = Σ_tiles
 * V[ξ]ᵀ·(A·dY·Aᵀ)[ξ]}, summed over the batch, then {@code dg = Gᵀ·dU·G}.
 *
 * <p>Images are channels-last: pixel (s, h, w) of an image with C channels starts at {@code ((s·H
 * + h)·W + w)·C}, as everywhere in Lamina. Weights are (9·C, filters), row {@code tap·C + c} with
 * {@code tap = kh·3 + kw}, as the im2col product reads them. Transformed filters are {@code float[16]
 * []}, one (C, filters) matrix per position ξ = 4·i + j. Samples go {@link #GROUP} at a time, so
 * that each product has their tiles' rows together. Every element is computed the same way for
 * any split of samples (forward, input gradient) or of input channels (weight gradient) between
 * threads, and any grouping.
 */
public final class Winograd {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** Positions of a transformed tile: 4×4. */
  public static final int POSITIONS = 16;
  /**
   * Samples transformed and multiplied at a time ({@link ConvWeights#WINOGRAD_GROUP}): each of the
   * 16 products then has their tiles' rows together.
   */
  public static final int GROUP = ConvWeights.WINOGRAD_GROUP;

  private Winograd() {}

  /** Output tiles of one sample: 2×2 blocks covering an (outH, outW) output. */
  public static int tiles(int outH, int outW) {
    return ConvWeights.winogradTiles(outH, outW);
  }

  /** Floats of scratch for {@code samples} samples at a time ({@link ConvWeights#winogradScratch}). */
  public static int scratchSize(int samples, int tiles, int in, int out) {
    return ConvWeights.winogradScratch(samples, tiles, in, out);
  }

  /**
   * {@code u[ξ] (in, out) = (G·g·Gᵀ)[ξ]} for filters o0..o1-1 of {@code w (9·in, out)}.
   */
  public static void filters(float[][] u, float[] w, int in, int out, int o0, int o1) {
    checkFilters(u, w, in, out);
    for (int c = 0; c < in; c++) {
      int o = o0;
      for (; o + L <= o1; o += L) {
        filterVector(u, c * out + o, w, c * out + o, in * out);
      }
      for (; o < o1; o++) {
        filter(u, c * out + o, w, c * out + o, in * out, false);
      }
    }
  }

  /** {@link #filter} for a vector of filters, through the same operations. */
  private static void filterVector(float[][] u, int ui, float[] w, int wi, int tapStride) {
    FloatVector a = FloatVector.fromArray(S, w, wi);
    FloatVector b = FloatVector.fromArray(S, w, wi + tapStride);
    FloatVector c = FloatVector.fromArray(S, w, wi + 2 * tapStride);
    FloatVector r00 = a, r01 = a.add(b).add(c).mul(0.5f), r02 = a.sub(b).add(c).mul(0.5f), r03 = c;
    a = FloatVector.fromArray(S, w, wi + 3 * tapStride);
    b = FloatVector.fromArray(S, w, wi + 4 * tapStride);
    c = FloatVector.fromArray(S, w, wi + 5 * tapStride);
    FloatVector r10 = a, r11 = a.add(b).add(c).mul(0.5f), r12 = a.sub(b).add(c).mul(0.5f), r13 = c;
    a = FloatVector.fromArray(S, w, wi + 6 * tapStride);
    b = FloatVector.fromArray(S, w, wi + 7 * tapStride);
    c = FloatVector.fromArray(S, w, wi + 8 * tapStride);
    FloatVector r20 = a, r21 = a.add(b).add(c).mul(0.5f), r22 = a.sub(b).add(c).mul(0.5f), r23 = c;
    // then each column j of G·r, (r0, (r0+r1+r2)/2, (r0−r1+r2)/2, r2), to positions 4i + j; no
    // helper takes the vectors, so that none is boxed where it is not inlined
    r00.intoArray(u[0], ui);
    r01.intoArray(u[1], ui);
    r02.intoArray(u[2], ui);
    r03.intoArray(u[3], ui);
    r00.add(r10).add(r20).mul(0.5f).intoArray(u[4], ui);
    r01.add(r11).add(r21).mul(0.5f).intoArray(u[5], ui);
    r02.add(r12).add(r22).mul(0.5f).intoArray(u[6], ui);
    r03.add(r13).add(r23).mul(0.5f).intoArray(u[7], ui);
    r00.sub(r10).add(r20).mul(0.5f).intoArray(u[8], ui);
    r01.sub(r11).add(r21).mul(0.5f).intoArray(u[9], ui);
    r02.sub(r12).add(r22).mul(0.5f).intoArray(u[10], ui);
    r03.sub(r13).add(r23).mul(0.5f).intoArray(u[11], ui);
    r20.intoArray(u[12], ui);
    r21.intoArray(u[13], ui);
    r22.intoArray(u[14], ui);
    r23.intoArray(u[15], ui);
  }

  /**
   * The input gradient's filters, {@code u[ξ] (out, in)}, for input channels c0..c1-1: the
   * transform of each filter turned by 180°, {@code g'[kh][kw][o][c] = g[2−kh][2−kw][c][o]}.
   */
  public static void inputGradientFilters(float[][] u, float[] w, int in, int out, int c0, int c1) {
    checkFilters(u, w, in, out);
    for (int o = 0; o < out; o++) {
      for (int c = c0; c < c1; c++) {
        filter(u, o * in + c, w, c * out + o, in * out, true);
      }
    }
  }

  /**
   * {@code u[ξ][ui] = (G·g·Gᵀ)[ξ]} of the 3×3 filter whose tap t is {@code w[wi + t·tapStride]},
   * or of that filter turned by 180°.
   */
  private static void filter(float[][] u, int ui, float[] w, int wi, int tapStride,
      boolean turned) {
    for (int j = 0; j < 4; j++) {
      float r0 = expand(tap(w, wi, tapStride, turned, 0), tap(w, wi, tapStride, turned, 1),
          tap(w, wi, tapStride, turned, 2), j);
      float r1 = expand(tap(w, wi, tapStride, turned, 3), tap(w, wi, tapStride, turned, 4),
          tap(w, wi, tapStride, turned, 5), j);
      float r2 = expand(tap(w, wi, tapStride, turned, 6), tap(w, wi, tapStride, turned, 7),
          tap(w, wi, tapStride, turned, 8), j);
      for (int i = 0; i < 4; i++) {
        u[4 * i + j][ui] = expand(r0, r1, r2, i);
      }
    }
  }

  private static float tap(float[] w, int wi, int tapStride, boolean turned, int t) {
    return w[wi + (turned ? 8 - t : t) * tapStride];
  }

  /** Element i of {@code G·(a, b, c) = (a, (a+b+c)/2, (a−b+c)/2, c)}. */
  private static float expand(float a, float b, float c, int i) {
    return switch (i) {
      case 0 -> a;
      case 1 -> 0.5f * (a + b + c);
      case 2 -> 0.5f * (a - b + c);
      default -> c;
    };
  }

  /** Element k of {@code Gᵀ·(a, b, c, d) = (a + (b+c)/2, (b−c)/2, (b+c)/2 + d)}. */
  private static float contract(float a, float b, float c, float d, int k) {
    return switch (k) {
      case 0 -> a + 0.5f * (b + c);
      case 1 -> 0.5f * (b - c);
      default -> 0.5f * (b + c) + d;
    };
  }

  /**
   * The convolution of samples s0..s1-1 of {@code x (s, h, w, in)} by the transformed filters
   * {@code u}, padding {@code pad}, into {@code y (s, h + 2·pad − 2, w + 2·pad − 2, out)},
   * overwritten. {@code scratch} holds {@link #scratchSize}{@code (GROUP, …)} floats: {@link
   * #GROUP} samples at a time.
   */
  public static void forward(float[] y, float[] x, float[][] u, int h, int w, int in, int out,
      int pad, int s0, int s1, float[] scratch) {
    checkShape(h, w, in, out, pad);
    int oh = h + 2 * pad - 2;
    int ow = w + 2 * pad - 2;
    int tiles = tiles(oh, ow);
    Gemm.checkLength("x", x, (long) s1 * h * w * in);
    Gemm.checkLength("y", y, (long) s1 * oh * ow * out);
    Gemm.checkLength("scratch", scratch, scratchSize(GROUP, tiles, in, out));
    for (int s = s0; s < s1; s += GROUP) {
      int n = Math.min(GROUP, s1 - s);
      int rows = n * tiles;
      int m0 = ConvWeights.winogradProducts(rows, in, out);
      for (int g = 0; g < n; g++) {
        inputs(scratch, rows, g * tiles, tiles, x, s + g, h, w, in, pad, 0, in);
      }
      for (int xi = 0; xi < POSITIONS; xi++) {
        Gemm.matmulFromRow(scratch, scratch, xi * rows, u[xi], in, out,
            m0 / out + xi * rows, m0 / out + (xi + 1) * rows);
      }
      for (int g = 0; g < n; g++) {
        outputs(y, s + g, oh, ow, out, scratch, m0, rows, g * tiles, tiles);
      }
    }
  }

  /**
   * Input channels c0..c1-1 of the weight gradient {@code dw (9·in, out)}, overwritten, over
   * samples 0..samples-1 of {@code x (s, h, w, in)} and their output gradients {@code dy (s, oh,
   * ow, out)}. {@code du} (16 matrices of in × out) holds the sums of the transformed gradient.
   * Each element of du is one fma chain over every tile of the batch in order.
   */
  public static void weightGradient(float[] dw, float[][] du, float[] x, float[] dy, int h, int w,
      int in, int out, int pad, int samples, int c0, int c1, float[] scratch) {
    checkShape(h, w, in, out, pad);
    checkFilters(du, dw, in, out);
    int oh = h + 2 * pad - 2;
    int ow = w + 2 * pad - 2;
    int tiles = tiles(oh, ow);
    Gemm.checkLength("x", x, (long) samples * h * w * in);
    Gemm.checkLength("dy", dy, (long) samples * oh * ow * out);
    Gemm.checkLength("scratch", scratch, scratchSize(GROUP, tiles, in, out));
    if (c0 >= c1) {
      return;
    }
    for (float[] matrix : du) {
      Arrays.fill(matrix, c0 * out, c1 * out, 0f);
    }
    for (int s = 0; s < samples; s += GROUP) {
      int n = Math.min(GROUP, samples - s);
      int rows = n * tiles;
      int m0 = ConvWeights.winogradProducts(rows, in, out);
      for (int g = 0; g < n; g++) {
        inputs(scratch, rows, g * tiles, tiles, x, s + g, h, w, in, pad, c0, c1);
        outputGradients(scratch, m0, rows, g * tiles, tiles, dy, s + g, oh, ow, out);
      }
      for (int xi = 0; xi < POSITIONS; xi++) {
        Gemm.matmulTransAOnto(du[xi], scratch, xi * rows, scratch, m0 / out + xi * rows, rows,
            in, out, c0, c1);
      }
    }
    for (int c = c0; c < c1; c++) {
      for (int o = 0; o < out; o++) {
        int i = c * out + o;
        for (int kw = 0; kw < 3; kw++) { // Gᵀ·dU·G: each row of 4 into 3, then each column
          float q0 = contract(du[0][i], du[1][i], du[2][i], du[3][i], kw);
          float q1 = contract(du[4][i], du[5][i], du[6][i], du[7][i], kw);
          float q2 = contract(du[8][i], du[9][i], du[10][i], du[11][i], kw);
          float q3 = contract(du[12][i], du[13][i], du[14][i], du[15][i], kw);
          for (int kh = 0; kh < 3; kh++) {
            dw[((kh * 3 + kw) * in + c) * out + o] = contract(q0, q1, q2, q3, kh);
          }
        }
      }
    }
  }

  /**
   * {@code V = Bᵀ·d·B} of every tile of sample s, channels c0..c1-1, into {@code v[ξ·tiles + t]
   * (in floats a row)}. Channels go a vector at a time, the rest one at a time through the same
   * operations: a channel's bits do not depend on the range.
   */
  private static void inputs(float[] v, int rows, int row0, int tiles, float[] x, int s, int h,
      int w, int in, int pad, int c0, int c1) {
    int tilesPerRow = (w + 2 * pad - 1) / 2;
    for (int t = 0; t < tiles; t++) {
      int ih = 2 * (t / tilesPerRow) - pad;
      int iw = 2 * (t % tilesPerRow) - pad;
      int c = c0;
      for (; c + L <= c1; c += L) {
        inputTile(v, (row0 + t) * in + c, rows * in, x, s * h * w * in + c, ih, iw, h, w, in);
      }
      for (; c < c1; c++) {
        inputTileOneChannel(v, (row0 + t) * in + c, rows * in, x, s * h * w * in + c, ih, iw, h,
            w, in);
      }
    }
  }

  /**
   * One tile's V for the vector of channels whose pixel (0, 0) is at {@code x[p]}: each row of the
   * 4×4 patch from (ih, iw) along j, then each column along i, as {@code (d0 − d2, d1 + d2,
   * d2 − d1, d1 − d3)}; zeros outside the image. Position ξ goes to {@code v[vi + ξ·stride]}.
   */
  private static void inputTile(float[] v, int vi, int stride, float[] x, int p, int ih, int iw,
      int h, int w, int in) {
    FloatVector zero = FloatVector.zero(S);
    boolean j0 = iw >= 0 && iw < w, j1 = iw + 1 >= 0 && iw + 1 < w;
    boolean j2 = iw + 2 >= 0 && iw + 2 < w, j3 = iw + 3 < w;
    boolean i0 = ih >= 0 && ih < h, i1 = ih + 1 >= 0 && ih + 1 < h;
    boolean i2 = ih + 2 >= 0 && ih + 2 < h, i3 = ih + 3 < h;
    int q = p + (ih * w + iw) * in;
    FloatVector d0 = i0 && j0 ? FloatVector.fromArray(S, x, q) : zero;
    FloatVector d1 = i0 && j1 ? FloatVector.fromArray(S, x, q + in) : zero;
    FloatVector d2 = i0 && j2 ? FloatVector.fromArray(S, x, q + 2 * in) : zero;
    FloatVector d3 = i0 && j3 ? FloatVector.fromArray(S, x, q + 3 * in) : zero;
    FloatVector r00 = d0.sub(d2), r01 = d1.add(d2), r02 = d2.sub(d1), r03 = d1.sub(d3);
    q += w * in;
    d0 = i1 && j0 ? FloatVector.fromArray(S, x, q) : zero;
    d1 = i1 && j1 ? FloatVector.fromArray(S, x, q + in) : zero;
    d2 = i1 && j2 ? FloatVector.fromArray(S, x, q + 2 * in) : zero;
    d3 = i1 && j3 ? FloatVector.fromArray(S, x, q + 3 * in) : zero;
    FloatVector r10 = d0.sub(d2), r11 = d1.add(d2), r12 = d2.sub(d1), r13 = d1.sub(d3);
    q += w * in;
    d0 = i2 && j0 ? FloatVector.fromArray(S, x, q) : zero;
    d1 = i2 && j1 ? FloatVector.fromArray(S, x, q + in) : zero;
    d2 = i2 && j2 ? FloatVector.fromArray(S, x, q + 2 * in) : zero;
    d3 = i2 && j3 ? FloatVector.fromArray(S, x, q + 3 * in) : zero;
    FloatVector r20 = d0.sub(d2), r21 = d1.add(d2), r22 = d2.sub(d1), r23 = d1.sub(d3);
    q += w * in;
    d0 = i3 && j0 ? FloatVector.fromArray(S, x, q) : zero;
    d1 = i3 && j1 ? FloatVector.fromArray(S, x, q + in) : zero;
    d2 = i3 && j2 ? FloatVector.fromArray(S, x, q + 2 * in) : zero;
    d3 = i3 && j3 ? FloatVector.fromArray(S, x, q + 3 * in) : zero;
    FloatVector r30 = d0.sub(d2), r31 = d1.add(d2), r32 = d2.sub(d1), r33 = d1.sub(d3);
    r00.sub(r20).intoArray(v, vi);
    r01.sub(r21).intoArray(v, vi + stride);
    r02.sub(r22).intoArray(v, vi + 2 * stride);
    r03.sub(r23).intoArray(v, vi + 3 * stride);
    r10.add(r20).intoArray(v, vi + 4 * stride);
    r11.add(r21).intoArray(v, vi + 5 * stride);
    r12.add(r22).intoArray(v, vi + 6 * stride);
    r13.add(r23).intoArray(v, vi + 7 * stride);
    r20.sub(r10).intoArray(v, vi + 8 * stride);
    r21.sub(r11).intoArray(v, vi + 9 * stride);
    r22.sub(r12).intoArray(v, vi + 10 * stride);
    r23.sub(r13).intoArray(v, vi + 11 * stride);
    r10.sub(r30).intoArray(v, vi + 12 * stride);
    r11.sub(r31).intoArray(v, vi + 13 * stride);
    r12.sub(r32).intoArray(v, vi + 14 * stride);
    r13.sub(r33).intoArray(v, vi + 15 * stride);
  }

  /** {@link #inputTile} for one channel, through the same operations. */
  private static void inputTileOneChannel(float[] v, int vi, int stride, float[] x, int p, int ih,
      int iw, int h, int w, int in) {
    boolean j0 = iw >= 0 && iw < w, j1 = iw + 1 >= 0 && iw + 1 < w;
    boolean j2 = iw + 2 >= 0 && iw + 2 < w, j3 = iw + 3 < w;
    boolean i0 = ih >= 0 && ih < h, i1 = ih + 1 >= 0 && ih + 1 < h;
    boolean i2 = ih + 2 >= 0 && ih + 2 < h, i3 = ih + 3 < h;
    int q = p + (ih * w + iw) * in;
    float d0 = i0 && j0 ? x[q] : 0f, d1 = i0 && j1 ? x[q + in] : 0f;
    float d2 = i0 && j2 ? x[q + 2 * in] : 0f, d3 = i0 && j3 ? x[q + 3 * in] : 0f;
    float r00 = d0 - d2, r01 = d1 + d2, r02 = d2 - d1, r03 = d1 - d3;
    q += w * in;
    d0 = i1 && j0 ? x[q] : 0f;
    d1 = i1 && j1 ? x[q + in] : 0f;
    d2 = i1 && j2 ? x[q + 2 * in] : 0f;
    d3 = i1 && j3 ? x[q + 3 * in] : 0f;
    float r10 = d0 - d2, r11 = d1 + d2, r12 = d2 - d1, r13 = d1 - d3;
    q += w * in;
    d0 = i2 && j0 ? x[q] : 0f;
    d1 = i2 && j1 ? x[q + in] : 0f;
    d2 = i2 && j2 ? x[q + 2 * in] : 0f;
    d3 = i2 && j3 ? x[q + 3 * in] : 0f;
    float r20 = d0 - d2, r21 = d1 + d2, r22 = d2 - d1, r23 = d1 - d3;
    q += w * in;
    d0 = i3 && j0 ? x[q] : 0f;
    d1 = i3 && j1 ? x[q + in] : 0f;
    d2 = i3 && j2 ? x[q + 2 * in] : 0f;
    d3 = i3 && j3 ? x[q + 3 * in] : 0f;
    float r30 = d0 - d2, r31 = d1 + d2, r32 = d2 - d1, r33 = d1 - d3;
    v[vi] = r00 - r20;
    v[vi + stride] = r01 - r21;
    v[vi + 2 * stride] = r02 - r22;
    v[vi + 3 * stride] = r03 - r23;
    v[vi + 4 * stride] = r10 + r20;
    v[vi + 5 * stride] = r11 + r21;
    v[vi + 6 * stride] = r12 + r22;
    v[vi + 7 * stride] = r13 + r23;
    v[vi + 8 * stride] = r20 - r10;
    v[vi + 9 * stride] = r21 - r11;
    v[vi + 10 * stride] = r22 - r12;
    v[vi + 11 * stride] = r23 - r13;
    v[vi + 12 * stride] = r10 - r30;
    v[vi + 13 * stride] = r11 - r31;
    v[vi + 14 * stride] = r12 - r32;
    v[vi + 15 * stride] = r13 - r33;
  }

  /**
   * {@code Y = Aᵀ·M·A} of every tile of sample s, from the products at {@code scratch[m0 +
   * (ξ·tiles + t)·out]}, into y: the pixels of each 2×2 block that lie inside (oh, ow).
   */
  private static void outputs(float[] y, int s, int oh, int ow, int out, float[] scratch, int m0,
      int rows, int row0, int tiles) {
    int tilesPerRow = (ow + 1) / 2;
    for (int t = 0; t < tiles; t++) {
      int yh = 2 * (t / tilesPerRow);
      int yw = 2 * (t % tilesPerRow);
      int row = ((s * oh + yh) * ow + yw) * out;
      boolean right = yw + 1 < ow;
      boolean below = yh + 1 < oh;
      int o = 0;
      for (; o + L <= out; o += L) {
        outputTile(y, row + o, out * ow, right ? out : -1, below, scratch,
            m0 + (row0 + t) * out + o, rows * out);
      }
      for (; o < out; o++) {
        outputTileOneChannel(y, row + o, out * ow, right ? out : -1, below, scratch,
            m0 + (row0 + t) * out + o, rows * out);
      }
    }
  }

  /**
   * One tile's output for a vector of filters whose products are at {@code m[q + ξ·stride]}:
   * along i, then along j, as {@code (m0 + m1 + m2, m1 − m2 − m3)}. Pixel (0, 0) goes to
   * {@code y[yi]}, (0, 1) at {@code +right} unless it is −1, (1, 0) at {@code +down} if below.
   */
  private static void outputTile(float[] y, int yi, int down, int right, boolean below,
      float[] m, int q, int stride) {
    FloatVector m1 = FloatVector.fromArray(S, m, q + 4 * stride);
    FloatVector m2 = FloatVector.fromArray(S, m, q + 8 * stride);
    FloatVector s00 = FloatVector.fromArray(S, m, q).add(m1).add(m2);
    FloatVector s10 = m1.sub(m2).sub(FloatVector.fromArray(S, m, q + 12 * stride));
    m1 = FloatVector.fromArray(S, m, q + 5 * stride);
    m2 = FloatVector.fromArray(S, m, q + 9 * stride);
    FloatVector s01 = FloatVector.fromArray(S, m, q + stride).add(m1).add(m2);
    FloatVector s11 = m1.sub(m2).sub(FloatVector.fromArray(S, m, q + 13 * stride));
    m1 = FloatVector.fromArray(S, m, q + 6 * stride);
    m2 = FloatVector.fromArray(S, m, q + 10 * stride);
    FloatVector s02 = FloatVector.fromArray(S, m, q + 2 * stride).add(m1).add(m2);
    FloatVector s12 = m1.sub(m2).sub(FloatVector.fromArray(S, m, q + 14 * stride));
    m1 = FloatVector.fromArray(S, m, q + 7 * stride);
    m2 = FloatVector.fromArray(S, m, q + 11 * stride);
    FloatVector s03 = FloatVector.fromArray(S, m, q + 3 * stride).add(m1).add(m2);
    FloatVector s13 = m1.sub(m2).sub(FloatVector.fromArray(S, m, q + 15 * stride));
    s00.add(s01).add(s02).intoArray(y, yi);
    if (right >= 0) {
      s01.sub(s02).sub(s03).intoArray(y, yi + right);
    }
    if (below) {
      s10.add(s11).add(s12).intoArray(y, yi + down);
      if (right >= 0) {
        s11.sub(s12).sub(s13).intoArray(y, yi + down + right);
      }
    }
  }

  /** {@link #outputTile} for one filter, through the same operations. */
  private static void outputTileOneChannel(float[] y, int yi, int down, int right, boolean below,
      float[] m, int q, int stride) {
    float m1 = m[q + 4 * stride], m2 = m[q + 8 * stride];
    float s00 = m[q] + m1 + m2, s10 = m1 - m2 - m[q + 12 * stride];
    m1 = m[q + 5 * stride];
    m2 = m[q + 9 * stride];
    float s01 = m[q + stride] + m1 + m2, s11 = m1 - m2 - m[q + 13 * stride];
    m1 = m[q + 6 * stride];
    m2 = m[q + 10 * stride];
    float s02 = m[q + 2 * stride] + m1 + m2, s12 = m1 - m2 - m[q + 14 * stride];
    m1 = m[q + 7 * stride];
    m2 = m[q + 11 * stride];
    float s03 = m[q + 3 * stride] + m1 + m2, s13 = m1 - m2 - m[q + 15 * stride];
    y[yi] = s00 + s01 + s02;
    if (right >= 0) {
      y[yi + right] = s01 - s02 - s03;
    }
    if (below) {
      y[yi + down] = s10 + s11 + s12;
      if (right >= 0) {
        y[yi + down + right] = s11 - s12 - s13;
      }
    }
  }

  /**
   * {@code A·dY·Aᵀ} of every tile of sample s, into {@code scratch[m0 + (ξ·tiles + t)·out]}.
   */
  private static void outputGradients(float[] scratch, int m0, int rows, int row0, int tiles,
      float[] dy, int s, int oh, int ow, int out) {
    int tilesPerRow = (ow + 1) / 2;
    for (int t = 0; t < tiles; t++) {
      int yh = 2 * (t / tilesPerRow);
      int yw = 2 * (t % tilesPerRow);
      int row = ((s * oh + yh) * ow + yw) * out;
      boolean right = yw + 1 < ow;
      boolean below = yh + 1 < oh;
      int o = 0;
      for (; o + L <= out; o += L) {
        outputGradientTile(scratch, m0 + (row0 + t) * out + o, rows * out, dy, row + o, out * ow,
            right ? out : -1, below);
      }
      for (; o < out; o++) {
        outputGradientTileOneChannel(scratch, m0 + (row0 + t) * out + o, rows * out, dy, row + o,
            out * ow, right ? out : -1, below);
      }
    }
  }

  /**
   * One tile's {@code A·dY·Aᵀ} for a vector of filters, the 2×2 block of dY read as in {@link
   * #outputTile} (zeros outside), along each axis as {@code (y0, y0 + y1, y0 − y1, −y1)}, into
   * {@code m[q + ξ·stride]}.
   */
  private static void outputGradientTile(float[] m, int q, int stride, float[] dy, int yi,
      int down, int right, boolean below) {
    FloatVector zero = FloatVector.zero(S);
    FloatVector y00 = FloatVector.fromArray(S, dy, yi);
    FloatVector y01 = right >= 0 ? FloatVector.fromArray(S, dy, yi + right) : zero;
    FloatVector y10 = below ? FloatVector.fromArray(S, dy, yi + down) : zero;
    FloatVector y11 = right >= 0 && below ? FloatVector.fromArray(S, dy, yi + down + right) : zero;
    FloatVector r0 = y00, r1 = y01; // row 0 of A·dY
    r0.intoArray(m, q);
    r0.add(r1).intoArray(m, q + stride);
    r0.sub(r1).intoArray(m, q + 2 * stride);
    r1.neg().intoArray(m, q + 3 * stride);
    r0 = y00.add(y10); // row 1
    r1 = y01.add(y11);
    r0.intoArray(m, q + 4 * stride);
    r0.add(r1).intoArray(m, q + 5 * stride);
    r0.sub(r1).intoArray(m, q + 6 * stride);
    r1.neg().intoArray(m, q + 7 * stride);
    r0 = y00.sub(y10); // row 2
    r1 = y01.sub(y11);
    r0.intoArray(m, q + 8 * stride);
    r0.add(r1).intoArray(m, q + 9 * stride);
    r0.sub(r1).intoArray(m, q + 10 * stride);
    r1.neg().intoArray(m, q + 11 * stride);
    r0 = y10.neg(); // row 3
    r1 = y11.neg();
    r0.intoArray(m, q + 12 * stride);
    r0.add(r1).intoArray(m, q + 13 * stride);
    r0.sub(r1).intoArray(m, q + 14 * stride);
    r1.neg().intoArray(m, q + 15 * stride);
  }

  /** {@link #outputGradientTile} for one filter, through the same operations. */
  private static void outputGradientTileOneChannel(float[] m, int q, int stride, float[] dy,
      int yi, int down, int right, boolean below) {
    float y00 = dy[yi];
    float y01 = right >= 0 ? dy[yi + right] : 0f;
    float y10 = below ? dy[yi + down] : 0f;
    float y11 = right >= 0 && below ? dy[yi + down + right] : 0f;
    spread(m, q, stride, 0, y00, y01);
    spread(m, q, stride, 4, y00 + y10, y01 + y11);
    spread(m, q, stride, 8, y00 - y10, y01 - y11);
    spread(m, q, stride, 12, -y10, -y11);
  }

  /** Row i of {@code r·Aᵀ} for one filter: {@code (r0, r0 + r1, r0 − r1, −r1)}. */
  private static void spread(float[] m, int q, int stride, int i, float r0, float r1) {
    m[q + i * stride] = r0;
    m[q + (i + 1) * stride] = r0 + r1;
    m[q + (i + 2) * stride] = r0 - r1;
    m[q + (i + 3) * stride] = -r1;
  }


  private static void checkShape(int h, int w, int in, int out, int pad) {
    if (h < 1 || w < 1 || in < 1 || out < 1) {
      throw new IllegalArgumentException("h, w, in and out must be >= 1, got " + h + ", " + w
          + ", " + in + " and " + out);
    }
    if (pad < 0 || pad > 2 || h + 2 * pad < 3 || w + 2 * pad < 3) {
      throw new IllegalArgumentException("Winograd F(2×2, 3×3) takes padding 0 to 2 and an input"
          + " at least 3×3 once padded, got padding " + pad + " on " + h + "×" + w);
    }
  }

  private static void checkFilters(float[][] u, float[] w, int in, int out) {
    if (u.length != POSITIONS) {
      throw new IllegalArgumentException("transformed filters must be 16 matrices, got " + u.length);
    }
    for (float[] matrix : u) {
      Gemm.checkLength("a transformed filter matrix", matrix, (long) in * out);
    }
    Gemm.checkLength("w", w, 9L * in * out);
  }
}
