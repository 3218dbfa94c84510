package dev.lamina;

/** How batch normalization estimates the mean and variance it uses at inference. */
public enum RunningStats {
  /**
   * An exponential moving average, as PyTorch keeps it: after each training batch, {@code
   * running = (1 − momentum)·running + momentum·batch}, with the batch's unbiased variance.
   * Recent batches count most, which follows weights that are still changing.
   */
  EXPONENTIAL,
  /**
   * The plain average over every training batch seen, as in the original algorithm: E[x] is the
   * mean of the batch means and Var[x] the mean of the batch variances times m/(m − 1), m the
   * batch size. Every batch counts the same, old weights included.
   */
  CUMULATIVE
}
