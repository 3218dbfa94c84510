package dev.lamina.train;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Objects;

/**
 * Reports training through {@link System.Logger}, so an application's logging (java.util.logging,
 * or SLF4J/Log4j through their System.Logger bridges) decides where it goes: one INFO record per
 * epoch with its figures, and one when training ends early or restores weights. Batches are not
 * logged.
 */
public final class TrainingLog implements TrainingListener {
  /** The logger's name when none is given: records can be routed or silenced by it. */
  public static final String LOGGER_NAME = "dev.lamina.train";

  private final Logger logger;

  /** Logs to the System.Logger named {@value #LOGGER_NAME}. */
  public TrainingLog() {
    this(System.getLogger(LOGGER_NAME));
  }

  /**
   * Logs to {@code logger}: one INFO record per epoch, and one at the end (WARNING for a non-finite
   * loss).
   *
   * @param logger the logger
   */
  public TrainingLog(Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger");
  }

  @Override
  public void onEpochEnd(EpochStats s, int epochs) {
    if (logger.isLoggable(Level.INFO)) {
      String validation = s.validated() ? String.format(Locale.ROOT,
          ", validation loss %.4f acc %.4f", s.validationLoss(), s.validationAccuracy()) : "";
      logger.log(Level.INFO, String.format(Locale.ROOT,
          "epoch %d/%d: loss %.4f acc %.4f%s, %.1f s, %,.0f samples/s", s.epoch(), epochs,
          s.trainLoss(), s.trainAccuracy(), validation, s.seconds(), s.samplesPerSecond()));
    }
  }

  @Override
  public void onTrainingEnd(TrainingEnd end) {
    if (end.reason() == TrainingEnd.Reason.COMPLETED && !end.restored()) {
      return;
    }
    Level level = end.reason() == TrainingEnd.Reason.NON_FINITE_LOSS ? Level.WARNING : Level.INFO;
    logger.log(level, "training ended at epoch " + end.epoch() + " (" + end.reason() + "): "
        + end.message() + (end.restored() ? "; restored the weights of epoch " + end.bestEpoch()
            : ""));
  }
}
