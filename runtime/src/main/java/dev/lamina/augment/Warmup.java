package dev.lamina.augment;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the JIT early for the vector kernels an augmentation uses. Until it is compiled, Vector API
 * code runs hundreds of times slower than compiled code (every vector is an object): a 28×28
 * resampling takes milliseconds, and left alone the producer would reach the compile threshold
 * only after some six hundred real images. The JIT counts calls, so calls on an image of a single
 * vector reach the threshold for a fraction of that time. Each kernel is warmed once per JVM, on
 * throw-away data: results are unaffected. The compilation itself still takes its time.
 */
final class Warmup {
  /** Above the C2 threshold of tiered compilation (5,000 calls). */
  private static final int CALLS = 6000;
  private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

  private Warmup() {}

  static void kernels(Augmentation a) {
    if (a.geometric()) {
      once("warp", Warmup::warp);
    }
    if (a.brightnessP > 0 || a.contrastP > 0) {
      once("brightness-contrast", Warmup::brightnessContrast);
    }
    if (a.noiseP > 0) {
      once("noise", Warmup::noise);
    }
    if (a.clip) {
      once("clip", () -> {
        float[] v = values();
        for (int i = 0; i < CALLS; i++) {
          Pixels.clip(v, 0, v.length, 0.25f, 0.75f);
        }
      });
    }
    if (a.mixupP > 0) {
      once("blend", () -> {
        float[] v = values();
        float[] w = values();
        for (int i = 0; i < CALLS; i++) {
          Pixels.blend(v, 0, v, 0, w, 0, v.length, 0.75f);
        }
      });
    }
  }

  private static void once(String kernel, Runnable warm) {
    if (DONE.add(kernel)) {
      warm.run();
    }
  }

  private static void warp() {
    // A turn of 0.3 rad: not a whole-pixel map, so every call interpolates.
    ImageShape one = ImageShape.of(1, 1, Warp.LANES);
    Geometry g = new Geometry(one).affine(0.3, 1.1, 0.9, 0.25, 0);
    float[] map = new float[6];
    g.coefficients(map);
    Warp warp = new Warp(one);
    float[] in = values();
    float[] out = new float[in.length];
    for (int i = 0; i < CALLS; i++) {
      warp.apply(out, 0, in, 0, map, 0);
    }
  }

  private static void brightnessContrast() {
    float[] v = values();
    float[] lanes = new float[Warp.LANES];
    for (int i = 0; i < CALLS; i++) {
      float mean = Pixels.mean(v, 0, v.length, lanes);
      Pixels.scaleShift(v, 0, v.length, 1f, mean * 0f);
    }
  }

  private static void noise() {
    float[] v = values();
    int[] indices = new int[Warp.LANES];
    for (int i = 0; i < CALLS; i++) {
      PixelNoise.add(v, 0, v.length, i, 0f, indices);
    }
  }

  private static float[] values() {
    float[] v = new float[Warp.LANES];
    for (int i = 0; i < v.length; i++) {
      v[i] = i / (float) v.length;
    }
    return v;
  }
}
