package dev.lamina.search;

import dev.lamina.train.TrainingConfig;
import java.util.Map;

/**
 * One trial of a {@link Search}: the values it tried, the configuration they make, and how it
 * scored.
 *
 * @param settings each dimension's name and the value tried, in the space's order
 * @param score the best validation accuracy of any of its epochs (the epoch early stopping would
 *     keep); NaN when no epoch gave a number
 * @param bestEpoch the epoch of that score
 * @param end how its training ended
 * @param trainedBy where it ran: a thread, or a cluster member's address
 * @param index the trial's place in the search, from 0; grid trials count the last dimension
 *     fastest
 * @param config the configuration the trial trained with: the base with its settings applied
 * @param seconds how long its training took, wall time
 */
public record Trial(int index, Map<String, String> settings, TrainingConfig config, double score,
    int bestEpoch, String end, String trainedBy, double seconds) {
  /** Copies the settings. */
  public Trial {
    settings = Map.copyOf(settings);
  }
}
