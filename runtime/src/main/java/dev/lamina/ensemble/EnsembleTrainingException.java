package dev.lamina.ensemble;

import java.util.List;

/**
 * A member of an ensemble could not be trained; the cause says why. The members that did finish
 * are kept in {@link #finished()}: {@code Ensemble.of(model, e.finished())} makes an ensemble of
 * them, so a failure never throws away the work already done.
 */
public final class EnsembleTrainingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<MemberResult> finished;

  public EnsembleTrainingException(String message, Throwable cause) {
    this(message, cause, List.of());
  }

  public EnsembleTrainingException(String message) {
    this(message, null, List.of());
  }

  /** @param finished the members trained before it failed, in member order */
  public EnsembleTrainingException(String message, Throwable cause, List<MemberResult> finished) {
    super(message, cause);
    this.finished = List.copyOf(finished);
  }

  /** The members trained before training failed, in member order; empty if none. */
  public List<MemberResult> finished() {
    return finished == null ? List.of() : finished;
  }
}
