package dev.lamina.ensemble;

/** How an ensemble turns its members' outputs into one prediction. */
public enum Aggregation {
  /** The mean of the members' raw outputs: for regression. */
  MEAN,
  /**
   * The class with the highest mean probability (softmax of each member's logits; for a model
   * trained with mean squared error, its raw outputs).
   */
  SOFT_VOTE,
  /**
   * The class most members predict; a tie goes to the tied class with the highest mean
   * probability, then to the lowest class index.
   */
  HARD_VOTE
}
