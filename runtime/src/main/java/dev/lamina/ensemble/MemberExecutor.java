package dev.lamina.ensemble;

import java.util.List;

/**
 * Where members train: {@link #inProcess} (a thread pool in this JVM, the default) or a
 * Hazelcast cluster ({@code dev.lamina.ensemble.cluster.BaggingCluster#members}). Each knows where
 * its training data comes from.
 */
public interface MemberExecutor {
  /**
   * Trains members on a pool of {@code threads} threads in this JVM, on {@code train}, scoring
   * each on {@code validation}.
   *
   * @param train the training set every task draws from
   * @param validation the set each epoch is evaluated on when a task neither bootstraps nor holds
   *     samples out; may be null otherwise
   * @param threads how many members train at once, > 0
   * @return the executor
   */
  static MemberExecutor inProcess(
      dev.lamina.data.Dataset train, dev.lamina.data.Dataset validation, int threads) {
    return new InProcessMembers(train, validation, threads);
  }

  /**
   * Trains one member per task and returns their results in task order, each task exactly once.
   *
   * @param model creates each member's network
   * @param tasks the tasks, in member order
   * @param listener hears the members' progress
   * @return one result per task, in task order
   * @throws EnsembleTrainingException when a member cannot be trained
   * @throws InterruptedException if the calling thread is interrupted while it waits
   */
  List<MemberResult> train(ModelRef<?> model, List<MemberTask> tasks, EnsembleListener listener)
      throws InterruptedException;
}
