package dev.lamina.data;

import java.util.List;

/**
 * How one source column becomes features, as fitted on a training table: a number as it is, or a
 * category as a one-hot block. Fill values for missing cells are fitted here too.
 */
public sealed interface FeatureColumn {
  /** The column's name in the training file, or its index as text when it had no header. */
  String name();

  /** The column's index in the training file. */
  int index();

  /** How many features it becomes. */
  int width();

  /** The names of the features it becomes: its name, or {@code name=category} per category. */
  List<String> featureNames();

  /**
   * A numeric column. {@code fill} replaces a missing cell when {@code hasFill} (the training
   * mean, or the constant).
   */
  record Numeric(String name, int index, boolean hasFill, float fill) implements FeatureColumn {
    @Override
    public int width() {
      return 1;
    }

    @Override
    public List<String> featureNames() {
      return List.of(name);
    }
  }

  /**
   * A categorical column: one feature per category seen in training, sorted. {@code fill} is the
   * category index a missing cell takes, or -1 for "no category" (all zeros); {@code hasFill}
   * false means a missing cell is an error.
   */
  record Categorical(String name, int index, List<String> categories, boolean hasFill, int fill)
      implements FeatureColumn {
    public Categorical {
      categories = List.copyOf(categories);
    }

    @Override
    public int width() {
      return categories.size();
    }

    @Override
    public List<String> featureNames() {
      return categories.stream().map(c -> name + "=" + c).toList();
    }
  }
}
