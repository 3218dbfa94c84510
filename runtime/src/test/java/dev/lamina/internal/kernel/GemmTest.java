package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Gemm against GemmReference (values, with an explicit tolerance) and against an fma chain in
 * increasing order (bits: the determinism contract), on every tail shape and the MLP's shapes.
 */
class GemmTest {
  private static final int[] TAIL_ROWS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  private static final int[] TAIL_N = {1, 10, 16, 17, 32, 48, 63, 64, 65, 96, 130, 273};
  private static final int[] TAIL_K = {1, 3, 784};
  /** (batch, in, out) of the MLP 784-256-128-10, training and single-sample inference. */
  private static final int[][] MLP = {{128, 784, 256}, {128, 256, 128}, {128, 128, 10}, {1, 784, 256}};

  private enum Op { MATMUL, TRANS_A, TRANS_B, PACKED }

  @Test
  void matmulOnEveryTailShape() {
    for (int rows : TAIL_ROWS) {
      for (int n : TAIL_N) {
        for (int k : TAIL_K) {
          check(Op.MATMUL, rows, k, n);
        }
      }
    }
  }

  @Test
  void matmulTransAOnEveryTailShape() {
    // Rows of C are k here, so k takes the tail values too.
    for (int k : TAIL_ROWS) {
      for (int n : TAIL_N) {
        for (int rows : TAIL_K) {
          check(Op.TRANS_A, rows, k, n);
        }
      }
    }
  }

  @Test
  void matmulTransAOntoGoesOnWithTheSameChainAsOneProduct() {
    // Rows 0..r-1 of A and B, then rows r.. added onto C: the same bits as one product over all.
    Random random = new Random(17);
    for (int k : new int[] {3, 32, 37}) {
      for (int n : new int[] {20, 64}) {
        int rows = 101;
        float[] a = randomMatrix(random, rows * k);
        float[] b = randomMatrix(random, rows * n);
        float[] whole = new float[k * n];
        Gemm.matmulTransA(whole, a, b, rows, k, n, 0, k);
        float[] parts = new float[k * n];
        Gemm.matmulTransA(parts, a, 0, b, 0, 40, k, n, 0, k);
        Gemm.matmulTransAOnto(parts, a, 40, b, 40, 7, k, n, 0, k / 2);
        Gemm.matmulTransAOnto(parts, a, 40, b, 40, 7, k, n, k / 2, k);
        Gemm.matmulTransAOnto(parts, a, 47, b, 47, rows - 47, k, n, 0, k);
        assertArrayEquals(whole, parts, "k " + k + ", n " + n);
      }
    }
  }

  @Test
  void matmulTransBOnEveryTailShape() {
    // C is (rows, k): k takes the column-tail values, n (summed) the lengths.
    for (int rows : TAIL_ROWS) {
      for (int k : TAIL_N) {
        for (int n : TAIL_K) {
          check(Op.TRANS_B, rows, k, n);
        }
      }
    }
  }

  @Test
  void mlpShapes() {
    for (int[] s : MLP) {
      int batch = s[0];
      int in = s[1];
      int out = s[2];
      check(Op.MATMUL, batch, in, out); // Y = X·W: X (batch, in), W (in, out)
      check(Op.TRANS_A, batch, in, out); // dW = Xᵀ·dY: (in, out)
      check(Op.TRANS_B, batch, in, out); // dX = dY·Wᵀ: dY (batch, out), W (in, out)
    }
  }

  /**
   * Sums over more than 1024 terms go in blocks, C stored and loaded between them: still the one
   * chain per element, on every kind of tile (rows 2 to 11, tails of columns) and all three
   * products.
   */
  @Test
  void longSumsInBlocksAreTheSameChain() {
    for (int rows : new int[] {2, 3, 4, 5, 9, 11}) {
      for (int n : new int[] {17, 48, 65}) {
        check(Op.MATMUL, rows, 1537, n);
        check(Op.TRANS_B, rows, n, 1025); // dX: the sum runs over the 1025 columns of dY
      }
    }
    check(Op.TRANS_A, 1100, 9, 70); // dW: the sum runs over 1100 rows
    check(Op.MATMUL, 1, 2049, 300); // one to three rows: W read whole, never in blocks
    check(Op.MATMUL, 2, 2049, 300);
    check(Op.MATMUL, 3, 1100, 400);
    check(Op.MATMUL, 20, 4096, 64);
    for (int rows = 4; rows <= 9; rows++) {
      // a few rows: the first block in groups of 2 and 3 rows, the next ones through panels
      check(Op.MATMUL, rows, 1537, 300);
    }
  }

  /**
   * Two vectors of columns (a layer of 32 filters on AVX-512, 16 on AVX2) with every count of
   * rows from 1 to 33: 10×2, 5×2, 4×2 and 1×2 tiles in every mix, with one more vector, a
   * partial one, or both beside them; short sums (a 3×3 window of one channel) and long ones
   * summed in blocks (the `more` path, C loaded back between blocks).
   */
  @Test
  void twoVectorPanelsOnEveryRowCount() {
    int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
    int[] widths = {2 * lanes, 2 * lanes + 3, 3 * lanes, 6 * lanes + 5};
    for (int rows = 1; rows <= 33; rows++) {
      for (int n : widths) {
        check(Op.MATMUL, rows, 9, n);
        check(Op.TRANS_A, 37, rows, n); // dW: its rows are the patch (9 for a 3×3 window)
        check(Op.TRANS_B, rows, n, 5);
      }
    }
    for (int rows : new int[] {10, 14, 20, 23, 29}) {
      check(Op.MATMUL, rows, 1300, 2 * lanes);
      check(Op.MATMUL, rows, 1100, 2 * lanes + 1);
      check(Op.TRANS_B, rows, 2 * lanes, 1025);
    }
    check(Op.TRANS_A, 1100, 10, 2 * lanes);
    check(Op.TRANS_A, 1030, 29, 2 * lanes);
  }

  /**
   * 32 rows or more copy each panel of B into an aligned buffer, fewer read it in place: both
   * sides of that line, on every column tail, short and blocked sums, and the weight gradient.
   */
  @Test
  void alignedCopiesAndInPlacePanelsGiveTheSameChains() {
    for (int rows : new int[] {31, 32, 33, 37, 64}) {
      for (int n : TAIL_N) {
        check(Op.MATMUL, rows, 9, n);
        check(Op.MATMUL, rows, 1537, n);
        check(Op.TRANS_A, 45, rows, n);
        check(Op.TRANS_B, rows, n, 40);
      }
    }
  }

  /** A virtual thread reads B in place (it gets no aligned buffer): the same chains. */
  @Test
  void aVirtualThreadGivesTheSameChains() throws InterruptedException {
    Throwable[] failure = new Throwable[1];
    Thread thread = Thread.ofVirtual().start(() -> {
      try {
        check(Op.MATMUL, 64, 784, 273);
        check(Op.TRANS_A, 45, 64, 130);
      } catch (Throwable t) {
        failure[0] = t;
      }
    });
    thread.join();
    if (failure[0] != null) {
      throw new AssertionError(failure[0]);
    }
  }

  /**
   * B laid out once (an inference copy's weights): the same chains as the product that copies
   * its panels, for row counts on both sides of the 4-row line, every column tail (4-, 2-, 1-
   * vector and partial panels), and short and blocked sums.
   */
  @Test
  void packedMatricesGiveTheSameChains() {
    for (int rows : new int[] {1, 3, 4, 5, 7, 8, 31, 32, 64, 128}) {
      for (int n : TAIL_N) {
        for (int k : new int[] {9, 784, 1537}) {
          check(Op.PACKED, rows, k, n);
        }
      }
    }
    Problem p = new Problem(Op.PACKED, 70, 300, 273, 5);
    float[] rowsApart = new float[70 * 273];
    p.runInto(rowsApart, 0, 33);
    p.runInto(rowsApart, 33, 70);
    assertBitsEqual(p.fmaChain(), rowsApart, "packed B, rows 0..33 and 33..70");
  }

  /** Long sums go in blocks sized from the L2: a main panel of the block fills an eighth of it. */
  @Test
  void sumBlocksFollowTheL2() {
    long fourVectors = 4 * 16 * Float.BYTES; // a row of a 4-vector panel of 512-bit vectors
    assertEquals(512, Gemm.sumBlock(1 << 20, fourVectors)); // 128 KB of a 1 MB L2
    assertEquals(1024, Gemm.sumBlock(2 << 20, fourVectors));
    assertEquals(256, Gemm.sumBlock(512 << 10, fourVectors));
    assertEquals(128, Gemm.sumBlock(64 << 10, fourVectors)); // never fewer than 128 rows
    assertEquals(2048, Gemm.sumBlock(32 << 20, fourVectors)); // nor more than 2048
    assertEquals(2048, Gemm.sumBlock(1 << 20, 2 * 8 * Float.BYTES)); // AVX2's 2-vector panels
  }

  /** The block a long sum is cut in changes no bit: C is stored and loaded back between them. */
  @Test
  void everySumBlockGivesTheSameChains() {
    for (int kc : new int[] {128, 256, 512, 1024}) {
      for (int rows : new int[] {5, 33, 64}) {
        for (int n : new int[] {17, 65, 256}) {
          Problem p = new Problem(Op.MATMUL, rows, 2500, n, 11L * kc + rows + n);
          float[] c = new float[rows * n];
          Gemm.matmulInBlocksOf(kc, c, p.a(), p.b(), 2500, n, 0, rows);
          assertBitsEqual(p.fmaChain(), c, "blocks of " + kc + ", " + p.shape());
        }
      }
    }
  }

  /** A packed matrix keeps its own copy: changing B afterwards changes no product. */
  @Test
  void packedMatrixIgnoresLaterChangesToB() {
    Random random = new Random(3);
    float[] a = randomMatrix(random, 40 * 20);
    float[] b = randomMatrix(random, 20 * 70);
    float[] expected = new float[40 * 70];
    Gemm.matmul(expected, a, b, 20, 70, 0, 40);
    PackedMatrix packed = PackedMatrix.of(b, 20, 70);
    java.util.Arrays.fill(b, 7f);
    for (int rows : new int[] {40, 3}) { // panels, and B read in place
      float[] c = new float[40 * 70];
      Gemm.matmul(c, a, packed, 0, rows);
      assertArrayEquals(java.util.Arrays.copyOf(expected, rows * 70),
          java.util.Arrays.copyOf(c, rows * 70));
    }
  }

  @Test
  void emptySumGivesZeros() {
    check(Op.MATMUL, 7, 0, 65);
    check(Op.TRANS_A, 0, 7, 65);
  }

  @Test
  void splittingRowsGivesIdenticalBits() {
    Random random = new Random(11);
    int[][] shapes = {{128, 784, 256}, {37, 13, 130}, {23, 65, 10}, {64, 128, 17}};
    for (int[] s : shapes) {
      for (Op op : Op.values()) {
        Problem p = new Problem(op, s[0], s[1], s[2], 5);
        float[] whole = p.run(0, p.outRows());
        for (int trial = 0; trial < 5; trial++) {
          float[] pieces = new float[whole.length];
          int r = 0;
          while (r < p.outRows()) {
            int end = Math.min(p.outRows(), r + 1 + random.nextInt(trial == 0 ? 1 : 12));
            p.runInto(pieces, r, end);
            r = end;
          }
          assertBitsEqual(whole, pieces, op + " " + p.shape() + " split trial " + trial);
        }
      }
    }
  }

  @Test
  void leavesRowsOutsideTheRangeUntouched() {
    for (Op op : Op.values()) {
      Problem p = new Problem(op, 23, 40, 70, 3);
      int from = 6;
      int to = 18;
      float[] c = new float[p.outRows() * p.outCols()];
      java.util.Arrays.fill(c, Float.NaN);
      p.runInto(c, from, to);
      float[] expected = p.fmaChain();
      for (int i = 0; i < p.outRows(); i++) {
        for (int j = 0; j < p.outCols(); j++) {
          int at = i * p.outCols() + j;
          if (i >= from && i < to) {
            assertEquals(Float.floatToRawIntBits(expected[at]), Float.floatToRawIntBits(c[at]),
                op + " row " + i + " col " + j + " inside the range");
          } else if (!Float.isNaN(c[at])) {
            fail(op + " wrote row " + i + " col " + j + " outside [" + from + ", " + to + ")");
          }
        }
      }
    }
  }

  @Test
  void transposeMatchesReference() {
    int[][] shapes = {
      {1, 1}, {3, 17}, {17, 3}, {16, 16}, {48, 32}, {784, 256}, {33, 130}, {128, 10}
    };
    for (int[] s : shapes) {
      float[] src = randomMatrix(new Random(s[0] * 31 + s[1]), s[0] * s[1]);
      float[] expected = new float[src.length];
      float[] actual = new float[src.length];
      GemmReference.transpose(expected, src, s[0], s[1]);
      Gemm.transpose(actual, src, s[0], s[1]);
      assertArrayEquals(expected, actual, s[0] + "x" + s[1]);
    }
  }

  @Test
  void transposeInColumnRangesMakesTheWhole() {
    int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
    int[][] shapes = {{3, 17}, {17, 3}, {48, 32}, {256, 128}, {33, 130}, {128, 10}};
    for (int[] s : shapes) {
      float[] src = randomMatrix(new Random(s[0] * 7 + s[1]), s[0] * s[1]);
      float[] expected = new float[src.length];
      GemmReference.transpose(expected, src, s[0], s[1]);
      for (int parts = 1; parts <= 3; parts++) {
        float[] actual = new float[src.length];
        int vectors = (s[1] + lanes - 1) / lanes;
        for (int part = 0; part < parts; part++) {
          int j0 = Math.min(s[1], vectors * part / parts * lanes);
          int j1 = Math.min(s[1], vectors * (part + 1) / parts * lanes);
          Gemm.transpose(actual, src, s[0], s[1], j0, j1);
        }
        assertArrayEquals(expected, actual, s[0] + "x" + s[1] + " in " + parts + " parts");
      }
    }
    float[] m = new float[48 * 32];
    assertThrows(IllegalArgumentException.class, () -> Gemm.transpose(m, m, 48, 32, 1, 32));
  }

  @Test
  void rejectsBadArguments() {
    float[] m = new float[16];
    assertThrows(IllegalArgumentException.class, () -> Gemm.matmul(m, m, m, 4, 4, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> Gemm.matmul(m, m, m, 4, 4, 0, 5));
    assertThrows(IllegalArgumentException.class,
        () -> Gemm.matmulTransA(m, m, m, 4, 4, 4, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> Gemm.transpose(m, m, 5, 4));
    IllegalArgumentException tooShort =
        assertThrows(IllegalArgumentException.class, () -> PackedMatrix.of(m, 4, 5));
    assertEquals("b must hold k × n floats with k, n > 0; got k = 4, n = 5 and 16 floats",
        tooShort.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Gemm.matmul(m, m, PackedMatrix.of(m, 4, 4), 0, 5));
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * One check: Gemm over all rows against GemmReference within 1e-5·sqrt(len)·max(1, |ref|), and
   * bit for bit against the increasing-order fma chain. Prints the largest difference on failure.
   */
  private static void check(Op op, int rows, int k, int n) {
    Problem p = new Problem(op, rows, k, n, 31L * rows + 7L * k + n);
    float[] actual = p.run(0, p.outRows());
    float[] reference = p.reference();
    double tolerance = 1e-5 * Math.sqrt(Math.max(1, p.len()));
    double worst = 0;
    int worstAt = -1;
    for (int i = 0; i < actual.length; i++) {
      double diff = Math.abs((double) actual[i] - reference[i]);
      double scaled = diff / Math.max(1.0, Math.abs(reference[i]));
      if (!(scaled <= worst)) {
        worst = scaled;
        worstAt = i;
      }
    }
    if (!(worst <= tolerance)) {
      fail(String.format(
          "%s %s: max scaled diff %.3g > tolerance %.3g at [%d][%d]: got %s, reference %s",
          op, p.shape(), worst, tolerance, worstAt / p.outCols(), worstAt % p.outCols(),
          actual[worstAt], reference[worstAt]));
    }
    assertBitsEqual(p.fmaChain(), actual, op + " " + p.shape() + " vs fma chain");
  }

  private static void assertBitsEqual(float[] expected, float[] actual, String what) {
    for (int i = 0; i < expected.length; i++) {
      if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
        int differing = 0;
        for (int j = i; j < expected.length; j++) {
          differing += Float.floatToRawIntBits(expected[j]) != Float.floatToRawIntBits(actual[j])
              ? 1 : 0;
        }
        fail(what + ": " + differing + " elements differ in bits, first at " + i + ": expected "
            + expected[i] + ", got " + actual[i]);
      }
    }
  }

  private static float[] randomMatrix(Random random, int size) {
    float[] m = new float[size];
    for (int i = 0; i < size; i++) {
      m[i] = random.nextFloat() * 2 - 1;
    }
    return m;
  }

  /**
   * One product with random inputs, named as in Gemm: MATMUL a (rows, k)·b (k, n); TRANS_A
   * aᵀ·b with a (rows, k), b (rows, n); TRANS_B a (rows, n)·Bᵀ with B (k, n) given as bt (n, k).
   */
  private record Problem(Op op, int rows, int k, int n, float[] a, float[] b) {
    Problem(Op op, int rows, int k, int n, long seed) {
      this(op, rows, k, n, randomMatrix(new Random(seed), rows * (op == Op.TRANS_B ? n : k)),
          randomMatrix(new Random(~seed), op == Op.TRANS_A ? rows * n : k * n));
    }

    int outRows() {
      return op == Op.TRANS_A ? k : rows;
    }

    int outCols() {
      return op == Op.TRANS_B ? k : n;
    }

    /** Length of each dot product. */
    int len() {
      return switch (op) {
        case MATMUL, PACKED -> k;
        case TRANS_A -> rows;
        case TRANS_B -> n;
      };
    }

    String shape() {
      return "rows=" + rows + " k=" + k + " n=" + n;
    }

    float[] run(int from, int to) {
      float[] c = new float[outRows() * outCols()];
      runInto(c, from, to);
      return c;
    }

    void runInto(float[] c, int from, int to) {
      switch (op) {
        case MATMUL -> Gemm.matmul(c, a, b, k, n, from, to);
        case PACKED -> Gemm.matmul(c, a, PackedMatrix.of(b, k, n), from, to);
        case TRANS_A -> Gemm.matmulTransA(c, a, b, rows, k, n, from, to);
        case TRANS_B -> Gemm.matmulTransB(c, a, b, k, n, from, to);
      }
    }

    float[] reference() {
      float[] c = new float[outRows() * outCols()];
      switch (op) {
        case MATMUL, PACKED -> GemmReference.matmul(c, a, b, rows, k, n);
        case TRANS_A -> GemmReference.matmulTransA(c, a, b, rows, k, n);
        case TRANS_B -> GemmReference.matmulTransB(c, a, b, rows, k, n);
      }
      return c;
    }

    /** The contract: each element is acc = fma(x_p, y_p, acc) for p = 0, 1, … from acc = 0. */
    float[] fmaChain() {
      int cols = outCols();
      float[] c = new float[outRows() * cols];
      for (int i = 0; i < outRows(); i++) {
        for (int j = 0; j < cols; j++) {
          float acc = 0;
          for (int p = 0; p < len(); p++) {
            float x = switch (op) {
              case MATMUL, PACKED -> a[i * k + p];
              case TRANS_A -> a[p * k + i];
              case TRANS_B -> a[i * n + p];
            };
            float y = op == Op.TRANS_B ? b[p * k + j] : b[p * n + j];
            acc = Math.fma(x, y, acc);
          }
          c[i * cols + j] = acc;
        }
      }
      return c;
    }
  }
}
