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
 *
 * @param strategy what to do
 * @param constant the value of {@link Strategy#CONSTANT}; finite (0 for the other strategies)
 */
public record Missing(Strategy strategy, float constant) {
  /** The kinds of {@link Missing}. */
  public enum Strategy {
    /** Stop, naming the file, line and column. */
    ERROR,
    /** The training mean, or the most frequent category. */
    MEAN,
    /** A constant for numeric cells; no category for categorical ones. */
    CONSTANT,
    /** Leave the row out. */
    DROP_ROW
  }

  /**
   * Checks the strategy and constant.
   *
   * @throws IllegalArgumentException if the strategy is null or the constant is not finite
   */
  public Missing {
    if (strategy == null) {
      throw new IllegalArgumentException("strategy must not be null");
    }
    if (!Float.isFinite(constant)) {
      throw new IllegalArgumentException("constant must be finite, got " + constant);
    }
  }

  /** {@return stop with the file, line and column (the default)} */
  public static Missing error() {
    return new Missing(Strategy.ERROR, 0);
  }

  /** {@return fill with the training mean, or the most frequent category} */
  public static Missing mean() {
    return new Missing(Strategy.MEAN, 0);
  }

  /**
   * {@return fill numeric cells with {@code value} and leave categorical ones without a category}
   *
   * @param value the value, finite
   */
  public static Missing constant(float value) {
    return new Missing(Strategy.CONSTANT, value);
  }

  /** {@return leave the row out} */
  public static Missing dropRow() {
    return new Missing(Strategy.DROP_ROW, 0);
  }
}
