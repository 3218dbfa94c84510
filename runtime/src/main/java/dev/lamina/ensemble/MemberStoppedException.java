package dev.lamina.ensemble;

/**
 * A member's training was abandoned midway: its JVM is shutting down, or another member failed.
 * Nothing of it is kept; on a cluster the task is run again elsewhere.
 */
public final class MemberStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A member's training ended early.
   *
   * @param message why it was stopped
   */
  public MemberStoppedException(String message) {
    super(message);
  }
}
