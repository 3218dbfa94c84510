package dev.lamina.nn;

/**
 * Splits one seed into independent seeds per purpose, so that adding a use of randomness in one
 * place never shifts the random numbers of another (init, dropout masks, shuffling...).
 */
public final class Seeds {
  private Seeds() {}

  /**
   * A seed for {@code purpose} derived from {@code seed}; the same inputs give the same seed.
   *
   * @param seed the parent seed
   * @param purpose what the seed is for, e.g. {@code "dropout"}
   * @return the derived seed
   */
  public static long derive(long seed, String purpose) {
    long h = seed;
    for (int i = 0; i < purpose.length(); i++) {
      h = mix(h + purpose.charAt(i));
    }
    return mix(h ^ purpose.length());
  }

  /**
   * A seed for the {@code index}-th item of a sequence (a step, a layer, an ensemble member).
   *
   * @param seed the parent seed
   * @param index the item's index
   * @return the derived seed
   */
  public static long derive(long seed, long index) {
    return mix(mix(seed) + index);
  }

  /**
   * SplitMix64's finalizer: a bijective avalanche of all 64 bits.
   *
   * @param z any value
   * @return the mixed value
   */
  public static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
