package dev.lamina.augment;

/**
 * A sample's geometric transforms as one affine map from an output pixel to the source position
 * it is sampled from: {@code source = (a·x + b·y + c, d·x + e·y + f)}, pixel centres at integer
 * coordinates. Each transform is added as its inverse, in the reverse of the order the image
 * goes through them (crop, then rotation and friends, then flips), so the image is resampled
 * once however many transforms a sample gets. Mutable and reused: it allocates nothing.
 */
final class Geometry {
  private final int height;
  private final int width;
  double a;
  double b;
  double c;
  double d;
  double e;
  double f;

  Geometry(ImageShape shape) {
    this.height = shape.height();
    this.width = shape.width();
    reset();
  }

  Geometry reset() {
    a = 1;
    b = 0;
    c = 0;
    d = 0;
    e = 1;
    f = 0;
    return this;
  }

  boolean isIdentity() {
    return a == 1 && b == 0 && c == 0 && d == 0 && e == 1 && f == 0;
  }

  /**
   * The output is the {@code cropHeight × cropWidth} window at ({@code top}, {@code left}) of the
   * image (coordinates may be negative or beyond the image: padding), resized to the image's size.
   */
  Geometry crop(int top, int left, int cropHeight, int cropWidth) {
    double sx = (double) cropWidth / width;
    double sy = (double) cropHeight / height;
    return then(sx, 0, left + 0.5 * sx - 0.5, 0, sy, top + 0.5 * sy - 0.5);
  }

  /**
   * The image turned by {@code radians} about its centre (clockwise on screen: y points down),
   * scaled by {@code scaleX} and {@code scaleY} about its centre, then shifted by ({@code shiftX},
   * {@code shiftY}) pixels.
   */
  Geometry affine(double radians, double scaleX, double scaleY, double shiftX, double shiftY) {
    double cx = (width - 1) / 2.0;
    double cy = (height - 1) / 2.0;
    double cos = StrictMath.cos(radians);
    double sin = StrictMath.sin(radians);
    // Forward: p' = centre + shift + R·S·(p − centre).
    // Inverse: p = centre + S⁻¹·R⁻¹·(p' − centre − shift).
    double ia = cos / scaleX;
    double ib = sin / scaleX;
    double id = -sin / scaleY;
    double ie = cos / scaleY;
    double ox = -cx - shiftX;
    double oy = -cy - shiftY;
    return then(ia, ib, ia * ox + ib * oy + cx, id, ie, id * ox + ie * oy + cy);
  }

  /** The image mirrored left–right ({@code horizontal}) and/or upside down ({@code vertical}). */
  Geometry flip(boolean horizontal, boolean vertical) {
    return then(horizontal ? -1 : 1, 0, horizontal ? width - 1 : 0,
        0, vertical ? -1 : 1, vertical ? height - 1 : 0);
  }

  /** Follows the current map by {@code (na·x + nb·y + nc, nd·x + ne·y + nf)}. */
  private Geometry then(double na, double nb, double nc, double nd, double ne, double nf) {
    double a2 = na * a + nb * d;
    double b2 = na * b + nb * e;
    double c2 = na * c + nb * f + nc;
    double d2 = nd * a + ne * d;
    double e2 = nd * b + ne * e;
    double f2 = nd * c + ne * f + nf;
    a = a2;
    b = b2;
    c = c2;
    d = d2;
    e = e2;
    f = f2;
    return this;
  }

  /** The map as six floats (a, b, c, d, e, f) for {@link Warp}. */
  void coefficients(float[] out) {
    out[0] = (float) a;
    out[1] = (float) b;
    out[2] = (float) c;
    out[3] = (float) d;
    out[4] = (float) e;
    out[5] = (float) f;
  }
}
