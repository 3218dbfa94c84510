package dev.lamina.ensemble;

/**
 * Hears how an ensemble's training goes. Members train in parallel, so the methods are called
 * from several threads at once and must be thread-safe. On a cluster, epochs happen on other
 * machines and are not reported; starts, retries and results are.
 */
public interface EnsembleListener {
  /**
   * Member {@code index} starts training on {@code where}.
   *
   * @param index the member's index
   * @param where where it runs: a thread's name or a cluster member's address
   */
  default void onMemberStart(int index, String where) {}

  /**
   * In-process only: member {@code index} finished an epoch.
   *
   * @param index the member's index
   * @param epoch the epoch's figures
   * @param epochs the configured number of epochs, for a progress display
   */
  default void onMemberEpoch(int index, MemberEpoch epoch, int epochs) {}

  /**
   * The member of {@code result.index()} is trained.
   *
   * @param result what its training gave back
   */
  default void onMemberDone(MemberResult result) {}

  /**
   * Member {@code index}'s training was lost ({@code reason}) and is started again elsewhere.
   *
   * @param index the member's index
   * @param reason why it was lost, e.g. its cluster member left
   */
  default void onMemberRetry(int index, String reason) {}

  /** No output. */
  EnsembleListener SILENT = new EnsembleListener() {};
}
