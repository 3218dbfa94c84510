package dev.lamina.internal.kernel;

import dev.lamina.nn.Seeds;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dropout's Bernoulli masks from a counter-based hash: whether element {@code i} of a layer's
 * output is kept in a step depends only on (step key, i). Masks are therefore the same whatever
 * the thread split, can be drawn 16 lanes at a time, and need no generator state.
 */
public final class Bernoulli {
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

  private Bernoulli() {}

  /** The key for one layer in one step, from the step's mask seed. */
  public static int layerKey(long stepSeed, int layerIndex) {
    return (int) Seeds.derive(stepSeed, layerIndex);
  }

  /**
   * Whether element {@code counter} is kept: the scalar definition of the mask. {@code threshold}
   * is {@link dev.lamina.nn.LayerSpec#keepThreshold()}.
   */
  public static boolean keep(int key, int counter, int threshold) {
    return (hash(key, counter) >>> 8) < threshold;
  }

  /**
   * The vector form of {@link #keep}, as the dropout factors it gives: {@code mask[offset + t] =
   * kept} if element {@code first + t} is kept, else 0, for each lane t of the preferred species.
   *
   * <p>It stores the factors instead of returning a mask: a {@code VectorMask} returned from a call
   * that C2 does not inline (it stops inlining once a compilation is big, as a generated pass that
   * has inlined a Gemm call is) becomes a heap object on every call. Its body calls nothing but
   * Vector API intrinsics, for the same reason.
   */
  public static void mask(float[] mask, int offset, int key, int first, int threshold, float kept) {
    IntVector h = IntVector.zero(INTS).addIndex(1).add(first)
        .mul(0x9E3779B9).add(key);
    h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16)).mul(0x85EBCA6B);
    h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 13)).mul(0xC2B2AE35);
    h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16));
    VectorMask<Float> keep =
        h.lanewise(VectorOperators.LSHR, 8).compare(VectorOperators.LT, threshold).cast(FLOATS);
    FloatVector.zero(FLOATS).blend(kept, keep).intoArray(mask, offset);
  }

  /**
   * MurmurHash3's 32-bit finalizer over a Weyl sequence of the counter: the counter-based hash
   * that dropout masks, {@link Noise} and augmentation's pixel noise draw from. Their vector forms
   * spell it out in the loop rather than call a vector form of it (see {@link #mask}).
   */
  public static int hash(int key, int counter) {
    int h = counter * 0x9E3779B9 + key;
    h = (h ^ (h >>> 16)) * 0x85EBCA6B;
    h = (h ^ (h >>> 13)) * 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
