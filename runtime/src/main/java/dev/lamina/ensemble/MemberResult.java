package dev.lamina.ensemble;

import java.io.Serializable;
import java.util.List;

/**
 * What training one member gives back, wherever it ran: its trained weights (each parameter's
 * name and values, in the network's order, then its non-trainable state such as batch
 * normalization's running statistics), its out-of-bag samples with the member's scores for
 * them, and how training went. Arrays are shared, not copied.
 *
 * @param trainingSize the size of the training set the bootstrap was drawn from
 * @param outOfBag indices into the training set of the samples this member never saw, ascending
 *     (a cross-validation fold's test samples)
 * @param outOfBagLabels their class labels; empty for data without class labels
 * @param outOfBagScores the member's scores for them (probabilities, or raw outputs for a model
 *     trained with mean squared error), {@code outOfBag.length × classes}
 * @param end how training ended, e.g. "COMPLETED" or "EARLY_STOPPED at epoch 7, best epoch 4";
 *     the weights are those of the best epoch when early stopping restored them
 * @param trainedBy where it ran, e.g. {@code "thread lamina-bagging-2"} or a cluster address
 * @param index the member's index in its ensemble (a fold's or trial's number)
 * @param seed the member's trainer seed
 * @param names each parameter's and state tensor's name, in the network's order
 * @param values their values, one array per name
 * @param epochs every epoch it trained, in order
 * @param seconds how long its training took, wall time
 */
public record MemberResult(
    int index,
    long seed,
    int trainingSize,
    List<String> names,
    List<float[]> values,
    int[] outOfBag,
    int[] outOfBagLabels,
    float[] outOfBagScores,
    List<MemberEpoch> epochs,
    String end,
    String trainedBy,
    double seconds)
    implements Serializable {
  /**
   * Copies the lists (the arrays are shared).
   *
   * @throws IllegalArgumentException if names and values, or out-of-bag samples and labels, differ
   *     in number
   */
  public MemberResult {
    names = List.copyOf(names);
    values = List.copyOf(values);
    epochs = List.copyOf(epochs);
    if (names.size() != values.size()) {
      throw new IllegalArgumentException(
          "names and values must match, got " + names.size() + " and " + values.size());
    }
    if (outOfBag.length != outOfBagLabels.length && outOfBagLabels.length != 0) {
      throw new IllegalArgumentException("outOfBag and outOfBagLabels must match, got "
          + outOfBag.length + " and " + outOfBagLabels.length);
    }
  }
}
