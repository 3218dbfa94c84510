package dev.lamina.ensemble.cluster;

import java.io.IOException;

/** No member of the cluster answered at the addresses given; the message names them. */
public final class ClusterUnreachableException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * No member answered.
   *
   * @param message the addresses tried and for how long
   * @param cause Hazelcast's exception
   */
  public ClusterUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
