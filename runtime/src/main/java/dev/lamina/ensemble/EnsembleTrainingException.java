package dev.lamina.ensemble;

/** A member of an ensemble could not be trained; the cause says why. */
public final class EnsembleTrainingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EnsembleTrainingException(String message, Throwable cause) {
    super(message, cause);
  }

  public EnsembleTrainingException(String message) {
    super(message);
  }
}
