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

  /**
   * A failure that keeps no finished member.
   *
   * @param message what failed, naming the member
   * @param cause the member's exception
   */
  public EnsembleTrainingException(String message, Throwable cause) {
    this(message, cause, List.of());
  }

  /**
   * A failure that keeps no finished member, and has no cause.
   *
   * @param message what failed
   */
  public EnsembleTrainingException(String message) {
    this(message, null, List.of());
  }

  /**
   * A failure after some members finished.
   *
   * @param message what failed, naming the member
   * @param cause the member's exception, or null
   * @param finished the members trained before it failed, in member order
   */
  public EnsembleTrainingException(String message, Throwable cause, List<MemberResult> finished) {
    super(message, cause);
    this.finished = List.copyOf(finished);
  }

  /**
   * The members trained before training failed, in member order; empty if none.
   *
   * @return the finished members' results
   */
  public List<MemberResult> finished() {
    return finished == null ? List.of() : finished;
  }
}
