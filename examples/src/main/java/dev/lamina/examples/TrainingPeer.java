package dev.lamina.examples;

import java.util.Map;

/**
 * A framework that trains the benches' models in this JVM beside Lamina, so that the two take
 * their measuring windows in turn. Implementations live outside the default build (peers/, DJL
 * with libtorch) and are found with {@link java.util.ServiceLoader}; {@link TrainingPeers} loads
 * one by name.
 */
public interface TrainingPeer {
  /** The benches' models a peer builds for itself, with the same layers, loss and optimizer. */
  enum BenchModel {
    /** {@link FashionMlpBn}: 784-256-128-10, batch norm, ReLU, dropout, Adam at 1e-3. */
    FASHION_MLP_BN,
    /** {@link FashionCnn}: two conv-batch norm-ReLU-max pool blocks, dropout, dense head, Adam. */
    FASHION_CNN
  }

  /**
   * The name a bench's flag gives for this peer.
   *
   * @return the lower-case name, e.g. {@code djl}
   */
  String name();

  /**
   * What the JSON records about the peer: its versions, thread settings and options, each key
   * starting with {@link #name()}.
   *
   * @return the settings, in a stable order
   */
  Map<String, Object> settings();

  /**
   * One training step of a fresh copy of {@code model} per call (forward, softmax cross-entropy,
   * backward, Adam at learning rate 1e-3) on the next {@code batch} random samples, on {@code
   * threads} threads. Steps of different thread counts may be interleaved: each sets the peer's
   * threads when they differ from its own.
   *
   * @param model which model to train
   * @param batch the mini-batch size, at least 1
   * @param threads the peer's intra-op threads, at least 1
   * @return the step, to be called repeatedly from one thread
   */
  Runnable trainingStep(BenchModel model, int batch, int threads);
}
