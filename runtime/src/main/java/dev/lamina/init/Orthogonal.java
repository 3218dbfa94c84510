package dev.lamina.init;

import java.util.SplittableRandom;

/**
 * Random orthogonal matrices, distributed uniformly (Haar) as PyTorch's {@code orthogonal_}
 * draws them: orthonormalize a Gaussian matrix. Gram–Schmidt keeps every diagonal of R positive,
 * which is the sign fix PyTorch applies after its QR; running it twice makes the result orthogonal
 * to working precision ("twice is enough").
 */
final class Orthogonal {
  private Orthogonal() {}

  /**
   * Fills the row-major {@code rows × cols} matrix {@code out} with {@code gain} times a random
   * matrix whose columns (when rows ≥ cols) or rows (otherwise) are orthonormal.
   */
  static void fill(float[] out, int rows, int cols, double gain, SplittableRandom random) {
    int n = Math.max(rows, cols);
    int m = Math.min(rows, cols);
    double[][] q = new double[m][n]; // m vectors of length n, orthonormalized in place
    for (double[] v : q) {
      for (int i = 0; i < n; i++) {
        v[i] = random.nextGaussian();
      }
    }
    for (int j = 0; j < m; j++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < j; k++) {
          double dot = dot(q[k], q[j]);
          for (int i = 0; i < n; i++) {
            q[j][i] -= dot * q[k][i];
          }
        }
      }
      double norm = Math.sqrt(dot(q[j], q[j]));
      for (int i = 0; i < n; i++) {
        q[j][i] /= norm;
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r * cols + c] = (float) (gain * (rows >= cols ? q[c][r] : q[r][c]));
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
