package dev.lamina.augment;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Affine resampling with bilinear interpolation: output pixel (x, y) of every channel is the
 * source image sampled at {@code (a·x + b·y + c, d·x + e·y + f)}, with pixels outside the image
 * taking the fill value (the image is surrounded by fill, as in PyTorch's {@code grid_sample}
 * with zero padding). A sample at an integer position copies that pixel exactly, so flips and
 * whole-pixel shifts lose nothing; those maps take a row-copying shortcut.
 *
 * <p>The vector kernel copies each channel into a buffer with a border of fill (so no neighbour
 * needs a bounds test or a mask), runs over a channel's pixels as one flat run, 16 at a time on
 * AVX-512, with per-pixel coordinates from tables (28-wide rows leave no tails), and gathers the
 * four neighbours through one index map. The scalar {@link #reference} computes the identical
 * formula and gives the same bits.
 */
final class Warp {
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  static final int LANES = FLOATS.length();

  static {
    if (INTS.length() != LANES) {
      throw new AssertionError("float and int species differ: " + FLOATS + ", " + INTS);
    }
  }

  private final ImageShape shape;
  /** Column and row of each pixel of a channel, as floats. */
  private final float[] xs;
  private final float[] ys;
  /** Each channel with one row and column of fill before it and two after: (h + 3) × (w + 3). */
  private final float[] padded;
  private final int paddedWidth;
  private final int paddedPlane;
  private float border = Float.NaN;
  /** The index map of the top-left neighbours of one vector of pixels. */
  private final int[] corners = new int[LANES];

  Warp(ImageShape shape) {
    this.shape = shape;
    int plane = shape.plane();
    xs = new float[plane];
    ys = new float[plane];
    for (int p = 0; p < plane; p++) {
      xs[p] = p % shape.width();
      ys[p] = p / shape.width();
    }
    paddedWidth = shape.width() + 3;
    paddedPlane = (shape.height() + 3) * paddedWidth;
    padded = new float[shape.channels() * paddedPlane];
  }

  /**
   * Writes the resampled image of {@code in} (at {@code inOffset}) to {@code out} (at {@code
   * outOffset}); {@code m} holds (a, b, c, d, e, f). The two must not overlap.
   */
  void apply(float[] out, int outOffset, float[] in, int inOffset, float[] m, float fill) {
    if (isWholePixelMap(m)) {
      copyRows(out, outOffset, in, inOffset, (int) m[0], (int) m[2], (int) m[4], (int) m[5], fill);
    } else {
      pad(in, inOffset, fill);
      interpolate(out, outOffset, in, inOffset, m, fill);
    }
  }

  /**
   * The vector kernel over {@link #padded}. A method of its own, so that the JIT compiles it on
   * its own merits: inside {@link #apply}, a run of flips only would leave it profiled as never
   * taken.
   */
  private void interpolate(float[] out, int outOffset, float[] in, int inOffset, float[] m,
      float fill) {
    int plane = shape.plane();
    int w = shape.width();
    int h = shape.height();
    int pw = paddedWidth;
    int bound = FLOATS.loopBound(plane);
    FloatVector ma = FloatVector.broadcast(FLOATS, m[0]);
    FloatVector md = FloatVector.broadcast(FLOATS, m[3]);
    for (int p = 0; p < bound; p += LANES) {
      FloatVector x = FloatVector.fromArray(FLOATS, xs, p);
      FloatVector y = FloatVector.fromArray(FLOATS, ys, p);
      // Clamping to [−1, size] changes nothing: beyond it both neighbours are fill, and at it
      // the weight of the inner one is 0. Adding 1 makes the position its padded coordinate.
      FloatVector sx = x.fma(ma, y.fma(m[1], m[2])).max(-1f).min(w).add(1f);
      FloatVector sy = x.fma(md, y.fma(m[4], m[5])).max(-1f).min(h).add(1f);
      IntVector ix = (IntVector) sx.convert(VectorOperators.F2I, 0);
      IntVector iy = (IntVector) sy.convert(VectorOperators.F2I, 0);
      FloatVector fx = sx.sub((FloatVector) ix.convert(VectorOperators.I2F, 0));
      FloatVector fy = sy.sub((FloatVector) iy.convert(VectorOperators.I2F, 0));
      iy.mul(pw).add(ix).intoArray(corners, 0);
      for (int ch = 0; ch < shape.channels(); ch++) {
        int base = ch * paddedPlane;
        FloatVector v00 = FloatVector.fromArray(FLOATS, padded, base, corners, 0);
        FloatVector v01 = FloatVector.fromArray(FLOATS, padded, base + 1, corners, 0);
        FloatVector v10 = FloatVector.fromArray(FLOATS, padded, base + pw, corners, 0);
        FloatVector v11 = FloatVector.fromArray(FLOATS, padded, base + pw + 1, corners, 0);
        FloatVector upper = fx.fma(v01.sub(v00), v00);
        FloatVector lower = fx.fma(v11.sub(v10), v10);
        fy.fma(lower.sub(upper), upper).intoArray(out, outOffset + ch * plane + p);
      }
    }
    for (int p = bound; p < plane; p++) {
      for (int ch = 0; ch < shape.channels(); ch++) {
        out[outOffset + ch * plane + p] =
            pixel(in, inOffset + ch * plane, xs[p], ys[p], m, fill, w, h);
      }
    }
  }

  /** The scalar definition: the same result as {@link #apply}, bit for bit. */
  static void reference(float[] out, int outOffset, float[] in, int inOffset, ImageShape shape,
      float[] m, float fill) {
    int plane = shape.plane();
    for (int ch = 0; ch < shape.channels(); ch++) {
      for (int p = 0; p < plane; p++) {
        out[outOffset + ch * plane + p] = pixel(in, inOffset + ch * plane, p % shape.width(),
            p / shape.width(), m, fill, shape.width(), shape.height());
      }
    }
  }

  private static float pixel(float[] in, int base, float x, float y, float[] m, float fill,
      int w, int h) {
    float sx = Math.min(Math.max(Math.fma(x, m[0], Math.fma(y, m[1], m[2])), -1f), w) + 1f;
    float sy = Math.min(Math.max(Math.fma(x, m[3], Math.fma(y, m[4], m[5])), -1f), h) + 1f;
    int ix = (int) sx;
    int iy = (int) sy;
    float fx = sx - ix;
    float fy = sy - iy;
    int x0 = ix - 1;
    int y0 = iy - 1;
    float v00 = at(in, base, x0, y0, w, h, fill);
    float v01 = at(in, base, x0 + 1, y0, w, h, fill);
    float v10 = at(in, base, x0, y0 + 1, w, h, fill);
    float v11 = at(in, base, x0 + 1, y0 + 1, w, h, fill);
    float upper = Math.fma(fx, v01 - v00, v00);
    float lower = Math.fma(fx, v11 - v10, v10);
    return Math.fma(fy, lower - upper, upper);
  }

  private static float at(float[] in, int base, int x, int y, int w, int h, float fill) {
    return x >= 0 && x < w && y >= 0 && y < h ? in[base + y * w + x] : fill;
  }

  /** Whether the map only mirrors and shifts by whole pixels: x′ = ±x + c, y′ = ±y + f. */
  private static boolean isWholePixelMap(float[] m) {
    return m[1] == 0 && m[3] == 0 && Math.abs(m[0]) == 1 && Math.abs(m[4]) == 1
        && m[2] == Math.rint(m[2]) && m[5] == Math.rint(m[5]);
  }

  /**
   * The whole-pixel maps as row copies: output row y is source row e·y + f, read forwards (a = 1)
   * or backwards (a = −1) from column c; the same values the interpolation gives (its weights
   * are 0 and 1), without the gathers.
   */
  private void copyRows(float[] out, int outOffset, float[] in, int inOffset, int a, int c, int e,
      int f, float fill) {
    int w = shape.width();
    int h = shape.height();
    for (int ch = 0; ch < shape.channels(); ch++) {
      int source = inOffset + ch * shape.plane();
      for (int y = 0; y < h; y++) {
        int row = outOffset + ch * shape.plane() + y * w;
        int sy = e * y + f;
        if (sy < 0 || sy >= h) {
          Arrays.fill(out, row, row + w, fill);
          continue;
        }
        // Output columns whose source column a·x + c lies in [0, w).
        int first = a == 1 ? Math.max(0, -c) : Math.max(0, c - w + 1);
        int last = a == 1 ? Math.min(w, w - c) : Math.min(w, c + 1);
        if (first >= last) {
          Arrays.fill(out, row, row + w, fill);
          continue;
        }
        Arrays.fill(out, row, row + first, fill);
        Arrays.fill(out, row + last, row + w, fill);
        int from = source + sy * w;
        if (a == 1) {
          System.arraycopy(in, from + first + c, out, row + first, last - first);
        } else {
          for (int x = first; x < last; x++) {
            out[row + x] = in[from + c - x];
          }
        }
      }
    }
  }

  /** Copies each channel into the middle of {@link #padded}; refills the border if fill changed. */
  private void pad(float[] in, int inOffset, float fill) {
    if (Float.floatToRawIntBits(fill) != Float.floatToRawIntBits(border)) {
      Arrays.fill(padded, fill);
      border = fill;
    }
    int w = shape.width();
    for (int ch = 0; ch < shape.channels(); ch++) {
      int source = inOffset + ch * shape.plane();
      int target = ch * paddedPlane + paddedWidth + 1;
      for (int y = 0; y < shape.height(); y++) {
        System.arraycopy(in, source + y * w, padded, target + y * paddedWidth, w);
      }
    }
  }
}
