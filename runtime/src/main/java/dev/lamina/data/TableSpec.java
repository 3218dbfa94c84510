package dev.lamina.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which columns of a table are the target and the features, which features are categorical, and
 * what to do with missing and non-finite values. Columns are named as the header names them, or by
 * 0-based index (the only way for a file without a header). Fit it to a training table with
 * {@link TableEncoder#fit(CsvTable, TableSpec)}.
 *
 * <pre>{@code
 * TableSpec spec = TableSpec.builder()
 *     .target("churned")                 // or targets("price").regression()
 *     .categorical("plan", "region")     // one-hot, categories from the training rows
 *     .missing(Missing.mean())
 *     .build();                          // features: every other column
 * }</pre>
 */
public final class TableSpec {
  private final List<Object> targets;
  private final Dataset.TargetKind kind;
  private final List<Object> features;
  private final List<Object> categorical;
  private final List<Object> ignored;
  private final Missing missing;
  private final boolean allowNonFinite;
  private final int classes;

  private TableSpec(Builder b) {
    this.targets = List.copyOf(b.targets);
    this.kind = b.kind;
    this.features = List.copyOf(b.features);
    this.categorical = List.copyOf(b.categorical);
    this.ignored = List.copyOf(b.ignored);
    this.missing = b.missing;
    this.allowNonFinite = b.allowNonFinite;
    this.classes = b.classes;
  }

  /**
   * {@return a builder: class labels, every other column a numeric feature, missing cells an error}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The target columns, each a {@code String} name or an {@code Integer} index.
   *
   * @return the targets
   */
  public List<Object> targets() {
    return targets;
  }

  /**
   * What the target columns hold: class labels (the default), values, or 0/1 flags.
   *
   * @return the kind
   */
  public Dataset.TargetKind kind() {
    return kind;
  }

  /**
   * The feature columns as given (names or indices); empty means every column but the target.
   *
   * @return the features
   */
  public List<Object> features() {
    return features;
  }

  /** {@return the categorical feature columns (names or indices)} */
  public List<Object> categorical() {
    return categorical;
  }

  /**
   * Columns left out when the features are "every other column".
   *
   * @return the ignored columns
   */
  public List<Object> ignored() {
    return ignored;
  }

  /** {@return what a missing cell becomes; {@link Missing#error()} by default} */
  public Missing missing() {
    return missing;
  }

  /** {@return whether infinite and NaN feature values are accepted; false by default} */
  public boolean allowNonFinite() {
    return allowNonFinite;
  }

  /**
   * The number of classes when given; 0 means "the largest label seen + 1", or the names seen.
   *
   * @return the count, or 0
   */
  public int classes() {
    return classes;
  }

  /** Settings of a {@link TableSpec}. A target is required; the rest have defaults. */
  public static final class Builder {
    private final List<Object> targets = new ArrayList<>();
    private Dataset.TargetKind kind = Dataset.TargetKind.CLASS_LABEL;
    private final List<Object> features = new ArrayList<>();
    private final List<Object> categorical = new ArrayList<>();
    private final List<Object> ignored = new ArrayList<>();
    private Missing missing = Missing.error();
    private boolean allowNonFinite;
    private int classes;

    private Builder() {}

    /**
     * The column of class labels: integers 0..k-1 (numbers with integral values), or names,
     * numbered in sorted order as torchvision and scikit-learn's {@code LabelEncoder} do.
     *
     * @param name the column's header name
     * @return this builder
     */
    public Builder target(String name) {
      targets.clear();
      targets.add(Objects.requireNonNull(name, "name"));
      return this;
    }

    /**
     * The column of class labels by index, as {@link #target(String)}.
     *
     * @param index the column's index, from 0
     * @return this builder
     */
    public Builder target(int index) {
      targets.clear();
      targets.add(checkIndex("target", index));
      return this;
    }

    /**
     * Several target columns: the outputs of {@link #regression()} or the flags of {@link #multiLabel()}.
     *
     * @param names the columns' header names
     * @return this builder
     */
    public Builder targets(String... names) {
      targets.clear();
      for (String name : names) {
        targets.add(Objects.requireNonNull(name, "targets"));
      }
      return this;
    }

    /**
     * Several target columns by index, as {@link #targets(String...)}.
     *
     * @param indices the columns' indices, from 0
     * @return this builder
     */
    public Builder targets(int... indices) {
      targets.clear();
      for (int index : indices) {
        targets.add(checkIndex("targets", index));
      }
      return this;
    }

    /**
     * The target columns hold real values to predict, one output each (regression).
     *
     * @return this builder
     */
    public Builder regression() {
      this.kind = Dataset.TargetKind.VALUES;
      return this;
    }

    /**
     * The target columns hold 0 or 1, one label each (multi-label classification).
     *
     * @return this builder
     */
    public Builder multiLabel() {
      this.kind = Dataset.TargetKind.MULTI_LABEL;
      return this;
    }

    /**
     * The feature columns, in this order (default: every column but the target, in order).
     *
     * @param names the columns' header names
     * @return this builder
     */
    public Builder features(String... names) {
      for (String name : names) {
        features.add(Objects.requireNonNull(name, "features"));
      }
      return this;
    }

    /**
     * The feature columns by index, as {@link #features(String...)}.
     *
     * @param indices the columns' indices, from 0
     * @return this builder
     */
    public Builder features(int... indices) {
      for (int index : indices) {
        features.add(checkIndex("features", index));
      }
      return this;
    }

    /**
     * Feature columns of names or codes, one-hot encoded in place (categories sorted).
     *
     * @param names the columns' header names
     * @return this builder
     */
    public Builder categorical(String... names) {
      for (String name : names) {
        categorical.add(Objects.requireNonNull(name, "categorical"));
      }
      return this;
    }

    /**
     * Categorical feature columns by index, as {@link #categorical(String...)}.
     *
     * @param indices the columns' indices, from 0
     * @return this builder
     */
    public Builder categorical(int... indices) {
      for (int index : indices) {
        categorical.add(checkIndex("categorical", index));
      }
      return this;
    }

    /**
     * Columns that are not features (ids, free text) when features are not listed.
     *
     * @param names the columns' header names
     * @return this builder
     */
    public Builder ignore(String... names) {
      for (String name : names) {
        ignored.add(Objects.requireNonNull(name, "ignore"));
      }
      return this;
    }

    /**
     * Columns that are not features, by index, as {@link #ignore(String...)}.
     *
     * @param indices the columns' indices, from 0
     * @return this builder
     */
    public Builder ignore(int... indices) {
      for (int index : indices) {
        ignored.add(checkIndex("ignore", index));
      }
      return this;
    }

    /**
     * What a missing cell becomes (default {@link Missing#error()}).
     *
     * @param missing the strategy
     * @return this builder
     */
    public Builder missing(Missing missing) {
      this.missing = Objects.requireNonNull(missing, "missing");
      return this;
    }

    /**
     * Accepts infinite and NaN feature values, which are refused by default.
     *
     * @return this builder
     */
    public Builder allowNonFinite() {
      this.allowNonFinite = true;
      return this;
    }

    /**
     * The number of classes of integer labels, when the training rows may not show them all.
     *
     * @param classes the count, > 0
     * @return this builder
     */
    public Builder classes(int classes) {
      if (classes <= 0) {
        throw new IllegalArgumentException("classes must be > 0, got " + classes);
      }
      this.classes = classes;
      return this;
    }

    /**
     * {@return the specification}
     *
     * @throws IllegalStateException if no target column was given
     */
    public TableSpec build() {
      if (targets.isEmpty()) {
        throw new IllegalStateException("a target column is required: call target(name) or"
            + " target(index)");
      }
      if (kind == Dataset.TargetKind.CLASS_LABEL && targets.size() > 1) {
        throw new IllegalStateException("class labels come from one target column, got "
            + targets + "; several columns are the outputs of regression() or the labels of"
            + " multiLabel()");
      }
      if (kind != Dataset.TargetKind.CLASS_LABEL && classes != 0) {
        throw new IllegalStateException("classes(" + classes + ") is for class labels, not "
            + kind);
      }
      return new TableSpec(this);
    }

    private static Integer checkIndex(String argument, int index) {
      if (index < 0) {
        throw new IllegalArgumentException(argument + " index must be >= 0, got " + index);
      }
      return index;
    }
  }
}
