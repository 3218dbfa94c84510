package dev.lamina.ensemble.cluster;

import dev.lamina.data.Dataset;
import java.io.IOException;

/**
 * Training data that each cluster member loads itself: a class with a public no-argument
 * constructor, on every member's class path, named in a {@link DataRef}. It must give the same
 * samples in the same order on every member, or members' bootstraps would differ.
 */
public interface TrainingData {
  /**
   * The training set and, optionally, a validation set (null when the members bootstrap and
   * evaluate out of bag), as {@code argument} selects them.
   *
   * @param argument what the data reference carries, e.g. a directory on the member
   * @return the training set and the validation set (or null)
   * @throws IOException if the data cannot be read
   */
  Dataset.Split load(String argument) throws IOException;
}
