package dev.lamina.ensemble.cluster;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import dev.lamina.ensemble.MemberStoppedException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Tells a task lost with its cluster member (it left, died, shut down, its connection broke, it
 * stopped answering) from a task whose training failed: only the first is worth running again.
 */
final class MemberLoss {
  private MemberLoss() {}

  static boolean isLoss(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof MemberLeftException || t instanceof TargetNotMemberException
          || t instanceof TargetDisconnectedException
          || t instanceof HazelcastInstanceNotActiveException
          || t instanceof OperationTimeoutException
          || t instanceof MemberStoppedException || t instanceof RejectedExecutionException
          || t instanceof RetryableException) {
        return true;
      }
    }
    return false;
  }

  /** The error's class and message, without Hazelcast's long stack of causes. */
  static String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : " (" + firstLine(message)
        + ")");
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
