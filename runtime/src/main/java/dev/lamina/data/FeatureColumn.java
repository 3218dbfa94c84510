package dev.lamina.data;

import java.util.List;

/**
 * How one source column becomes features, as fitted on a training table: a number as it is, or a
 * category as a one-hot block. Fill values for missing cells are fitted here too.
 */
public sealed interface FeatureColumn {
  /**
   * The column's name in the training file, or its index as text when it had no header.
   *
   * @return the name
   */
  String name();

  /**
   * The column's index in the training file.
   *
   * @return the index, from 0
   */
  int index();

  /**
   * How many features it becomes.
   *
   * @return 1 for a numeric column, the number of categories for a categorical one
   */
  int width();

  /**
   * The names of the features it becomes: its name, or {@code name=category} per category.
   *
   * @return the names, {@link #width()} of them
   */
  List<String> featureNames();

  /**
   * A numeric column. {@code fill} replaces a missing cell when {@code hasFill} (the training
   * mean, or the constant).
   *
   * @param name the column's name, or its index as text
   * @param index the column's index in the training file
   * @param hasFill whether a missing cell is filled rather than an error
   * @param fill the value of a missing cell
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
   *
   * @param name the column's name, or its index as text
   * @param index the column's index in the training file
   * @param categories the categories seen in training, sorted
   * @param hasFill whether a missing cell is filled rather than an error
   * @param fill the category index a missing cell takes, or -1 for none
   */
  record Categorical(String name, int index, List<String> categories, boolean hasFill, int fill)
      implements FeatureColumn {
    /** Copies the categories. */
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
