package dev.lamina.train;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Evaluation;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.TaskFit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a trainer checks before a run, so that bad data or settings fail before any epoch. */
final class RunChecks {
  /** The figures of an epoch without validation data. */
  static final Evaluation NO_VALIDATION = new Evaluation(Double.NaN, Double.NaN, 0);

  private RunChecks() {}

  /** Batch normalization cannot train on a batch of one sample: its variance is 0. */
  static void requireTrainableLastBatch(Network network, int samples, int rowsPerBatch) {
    int last = samples % rowsPerBatch;
    if (last > 0 && last < network.spec().minTrainingRows()) {
      int suggestion = rowsPerBatch + 1;
      while (samples % suggestion == 1) {
        suggestion++;
      }
      throw new IllegalArgumentException("batchSize " + rowsPerBatch + " leaves a last batch of "
          + last + " sample of the " + samples + " training samples, and " + network.spec().name()
          + " uses batch normalization, which needs at least 2 per batch; use e.g. batchSize "
          + suggestion);
    }
  }

  static void requireMatches(Network network, Dataset data, String name) {
    if (data.featureSize() != network.inputSize()) {
      throw new IllegalArgumentException(name + " has " + data.featureSize()
          + " features per sample but " + network.spec().name() + " takes " + network.inputSize());
    }
    TaskFit.require(network.spec(), data, name);
    if (data.size() == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }


  /**
   * Without validation data, nothing may watch a validation metric: it would be NaN throughout.
   * Checked as a run starts, before its network is made: validation data is given to {@code
   * fit}, so that one trainer can run on many splits (bagging's members, cross-validation's
   * folds, a search's trials), and fit is the first point that knows there is none.
   */
  static void requireNoValidationMetric(TrainingConfig config) {
    if (config.earlyStopping() != null && readsValidation(config.earlyStopping().metric())) {
      throw new IllegalArgumentException("early stopping watches " + config.earlyStopping()
          .metric().name() + ", which needs validation data: pass a validation set to fit, or"
          + " watch Metric.TRAINING_LOSS");
    }
    LearningRateSchedule.ReduceOnPlateau p = Rates.plateauOf(config.schedule());
    if (p != null && readsValidation(p.metric())) {
      throw new IllegalArgumentException("the schedule reduces the rate on plateaus of "
          + p.metric().name() + ", which needs validation data: pass a validation set to fit,"
          + " or watch Metric.TRAINING_LOSS");
    }
  }

  /** Whether {@code metric} is one of the built-in validation metrics. */
  static boolean readsValidation(Metric metric) {
    return metric == Metric.VALIDATION_LOSS || metric == Metric.VALIDATION_ACCURACY;
  }

  /**
   * The parameters that train: all of them but those of the {@code frozen} layers (a parameter
   * {@code hidden1.weight} belongs to layer {@code hidden1}). An unknown layer name fails,
   * listing the layers there are.
   */
  static Parameters trainable(Network network, List<String> frozen) {
    Parameters all = network.parameters();
    if (frozen.isEmpty()) {
      return all;
    }
    Set<String> layers = new LinkedHashSet<>();
    for (Parameter p : all) {
      layers.add(layerOf(p));
    }
    for (String name : frozen) {
      if (!layers.contains(name)) {
        throw new IllegalArgumentException("frozen layer \"" + name + "\" is not a layer of "
            + network.spec().name() + " with parameters; its layers are " + layers);
      }
    }
    List<Parameter> trainable = new ArrayList<>();
    for (Parameter p : all) {
      if (!frozen.contains(layerOf(p))) {
        trainable.add(p);
      }
    }
    if (trainable.isEmpty()) {
      throw new IllegalArgumentException("every layer of " + network.spec().name()
          + " is frozen " + frozen + ": nothing would train; unfreeze at least one");
    }
    return new Parameters(trainable);
  }

  /** The layer a parameter belongs to: its name up to the first dot. */
  static String layerOf(Parameter p) {
    int dot = p.name().indexOf('.');
    return dot < 0 ? p.name() : p.name().substring(0, dot);
  }
}
