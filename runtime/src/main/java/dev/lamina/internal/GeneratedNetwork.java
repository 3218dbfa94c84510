package dev.lamina.internal;

import dev.lamina.internal.kernel.Gemm;
import dev.lamina.internal.parallel.Team;
import dev.lamina.nn.Initializers;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.StateTensor;
import dev.lamina.nn.VectorApiCheck;

/**
 * The base of every generated {@code <Model>Net}: argument checks, buffer sizing and parameter
 * ownership. The generated subclass supplies the specialized passes.
 */
public abstract class GeneratedNetwork implements TrainableNetwork {
  static {
    // Runs before a generated subclass's own static initializer, which reads FloatVector, and
    // before its passes (an inner class) are linked: without the Vector API the program stops
    // here with one line saying what to add, not with a NoClassDefFoundError.
    VectorApiCheck.require();
  }

  private final NetworkSpec spec;
  private final Parameters parameters;
  /** Fewer rows per thread than this run on the caller alone: waking the team costs more. */
  private static final int MIN_ROWS_PER_THREAD = 8;

  /** Fewer columns per thread than this are not worth waking the team for. */
  private static final int MIN_COLUMNS_PER_THREAD = 64;

  private int capacity;
  /** The parts {@link #allocateParts} last allocated scratch for. */
  private int partsAllocated;
  private int trainedRows = -1;
  private Team team = new Team(1);
  /** Whether the pass in progress runs on the caller alone while the team idles. */
  private boolean alone;
  private final ColumnProduct columns = new ColumnProduct();
  private final java.util.List<StateTensor> state;
  /** {@link NetworkSpec#minTrainingRows}, looked up once: it streams over the layers. */
  private final int minTrainingRows;
  /** Scales the input before the first layer; null without {@code @Standardize} and the like. */
  private final InputScaler scaler;

  /** Creates the parameters and draws their initial values from {@code seed}. */
  protected GeneratedNetwork(NetworkSpec spec, long seed) {
    this.spec = spec;
    this.parameters = spec.newParameters();
    this.state = spec.newState();
    this.minTrainingRows = spec.minTrainingRows();
    this.scaler = InputScaler.of(spec, state);
    Initializers.initialize(spec, parameters, seed);
  }

  @Override
  public final NetworkSpec spec() {
    return spec;
  }

  @Override
  public final Parameters parameters() {
    return parameters;
  }

  @Override
  public final java.util.List<StateTensor> state() {
    return state;
  }

  /** The live values of the state tensor {@code name}. */
  protected final float[] stateValues(String name) {
    for (StateTensor s : state) {
      if (s.name().equals(name)) {
        return s.values();
      }
    }
    throw new IllegalArgumentException("no state tensor named " + name);
  }

  @Override
  public final float[] forwardTrain(float[] input, int rows, long maskSeed) {
    if (rows < minTrainingRows) {
      throw new IllegalArgumentException("rows must be >= 2 to train " + spec.name()
          + " through batch normalization, got " + rows
          + ": the variance of a single sample is 0. Train with batches of 2 or more samples.");
    }
    reserve(input, rows);
    trainedRows = rows;
    return trainForward(scaler == null ? input : scaler.apply(input, rows), rows, maskSeed);
  }

  @Override
  public final float[] forwardInfer(float[] input, int rows) {
    reserve(input, rows);
    trainedRows = -1;
    return inferForward(scaler == null ? input : scaler.apply(input, rows), rows);
  }

  @Override
  public final void backward(float[] outputGradient, int rows) {
    if (trainedRows < 0) {
      throw new IllegalStateException(
          "backward needs a forwardTrain first (none ran, or an inference pass came in between)");
    }
    if (rows != trainedRows) {
      throw new IllegalArgumentException(
          "rows must match the last forwardTrain (" + trainedRows + "), got " + rows);
    }
    if (outputGradient.length < rows * outputSize()) {
      throw new IllegalArgumentException("outputGradient must hold rows × outputSize = "
          + rows * outputSize() + " floats, got " + outputGradient.length);
    }
    backpropagate(outputGradient, rows);
  }

  /**
   * Runs the passes on {@code threads} threads (the caller and {@code threads − 1} others), each
   * on its share of a batch's rows. Results are bit-identical for every thread count.
   */
  @Override
  public final void threads(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0, got " + threads);
    }
    if (threads != team.size()) {
      team.close();
      team = new Team(threads);
    }
  }

  /** The number of threads the passes run on; 1 unless {@link #threads(int)} said otherwise. */
  public final int threads() {
    return team.size();
  }

  @Override
  public final void parallel(Team.Task task) {
    team.run(task);
  }

  /**
   * Runs {@code task} on the team, or on the caller alone when the batch is small; then the idle
   * team shares the pass's matrix products by columns instead ({@link #matmul}).
   */
  protected final void run(Team.Task task, int rows) {
    if (team.size() > partsAllocated) {
      allocateParts(team.size());
      partsAllocated = team.size();
    }
    if (team.size() == 1) {
      task.run(0, 1);
    } else if (rows < MIN_ROWS_PER_THREAD * team.size()) {
      alone = true;
      try {
        task.run(0, 1);
      } finally {
        alone = false;
      }
    } else {
      team.run(task);
    }
  }

  /**
   * {@code c[r0:r1, :] = a·b} for a pass: {@link Gemm#matmul}, except that a pass running on the
   * caller alone (a batch too small to split by rows, such as one sample) splits a wide enough
   * product's columns over the team when its threads are awake. One sample's inference is bound
   * by reading W; this way each core reads its share. The bits are the same either way.
   */
  protected final void matmul(float[] c, float[] a, float[] b, int k, int n, int r0, int r1) {
    if (alone && n >= MIN_COLUMNS_PER_THREAD * team.size()) {
      if (team.awake()) {
        columns.set(c, a, b, k, n, r0, r1);
        team.run(columns);
        return;
      }
      // Waiting for parked threads would cost more than the product: wake them for the calls
      // that follow, and do this one alone.
      team.wake();
    }
    Gemm.matmul(c, a, b, k, n, r0, r1);
  }

  /**
   * The first column of {@code part}'s share of {@code units} columns, in whole vectors so that
   * each part's loop runs vector code; {@code part == parts} gives {@code units}.
   */
  protected static int columnSplit(int units, int part, int parts) {
    int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
    int vectors = (units + lanes - 1) / lanes;
    return Math.min(units, Team.split(vectors, part, parts) * lanes);
  }

  /** Inside a task: waits for every part (nothing to wait for when the task runs as one part). */
  protected final void barrier(int parts) {
    if (parts > 1) {
      team.barrier();
    }
  }

  private void reserve(float[] input, int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("rows must be > 0, got " + rows);
    }
    if (input.length < rows * inputSize()) {
      throw new IllegalArgumentException("input must hold rows × inputSize = " + rows + " × "
          + inputSize() + " floats, got " + input.length);
    }
    if (rows > capacity) {
      allocate(rows);
      capacity = rows;
    }
  }

  /** Allocates every activation buffer for batches of up to {@code rows} samples. */
  protected abstract void allocate(int rows);

  /**
   * Allocates the scratch that each part of a pass uses on its own (a convolution's im2col rows
   * of one group of samples) for up to {@code parts} parts; called before the first pass on a
   * team that large. Nothing by default.
   */
  protected void allocateParts(int parts) {}

  protected abstract float[] trainForward(float[] input, int rows, long maskSeed);

  protected abstract float[] inferForward(float[] input, int rows);

  protected abstract void backpropagate(float[] outputGradient, int rows);

  /** One product split by whole-vector columns over the team; reused, so it allocates nothing. */
  private static final class ColumnProduct implements Team.Task {
    private float[] c;
    private float[] a;
    private float[] b;
    private int k;
    private int n;
    private int r0;
    private int r1;

    void set(float[] c, float[] a, float[] b, int k, int n, int r0, int r1) {
      this.c = c;
      this.a = a;
      this.b = b;
      this.k = k;
      this.n = n;
      this.r0 = r0;
      this.r1 = r1;
    }

    @Override
    public void run(int part, int parts) {
      Gemm.matmul(c, a, b, k, n, r0, r1, columnSplit(n, part, parts),
          columnSplit(n, part + 1, parts));
    }
  }
}
