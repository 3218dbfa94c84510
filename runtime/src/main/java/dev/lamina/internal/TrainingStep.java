package dev.lamina.internal;

import dev.lamina.Loss;
import dev.lamina.augment.AugmentedBatch;
import dev.lamina.data.Dataset;
import dev.lamina.internal.kernel.SoftTargetLosses;
import dev.lamina.internal.parallel.Team;
import dev.lamina.nn.BatchTargets;
import dev.lamina.nn.Network;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.Parameters;
import dev.lamina.train.Optimizer;

/**
 * One optimization step on one mini-batch: gather the rows, forward, loss, backward, update. It
 * owns every buffer it needs, so a step allocates nothing; the trainer and the benchmark both
 * run exactly this code. With augmentation the rows come already gathered and augmented (on
 * another thread) in an {@link AugmentedBatch}, possibly with mixup's soft targets.
 */
public final class TrainingStep {
  private final TrainableNetwork network;
  private final Optimizer.Stepper stepper;
  private final float[] batch;
  private final BatchTargets targets;
  private final int maxRows;
  private final float[] gradient;
  /** The optimizer's update as a team task: part i runs on the thread that computed part i. */
  private final Team.Task update;
  private final Team.Task gather = this::gatherPart;
  private final Team.Task scoring = this::scorePart;
  /** Each row's loss, scored in parts on the team and summed in row order. */
  private final double[] rowLoss;
  /** The rows of the step in progress, which {@link #gather} and {@link #scoring} split. */
  private int stepRows;
  /** The rows {@link #gather} copies: samples {@code sourceOrder[sourceFirst ..]} of source. */
  private Dataset source;
  private int[] sourceOrder;
  private int sourceFirst;
  /** The output {@link #scoring} reads. */
  private float[] scoredOutput;
  private double loss;
  private int correct;

  public TrainingStep(Network network, Optimizer optimizer, int maxRows) {
    this(network, optimizer, network.parameters(), maxRows);
  }

  /** A step that updates only {@code trainable}, some of the network's parameters. */
  public TrainingStep(Network network, Optimizer optimizer, Parameters trainable, int maxRows) {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be > 0, got " + maxRows);
    }
    this.network = TrainableNetwork.of(network);
    this.stepper = optimizer.start(trainable);
    this.batch = new float[maxRows * network.inputSize()];
    this.maxRows = maxRows;
    this.targets = new BatchTargets(maxRows, network.outputSize());
    this.rowLoss = new double[maxRows];
    this.gradient = new float[maxRows * network.outputSize()];
    this.update = stepper::update;
  }

  /**
   * Trains on samples {@code order[first .. first + rows - 1]} of {@code data}, with dropout masks
   * from {@code maskSeed}. Afterwards {@link #loss()} and {@link #correct()} describe the batch.
   */
  public void run(Dataset data, int[] order, int first, int rows, long maskSeed) {
    requireRows(rows);
    stepRows = rows;
    targets.begin(data);
    source = data;
    sourceOrder = order;
    sourceFirst = first;
    network.parallel(gather);
    source = null;
    sourceOrder = null;
    float[] out = network.forwardTrain(batch, rows, maskSeed);
    loss = score(out);
    correct = countCorrect(out, rows);
    network.backward(gradient, rows);
    applyUpdate();
  }

  /**
   * Trains on an augmented batch, with dropout masks from {@code maskSeed}. A batch with soft
   * targets (mixup) is scored against them; {@link #correct()} counts rows whose prediction is the
   * row's own class.
   */
  public void run(AugmentedBatch batch, long maskSeed) {
    int rows = batch.rows();
    requireRows(rows);
    stepRows = rows;
    int classes = network.outputSize();
    if (batch.classes() != classes) {
      throw new IllegalArgumentException("batch targets must be " + classes + " wide (the "
          + "network's outputs), got " + batch.classes());
    }
    float[] out = network.forwardTrain(batch.features(), rows, maskSeed);
    targets.labels(batch.labels(), rows);
    loss = batch.soft()
        ? softLoss(network.spec(), out, batch.targets(), rows, classes)
        : score(out);
    correct = countCorrect(out, rows);
    network.backward(gradient, rows);
    applyUpdate();
  }

  /** Part {@code part} of the batch's rows, gathered by the thread whose forward reads them. */
  private void gatherPart(int part, int parts) {
    int width = network.inputSize();
    for (int r = Team.split(stepRows, part, parts), end = Team.split(stepRows, part + 1, parts);
        r < end; r++) {
      int sample = sourceOrder[sourceFirst + r];
      source.copyFeatures(sample, batch, r * width);
      targets.gather(source, sample, r);
    }
  }

  /** The step's summed loss, its rows scored on the team; fills {@link #gradient}. */
  private double score(float[] out) {
    scoredOutput = out;
    network.parallel(scoring);
    scoredOutput = null;
    double total = 0;
    for (int r = 0; r < stepRows; r++) {
      total += rowLoss[r];
    }
    return total;
  }

  private void scorePart(int part, int parts) {
    NetworkSpec spec = network.spec();
    for (int r = Team.split(stepRows, part, parts), end = Team.split(stepRows, part + 1, parts);
        r < end; r++) {
      rowLoss[r] = targets.loss(spec, scoredOutput, r, stepRows, gradient);
    }
  }

  private void requireRows(int rows) {
    if (rows <= 0 || rows > maxRows) {
      throw new IllegalArgumentException("rows must be in [1, " + maxRows + "] (the maxRows"
          + " this TrainingStep was made for), got " + rows);
    }
  }

  /** How many of the {@code rows} outputs predict their target (see BatchTargets#correct). */
  private int countCorrect(float[] out, int rows) {
    Loss loss = network.spec().loss();
    int correct = 0;
    for (int r = 0; r < rows; r++) {
      if (targets.correct(loss, out, r)) {
        correct++;
      }
    }
    return correct;
  }

  private void applyUpdate() {
    if (stepper.splits()) {
      stepper.begin();
      network.parallel(update);
    } else {
      stepper.step();
    }
  }

  private double softLoss(NetworkSpec spec, float[] out, float[] targets, int rows, int classes) {
    return spec.loss() == Loss.SOFTMAX_CROSS_ENTROPY
        ? SoftTargetLosses.softmaxCrossEntropy(out, targets, rows, classes, spec.labelSmoothing(),
            gradient)
        : SoftTargetLosses.meanSquaredError(out, targets, rows, classes, gradient);
  }

  /** The network this step trains. */
  public TrainableNetwork network() {
    return network;
  }

  /** The optimizer's state for this run; checkpoints save and restore it. */
  public Optimizer.Stepper stepper() {
    return stepper;
  }

  /** The summed loss of the last batch's rows, before the update. */
  public double loss() {
    return loss;
  }

  /** How many rows of the last batch the network classified right, before the update. */
  public int correct() {
    return correct;
  }
}
