package dev.lamina.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The data movement of merges in generated networks: adding one gradient into another, and
 * placing runs side by side (a concatenation, along the channels of each pixel or the features of
 * each row) and back. Each call covers a range of runs, so a team of threads can split a batch.
 */
public final class Merges {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private Merges() {}

  /** dst[i] += src[i] for i in from..to-1: a second reader's gradient added to the first's. */
  public static void addInto(float[] dst, float[] src, int from, int to) {
    int i = from;
    for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
      FloatVector.fromArray(S, dst, i).add(FloatVector.fromArray(S, src, i)).intoArray(dst, i);
    }
    for (; i < to; i++) {
      dst[i] += src[i];
    }
  }

  /**
   * Copies runs r0..r1-1 of {@code src}, {@code run} values each, into the same runs of {@code
   * dst}, whose runs are {@code dstRun} long, starting {@code offset} into each.
   */
  public static void place(float[] dst, int dstRun, int offset, float[] src, int run, int r0,
      int r1) {
    for (int r = r0; r < r1; r++) {
      System.arraycopy(src, r * run, dst, r * dstRun + offset, run);
    }
  }

  /**
   * The reverse of {@link #place}: values {@code offset..offset+run-1} of each run r0..r1-1 of
   * {@code src} ({@code srcRun} long) into {@code dst}, copied or, with {@code add}, added.
   */
  public static void take(float[] dst, int run, float[] src, int srcRun, int offset, int r0,
      int r1, boolean add) {
    for (int r = r0; r < r1; r++) {
      if (add) {
        addInto(dst, r * run, src, r * srcRun + offset, run);
      } else {
        System.arraycopy(src, r * srcRun + offset, dst, r * run, run);
      }
    }
  }

  private static void addInto(float[] dst, int at, float[] src, int from, int count) {
    int i = 0;
    for (int bound = S.loopBound(count); i < bound; i += S.length()) {
      FloatVector.fromArray(S, dst, at + i).add(FloatVector.fromArray(S, src, from + i))
          .intoArray(dst, at + i);
    }
    for (; i < count; i++) {
      dst[at + i] += src[from + i];
    }
  }
}
