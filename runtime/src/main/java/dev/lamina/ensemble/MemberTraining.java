package dev.lamina.ensemble;

import dev.lamina.Loss;
import dev.lamina.data.Dataset;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.Seeds;
import dev.lamina.nn.StateTensor;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.EpochStats;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingConfig;
import dev.lamina.train.TrainingEnd;
import dev.lamina.train.TrainingListener;
import dev.lamina.train.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Trains one member: the one piece of code that runs in a thread pool and on cluster members
 * alike, which is why the same task gives the same weights everywhere. The network runs on one
 * thread; members run in parallel instead.
 */
public final class MemberTraining {
  /** Why a member that neither bootstraps nor holds samples out needs a validation set. */
  static final String NO_VALIDATION = "validation must be given when bootstrap is off: without"
      + " bootstrap there are no out-of-bag samples to evaluate each epoch on";

  /** Rows per inference pass over the out-of-bag samples. */
  private static final int CHUNK = 500;

  private MemberTraining() {}

  /**
   * Trains {@code task}'s member on its bootstrap resample of {@code train} (or all of it, with
   * bootstrap off; or all but its held-out samples, for a cross-validation fold), evaluating each
   * epoch on its out-of-bag samples (or on {@code validation}).
   *
   * @param validation the validation set; may be null when bootstrap is on or samples are held
   *     out
   * @param stop checked after every batch; when it says true, training ends with {@link
   *     MemberStoppedException}
   * @param where what {@link MemberResult#trainedBy()} will say
   * @param task the member's index, seed, bootstrap and configuration
   * @param model creates the member's network
   * @param train the training set
   * @param listener hears the member's epochs
   * @return the member's weights, out-of-bag scores and epochs
   */
  public static MemberResult train(MemberTask task, ModelRef<?> model, Dataset train,
      Dataset validation, EnsembleListener listener, BooleanSupplier stop, String where) {
    long start = System.nanoTime();
    Bootstrap bootstrap = task.bootstrap()
        ? Bootstrap.draw(train.size(), Seeds.derive(task.seed(), "bootstrap"))
        : task.holdsOut() ? Bootstrap.holdingOut(train.size(), task.heldOut())
        : Bootstrap.identity(train.size());
    Dataset bag = task.bootstrap() || task.holdsOut() ? train.select(bootstrap.inBag()) : train;
    int[] outOfBag = bootstrap.outOfBag();
    Dataset outOfBagData = train.select(outOfBag);
    Dataset epochData = outOfBag.length > 0 ? outOfBagData : validation;
    if (epochData == null) {
      throw new IllegalArgumentException(task.bootstrap()
          ? "the bootstrap of member " + task.index() + " left no out-of-bag sample of the "
              + train.size() + " training samples to evaluate on; pass a validation set too"
          : NO_VALIDATION);
    }

    TrainingListener progress = new TrainingListener() {
      @Override
      public void onBatch(int epoch, int batch, int batches, double loss) {
        if (stop.getAsBoolean()) {
          throw new MemberStoppedException("member " + task.index() + " stopped in epoch "
              + epoch + " on " + where);
        }
      }

      @Override
      public void onEpochEnd(EpochStats stats, int total) {
        listener.onMemberEpoch(task.index(), MemberEpoch.of(stats), total);
      }
    };
    @SuppressWarnings("unchecked")
    ModelRef<Network> networks = (ModelRef<Network>) model;
    TrainingConfig config = task.config();
    Checkpoints checkpoints = config.checkpoints();
    if (checkpoints != null) {
      checkpoints = checkpoints.in("member-" + task.index());
      config = config.toBuilder().checkpoints(checkpoints).build();
    }
    // Early stopping watches the trainer's validation data: the out-of-bag samples.
    Trainer<Network> trainer = Trainer.builder(networks.factory())
        .config(config)
        .threads(1)
        .listener(progress)
        .build();
    listener.onMemberStart(task.index(), where);
    TrainingResult<Network> result = resumeOrFit(trainer, checkpoints, bag, epochData);
    TrainingEnd end = result.history().end();
    if (end.reason() == TrainingEnd.Reason.INTERRUPTED) {
      // half-trained weights must never pass for a member
      throw new MemberStoppedException("member " + task.index() + " was interrupted in epoch "
          + end.epoch() + " on " + where);
    }
    Network network = result.network();
    // From the history, not the listener: a resumed member's includes the epochs before it.
    List<MemberEpoch> epochs = result.history().epochs().stream().map(MemberEpoch::of).toList();

    List<String> names = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      names.add(p.name());
      values.add(p.values().clone());
    }
    for (StateTensor t : network.state()) { // batch normalization's running statistics
      names.add(t.name());
      values.add(t.values().clone());
    }
    float[] scores = scores(network, outOfBagData);
    String ending = end.reason() == TrainingEnd.Reason.COMPLETED ? end.reason().name()
        : end.reason() + " at epoch " + end.epoch() + ", best epoch " + end.bestEpoch();
    int[] outOfBagLabels = outOfBagData.targetKind() == Dataset.TargetKind.CLASS_LABEL
        ? outOfBagData.labels() : new int[0]; // regression and multi-label data have no labels
    return new MemberResult(task.index(), task.seed(), train.size(), names, values, outOfBag,
        outOfBagLabels, scores, epochs, ending, where, (System.nanoTime() - start) / 1e9);
  }

  /** Goes on from the member's latest checkpoint when there is one, else trains from the start. */
  private static TrainingResult<Network> resumeOrFit(Trainer<Network> trainer,
      Checkpoints checkpoints, Dataset bag, Dataset epochData) {
    try {
      Optional<Path> latest =
          checkpoints == null ? Optional.empty() : Checkpoints.latest(checkpoints.directory());
      return latest.isPresent()
          ? trainer.resume(latest.get(), bag, epochData)
          : trainer.fit(bag, epochData);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The network's scores for every sample of {@code data}, {@code size × outputSize}:
   * probabilities for a softmax cross-entropy model, raw outputs otherwise.
   */
  static float[] scores(Network network, Dataset data) {
    int width = network.inputSize();
    int classes = network.outputSize();
    float[] scores = new float[data.size() * classes];
    float[] batch = new float[Math.min(CHUNK, Math.max(1, data.size())) * width];
    for (int first = 0; first < data.size(); first += CHUNK) {
      int rows = Math.min(CHUNK, data.size() - first);
      for (int r = 0; r < rows; r++) {
        data.copyFeatures(first + r, batch, r * width);
      }
      toScores(network, network.forwardInfer(batch, rows), rows, scores, first * classes);
    }
    return scores;
  }

  /** Converts {@code rows} rows of network output into scores at {@code scores[offset]}. */
  static void toScores(Network network, float[] output, int rows, float[] scores, int offset) {
    int classes = network.outputSize();
    if (network.spec().loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
      float[] probabilities = new float[rows * classes];
      Votes.softmax(output, rows, classes, probabilities);
      System.arraycopy(probabilities, 0, scores, offset, rows * classes);
    } else {
      System.arraycopy(output, 0, scores, offset, rows * classes);
    }
  }
}
