package dev.lamina.augment;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Affine resampling with bilinear interpolation: output pixel (x, y) of every channel is the
 * source image sampled at {@code (a·x + b·y + c, d·x + e·y + f)}, with pixels outside the image
 * taking the fill value (the image is surrounded by fill, as in PyTorch's {@code grid_sample}
 * with zero padding). A sample at an integer position copies that pixel exactly, so flips and
 * whole-pixel shifts lose nothing.
 *
 * <p>The vector kernel runs over a channel's pixels as one flat run, 16 at a time on AVX-512,
 * with per-pixel coordinates from tables (so 28-wide rows leave no tails), and gathers the four
 * neighbours. The scalar {@link #reference} computes the identical formula, operation for
 * operation, and gives the same bits.
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
  /** Index maps of the four neighbours, one vector each. */
  private final int[] corners = new int[4 * LANES];

  Warp(ImageShape shape) {
    this.shape = shape;
    int plane = shape.plane();
    xs = new float[plane];
    ys = new float[plane];
    for (int p = 0; p < plane; p++) {
      xs[p] = p % shape.width();
      ys[p] = p / shape.width();
    }
  }

  /**
   * Writes the resampled image of {@code in} (at {@code inOffset}) to {@code out} (at {@code
   * outOffset}); {@code m} holds (a, b, c, d, e, f). The two must not overlap.
   */
  void apply(float[] out, int outOffset, float[] in, int inOffset, float[] m, float fill) {
    int plane = shape.plane();
    int w = shape.width();
    int h = shape.height();
    int bound = FLOATS.loopBound(plane);
    FloatVector ma = FloatVector.broadcast(FLOATS, m[0]);
    FloatVector md = FloatVector.broadcast(FLOATS, m[3]);
    for (int p = 0; p < bound; p += LANES) {
      FloatVector x = FloatVector.fromArray(FLOATS, xs, p);
      FloatVector y = FloatVector.fromArray(FLOATS, ys, p);
      // Clamping to [−2, size + 1] keeps the integer conversion in range and changes nothing:
      // every neighbour of a position beyond −1 or size is outside the image either way.
      FloatVector sx = x.fma(ma, y.fma(m[1], m[2])).max(-2f).min(w + 1f).add(2f);
      FloatVector sy = x.fma(md, y.fma(m[4], m[5])).max(-2f).min(h + 1f).add(2f);
      IntVector ix = (IntVector) sx.convert(VectorOperators.F2I, 0);
      IntVector iy = (IntVector) sy.convert(VectorOperators.F2I, 0);
      FloatVector fx = sx.sub((FloatVector) ix.convert(VectorOperators.I2F, 0));
      FloatVector fy = sy.sub((FloatVector) iy.convert(VectorOperators.I2F, 0));
      IntVector x0 = ix.sub(2);
      IntVector y0 = iy.sub(2);
      VectorMask<Integer> left = x0.compare(VectorOperators.GE, 0)
          .and(x0.compare(VectorOperators.LT, w));
      VectorMask<Integer> right = x0.compare(VectorOperators.GE, -1)
          .and(x0.compare(VectorOperators.LT, w - 1));
      VectorMask<Integer> top = y0.compare(VectorOperators.GE, 0)
          .and(y0.compare(VectorOperators.LT, h));
      VectorMask<Integer> bottom = y0.compare(VectorOperators.GE, -1)
          .and(y0.compare(VectorOperators.LT, h - 1));
      IntVector index = y0.mul(w).add(x0);
      VectorMask<Integer> m00 = left.and(top);
      VectorMask<Integer> m01 = right.and(top);
      VectorMask<Integer> m10 = left.and(bottom);
      VectorMask<Integer> m11 = right.and(bottom);
      // Lanes whose neighbour is outside keep index 0 (never read: the gather is masked).
      index.blend(0, m00.not()).intoArray(corners, 0);
      index.add(1).blend(0, m01.not()).intoArray(corners, LANES);
      index.add(w).blend(0, m10.not()).intoArray(corners, 2 * LANES);
      index.add(w + 1).blend(0, m11.not()).intoArray(corners, 3 * LANES);
      VectorMask<Float> f00 = m00.cast(FLOATS);
      VectorMask<Float> f01 = m01.cast(FLOATS);
      VectorMask<Float> f10 = m10.cast(FLOATS);
      VectorMask<Float> f11 = m11.cast(FLOATS);
      for (int ch = 0; ch < shape.channels(); ch++) {
        int base = inOffset + ch * plane;
        FloatVector v00 = FloatVector.fromArray(FLOATS, in, base, corners, 0, f00)
            .blend(fill, f00.not());
        FloatVector v01 = FloatVector.fromArray(FLOATS, in, base, corners, LANES, f01)
            .blend(fill, f01.not());
        FloatVector v10 = FloatVector.fromArray(FLOATS, in, base, corners, 2 * LANES, f10)
            .blend(fill, f10.not());
        FloatVector v11 = FloatVector.fromArray(FLOATS, in, base, corners, 3 * LANES, f11)
            .blend(fill, f11.not());
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
    float sx = Math.min(Math.max(Math.fma(x, m[0], Math.fma(y, m[1], m[2])), -2f), w + 1f) + 2f;
    float sy = Math.min(Math.max(Math.fma(x, m[3], Math.fma(y, m[4], m[5])), -2f), h + 1f) + 2f;
    int ix = (int) sx;
    int iy = (int) sy;
    float fx = sx - ix;
    float fy = sy - iy;
    int x0 = ix - 2;
    int y0 = iy - 2;
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
}
