package dev.lamina.internal.kernel;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix products of dense layers, register-tiled with the Vector API. All matrices are
 * row-major, dense, starting at offset 0. {@link GemmReference} is the readable definition.
 *
 * <p><b>Bit-determinism.</b> Every element of C is one fma chain over the summed index p in
 * increasing order, starting from 0: {@code acc = 0; acc = fma(a_p, b_p, acc) for p = 0, 1, …}.
 * Each kernel below (the 5×4-vector tile, the smaller tiles, the masked last partial vector)
 * computes exactly that chain for each of its elements, so C does not depend on the row range a
 * call covers nor on which kernel handles an element: callers may split rows over threads and get
 * the same bits for any thread count.
 *
 * <p><b>Layout of the work.</b> Rows of C go in blocks of 5, columns in blocks of 4 vectors; each
 * block is one call of {@code tile5x4}, which keeps the 5×4 block in 20 vector accumulators,
 * broadcasts one element of A per row and loads 4 vectors of B per step of p, and stores C once.
 * With 16 vector registers (AVX2) that tile would spill, so columns go in blocks of 2 vectors
 * through {@code tile5x2} instead ({@link #mainTile}). For 32 rows or more, each column panel of B
 * is first copied into a 64-byte-aligned buffer ({@code PackedPanel}), so that no load of B spans
 * two cache lines.
 * Leftover columns go to 2- and 1-vector tiles and a masked last vector; two vectors (a layer of 32
 * filters) go through 10×2-vector tiles where there are 32 vector registers, so that each load of
 * B serves 10 rows. Rows are split into 5-row blocks
 * and up to four 4-row blocks (16 accumulators) so that no row is left over when there are 16 or
 * more; otherwise leftover rows go to 1-row tiles. A long sum goes in blocks sized from the
 * core's L2 ({@link #blocking}; 512 terms with a 1 MB L2): each tile stores its partial sums in C
 * and the next block's tile loads them back and goes on, so every element is still the one chain
 * whatever the block, and a panel of B stays in L2. A product of
 * one row (one sample's inference) is bound by reading B, and goes first through 1×16- and
 * 1×8-vector tiles that read B's rows in order; 2, 3, 6 or 7 rows, in groups of two and three,
 * through 2×8- and 3×8-vector tiles that share each load of B among a group. Fewer than 32 rows
 * read B in place: a copy is repaid only when about six row blocks read it. B that does not
 * change (an inference copy's weights) can be laid out once ({@link PackedMatrix}); then from 4
 * rows on every product reads the panels without copying them.
 * The kernels take arrays and offsets only, never vectors, so nothing is boxed if one is not
 * inlined; each is a few hundred bytes of bytecode.
 *
 * <p>A kernel sees A through three numbers: element (r, p) of its rows is
 * {@code a[ai + r·aRow + p·aStep]}. The plain product reads A by rows
 * ({@code aRow = k, aStep = 1}); the weight gradient reads A by columns
 * ({@code aRow = 1, aStep = k}) with the same kernels.
 */
public final class Gemm {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /**
   * Whether a single row of C goes through {@link #tile1x16} and {@link #tile1x8}, and two-vector
   * panels through {@link #tile10x2}: with 32 vector registers (AVX-512) their accumulators fit,
   * and one sample's inference reads each row of W whole, in order.
   */
  private static final boolean WIDE_ROW = S.vectorBitSize() >= 512;
  /**
   * Vector registers of the core: 32 with AVX-512 (and on AArch64), 16 with AVX2. The main tile
   * is chosen by them, not tuned for one machine.
   */
  private static final int REGISTERS =
      S.vectorBitSize() >= 512 || System.getProperty("os.arch", "").equals("aarch64") ? 32 : 16;
  /**
   * Whether columns go in 4-vector panels through the 5×4 tile (20 accumulators, 4 vectors of B
   * and a broadcast: 25 registers) or, with 16 registers, in 2-vector panels through the 5×2 tile
   * (13 registers). With AVX2 the 5×4 tile spilled and ran at 58–61% of the FMA peak, the 5×2
   * at 97–100% (-XX:UseAVX=2 on Zen 5, 128×784×256).
   */
  static final boolean FOUR_VECTOR_PANELS = REGISTERS >= 32;
  /**
   * Up to this many rows, a row count that the 5- and 4-row tiles would split with single rows
   * left over (2, 3, 6, 7) goes in groups of 2 and 3 rows that share each load of W instead
   * ({@link #tile2x8}, {@link #tile3x8}). One 784×256 product of 6 and 7 rows took 19 and 28 µs
   * in groups, 22–26 and 32–38 as 5 + 1 and 5 + 1 + 1 rows; 4 and 5 rows took 11–14 µs in 4- and
   * 5-row tiles, 18–19 in groups.
   */
  private static final int GROUPED_UP_TO = 7;
  /**
   * Fewer rows than this read a panel of B in place: copying it is repaid only when about six row
   * blocks read the copy. A 784×256 product of 13, 16 and 24 rows took 37–40, 48–49 and 63–69 µs
   * in place, 44–50, 49–56 and 65–71 through copies; of 32 rows, 87–94 in place and 82–87 through
   * copies (three runs each). conv1's weight gradient (9 rows of dW over 100,352 pixel rows) took
   * 1.33 ms a step through copies and 0.86–1.2 ms in place.
   */
  private static final int PACK_FROM_ROWS = 32;
  /**
   * Where B was laid out beforehand ({@link PackedMatrix}), rows from this many on read its
   * panels: an inference copy of the bench's MLP ran 4, 7, 8 and 24 samples 24%, 45%, 50% and
   * 35% faster that way than in place, 3 samples 37% slower (their 3×8 tiles share each load of W).
   */
  private static final int PACKED_MATRIX_FROM_ROWS = 4;
  /** Rows of C per main tile. */
  private static final int MR = 5;
  /** Columns of C per main tile: 4 vectors. */
  private static final int NR = 4 * L;
  /** Bytes of one vector, and of one row of a packed 4- and 2-vector panel of B. */
  private static final long VECTOR_BYTES = (long) L * Float.BYTES;
  private static final long PANEL4_ROW = 4 * VECTOR_BYTES;
  private static final long PANEL2_ROW = 2 * VECTOR_BYTES;
  /** Bytes of one row of the main tile's panel of B: 4 vectors, or 2 with 16 registers. */
  static final long PANEL_ROW = FOUR_VECTOR_PANELS ? PANEL4_ROW : PANEL2_ROW;
  /**
   * Rows of B per block of a long sum ({@link #sumBlock}), from the size of this core's L2: a
   * main panel of KC rows fills an eighth of it, so that it stays there while every row block of
   * A passes over it. Where it does not, a product slows to a fraction of the FMA peak.
   */
  private static final int KC = sumBlock(L2Cache.SIZE.bytes(), PANEL_ROW);
  /** Sums of up to this many terms are not cut; longer ones go in blocks of KC. */
  static final int BLOCK_FROM = 2 * KC;
  private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
  /**
   * Lane indexes for {@link #swapStage}, one row per stage (h = L/2, L/4, …, 1): an index below L
   * picks that lane of the first vector, L + t lane t of the second.
   */
  private static final float[][] SWAP_LO = swapIndexes(true);
  private static final float[][] SWAP_HI = swapIndexes(false);

  private Gemm() {}

  /**
   * Rows per block of a long sum for an L2 of {@code l2Bytes}: the largest power of two from 128
   * to 2048 whose panel ({@code panelRowBytes} a row) takes at most an eighth of the L2. With 4
   * vectors of 16 floats and a 1 MiB L2 that is 512 rows, 128 KB; 2048 rows (512 KB) ran the
   * 128×4096×256 product at 119–127 GFLOP/s against 145–178 for 128 to 1024 rows (Zen 5). Which
   * block a product takes does not change its bits: C is stored between blocks and loaded back,
   * each element one fma chain.
   */
  static int sumBlock(long l2Bytes, long panelRowBytes) {
    int rows = 128;
    while (rows < 2048 && 2L * rows * panelRowBytes <= l2Bytes / 8) {
      rows *= 2;
    }
    return rows;
  }

  /**
   * How this core's long sums are blocked, e.g. "sums of more than 1024 terms in blocks of 512
   * (a 128 KB panel of B, an eighth of a 1024 KB L2 from /proc/cpuinfo)".
   */
  public static String blocking() {
    return "sums of more than " + BLOCK_FROM + " terms in blocks of " + KC + " (a "
        + KC * PANEL_ROW / 1024 + " KB panel of B, an eighth of a " + L2Cache.SIZE.bytes() / 1024
        + " KB L2 from " + L2Cache.SIZE.source() + ")";
  }

  /** The main register tile on this core, e.g. "5×4 vectors of 16 floats (32 registers)". */
  public static String mainTile() {
    return (FOUR_VECTOR_PANELS ? "5×4" : "5×2") + " vectors of " + L + " floats (" + REGISTERS
        + " registers)";
  }

  /**
   * Forward product {@code Y = X·W}: {@code C[r0:r1, :] = A[r0:r1, :]·B}.
   *
   * <pre>
   * a (rows, k) · b (k, n) -> c (rows, n); only rows r0..r1-1 of c are written (overwritten).
   * </pre>
   */
  public static void matmul(float[] c, float[] a, float[] b, int k, int n, int r0, int r1) {
    checkSizes(k, n, r0, r1);
    checkLength("a", a, (long) r1 * k);
    checkLength("b", b, (long) k * n);
    checkLength("c", c, (long) r1 * n);
    product(c, a, k, 1, b, k, n, r0, r1);
  }

  /**
   * {@link #matmul} with B laid out beforehand: the same bits, without copying B's panels in each
   * call. One to three rows read B in place, as there.
   */
  public static void matmul(float[] c, float[] a, PackedMatrix b, int r0, int r1) {
    int k = b.k;
    int n = b.n;
    checkSizes(k, n, r0, r1);
    checkLength("a", a, (long) r1 * k);
    checkLength("c", c, (long) r1 * n);
    if (r1 - r0 < PACKED_MATRIX_FROM_ROWS) {
      product(c, a, k, 1, b.values, k, n, r0, r1);
      return;
    }
    // The blocks of the sum that product() makes, and the tiles that columns() picks.
    int block = k <= BLOCK_FROM ? k : KC;
    for (int p0 = 0; p0 < k; p0 += block) {
      int len = Math.min(block, k - p0);
      boolean more = p0 > 0;
      int j = 0;
      int q = 0;
      for (; q < b.fourVectorPanels; q++, j += NR) {
        panel4(c, a, p0, k, 1, b.panels, b.offset(q, p0), len, n, r0, r1, j, more);
      }
      for (; q < b.fourVectorPanels + b.twoVectorPanels; q++, j += 2 * L) {
        panel2(c, a, p0, k, 1, b.panels, b.offset(q, p0), len, n, r0, r1, j, more);
      }
      for (; j + L <= n; j += L) {
        panel1(c, a, p0, k, 1, b.values, p0 * n, len, n, r0, r1, j, more);
      }
      if (j < n) {
        panelPart(c, a, p0, k, 1, b.values, p0 * n, len, n, r0, r1, j, more);
      }
    }
  }

  /**
   * {@link #matmul} on columns {@code j0..j1-1} of C only, so that threads can share a product of
   * a few rows by columns. {@code j0} must be a multiple of the vector length, as {@code j1} must
   * unless it is n; each element is the same fma chain as in the whole product.
   */
  public static void matmul(
      float[] c, float[] a, float[] b, int k, int n, int r0, int r1, int j0, int j1) {
    checkSizes(k, n, r0, r1);
    checkColumns(n, j0, j1);
    checkLength("a", a, (long) r1 * k);
    checkLength("b", b, (long) k * n);
    checkLength("c", c, (long) r1 * n);
    product(c, a, 0, k, 1, b, 0, k, n, r0, r1, j0, j1);
  }

  /**
   * {@link #matmul(float[], float[], float[], int, int, int, int)} with A's rows taken from row
   * {@code a0} on: {@code C[r0:r1, :] = A[a0:a0+r1-r0, :]·B}. A may then be a buffer that holds
   * one group of rows, kept in cache, instead of the whole batch's. The same bits.
   *
   * <pre>
   * a (a0 + r1 - r0, k) · b (k, n) -> c rows r0..r1-1 (overwritten)
   * </pre>
   */
  public static void matmulFromRow(
      float[] c, float[] a, int a0, float[] b, int k, int n, int r0, int r1) {
    checkSizes(k, n, r0, r1);
    if (a0 < 0) {
      throw new IllegalArgumentException("a0 must be >= 0, got " + a0);
    }
    checkLength("a", a, (long) (a0 + r1 - r0) * k);
    checkLength("b", b, (long) k * n);
    checkLength("c", c, (long) r1 * n);
    product(c, a, (a0 - r0) * k, k, 1, b, 0, k, n, r0, r1, 0, n);
  }

  /**
   * Weight gradient {@code dW = Xᵀ·dY}: {@code C[i0:i1, :] = (Aᵀ·B)[i0:i1, :]}, summing over the
   * rows of A and B. A is read by columns (strided).
   *
   * <pre>
   * a (rows, k), b (rows, n) -> c (k, n) = aᵀ·b; only rows i0..i1-1 of c are written (overwritten).
   * </pre>
   */
  public static void matmulTransA(
      float[] c, float[] a, float[] b, int rows, int k, int n, int i0, int i1) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    checkSizes(k, n, i0, i1);
    if (i1 > k) {
      throw new IllegalArgumentException("i1 must be <= k = " + k + ", got " + i1);
    }
    checkLength("a", a, (long) rows * k);
    checkLength("b", b, (long) rows * n);
    checkLength("c", c, (long) k * n);
    product(c, a, 1, k, b, rows, n, i0, i1);
  }

  /**
   * {@link #matmulTransA(float[], float[], float[], int, int, int, int, int)} over rows of A from
   * row {@code a0} and of B from row {@code b0}: {@code C[i0:i1, :] = (A[a0:a0+rows, :]ᵀ·
   * B[b0:b0+rows, :])[i0:i1, :]}. A convolution's weight gradient sums over every pixel of the
   * batch in blocks that stay in cache, each block's im2col rows rebuilt in a buffer of one block
   * (a0 = 0) while dY is the whole batch's (b0 = the block's first pixel row).
   */
  public static void matmulTransA(float[] c, float[] a, int a0, float[] b, int b0, int rows,
      int k, int n, int i0, int i1) {
    transAFromRows(c, a, a0, b, b0, rows, k, n, i0, i1, false);
  }

  /**
   * {@link #matmulTransA(float[], float[], int, float[], int, int, int, int, int, int)} added onto
   * C: {@code C[i0:i1, :] += (A[a0:a0+rows, :]ᵀ·B[b0:b0+rows, :])[i0:i1, :]}, each element's fma
   * chain going on from the value in C. A sum over the whole batch taken group by group of
   * samples ({@link Winograd#weightGradient}) is then one chain, the same bits for any grouping.
   */
  public static void matmulTransAOnto(float[] c, float[] a, int a0, float[] b, int b0, int rows,
      int k, int n, int i0, int i1) {
    transAFromRows(c, a, a0, b, b0, rows, k, n, i0, i1, true);
  }

  /** The two above: checked, then written over C or, with {@code onto}, added to it. */
  private static void transAFromRows(float[] c, float[] a, int a0, float[] b, int b0, int rows,
      int k, int n, int i0, int i1, boolean onto) {
    if (rows < 0 || a0 < 0 || b0 < 0) {
      throw new IllegalArgumentException(
          "a0, b0 and rows must be >= 0, got " + a0 + ", " + b0 + " and " + rows);
    }
    checkSizes(k, n, i0, i1);
    if (i1 > k) {
      throw new IllegalArgumentException("i1 must be <= k = " + k + ", got " + i1);
    }
    checkLength("a", a, (long) (a0 + rows) * k);
    checkLength("b", b, (long) (b0 + rows) * n);
    checkLength("c", c, (long) k * n);
    product(c, a, a0 * k, 1, k, b, b0 * n, rows, n, i0, i1, 0, n, KC, onto);
  }

  /**
   * Input gradient {@code dX = dY·Wᵀ}: {@code C[r0:r1, :] = A[r0:r1, :]·Bᵀ}, with B (k, n) given
   * as its transpose bt (see {@link #transpose}).
   *
   * <pre>
   * a (rows, n) · bt (n, k) -> c (rows, k); only rows r0..r1-1 of c are written (overwritten).
   * </pre>
   */
  public static void matmulTransB(float[] c, float[] a, float[] bt, int k, int n, int r0, int r1) {
    // C = A·(Bᵀ) where Bᵀ is stored row-major as bt: a plain product summing over n, k wide.
    matmul(c, a, bt, n, k, r0, r1);
  }

  /**
   * Transpose, used to make bt from W before {@link #matmulTransB}.
   *
   * <pre>
   * src (rows, cols) -> dst (cols, rows), dst[j·rows + i] = src[i·cols + j].
   * </pre>
   */
  public static void transpose(float[] dst, float[] src, int rows, int cols) {
    transpose(dst, src, rows, cols, 0, cols);
  }

  /**
   * {@link #transpose} of src columns {@code j0..j1-1} only, which are dst rows {@code j0..j1-1}:
   * threads share a transpose by giving each a range. Column bounds as for {@link #matmul(float[],
   * float[], float[], int, int, int, int, int, int)}.
   */
  public static void transpose(float[] dst, float[] src, int rows, int cols, int j0, int j1) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(
          "rows and cols must be >= 0, got rows = " + rows + ", cols = " + cols);
    }
    checkColumns(cols, j0, j1);
    checkLength("src", src, (long) rows * cols);
    checkLength("dst", dst, (long) rows * cols);
    // L×L blocks go through vector registers; the edges (rows or cols past a multiple of L) are
    // copied one by one.
    int rowsInBlocks = rows - rows % L;
    int blocksEnd = Math.min(j1, cols - cols % L);
    for (int ib = 0; ib < rowsInBlocks; ib += L) {
      for (int jb = j0; jb < blocksEnd; jb += L) {
        transposeBlock(dst, src, rows, cols, ib, jb);
      }
    }
    for (int i = 0; i < rows; i++) {
      for (int j = i < rowsInBlocks ? Math.max(j0, blocksEnd) : j0; j < j1; j++) {
        dst[j * rows + i] = src[i * cols + j];
      }
    }
  }

  /**
   * Transposes the L×L block of src at (ib, jb) into dst at (jb, ib) in log2(L) stages; stage h
   * (h = L/2, L/4, …, 1) swaps the off-diagonal h×h sub-blocks of every 2h×2h block, which after
   * all stages is the transpose. The first stage reads src and writes the block's place in dst;
   * the others work in place there, so a transpose allocates nothing.
   */
  private static void transposeBlock(float[] dst, float[] src, int rows, int cols, int ib, int jb) {
    int out = jb * rows + ib;
    int stage = 0;
    for (int h = L / 2; h >= 1; h /= 2, stage++) {
      boolean first = h == L / 2;
      swapStage(first ? src : dst, first ? ib * cols + jb : out, first ? cols : rows,
          dst, out, rows, stage, h);
    }
  }

  /**
   * One stage of {@link #transposeBlock}: for each pair of vectors (i, i+h) with bit h of i clear,
   * lane t of the new vector i is old i's lane t where bit h of t is clear, else old (i+h)'s lane
   * t−h; the new vector i+h takes the other halves. Vector i is read at in[inBase + i·inStride] and
   * written at out[outBase + i·outStride]; in and out may be the same.
   */
  private static void swapStage(
      float[] in, int inBase, int inStride, float[] out, int outBase, int outStride,
      int stage, int h) {
    FloatVector lo = FloatVector.fromArray(S, SWAP_LO[stage], 0);
    FloatVector hi = FloatVector.fromArray(S, SWAP_HI[stage], 0);
    for (int i = 0; i < L; i++) {
      if ((i & h) != 0) {
        continue;
      }
      FloatVector vi = FloatVector.fromArray(S, in, inBase + i * inStride);
      FloatVector vj = FloatVector.fromArray(S, in, inBase + (i + h) * inStride);
      lo.selectFrom(vi, vj).intoArray(out, outBase + i * outStride);
      hi.selectFrom(vi, vj).intoArray(out, outBase + (i + h) * outStride);
    }
  }

  // ---- driver -------------------------------------------------------------------------------

  /**
   * C rows [r0, r1) of width n, where row i of C is A(i, ·)·B summed over len: A(i, p) =
   * a[i·aRow + p·aStep] and B(p, j) = b[p·n + j]. Column panels are outermost so that one panel
   * of B (len × 4 vectors) stays in cache while every row block of A passes over it.
   */
  private static void product(
      float[] c, float[] a, int aRow, int aStep, float[] b, int len, int n, int r0, int r1) {
    product(c, a, 0, aRow, aStep, b, 0, len, n, r0, r1, 0, n);
  }

  /**
   * As above, with A starting at {@code a[aOff]} and B at {@code b[bOff]}, for columns j0..j1-1
   * of C.
   */
  private static void product(float[] c, float[] a, int aOff, int aRow, int aStep, float[] b,
      int bOff, int len, int n, int r0, int r1, int j0, int j1) {
    product(c, a, aOff, aRow, aStep, b, bOff, len, n, r0, r1, j0, j1, KC);
  }

  /** {@link #matmul} with sums cut in blocks of {@code kc}, for tests: the same bits for any. */
  static void matmulInBlocksOf(int kc, float[] c, float[] a, float[] b, int k, int n, int r0,
      int r1) {
    product(c, a, 0, k, 1, b, 0, k, n, r0, r1, 0, n, kc);
  }

  /** As above, sums longer than 2·kc in blocks of kc. */
  private static void product(float[] c, float[] a, int aOff, int aRow, int aStep, float[] b,
      int bOff, int len, int n, int r0, int r1, int j0, int j1, int kc) {
    product(c, a, aOff, aRow, aStep, b, bOff, len, n, r0, r1, j0, j1, kc, false);
  }

  /** As above; with {@code onto}, every sum goes on from the value already in C. */
  private static void product(float[] c, float[] a, int aOff, int aRow, int aStep, float[] b,
      int bOff, int len, int n, int r0, int r1, int j0, int j1, int kc, boolean onto) {
    if (len <= 2 * kc || r1 - r0 <= 3) { // a block of B is worth keeping for 4 rows or more
      columns(c, a, aOff, aRow, aStep, b, bOff, len, n, r0, r1, j0, j1, onto);
      return;
    }
    // A long sum in blocks of kc, C stored after each and loaded again by the next: each element
    // is still one fma chain in increasing p, and a panel of B (kc × 4 vectors) stays in L2
    // while the row blocks pass over it.
    for (int p0 = 0; p0 < len; p0 += kc) {
      columns(c, a, aOff + p0 * aStep, aRow, aStep, b, bOff + p0 * n, Math.min(kc, len - p0), n,
          r0, r1, j0, j1, onto || p0 > 0);
    }
  }

  /**
   * C rows [r0, r1), columns j0..j1-1, summed over p = 0..len-1 of the A and B given; with
   * {@code more}, continuing the sums already in C rather than starting from 0.
   */
  private static void columns(float[] c, float[] a, int aOff, int aRow, int aStep, float[] b,
      int bOff, int len, int n, int r0, int r1, int j0, int j1, boolean more) {
    int j = j0;
    int rows = r1 - r0;
    if (rows >= 2 && rows <= GROUPED_UP_TO && leavesSingleRows(rows) && WIDE_ROW && !more) {
      // A few samples: groups of two or three rows share each load of W, read in place and in
      // order, where 5- and 4-row tiles would read it again for each row left over.
      for (; j + 8 * L <= j1; j += 8 * L) {
        for (int i = r0; i < r1; ) {
          int rest = r1 - i;
          if (rest == 2 || rest == 4) {
            tile2x8(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, len);
            i += 2;
          } else {
            tile3x8(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, len);
            i += 3;
          }
        }
      }
    }
    if (r1 - r0 == 1 && WIDE_ROW && !more) {
      int ai = aOff + r0 * aRow;
      for (; j + 16 * L <= j1; j += 16 * L) {
        tile1x16(c, r0 * n + j, a, ai, aStep, b, bOff + j, n, len);
      }
      for (; j + 8 * L <= j1; j += 8 * L) {
        tile1x8(c, r0 * n + j, a, ai, aStep, b, bOff + j, n, len);
      }
    }
    for (; FOUR_VECTOR_PANELS && j + NR <= j1; j += NR) {
      panel4(c, a, aOff, aRow, aStep, b, bOff, len, n, r0, r1, j, more);
    }
    // Two vectors left (a layer of 32 filters): 10 or 20 accumulators, 2 loads of B per 5 or 10
    // broadcasts, where two one-vector panels would load B twice as often per fma.
    for (; j + 2 * L <= j1; j += 2 * L) {
      panel2(c, a, aOff, aRow, aStep, b, bOff, len, n, r0, r1, j, more);
    }
    for (; j + L <= j1; j += L) {
      panel1(c, a, aOff, aRow, aStep, b, bOff, len, n, r0, r1, j, more);
    }
    if (j < j1) {
      panelPart(c, a, aOff, aRow, aStep, b, bOff, len, n, r0, r1, j, more);
    }
  }

  /** Columns j..j+4L-1 of C rows [r0, r1). */
  private static void panel4(
      float[] c, float[] a, int aOff, int aRow, int aStep, float[] b, int bOff, int len, int n,
      int r0, int r1, int j, boolean more) {
    if (r1 - r0 < PACK_FROM_ROWS || !PackedPanel.available()) {
      int i = r0;
      for (int end5 = r1 - 4 * fourRowBlocks(r1 - r0); i + MR <= end5; i += MR) {
        tile5x4InPlace(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, len, more);
      }
      for (; i + 4 <= r1; i += 4) {
        tile4x4InPlace(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, len, more);
      }
      for (; i < r1; i++) {
        tile1x4InPlace(c, i * n + j, a, aOff + i * aRow, aStep, b, bOff + j, n, len, more);
      }
      return;
    }
    // With 32 rows or more, product() has cut the sum to at most BLOCK_FROM terms: one panel
    // holds it.
    panel4(c, a, aOff, aRow, aStep, PackedPanel.pack(b, bOff + j, n, len, 4), 0, len, n, r0, r1,
        j, more);
  }

  /**
   * Columns j..j+4L-1 of C rows [r0, r1), from a packed 4-vector panel of B whose row p starts at
   * byte {@code bo + p·4·L·4} of {@code panel}.
   */
  private static void panel4(float[] c, float[] a, int aOff, int aRow, int aStep,
      MemorySegment panel, long bo, int len, int n, int r0, int r1, int j, boolean more) {
    int i = r0;
    for (int end5 = r1 - 4 * fourRowBlocks(r1 - r0); i + MR <= end5; i += MR) {
      tile5x4(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, panel, bo, len, more);
    }
    for (; i + 4 <= r1; i += 4) {
      tile4x4(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, panel, bo, len, more);
    }
    for (; i < r1; i++) {
      tile1x4(c, i * n + j, a, aOff + i * aRow, aStep, panel, bo, len, more);
    }
  }

  /** Columns j..j+2L-1 of C rows [r0, r1). */
  private static void panel2(
      float[] c, float[] a, int aOff, int aRow, int aStep, float[] b, int bOff, int len, int n,
      int r0, int r1, int j, boolean more) {
    if (r1 - r0 < PACK_FROM_ROWS || !PackedPanel.available()) {
      int i = r0;
      for (int end5 = r1 - 4 * fourRowBlocks(r1 - r0); i + MR <= end5; i += MR) {
        tile5x2InPlace(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, len, more);
      }
      for (; i + 4 <= r1; i += 4) {
        tile4x2InPlace(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, len, more);
      }
      for (; i < r1; i++) {
        tile1x2InPlace(c, i * n + j, a, aOff + i * aRow, aStep, b, bOff + j, n, len, more);
      }
      return;
    }
    // With 32 rows or more, product() has cut the sum to at most BLOCK_FROM terms: one panel
    // holds it.
    panel2(c, a, aOff, aRow, aStep, PackedPanel.pack(b, bOff + j, n, len, 2), 0, len, n, r0, r1,
        j, more);
  }

  /**
   * Columns j..j+2L-1 of C rows [r0, r1), from a packed 2-vector panel of B whose row p starts at
   * byte {@code bo + p·2·L·4} of {@code panel}.
   */
  private static void panel2(float[] c, float[] a, int aOff, int aRow, int aStep,
      MemorySegment panel, long bo, int len, int n, int r0, int r1, int j, boolean more) {
    int i = r0;
    if (WIDE_ROW) {
      for (; i + 10 <= r1; i += 10) {
        tile10x2(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, panel, bo, len, more);
      }
    }
    for (int end5 = r1 - 4 * fourRowBlocks(r1 - i); i + MR <= end5; i += MR) {
      tile5x2(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, panel, bo, len, more);
    }
    for (; i + 4 <= r1; i += 4) {
      tile4x2(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, panel, bo, len, more);
    }
    for (; i < r1; i++) {
      tile1x2(c, i * n + j, a, aOff + i * aRow, aStep, panel, bo, len, more);
    }
  }

  /** Columns j..j+L-1 of C rows [r0, r1). */
  private static void panel1(
      float[] c, float[] a, int aOff, int aRow, int aStep, float[] b, int bOff, int len, int n,
      int r0, int r1, int j, boolean more) {
    int i = r0;
    for (int end5 = r1 - 4 * fourRowBlocks(r1 - r0); i + MR <= end5; i += MR) {
      tile5x1(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, len, more);
    }
    for (; i + 4 <= r1; i += 4) {
      tile4x1(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, len, more);
    }
    for (; i < r1; i++) {
      tile1x1(c, i * n + j, a, aOff + i * aRow, aStep, b, bOff + j, n, len, more);
    }
  }

  /** Columns j..n-1 (fewer than L) of C rows [r0, r1). */
  private static void panelPart(
      float[] c, float[] a, int aOff, int aRow, int aStep, float[] b, int bOff, int len, int n,
      int r0, int r1, int j, boolean more) {
    int i = r0;
    int whole = wholeLoads(b.length, bOff + j, n, len);
    for (int end5 = r1 - 4 * fourRowBlocks(r1 - r0); i + MR <= end5; i += MR) {
      tile5xPart(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, whole, n - j,
          more);
      if (whole < len) {
        tile5xPartLast(c, i * n + j, n, a, aOff + i * aRow + whole * aStep, aRow, aStep, b,
            bOff + j + whole * n, n, len - whole, n - j);
      }
    }
    for (; i + 4 <= r1; i += 4) {
      tile4xPart(c, i * n + j, n, a, aOff + i * aRow, aRow, aStep, b, bOff + j, n, len, n - j, more);
    }
    for (; i < r1; i++) {
      tile1xPart(c, i * n + j, a, aOff + i * aRow, aStep, b, bOff + j, n, len, n - j, more);
    }
  }

  /**
   * How many 4-row blocks to use so that the rest of {@code rows} is whole 5-row blocks: rows = 5q
   * + 4f with f ≤ 4. Where that is impossible (fewer than 16 rows), none: 5-row blocks, then
   * single rows.
   */
  private static int fourRowBlocks(int rows) {
    int f = (MR - rows % MR) % MR;
    return 4 * f <= rows ? f : 0;
  }

  /** Whether 5- and 4-row blocks leave single rows of {@code rows} (1, 2, 3, 6, 7, 11). */
  private static boolean leavesSingleRows(int rows) {
    return rows % MR != 0 && fourRowBlocks(rows) == 0;
  }

  // ---- kernels --------------------------------------------------------------------------------
  // Shared arguments: C block at c[ci + r·ldc + v·L]; A(r, p) = a[ai + r·aRow + p·aStep];
  // B(p, v) = b[bi + p·ldb + v·L], or, where b is a MemorySegment (a PackedPanel of w vectors),
  // the floats at byte (p·w + v)·L·4; p runs 0..len-1 innermost.

  /** 5 rows × 4 vectors of C in 20 accumulators: the main kernel. */
  private static void tile5x4(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      MemorySegment b, long bo, int len, boolean more) {
    FloatVector c00 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c01 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c02 = more ? FloatVector.fromArray(S, c, ci + 2 * L) : FloatVector.zero(S);
    FloatVector c03 = more ? FloatVector.fromArray(S, c, ci + 3 * L) : FloatVector.zero(S);
    FloatVector c10 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c11 = more ? FloatVector.fromArray(S, c, ci + ldc + L) : FloatVector.zero(S);
    FloatVector c12 = more ? FloatVector.fromArray(S, c, ci + ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c13 = more ? FloatVector.fromArray(S, c, ci + ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c20 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c22 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c23 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c30 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c32 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c33 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c40 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc) : FloatVector.zero(S);
    FloatVector c41 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc + L) : FloatVector.zero(S);
    FloatVector c42 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c43 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc + 3 * L) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow, a4 = a3 + aRow;
    long pb = bo;
    for (int p = 0, pa = 0; p < len; p++, pa += aStep, pb += PANEL4_ROW) {
      FloatVector b0 = FloatVector.fromMemorySegment(S, b, pb, NATIVE);
      FloatVector b1 = FloatVector.fromMemorySegment(S, b, pb + VECTOR_BYTES, NATIVE);
      FloatVector b2 = FloatVector.fromMemorySegment(S, b, pb + 2 * VECTOR_BYTES, NATIVE);
      FloatVector b3 = FloatVector.fromMemorySegment(S, b, pb + 3 * VECTOR_BYTES, NATIVE);
      FloatVector x = FloatVector.broadcast(S, a[a0 + pa]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      c02 = x.fma(b2, c02);
      c03 = x.fma(b3, c03);
      x = FloatVector.broadcast(S, a[a1 + pa]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      c12 = x.fma(b2, c12);
      c13 = x.fma(b3, c13);
      x = FloatVector.broadcast(S, a[a2 + pa]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      c22 = x.fma(b2, c22);
      c23 = x.fma(b3, c23);
      x = FloatVector.broadcast(S, a[a3 + pa]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      c32 = x.fma(b2, c32);
      c33 = x.fma(b3, c33);
      x = FloatVector.broadcast(S, a[a4 + pa]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      c42 = x.fma(b2, c42);
      c43 = x.fma(b3, c43);
    }
    int r = ci;
    c00.intoArray(c, r);
    c01.intoArray(c, r + L);
    c02.intoArray(c, r + 2 * L);
    c03.intoArray(c, r + 3 * L);
    r += ldc;
    c10.intoArray(c, r);
    c11.intoArray(c, r + L);
    c12.intoArray(c, r + 2 * L);
    c13.intoArray(c, r + 3 * L);
    r += ldc;
    c20.intoArray(c, r);
    c21.intoArray(c, r + L);
    c22.intoArray(c, r + 2 * L);
    c23.intoArray(c, r + 3 * L);
    r += ldc;
    c30.intoArray(c, r);
    c31.intoArray(c, r + L);
    c32.intoArray(c, r + 2 * L);
    c33.intoArray(c, r + 3 * L);
    r += ldc;
    c40.intoArray(c, r);
    c41.intoArray(c, r + L);
    c42.intoArray(c, r + 2 * L);
    c43.intoArray(c, r + 3 * L);
  }

  /** 5 rows × 1 vector of C: leftover whole vectors of a 5-row block. */
  private static void tile5x1(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len, boolean more) {
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c1 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c2 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c3 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c4 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow, a4 = a3 + aRow;
    for (int p = 0, pa = 0, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, pb);
      c0 = FloatVector.broadcast(S, a[a0 + pa]).fma(b0, c0);
      c1 = FloatVector.broadcast(S, a[a1 + pa]).fma(b0, c1);
      c2 = FloatVector.broadcast(S, a[a2 + pa]).fma(b0, c2);
      c3 = FloatVector.broadcast(S, a[a3 + pa]).fma(b0, c3);
      c4 = FloatVector.broadcast(S, a[a4 + pa]).fma(b0, c4);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + ldc);
    c2.intoArray(c, ci + 2 * ldc);
    c3.intoArray(c, ci + 3 * ldc);
    c4.intoArray(c, ci + 4 * ldc);
  }

  /** 5 rows × 2 vectors of C in 10 accumulators. */
  private static void tile5x2(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      MemorySegment b, long bo, int len, boolean more) {
    FloatVector c00 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c01 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c10 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c11 = more ? FloatVector.fromArray(S, c, ci + ldc + L) : FloatVector.zero(S);
    FloatVector c20 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c30 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c40 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc) : FloatVector.zero(S);
    FloatVector c41 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc + L) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow, a4 = a3 + aRow;
    long pb = bo;
    for (int p = 0, pa = 0; p < len; p++, pa += aStep, pb += PANEL2_ROW) {
      FloatVector b0 = FloatVector.fromMemorySegment(S, b, pb, NATIVE);
      FloatVector b1 = FloatVector.fromMemorySegment(S, b, pb + VECTOR_BYTES, NATIVE);
      FloatVector x = FloatVector.broadcast(S, a[a0 + pa]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, a[a1 + pa]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, a[a2 + pa]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, a[a3 + pa]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(S, a[a4 + pa]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + L);
    c40.intoArray(c, ci + 4 * ldc);
    c41.intoArray(c, ci + 4 * ldc + L);
  }

  /** 4 rows × 2 vectors of C in 8 accumulators: row blocks that make the 5-row blocks fit. */
  private static void tile4x2(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      MemorySegment b, long bo, int len, boolean more) {
    FloatVector c00 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c01 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c10 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c11 = more ? FloatVector.fromArray(S, c, ci + ldc + L) : FloatVector.zero(S);
    FloatVector c20 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c30 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + L) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
    long pb = bo;
    for (int p = 0, pa = 0; p < len; p++, pa += aStep, pb += PANEL2_ROW) {
      FloatVector b0 = FloatVector.fromMemorySegment(S, b, pb, NATIVE);
      FloatVector b1 = FloatVector.fromMemorySegment(S, b, pb + VECTOR_BYTES, NATIVE);
      FloatVector x = FloatVector.broadcast(S, a[a0 + pa]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, a[a1 + pa]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, a[a2 + pa]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, a[a3 + pa]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + L);
  }

  /**
   * 10 rows × 2 vectors of C in 20 accumulators (AVX-512's 32 registers): a layer of 32 filters
   * loads its 2 vectors of B once per 10 broadcasts, where the 5×2 tile loads them per 5.
   */
  private static void tile10x2(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      MemorySegment b, long bo, int len, boolean more) {
    int r5 = ci + 5 * ldc;
    FloatVector c00 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c01 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c10 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c11 = more ? FloatVector.fromArray(S, c, ci + ldc + L) : FloatVector.zero(S);
    FloatVector c20 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c30 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c40 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc) : FloatVector.zero(S);
    FloatVector c41 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc + L) : FloatVector.zero(S);
    FloatVector c50 = more ? FloatVector.fromArray(S, c, r5) : FloatVector.zero(S);
    FloatVector c51 = more ? FloatVector.fromArray(S, c, r5 + L) : FloatVector.zero(S);
    FloatVector c60 = more ? FloatVector.fromArray(S, c, r5 + ldc) : FloatVector.zero(S);
    FloatVector c61 = more ? FloatVector.fromArray(S, c, r5 + ldc + L) : FloatVector.zero(S);
    FloatVector c70 = more ? FloatVector.fromArray(S, c, r5 + 2 * ldc) : FloatVector.zero(S);
    FloatVector c71 = more ? FloatVector.fromArray(S, c, r5 + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c80 = more ? FloatVector.fromArray(S, c, r5 + 3 * ldc) : FloatVector.zero(S);
    FloatVector c81 = more ? FloatVector.fromArray(S, c, r5 + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c90 = more ? FloatVector.fromArray(S, c, r5 + 4 * ldc) : FloatVector.zero(S);
    FloatVector c91 = more ? FloatVector.fromArray(S, c, r5 + 4 * ldc + L) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow, a4 = a3 + aRow;
    int a5 = a4 + aRow, a6 = a5 + aRow, a7 = a6 + aRow, a8 = a7 + aRow, a9 = a8 + aRow;
    long pb = bo;
    for (int p = 0, pa = 0; p < len; p++, pa += aStep, pb += PANEL2_ROW) {
      FloatVector b0 = FloatVector.fromMemorySegment(S, b, pb, NATIVE);
      FloatVector b1 = FloatVector.fromMemorySegment(S, b, pb + VECTOR_BYTES, NATIVE);
      FloatVector x = FloatVector.broadcast(S, a[a0 + pa]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, a[a1 + pa]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, a[a2 + pa]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, a[a3 + pa]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(S, a[a4 + pa]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = FloatVector.broadcast(S, a[a5 + pa]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
      x = FloatVector.broadcast(S, a[a6 + pa]);
      c60 = x.fma(b0, c60);
      c61 = x.fma(b1, c61);
      x = FloatVector.broadcast(S, a[a7 + pa]);
      c70 = x.fma(b0, c70);
      c71 = x.fma(b1, c71);
      x = FloatVector.broadcast(S, a[a8 + pa]);
      c80 = x.fma(b0, c80);
      c81 = x.fma(b1, c81);
      x = FloatVector.broadcast(S, a[a9 + pa]);
      c90 = x.fma(b0, c90);
      c91 = x.fma(b1, c91);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + L);
    c40.intoArray(c, ci + 4 * ldc);
    c41.intoArray(c, ci + 4 * ldc + L);
    c50.intoArray(c, r5);
    c51.intoArray(c, r5 + L);
    c60.intoArray(c, r5 + ldc);
    c61.intoArray(c, r5 + ldc + L);
    c70.intoArray(c, r5 + 2 * ldc);
    c71.intoArray(c, r5 + 2 * ldc + L);
    c80.intoArray(c, r5 + 3 * ldc);
    c81.intoArray(c, r5 + 3 * ldc + L);
    c90.intoArray(c, r5 + 4 * ldc);
    c91.intoArray(c, r5 + 4 * ldc + L);
  }

  /** 1 row × 2 vectors of C. */
  private static void tile1x2(
      float[] c, int ci, float[] a, int ai, int aStep, MemorySegment b, long bo, int len,
      boolean more) {
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c1 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    long pb = bo;
    for (int p = 0, pa = ai; p < len; p++, pa += aStep, pb += PANEL2_ROW) {
      FloatVector x = FloatVector.broadcast(S, a[pa]);
      c0 = x.fma(FloatVector.fromMemorySegment(S, b, pb, NATIVE), c0);
      c1 = x.fma(FloatVector.fromMemorySegment(S, b, pb + VECTOR_BYTES, NATIVE), c1);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + L);
  }

  /** {@link #tile5x4} reading B in place, for rows too few to repay an aligned copy. */
  private static void tile5x4InPlace(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len, boolean more) {
    FloatVector c00 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c01 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c02 = more ? FloatVector.fromArray(S, c, ci + 2 * L) : FloatVector.zero(S);
    FloatVector c03 = more ? FloatVector.fromArray(S, c, ci + 3 * L) : FloatVector.zero(S);
    FloatVector c10 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c11 = more ? FloatVector.fromArray(S, c, ci + ldc + L) : FloatVector.zero(S);
    FloatVector c12 = more ? FloatVector.fromArray(S, c, ci + ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c13 = more ? FloatVector.fromArray(S, c, ci + ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c20 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c22 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c23 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c30 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c32 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c33 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c40 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc) : FloatVector.zero(S);
    FloatVector c41 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc + L) : FloatVector.zero(S);
    FloatVector c42 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c43 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc + 3 * L) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow, a4 = a3 + aRow;
    for (int p = 0, pa = 0, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, pb);
      FloatVector b1 = FloatVector.fromArray(S, b, pb + L);
      FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * L);
      FloatVector b3 = FloatVector.fromArray(S, b, pb + 3 * L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + pa]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      c02 = x.fma(b2, c02);
      c03 = x.fma(b3, c03);
      x = FloatVector.broadcast(S, a[a1 + pa]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      c12 = x.fma(b2, c12);
      c13 = x.fma(b3, c13);
      x = FloatVector.broadcast(S, a[a2 + pa]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      c22 = x.fma(b2, c22);
      c23 = x.fma(b3, c23);
      x = FloatVector.broadcast(S, a[a3 + pa]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      c32 = x.fma(b2, c32);
      c33 = x.fma(b3, c33);
      x = FloatVector.broadcast(S, a[a4 + pa]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      c42 = x.fma(b2, c42);
      c43 = x.fma(b3, c43);
    }
    int r = ci;
    c00.intoArray(c, r);
    c01.intoArray(c, r + L);
    c02.intoArray(c, r + 2 * L);
    c03.intoArray(c, r + 3 * L);
    r += ldc;
    c10.intoArray(c, r);
    c11.intoArray(c, r + L);
    c12.intoArray(c, r + 2 * L);
    c13.intoArray(c, r + 3 * L);
    r += ldc;
    c20.intoArray(c, r);
    c21.intoArray(c, r + L);
    c22.intoArray(c, r + 2 * L);
    c23.intoArray(c, r + 3 * L);
    r += ldc;
    c30.intoArray(c, r);
    c31.intoArray(c, r + L);
    c32.intoArray(c, r + 2 * L);
    c33.intoArray(c, r + 3 * L);
    r += ldc;
    c40.intoArray(c, r);
    c41.intoArray(c, r + L);
    c42.intoArray(c, r + 2 * L);
    c43.intoArray(c, r + 3 * L);
  }
  /** {@link #tile4x4} reading B in place, for rows too few to repay an aligned copy. */
  private static void tile4x4InPlace(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len, boolean more) {
    FloatVector c00 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c01 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c02 = more ? FloatVector.fromArray(S, c, ci + 2 * L) : FloatVector.zero(S);
    FloatVector c03 = more ? FloatVector.fromArray(S, c, ci + 3 * L) : FloatVector.zero(S);
    FloatVector c10 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c11 = more ? FloatVector.fromArray(S, c, ci + ldc + L) : FloatVector.zero(S);
    FloatVector c12 = more ? FloatVector.fromArray(S, c, ci + ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c13 = more ? FloatVector.fromArray(S, c, ci + ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c20 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c22 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c23 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c30 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c32 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c33 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + 3 * L) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
    for (int p = 0, pa = 0, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, pb);
      FloatVector b1 = FloatVector.fromArray(S, b, pb + L);
      FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * L);
      FloatVector b3 = FloatVector.fromArray(S, b, pb + 3 * L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + pa]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      c02 = x.fma(b2, c02);
      c03 = x.fma(b3, c03);
      x = FloatVector.broadcast(S, a[a1 + pa]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      c12 = x.fma(b2, c12);
      c13 = x.fma(b3, c13);
      x = FloatVector.broadcast(S, a[a2 + pa]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      c22 = x.fma(b2, c22);
      c23 = x.fma(b3, c23);
      x = FloatVector.broadcast(S, a[a3 + pa]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      c32 = x.fma(b2, c32);
      c33 = x.fma(b3, c33);
    }
    int r = ci;
    c00.intoArray(c, r);
    c01.intoArray(c, r + L);
    c02.intoArray(c, r + 2 * L);
    c03.intoArray(c, r + 3 * L);
    r += ldc;
    c10.intoArray(c, r);
    c11.intoArray(c, r + L);
    c12.intoArray(c, r + 2 * L);
    c13.intoArray(c, r + 3 * L);
    r += ldc;
    c20.intoArray(c, r);
    c21.intoArray(c, r + L);
    c22.intoArray(c, r + 2 * L);
    c23.intoArray(c, r + 3 * L);
    r += ldc;
    c30.intoArray(c, r);
    c31.intoArray(c, r + L);
    c32.intoArray(c, r + 2 * L);
    c33.intoArray(c, r + 3 * L);
  }
  /** {@link #tile1x4} reading B in place, for rows too few to repay an aligned copy. */
  private static void tile1x4InPlace(
      float[] c, int ci, float[] a, int ai, int aStep, float[] b, int bi, int ldb, int len, boolean more) {
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c1 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c2 = more ? FloatVector.fromArray(S, c, ci + 2 * L) : FloatVector.zero(S);
    FloatVector c3 = more ? FloatVector.fromArray(S, c, ci + 3 * L) : FloatVector.zero(S);
    for (int p = 0, pa = ai, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector x = FloatVector.broadcast(S, a[pa]);
      c0 = x.fma(FloatVector.fromArray(S, b, pb), c0);
      c1 = x.fma(FloatVector.fromArray(S, b, pb + L), c1);
      c2 = x.fma(FloatVector.fromArray(S, b, pb + 2 * L), c2);
      c3 = x.fma(FloatVector.fromArray(S, b, pb + 3 * L), c3);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + L);
    c2.intoArray(c, ci + 2 * L);
    c3.intoArray(c, ci + 3 * L);
  }
  /** {@link #tile5x2} reading B in place, for rows too few to repay an aligned copy. */
  private static void tile5x2InPlace(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len, boolean more) {
    FloatVector c00 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c01 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c10 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c11 = more ? FloatVector.fromArray(S, c, ci + ldc + L) : FloatVector.zero(S);
    FloatVector c20 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c30 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c40 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc) : FloatVector.zero(S);
    FloatVector c41 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc + L) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow, a4 = a3 + aRow;
    for (int p = 0, pa = 0, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, pb);
      FloatVector b1 = FloatVector.fromArray(S, b, pb + L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + pa]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, a[a1 + pa]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, a[a2 + pa]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, a[a3 + pa]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(S, a[a4 + pa]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + L);
    c40.intoArray(c, ci + 4 * ldc);
    c41.intoArray(c, ci + 4 * ldc + L);
  }
  /** {@link #tile4x2} reading B in place, for rows too few to repay an aligned copy. */
  private static void tile4x2InPlace(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len, boolean more) {
    FloatVector c00 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c01 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c10 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c11 = more ? FloatVector.fromArray(S, c, ci + ldc + L) : FloatVector.zero(S);
    FloatVector c20 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c30 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + L) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
    for (int p = 0, pa = 0, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, pb);
      FloatVector b1 = FloatVector.fromArray(S, b, pb + L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + pa]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, a[a1 + pa]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, a[a2 + pa]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, a[a3 + pa]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + L);
  }
  /** {@link #tile1x2} reading B in place, for rows too few to repay an aligned copy. */
  private static void tile1x2InPlace(
      float[] c, int ci, float[] a, int ai, int aStep, float[] b, int bi, int ldb, int len, boolean more) {
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c1 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    for (int p = 0, pa = ai, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector x = FloatVector.broadcast(S, a[pa]);
      c0 = x.fma(FloatVector.fromArray(S, b, pb), c0);
      c1 = x.fma(FloatVector.fromArray(S, b, pb + L), c1);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + L);
  }
  /**
   * 5 rows × the first {@code lanes} lanes of a vector of C, the column tail: B read as whole
   * vectors (lanes past {@code lanes} are never stored and lanes do not mix), so len must not
   * run past {@link #wholeLoads}; {@link #tile5xPartLast} takes the rows after.
   */
  private static void tile5xPart(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len, int lanes, boolean more) {
    VectorMask<Float> m = S.indexInRange(0, lanes); // made here: a mask argument would be boxed
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci, m) : FloatVector.zero(S);
    FloatVector c1 = more ? FloatVector.fromArray(S, c, ci + ldc, m) : FloatVector.zero(S);
    FloatVector c2 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc, m) : FloatVector.zero(S);
    FloatVector c3 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc, m) : FloatVector.zero(S);
    FloatVector c4 = more ? FloatVector.fromArray(S, c, ci + 4 * ldc, m) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow, a4 = a3 + aRow;
    for (int p = 0, pa = 0, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, pb);
      c0 = FloatVector.broadcast(S, a[a0 + pa]).fma(b0, c0);
      c1 = FloatVector.broadcast(S, a[a1 + pa]).fma(b0, c1);
      c2 = FloatVector.broadcast(S, a[a2 + pa]).fma(b0, c2);
      c3 = FloatVector.broadcast(S, a[a3 + pa]).fma(b0, c3);
      c4 = FloatVector.broadcast(S, a[a4 + pa]).fma(b0, c4);
    }
    c0.intoArray(c, ci, m);
    c1.intoArray(c, ci + ldc, m);
    c2.intoArray(c, ci + 2 * ldc, m);
    c3.intoArray(c, ci + 3 * ldc, m);
    c4.intoArray(c, ci + 4 * ldc, m);
  }

  /**
   * The last rows of B for {@link #tile5xPart}, where a whole vector would run past the end of
   * b: each element's chain goes on from C in scalar fma, as a lane of a masked load would. Not
   * a second, masked loop in tile5xPart: with one, C1 could not compile it ("out of virtual
   * registers in linear scan"), nor a masked kernel of its own, and in one JVM tile5xPart then
   * stayed in its first C1 code, the Vector API not intrinsified: a 128×128×10 product took
   * 0.4–15 ms instead of 12 µs for as long as it was measured (16 s).
   */
  private static void tile5xPartLast(float[] c, int ci, int ldc, float[] a, int ai, int aRow,
      int aStep, float[] b, int bi, int ldb, int len, int lanes) {
    for (int r = 0; r < MR; r++) {
      for (int t = 0; t < lanes; t++) {
        float acc = c[ci + r * ldc + t];
        for (int p = 0; p < len; p++) {
          acc = Math.fma(a[ai + r * aRow + p * aStep], b[bi + p * ldb + t], acc);
        }
        c[ci + r * ldc + t] = acc;
      }
    }
  }

  /** 4 rows × 4 vectors of C in 16 accumulators: row blocks that make the 5-row blocks fit. */
  private static void tile4x4(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      MemorySegment b, long bo, int len, boolean more) {
    FloatVector c00 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c01 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c02 = more ? FloatVector.fromArray(S, c, ci + 2 * L) : FloatVector.zero(S);
    FloatVector c03 = more ? FloatVector.fromArray(S, c, ci + 3 * L) : FloatVector.zero(S);
    FloatVector c10 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c11 = more ? FloatVector.fromArray(S, c, ci + ldc + L) : FloatVector.zero(S);
    FloatVector c12 = more ? FloatVector.fromArray(S, c, ci + ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c13 = more ? FloatVector.fromArray(S, c, ci + ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c20 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c21 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + L) : FloatVector.zero(S);
    FloatVector c22 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c23 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc + 3 * L) : FloatVector.zero(S);
    FloatVector c30 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    FloatVector c31 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + L) : FloatVector.zero(S);
    FloatVector c32 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + 2 * L) : FloatVector.zero(S);
    FloatVector c33 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc + 3 * L) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
    long pb = bo;
    for (int p = 0, pa = 0; p < len; p++, pa += aStep, pb += PANEL4_ROW) {
      FloatVector b0 = FloatVector.fromMemorySegment(S, b, pb, NATIVE);
      FloatVector b1 = FloatVector.fromMemorySegment(S, b, pb + VECTOR_BYTES, NATIVE);
      FloatVector b2 = FloatVector.fromMemorySegment(S, b, pb + 2 * VECTOR_BYTES, NATIVE);
      FloatVector b3 = FloatVector.fromMemorySegment(S, b, pb + 3 * VECTOR_BYTES, NATIVE);
      FloatVector x = FloatVector.broadcast(S, a[a0 + pa]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      c02 = x.fma(b2, c02);
      c03 = x.fma(b3, c03);
      x = FloatVector.broadcast(S, a[a1 + pa]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      c12 = x.fma(b2, c12);
      c13 = x.fma(b3, c13);
      x = FloatVector.broadcast(S, a[a2 + pa]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      c22 = x.fma(b2, c22);
      c23 = x.fma(b3, c23);
      x = FloatVector.broadcast(S, a[a3 + pa]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      c32 = x.fma(b2, c32);
      c33 = x.fma(b3, c33);
    }
    int r = ci;
    c00.intoArray(c, r);
    c01.intoArray(c, r + L);
    c02.intoArray(c, r + 2 * L);
    c03.intoArray(c, r + 3 * L);
    r += ldc;
    c10.intoArray(c, r);
    c11.intoArray(c, r + L);
    c12.intoArray(c, r + 2 * L);
    c13.intoArray(c, r + 3 * L);
    r += ldc;
    c20.intoArray(c, r);
    c21.intoArray(c, r + L);
    c22.intoArray(c, r + 2 * L);
    c23.intoArray(c, r + 3 * L);
    r += ldc;
    c30.intoArray(c, r);
    c31.intoArray(c, r + L);
    c32.intoArray(c, r + 2 * L);
    c33.intoArray(c, r + 3 * L);
  }

  /** 4 rows × 1 vector of C. */
  private static void tile4x1(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len, boolean more) {
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c1 = more ? FloatVector.fromArray(S, c, ci + ldc) : FloatVector.zero(S);
    FloatVector c2 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc) : FloatVector.zero(S);
    FloatVector c3 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
    for (int p = 0, pa = 0, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, pb);
      c0 = FloatVector.broadcast(S, a[a0 + pa]).fma(b0, c0);
      c1 = FloatVector.broadcast(S, a[a1 + pa]).fma(b0, c1);
      c2 = FloatVector.broadcast(S, a[a2 + pa]).fma(b0, c2);
      c3 = FloatVector.broadcast(S, a[a3 + pa]).fma(b0, c3);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + ldc);
    c2.intoArray(c, ci + 2 * ldc);
    c3.intoArray(c, ci + 3 * ldc);
  }

  /** 4 rows × the first {@code lanes} lanes of a vector of C. */
  private static void tile4xPart(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len, int lanes, boolean more) {
    VectorMask<Float> m = S.indexInRange(0, lanes);
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci, m) : FloatVector.zero(S);
    FloatVector c1 = more ? FloatVector.fromArray(S, c, ci + ldc, m) : FloatVector.zero(S);
    FloatVector c2 = more ? FloatVector.fromArray(S, c, ci + 2 * ldc, m) : FloatVector.zero(S);
    FloatVector c3 = more ? FloatVector.fromArray(S, c, ci + 3 * ldc, m) : FloatVector.zero(S);
    int a0 = ai, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
    // Lanes past `lanes` are never stored and lanes do not mix, so B is read whole where the
    // vector fits in b, and masked only in its last rows.
    int whole = wholeLoads(b.length, bi, ldb, len);
    int p = 0, pa = 0, pb = bi;
    for (; p < whole; p++, pa += aStep, pb += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, pb);
      c0 = FloatVector.broadcast(S, a[a0 + pa]).fma(b0, c0);
      c1 = FloatVector.broadcast(S, a[a1 + pa]).fma(b0, c1);
      c2 = FloatVector.broadcast(S, a[a2 + pa]).fma(b0, c2);
      c3 = FloatVector.broadcast(S, a[a3 + pa]).fma(b0, c3);
    }
    for (; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, pb, m);
      c0 = FloatVector.broadcast(S, a[a0 + pa]).fma(b0, c0);
      c1 = FloatVector.broadcast(S, a[a1 + pa]).fma(b0, c1);
      c2 = FloatVector.broadcast(S, a[a2 + pa]).fma(b0, c2);
      c3 = FloatVector.broadcast(S, a[a3 + pa]).fma(b0, c3);
    }
    c0.intoArray(c, ci, m);
    c1.intoArray(c, ci + ldc, m);
    c2.intoArray(c, ci + 2 * ldc, m);
    c3.intoArray(c, ci + 3 * ldc, m);
  }

  /** 1 row × 4 vectors of C: leftover rows. */
  private static void tile1x4(
      float[] c, int ci, float[] a, int ai, int aStep, MemorySegment b, long bo, int len, boolean more) {
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    FloatVector c1 = more ? FloatVector.fromArray(S, c, ci + L) : FloatVector.zero(S);
    FloatVector c2 = more ? FloatVector.fromArray(S, c, ci + 2 * L) : FloatVector.zero(S);
    FloatVector c3 = more ? FloatVector.fromArray(S, c, ci + 3 * L) : FloatVector.zero(S);
    long pb = bo;
    for (int p = 0, pa = ai; p < len; p++, pa += aStep, pb += PANEL4_ROW) {
      FloatVector x = FloatVector.broadcast(S, a[pa]);
      c0 = x.fma(FloatVector.fromMemorySegment(S, b, pb, NATIVE), c0);
      c1 = x.fma(FloatVector.fromMemorySegment(S, b, pb + VECTOR_BYTES, NATIVE), c1);
      c2 = x.fma(FloatVector.fromMemorySegment(S, b, pb + 2 * VECTOR_BYTES, NATIVE), c2);
      c3 = x.fma(FloatVector.fromMemorySegment(S, b, pb + 3 * VECTOR_BYTES, NATIVE), c3);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + L);
    c2.intoArray(c, ci + 2 * L);
    c3.intoArray(c, ci + 3 * L);
  }

  /**
   * 1 row × 16 vectors of C: a single sample's product. Its speed is how fast W streams in, so the
   * kernel reads 16 consecutive vectors of each row of W per step, in the order they lie.
   */
  private static void tile1x16(
      float[] c, int ci, float[] a, int ai, int aStep, float[] b, int bi, int ldb, int len) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    FloatVector c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0, c12 = c0, c13 = c0, c14 = c0;
    FloatVector c15 = c0;
    for (int p = 0, pa = ai, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector x = FloatVector.broadcast(S, a[pa]);
      c0 = x.fma(FloatVector.fromArray(S, b, pb), c0);
      c1 = x.fma(FloatVector.fromArray(S, b, pb + L), c1);
      c2 = x.fma(FloatVector.fromArray(S, b, pb + 2 * L), c2);
      c3 = x.fma(FloatVector.fromArray(S, b, pb + 3 * L), c3);
      c4 = x.fma(FloatVector.fromArray(S, b, pb + 4 * L), c4);
      c5 = x.fma(FloatVector.fromArray(S, b, pb + 5 * L), c5);
      c6 = x.fma(FloatVector.fromArray(S, b, pb + 6 * L), c6);
      c7 = x.fma(FloatVector.fromArray(S, b, pb + 7 * L), c7);
      c8 = x.fma(FloatVector.fromArray(S, b, pb + 8 * L), c8);
      c9 = x.fma(FloatVector.fromArray(S, b, pb + 9 * L), c9);
      c10 = x.fma(FloatVector.fromArray(S, b, pb + 10 * L), c10);
      c11 = x.fma(FloatVector.fromArray(S, b, pb + 11 * L), c11);
      c12 = x.fma(FloatVector.fromArray(S, b, pb + 12 * L), c12);
      c13 = x.fma(FloatVector.fromArray(S, b, pb + 13 * L), c13);
      c14 = x.fma(FloatVector.fromArray(S, b, pb + 14 * L), c14);
      c15 = x.fma(FloatVector.fromArray(S, b, pb + 15 * L), c15);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + L);
    c2.intoArray(c, ci + 2 * L);
    c3.intoArray(c, ci + 3 * L);
    c4.intoArray(c, ci + 4 * L);
    c5.intoArray(c, ci + 5 * L);
    c6.intoArray(c, ci + 6 * L);
    c7.intoArray(c, ci + 7 * L);
    c8.intoArray(c, ci + 8 * L);
    c9.intoArray(c, ci + 9 * L);
    c10.intoArray(c, ci + 10 * L);
    c11.intoArray(c, ci + 11 * L);
    c12.intoArray(c, ci + 12 * L);
    c13.intoArray(c, ci + 13 * L);
    c14.intoArray(c, ci + 14 * L);
    c15.intoArray(c, ci + 15 * L);
  }

  /** 2 rows × 8 vectors of C in 16 accumulators: two or three samples' products. */
  private static void tile2x8(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c04 = c00;
    FloatVector c05 = c00, c06 = c00, c07 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
    FloatVector c14 = c00, c15 = c00, c16 = c00, c17 = c00;
    int a1 = ai + aRow;
    for (int p = 0, pa = 0, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector x = FloatVector.broadcast(S, a[ai + pa]);
      FloatVector y = FloatVector.broadcast(S, a[a1 + pa]);
      FloatVector w = FloatVector.fromArray(S, b, pb);
      c00 = x.fma(w, c00);
      c10 = y.fma(w, c10);
      w = FloatVector.fromArray(S, b, pb + L);
      c01 = x.fma(w, c01);
      c11 = y.fma(w, c11);
      w = FloatVector.fromArray(S, b, pb + 2 * L);
      c02 = x.fma(w, c02);
      c12 = y.fma(w, c12);
      w = FloatVector.fromArray(S, b, pb + 3 * L);
      c03 = x.fma(w, c03);
      c13 = y.fma(w, c13);
      w = FloatVector.fromArray(S, b, pb + 4 * L);
      c04 = x.fma(w, c04);
      c14 = y.fma(w, c14);
      w = FloatVector.fromArray(S, b, pb + 5 * L);
      c05 = x.fma(w, c05);
      c15 = y.fma(w, c15);
      w = FloatVector.fromArray(S, b, pb + 6 * L);
      c06 = x.fma(w, c06);
      c16 = y.fma(w, c16);
      w = FloatVector.fromArray(S, b, pb + 7 * L);
      c07 = x.fma(w, c07);
      c17 = y.fma(w, c17);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c02.intoArray(c, ci + 2 * L);
    c03.intoArray(c, ci + 3 * L);
    c04.intoArray(c, ci + 4 * L);
    c05.intoArray(c, ci + 5 * L);
    c06.intoArray(c, ci + 6 * L);
    c07.intoArray(c, ci + 7 * L);
    int r = ci + ldc;
    c10.intoArray(c, r);
    c11.intoArray(c, r + L);
    c12.intoArray(c, r + 2 * L);
    c13.intoArray(c, r + 3 * L);
    c14.intoArray(c, r + 4 * L);
    c15.intoArray(c, r + 5 * L);
    c16.intoArray(c, r + 6 * L);
    c17.intoArray(c, r + 7 * L);
  }

  /** 3 rows × 8 vectors of C in 24 accumulators: three samples' products. */
  private static void tile3x8(
      float[] c, int ci, int ldc, float[] a, int ai, int aRow, int aStep,
      float[] b, int bi, int ldb, int len) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c04 = c00;
    FloatVector c05 = c00, c06 = c00, c07 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
    FloatVector c14 = c00, c15 = c00, c16 = c00, c17 = c00, c20 = c00, c21 = c00, c22 = c00;
    FloatVector c23 = c00, c24 = c00, c25 = c00, c26 = c00, c27 = c00;
    int a1 = ai + aRow;
    int a2 = a1 + aRow;
    for (int p = 0, pa = 0, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector x = FloatVector.broadcast(S, a[ai + pa]);
      FloatVector y = FloatVector.broadcast(S, a[a1 + pa]);
      FloatVector z = FloatVector.broadcast(S, a[a2 + pa]);
      FloatVector w = FloatVector.fromArray(S, b, pb);
      c00 = x.fma(w, c00);
      c10 = y.fma(w, c10);
      c20 = z.fma(w, c20);
      w = FloatVector.fromArray(S, b, pb + L);
      c01 = x.fma(w, c01);
      c11 = y.fma(w, c11);
      c21 = z.fma(w, c21);
      w = FloatVector.fromArray(S, b, pb + 2 * L);
      c02 = x.fma(w, c02);
      c12 = y.fma(w, c12);
      c22 = z.fma(w, c22);
      w = FloatVector.fromArray(S, b, pb + 3 * L);
      c03 = x.fma(w, c03);
      c13 = y.fma(w, c13);
      c23 = z.fma(w, c23);
      w = FloatVector.fromArray(S, b, pb + 4 * L);
      c04 = x.fma(w, c04);
      c14 = y.fma(w, c14);
      c24 = z.fma(w, c24);
      w = FloatVector.fromArray(S, b, pb + 5 * L);
      c05 = x.fma(w, c05);
      c15 = y.fma(w, c15);
      c25 = z.fma(w, c25);
      w = FloatVector.fromArray(S, b, pb + 6 * L);
      c06 = x.fma(w, c06);
      c16 = y.fma(w, c16);
      c26 = z.fma(w, c26);
      w = FloatVector.fromArray(S, b, pb + 7 * L);
      c07 = x.fma(w, c07);
      c17 = y.fma(w, c17);
      c27 = z.fma(w, c27);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c02.intoArray(c, ci + 2 * L);
    c03.intoArray(c, ci + 3 * L);
    c04.intoArray(c, ci + 4 * L);
    c05.intoArray(c, ci + 5 * L);
    c06.intoArray(c, ci + 6 * L);
    c07.intoArray(c, ci + 7 * L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c12.intoArray(c, ci + ldc + 2 * L);
    c13.intoArray(c, ci + ldc + 3 * L);
    c14.intoArray(c, ci + ldc + 4 * L);
    c15.intoArray(c, ci + ldc + 5 * L);
    c16.intoArray(c, ci + ldc + 6 * L);
    c17.intoArray(c, ci + ldc + 7 * L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c22.intoArray(c, ci + 2 * ldc + 2 * L);
    c23.intoArray(c, ci + 2 * ldc + 3 * L);
    c24.intoArray(c, ci + 2 * ldc + 4 * L);
    c25.intoArray(c, ci + 2 * ldc + 5 * L);
    c26.intoArray(c, ci + 2 * ldc + 6 * L);
    c27.intoArray(c, ci + 2 * ldc + 7 * L);
  }

  /** 1 row × 8 vectors of C: what is left of a single row after its 16-vector tiles. */
  private static void tile1x8(
      float[] c, int ci, float[] a, int ai, int aStep, float[] b, int bi, int ldb, int len) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    FloatVector c7 = c0;
    for (int p = 0, pa = ai, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      FloatVector x = FloatVector.broadcast(S, a[pa]);
      c0 = x.fma(FloatVector.fromArray(S, b, pb), c0);
      c1 = x.fma(FloatVector.fromArray(S, b, pb + L), c1);
      c2 = x.fma(FloatVector.fromArray(S, b, pb + 2 * L), c2);
      c3 = x.fma(FloatVector.fromArray(S, b, pb + 3 * L), c3);
      c4 = x.fma(FloatVector.fromArray(S, b, pb + 4 * L), c4);
      c5 = x.fma(FloatVector.fromArray(S, b, pb + 5 * L), c5);
      c6 = x.fma(FloatVector.fromArray(S, b, pb + 6 * L), c6);
      c7 = x.fma(FloatVector.fromArray(S, b, pb + 7 * L), c7);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + L);
    c2.intoArray(c, ci + 2 * L);
    c3.intoArray(c, ci + 3 * L);
    c4.intoArray(c, ci + 4 * L);
    c5.intoArray(c, ci + 5 * L);
    c6.intoArray(c, ci + 6 * L);
    c7.intoArray(c, ci + 7 * L);
  }

  /** 1 row × 1 vector of C. */
  private static void tile1x1(
      float[] c, int ci, float[] a, int ai, int aStep, float[] b, int bi, int ldb, int len, boolean more) {
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci) : FloatVector.zero(S);
    for (int p = 0, pa = ai, pb = bi; p < len; p++, pa += aStep, pb += ldb) {
      c0 = FloatVector.broadcast(S, a[pa]).fma(FloatVector.fromArray(S, b, pb), c0);
    }
    c0.intoArray(c, ci);
  }

  /** 1 row × the first {@code lanes} lanes of a vector of C. */
  private static void tile1xPart(
      float[] c, int ci, float[] a, int ai, int aStep, float[] b, int bi, int ldb, int len,
      int lanes, boolean more) {
    VectorMask<Float> m = S.indexInRange(0, lanes);
    FloatVector c0 = more ? FloatVector.fromArray(S, c, ci, m) : FloatVector.zero(S);
    int whole = wholeLoads(b.length, bi, ldb, len);
    int p = 0, pa = ai, pb = bi;
    for (; p < whole; p++, pa += aStep, pb += ldb) {
      c0 = FloatVector.broadcast(S, a[pa]).fma(FloatVector.fromArray(S, b, pb), c0);
    }
    for (; p < len; p++, pa += aStep, pb += ldb) {
      c0 = FloatVector.broadcast(S, a[pa]).fma(FloatVector.fromArray(S, b, pb, m), c0);
    }
    c0.intoArray(c, ci, m);
  }

  /** How many of the rows p < len of B have a whole vector at b[bi + p·ldb] inside b. */
  private static int wholeLoads(int bLength, int bi, int ldb, int len) {
    long room = (long) bLength - L - bi; // the load at bi + p·ldb fits while p·ldb <= room
    if (room < 0) {
      return 0;
    }
    return (int) Math.min(len, room / ldb + 1);
  }

  private static float[][] swapIndexes(boolean low) {
    float[][] indexes = new float[Integer.numberOfTrailingZeros(L)][L];
    int stage = 0;
    for (int h = L / 2; h >= 1; h /= 2, stage++) {
      for (int t = 0; t < L; t++) {
        boolean firstHalf = (t & h) == 0;
        indexes[stage][t] = low ? (firstHalf ? t : L + t - h) : (firstHalf ? t + h : L + t);
      }
    }
    return indexes;
  }

  // ---- argument checks ------------------------------------------------------------------------

  private static void checkColumns(int n, int j0, int j1) {
    if (j0 < 0 || j0 > j1 || j1 > n || j0 % L != 0 || (j1 % L != 0 && j1 != n)) {
      throw new IllegalArgumentException("columns must be whole vectors of " + L + " lanes within"
          + " 0.." + n + ", got " + j0 + ".." + j1);
    }
  }

  private static void checkSizes(int k, int n, int r0, int r1) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    if (r0 < 0 || r1 < r0) {
      throw new IllegalArgumentException(
          "row range must satisfy 0 <= start <= end, got [" + r0 + ", " + r1 + ")");
    }
  }

  /** That {@code array} holds {@code needed} floats, else an error naming it; for this package's kernels. */
  static void checkLength(String name, float[] array, long needed) {
    if (array.length < needed) {
      throw new IllegalArgumentException(
          name + " must hold at least " + needed + " floats, got " + array.length);
    }
  }
}
