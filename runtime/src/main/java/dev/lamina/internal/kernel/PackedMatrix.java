package dev.lamina.internal.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The B of products whose B does not change (an inference copy's weights), laid out once for
 * {@link Gemm}'s tiles: its column panels of 4 vectors (of 2 where the core has 16 vector
 * registers), then of 2, each copied k rows after another into 64-byte-aligned memory, as {@code
 * PackedPanel} copies one panel per product; the last columns, fewer than two vectors, are read
 * from a copy of B. {@link Gemm#matmul(float[], float[], PackedMatrix, int, int)} gives the bits
 * of the product with B itself, without copying a panel in each call: at batch 128, that copy was
 * about 8% of an inference pass of the bench's MLP.
 */
public final class PackedMatrix {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final long VECTOR_BYTES = (long) L * Float.BYTES;

  final int k;
  final int n;
  /** B itself, copied: changing the caller's array afterwards changes nothing here. */
  final float[] values;
  final int fourVectorPanels;
  final int twoVectorPanels;
  final MemorySegment panels;

  private PackedMatrix(float[] b, int k, int n) {
    this.k = k;
    this.n = n;
    this.values = java.util.Arrays.copyOf(b, k * n);
    this.fourVectorPanels = Gemm.FOUR_VECTOR_PANELS ? n / (4 * L) : 0;
    this.twoVectorPanels = (n - fourVectorPanels * 4 * L) / (2 * L);
    long bytes = (long) k * (fourVectorPanels * 4 + twoVectorPanels * 2) * VECTOR_BYTES;
    this.panels = Arena.ofAuto().allocate(Math.max(bytes, 1), PackedPanel.ALIGNMENT);
    for (int q = 0, j = 0; q < fourVectorPanels + twoVectorPanels; q++) {
      int vectors = q < fourVectorPanels ? 4 : 2;
      PackedPanel.copy(values, j, n, k, vectors, panels, offset(q, 0));
      j += vectors * L;
    }
  }

  /**
   * B (k × n, row-major, from offset 0) laid out for {@link Gemm}; {@code b} is copied, not kept.
   *
   * @throws IllegalArgumentException if k or n is not positive or b holds fewer than k·n floats
   */
  public static PackedMatrix of(float[] b, int k, int n) {
    java.util.Objects.requireNonNull(b, "b");
    if (k <= 0 || n <= 0 || (long) k * n > b.length) {
      throw new IllegalArgumentException("b must hold k × n floats with k, n > 0; got k = " + k
          + ", n = " + n + " and " + b.length + " floats");
    }
    return new PackedMatrix(b, k, n);
  }

  /** Rows of B: the length of each sum. */
  public int rows() {
    return k;
  }

  /** Columns of B, and of C. */
  public int columns() {
    return n;
  }

  /** Byte offset of row p of the q-th column panel (4-vector panels first, then 2-vector ones). */
  long offset(int q, int p) {
    long fourRow = 4 * VECTOR_BYTES;
    if (q < fourVectorPanels) {
      return ((long) q * k + p) * fourRow;
    }
    long twoRow = 2 * VECTOR_BYTES;
    return fourVectorPanels * k * fourRow + ((long) (q - fourVectorPanels) * k + p) * twoRow;
  }
}
