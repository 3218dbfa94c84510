package dev.lamina.internal.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A thread's copy of one column panel of B for {@link Gemm}'s tiles, in memory aligned to 64
 * bytes. A Java array's elements start wherever the collector last put it, so a 512-bit load from
 * one mostly spans two cache lines; on a core with full-width 512-bit units the 5×4 tile then ran
 * at 146–153 GFLOP/s, and at 185–214 from aligned data (AMD Zen 5, 2026-12-07). The copy
 * is made once per panel and read by every row block of A, so it costs a few percent of the
 * product where there are enough of them ({@code Gemm} copies for 32 rows of A or more); the
 * values, and so every result bit, are B's.
 */
final class PackedPanel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
  /** A cache line, and the widest vector. */
  static final long ALIGNMENT = 64;
  /** Room for the longest panel Gemm packs: sums past BLOCK_FROM terms go in shorter blocks. */
  private static final long CAPACITY = Gemm.BLOCK_FROM * Gemm.PANEL_ROW;

  /**
   * One buffer per platform thread, freed after the thread; a thread packs one panel at a time.
   * Virtual threads get none ({@link #available}): there may be a great many of them, and each
   * buffer is a quarter of the L2 outside the heap (256 KB of a 1 MB L2), freed only when the
   * collector finds its thread gone.
   */
  private static final ThreadLocal<MemorySegment> BUFFERS = ThreadLocal.withInitial(
      () -> Arena.ofAuto().allocate(CAPACITY, ALIGNMENT));

  private PackedPanel() {}

  /** Whether the calling thread may pack: platform threads may, virtual threads read in place. */
  static boolean available() {
    return !Thread.currentThread().isVirtual();
  }

  /**
   * Copies {@code rows} rows of {@code vectors} (2 or 4) vectors from b, row p starting at
   * {@code b[first + p·ldb]}, into this thread's buffer, row after row with no gap, and returns
   * the buffer. The buffer is overwritten by the thread's next call.
   */
  static MemorySegment pack(float[] b, int first, int ldb, int rows, int vectors) {
    if ((vectors != 2 && vectors != 4) || (long) rows * vectors * L * Float.BYTES > CAPACITY) {
      throw new IllegalArgumentException("a panel is " + Gemm.BLOCK_FROM + " rows of the main"
          + " tile's width at most, in 2 or 4 vectors; got " + rows + " rows of " + vectors);
    }
    MemorySegment panel = BUFFERS.get();
    copy(b, first, ldb, rows, vectors, panel, 0);
    return panel;
  }

  /**
   * Copies {@code rows} rows of {@code vectors} (2 or 4) vectors from b, row p starting at
   * {@code b[first + p·ldb]}, into {@code into} from byte {@code at}, row after row with no gap:
   * the layout Gemm's packed tiles read ({@link PackedMatrix} lays its panels out with it too).
   */
  static void copy(float[] b, int first, int ldb, int rows, int vectors, MemorySegment into,
      long at) {
    long v = (long) L * Float.BYTES;
    // A loop per width, so that each row is straight-line loads and stores.
    if (vectors == 4) {
      for (int p = 0, from = first; p < rows; p++, from += ldb) {
        long to = at + p * 4 * v;
        FloatVector.fromArray(S, b, from).intoMemorySegment(into, to, NATIVE);
        FloatVector.fromArray(S, b, from + L).intoMemorySegment(into, to + v, NATIVE);
        FloatVector.fromArray(S, b, from + 2 * L).intoMemorySegment(into, to + 2 * v, NATIVE);
        FloatVector.fromArray(S, b, from + 3 * L).intoMemorySegment(into, to + 3 * v, NATIVE);
      }
    } else {
      for (int p = 0, from = first; p < rows; p++, from += ldb) {
        long to = at + p * 2 * v;
        FloatVector.fromArray(S, b, from).intoMemorySegment(into, to, NATIVE);
        FloatVector.fromArray(S, b, from + L).intoMemorySegment(into, to + v, NATIVE);
      }
    }
  }
}
