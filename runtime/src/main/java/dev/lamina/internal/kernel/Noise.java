package dev.lamina.internal.kernel;

import dev.lamina.nn.Seeds;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gaussian noise from a counter-based hash, as {@link Bernoulli} draws dropout masks: the noise
 * on element {@code i} in a step depends only on (key, i), so it is the same for any thread split
 * and can be drawn 16 lanes at a time without generator state.
 *
 * <p>Each value is the sum of eight uniform bytes (two 32-bit hashes of the counter), centred and
 * scaled to the requested standard deviation: an Irwin–Hall distribution, bell-shaped, with mean 0
 * and exactly the requested variance, excess kurtosis −0.15, and tails cut at ±4.88 std (a normal
 * variable goes beyond that once in a million draws). It uses integer operations and one float
 * multiplication only — no log or cosine, whose vector and scalar forms can round differently —
 * so the vector lanes and the scalar tail give identical bits.
 */
public final class Noise {
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  /** The mean of a sum of eight bytes, each uniform on 0..255. */
  private static final int CENTRE = 1020;
  /** Its standard deviation: √(8 · (256² − 1) / 12). */
  static final double SUM_STD = Math.sqrt(8 * (256.0 * 256.0 - 1) / 12);

  private Noise() {}

  /** The key of layer {@code layerIndex}'s noise in one step, independent of its dropout key. */
  public static int layerKey(long stepSeed, int layerIndex) {
    return (int) Seeds.derive(Seeds.derive(stepSeed, "noise"), layerIndex);
  }

  /** The factor {@link #gaussian} takes for noise of standard deviation {@code std}. */
  public static float scale(double std) {
    return (float) (std / SUM_STD);
  }

  /** The noise on element {@code counter}: the scalar definition. {@code scale} is {@link #scale}. */
  public static float gaussian(int key, int counter, float scale) {
    int sum = byteSum(Bernoulli.hash(key, 2 * counter)) + byteSum(Bernoulli.hash(key, 2 * counter + 1));
    return (float) (sum - CENTRE) * scale;
  }

  /**
   * The vector form of {@link #gaussian}, added in place: {@code values[offset + t] += gaussian(key,
   * first + t, scale)} for each lane t of the preferred species.
   *
   * <p>It adds into the array instead of returning the noise as a vector: a vector returned from a
   * call that C2 does not inline (it stops inlining once a compilation is big, as a generated pass
   * is) becomes a heap object on every call. Its body calls nothing but Vector API intrinsics, for
   * the same reason, so the hash and byte sums of the two words are spelled out in the loop.
   */
  public static void addLanes(float[] values, int offset, int key, int first, float scale) {
    IntVector even = IntVector.zero(INTS).addIndex(1).add(first).mul(2);
    IntVector sum = IntVector.broadcast(INTS, -CENTRE);
    for (int word = 0; word < 2; word++) {
      // Bernoulli.hash of counter 2i + word on every lane, then its four bytes summed.
      IntVector h = even.add(word).mul(0x9E3779B9).add(key);
      h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16)).mul(0x85EBCA6B);
      h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 13)).mul(0xC2B2AE35);
      h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16));
      IntVector pairs = h.and(0x00FF00FF).add(h.lanewise(VectorOperators.LSHR, 8).and(0x00FF00FF));
      sum = sum.add(pairs.and(0xFFFF)).add(pairs.lanewise(VectorOperators.LSHR, 16));
    }
    FloatVector noise = ((FloatVector) sum.convert(VectorOperators.I2F, 0)).mul(scale);
    FloatVector.fromArray(FLOATS, values, offset).add(noise).intoArray(values, offset);
  }

  /** Adds noise to {@code values[from .. to − 1]}, element i getting {@code gaussian(key, i, scale)}. */
  public static void addGaussian(float[] values, int from, int to, int key, float scale) {
    int i = from;
    for (int bound = from + FLOATS.loopBound(to - from); i < bound; i += FLOATS.length()) {
      addLanes(values, i, key, i, scale);
    }
    for (; i < to; i++) {
      values[i] += gaussian(key, i, scale);
    }
  }

  /** The sum of a word's four bytes, 0..1020, by adding byte pairs in parallel. */
  private static int byteSum(int h) {
    int pairs = (h & 0x00FF00FF) + ((h >>> 8) & 0x00FF00FF);
    return (pairs & 0xFFFF) + (pairs >>> 16);
  }
}
