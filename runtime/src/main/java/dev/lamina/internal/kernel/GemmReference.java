package dev.lamina.internal.kernel;

/**
 * The readable definition of {@link Gemm}'s products: plain loops, sums accumulated in double and
 * rounded once to float. It is the oracle for Gemm's tests, not a fast path (C2 does not vectorize
 * these loops). All matrices are row-major, dense, starting at offset 0, and written whole.
 */
public final class GemmReference {
  private GemmReference() {}

  /** a (rows, k) · b (k, n) -> c (rows, n): c[i][j] = Σ_p a[i][p]·b[p][j]. */
  public static void matmul(float[] c, float[] a, float[] b, int rows, int k, int n) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int p = 0; p < k; p++) {
          sum += (double) a[i * k + p] * b[p * n + j];
        }
        c[i * n + j] = (float) sum;
      }
    }
  }

  /** a (rows, k), b (rows, n) -> c (k, n) = aᵀ·b: c[i][j] = Σ_r a[r][i]·b[r][j]. */
  public static void matmulTransA(float[] c, float[] a, float[] b, int rows, int k, int n) {
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
          sum += (double) a[r * k + i] * b[r * n + j];
        }
        c[i * n + j] = (float) sum;
      }
    }
  }

  /**
   * a (rows, n) · bᵀ -> c (rows, k), where B is (k, n) and given as its transpose bt (n, k):
   * c[i][j] = Σ_p a[i][p]·B[j][p] = Σ_p a[i][p]·bt[p][j].
   */
  public static void matmulTransB(float[] c, float[] a, float[] bt, int rows, int k, int n) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        double sum = 0;
        for (int p = 0; p < n; p++) {
          sum += (double) a[i * n + p] * bt[p * k + j];
        }
        c[i * k + j] = (float) sum;
      }
    }
  }

  /** src (rows, cols) -> dst (cols, rows): dst[j][i] = src[i][j]. */
  public static void transpose(float[] dst, float[] src, int rows, int cols) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        dst[j * rows + i] = src[i * cols + j];
      }
    }
  }
}
