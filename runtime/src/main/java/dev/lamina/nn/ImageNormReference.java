package dev.lamina.nn;

/**
 * The scalar definition of normalizing an image layer's output, in double precision. Element
 * {@code e = ((s·H + h)·W + w)·C + c} of a batch belongs to one group, whose values share a mean
 * and a variance, and uses one γ and β:
 *
 * <pre>
 *   kind       group of e             values per group   γ index of e
 *   BATCH      c                      N·H·W              c
 *   LAYER      s                      H·W·C              (h·W + w)·C + c
 *   INSTANCE   s·C + c                H·W                c
 *   GROUP(G)   s·G + c / (C/G)        H·W·C/G            c
 * </pre>
 *
 * Each group is normalized with its mean and biased variance, x̂ = (v − mean)/√(var + eps), then
 * y = γ·x̂ + β. Batch normalization at inference uses the running statistics instead.
 */
final class ImageNormReference {
  private ImageNormReference() {}

  /** The forward pass's results: y, x̂, and per group 1/√(var + eps), mean and biased variance. */
  record Normalized(double[] y, double[] xhat, double[] inverseStd, double[] mean, double[] variance) {}

  static int groups(LayerSpec layer, int rows) {
    int c = layer.channels();
    return switch (layer.norm().kind()) {
      case BATCH -> c;
      case LAYER -> rows;
      case INSTANCE -> rows * c;
      case GROUP -> rows * layer.norm().groups();
      case NONE -> throw new IllegalArgumentException(layer.name() + " has no normalization");
    };
  }

  static int group(LayerSpec layer, int e) {
    int c = layer.channels();
    int sample = e / layer.units();
    int channel = e % c;
    return switch (layer.norm().kind()) {
      case BATCH -> channel;
      case LAYER -> sample;
      case INSTANCE -> sample * c + channel;
      case GROUP -> sample * layer.norm().groups() + channel / layer.norm().channelsPerGroup(c);
      case NONE -> throw new IllegalArgumentException(layer.name() + " has no normalization");
    };
  }

  static int gammaIndex(LayerSpec layer, int e) {
    return layer.norm().kind() == NormSpec.Kind.LAYER ? e % layer.units() : e % layer.channels();
  }

  /**
   * Normalizes {@code v} (rows × units) with each group's own statistics, or, when {@code
   * fixedMean} is given, with those (batch normalization at inference).
   */
  static Normalized normalize(LayerSpec layer, double[] v, int rows, float[] gamma, float[] beta,
      float[] fixedMean, float[] fixedVariance) {
    int groups = groups(layer, rows);
    double[] mean = new double[groups];
    double[] variance = new double[groups];
    if (fixedMean != null) {
      for (int g = 0; g < groups; g++) {
        mean[g] = fixedMean[g];
        variance[g] = fixedVariance[g];
      }
    } else {
      double[] count = new double[groups];
      for (int e = 0; e < v.length; e++) {
        mean[group(layer, e)] += v[e];
        count[group(layer, e)]++;
      }
      for (int g = 0; g < groups; g++) {
        mean[g] /= count[g];
      }
      for (int e = 0; e < v.length; e++) {
        double d = v[e] - mean[group(layer, e)];
        variance[group(layer, e)] += d * d;
      }
      for (int g = 0; g < groups; g++) {
        variance[g] /= count[g];
      }
    }
    double eps = layer.norm().eps();
    double[] inv = new double[groups];
    for (int g = 0; g < groups; g++) {
      inv[g] = 1 / Math.sqrt(variance[g] + eps);
    }
    double[] xhat = new double[v.length];
    double[] y = new double[v.length];
    for (int e = 0; e < v.length; e++) {
      int g = group(layer, e);
      int k = gammaIndex(layer, e);
      xhat[e] = (v[e] - mean[g]) * inv[g];
      y[e] = gamma[k] * xhat[e] + beta[k];
    }
    return new Normalized(y, xhat, inv, mean, variance);
  }

  /**
   * dγ = Σ g·x̂ and dβ = Σ g over the values sharing each γ, and returns dLoss/dv: with d = g·γ,
   * {@code dv = inv/n · (n·d − Σd − x̂·Σ(d·x̂))}, sums over the group's n values.
   */
  static double[] backward(LayerSpec layer, double[] g, double[] xhat, double[] inv, int rows,
      float[] gamma, float[] dGamma, float[] dBeta) {
    double[] dg = new double[dGamma.length];
    double[] db = new double[dBeta.length];
    int groups = groups(layer, rows);
    double[] sumD = new double[groups];
    double[] sumDX = new double[groups];
    double[] count = new double[groups];
    for (int e = 0; e < g.length; e++) {
      int k = gammaIndex(layer, e);
      int grp = group(layer, e);
      dg[k] += g[e] * xhat[e];
      db[k] += g[e];
      double d = g[e] * gamma[k];
      sumD[grp] += d;
      sumDX[grp] += d * xhat[e];
      count[grp]++;
    }
    for (int k = 0; k < dg.length; k++) {
      dGamma[k] = (float) dg[k];
      dBeta[k] = (float) db[k];
    }
    double[] dv = new double[g.length];
    for (int e = 0; e < g.length; e++) {
      int grp = group(layer, e);
      double n = count[grp];
      double d = g[e] * gamma[gammaIndex(layer, e)];
      dv[e] = inv[grp] / n * (n * d - sumD[grp] - xhat[e] * sumDX[grp]);
    }
    return dv;
  }
}
