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
   */
  static MemberExecutor inProcess(
      dev.lamina.data.Dataset train, dev.lamina.data.Dataset validation, int threads) {
    return new InProcessMembers(train, validation, threads);
  }

  /**
   * Trains one member per task and returns their results in task order, each task exactly once.
   *
   * @throws EnsembleTrainingException when a member cannot be trained
   */
  List<MemberResult> train(ModelRef<?> model, List<MemberTask> tasks, EnsembleListener listener)
      throws InterruptedException;
}
