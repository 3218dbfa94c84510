package dev.lamina.data;

/**
 * What a {@link TableEncoder} does with a missing cell (one of {@link CsvFormat#missingMarkers()})
 * in a feature column. The default, {@link #error()}, stops with the row and column. The fill
 * values ({@link #mean()}) come from the training table only and are kept for inference.
 *
 * <table>
 *   <caption>strategies</caption>
 *   <tr><th>strategy</th><th>numeric column</th><th>categorical column</th></tr>
 *   <tr><td>{@link #error()}</td><td colspan="2">fails naming file, line and column</td></tr>
 *   <tr><td>{@link #mean()}</td><td>the training mean</td><td>the most frequent category</td></tr>
 *   <tr><td>{@link #constant(float)}</td><td>the constant</td><td>no category (all zeros)</td></tr>
 *   <tr><td>{@link #dropRow()}</td><td colspan="2">the row is left out (when encoding a table;
 *       a single row given for prediction must be complete)</td></tr>
 * </table>
 *
 * A missing target is an error unless the strategy is {@link #dropRow()}.
 */
public record Missing(Strategy strategy, float constant) {
  /** The kinds of {@link Missing}. */
  public enum Strategy { ERROR, MEAN, CONSTANT, DROP_ROW }

  public Missing {
    if (strategy == null) {
      throw new IllegalArgumentException("strategy must not be null");
    }
    if (!Float.isFinite(constant)) {
      throw new IllegalArgumentException("constant must be finite, got " + constant);
    }
  }

  public static Missing error() {
    return new Missing(Strategy.ERROR, 0);
  }

  public static Missing mean() {
    return new Missing(Strategy.MEAN, 0);
  }

  public static Missing constant(float value) {
    return new Missing(Strategy.CONSTANT, value);
  }

  public static Missing dropRow() {
    return new Missing(Strategy.DROP_ROW, 0);
  }
}
