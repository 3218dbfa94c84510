package dev.lamina.examples;

import java.util.ServiceLoader;

/** Finds the training peer a bench was asked for on the class path. */
final class TrainingPeers {
  /** The one-line fix printed when the DJL peer is asked for and missing. */
  static final String DJL_MISSING = "--djl needs the DJL peer (peers/, libtorch from Maven"
      + " Central) on the class path: run the bench through bin/lamina, which builds it with"
      + " 'mvn -Ppeers -pl peers -am package' and adds it when --djl is given";

  private TrainingPeers() {}

  /** The DJL peer, or a usage error naming the fix when it is not on the class path. */
  static TrainingPeer djl() {
    for (TrainingPeer peer : ServiceLoader.load(TrainingPeer.class)) {
      if (peer.name().equals("djl")) {
        return peer;
      }
    }
    throw new Options.UsageException(DJL_MISSING);
  }
}
