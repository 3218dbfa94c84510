package dev.lamina.ensemble;

/**
 * Hears how an ensemble's training goes. Members train in parallel, so the methods are called
 * from several threads at once and must be thread-safe. On a cluster, epochs happen on other
 * machines and are not reported; starts, retries and results are.
 */
public interface EnsembleListener {
  /** Member {@code index} starts training on {@code where}. */
  default void onMemberStart(int index, String where) {}

  /** In-process only: member {@code index} finished an epoch. */
  default void onMemberEpoch(int index, MemberEpoch epoch, int epochs) {}

  /** Member {@code index} is trained. */
  default void onMemberDone(MemberResult result) {}

  /** Member {@code index}'s training was lost ({@code reason}) and is started again elsewhere. */
  default void onMemberRetry(int index, String reason) {}

  /** No output. */
  EnsembleListener SILENT = new EnsembleListener() {};
}
