package dev.lamina.train;

import dev.lamina.io.CheckpointFile;
import dev.lamina.io.ModelFileException;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.StateTensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and restores everything a training run needs to go on bit for bit: the model, the
 * optimizer's state, the step and epoch counters (every random number is derived from the seed
 * and them), the history so far, and early stopping's numbers and kept weights.
 *
 * <p>A checkpoint is taken at the end of an epoch, before the stopping decision for that epoch;
 * resuming restores it and makes that decision again, which sees the same numbers and so decides
 * the same. So the checkpoint of the last epoch holds the state of training, not the best weights
 * that a restoring early stop puts in the network afterwards.
 */
final class Checkpointer {
  static final String EPOCH = CheckpointFile.CHECKPOINT_PREFIX + "epoch";
  static final String STEPS = CheckpointFile.CHECKPOINT_PREFIX + "steps";
  static final String HISTORY = CheckpointFile.CHECKPOINT_PREFIX + "history";
  static final String STOPPING = CheckpointFile.CHECKPOINT_PREFIX + "stopping";
  static final String SETTING = CheckpointFile.CHECKPOINT_PREFIX + "trainer.";
  private static final String OPTIMIZER = "optimizer/";
  private static final String BEST = "best/";

  /**
   * Where a run picks up: after epoch {@code epoch}, whose stats are {@code last}; a new run
   * after epoch 0, with no stats.
   */
  record Resumed(int epoch, long steps, EpochStats last) {}

  private final Checkpoints settings;
  private final Map<String, String> trainer;
  private CheckpointFile.Builder pending;
  private int pendingEpoch;
  private boolean pendingWritten = true;

  /**
   * {@code settings} may be null (no checkpoints written); {@code trainer} are the settings a
   * resumed run must share with the run that wrote the checkpoint.
   */
  Checkpointer(Checkpoints settings, Map<String, String> trainer) {
    this.settings = settings;
    this.trainer = trainer;
  }

  /** At the end of epoch {@code epoch}: captures the run, and writes it when it is due. */
  void epochEnded(int epoch, long steps, Network network, Optimizer.Stepper stepper,
      Stopping stopping, Rates rates, History history) {
    if (settings == null) {
      return;
    }
    CheckpointFile.Builder b = CheckpointFile.of(network);
    stepper.state().forEach((name, values) -> b.tensorLike(OPTIMIZER + name, parameterOf(name), values));
    List<String> names = tensorNames(network);
    float[][] best = stopping.best().copies();
    for (int i = 0; i < names.size(); i++) {
      b.tensorLike(BEST + names.get(i), names.get(i), best[i]);
    }
    b.metadata(EPOCH, Integer.toString(epoch)).metadata(STEPS, Long.toString(steps))
        .metadata(HISTORY, history(history)).metadata(STOPPING, numbers(numbers(stopping, rates)));
    trainer.forEach((k, v) -> b.metadata(SETTING + k, v));
    pending = b;
    pendingEpoch = epoch;
    pendingWritten = false;
    if (epoch % settings.every() == 0) {
      write();
    }
  }

  /** When training ends: writes the last captured epoch unless it is on disk already. */
  void finish() {
    if (settings != null && !pendingWritten) {
      write();
    }
  }

  private void write() {
    try {
      pending.write(settings.file(pendingEpoch));
      pendingWritten = true;
      settings.prune();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the checkpoint of epoch " + pendingEpoch
          + " to " + settings.file(pendingEpoch), e);
    }
  }

  /**
   * Reads {@code file}, checks all of it against this run — the model, the trainer's settings,
   * every tensor — and only then restores the network, the optimizer, early stopping and the
   * history. Throws {@link ModelFileException}, changing nothing, when it does not fit.
   */
  Resumed resume(Path file, Network network, Optimizer.Stepper stepper, Stopping stopping,
      Rates rates, History history) throws IOException {
    CheckpointFile.Reader r = CheckpointFile.read(network, file);
    for (Map.Entry<String, String> s : trainer.entrySet()) {
      String found = r.metadata(SETTING + s.getKey());
      if (!found.equals(s.getValue())) {
        throw new ModelFileException(file, "was written by a run with " + s.getKey() + " "
            + found + ", but this trainer has " + s.getValue() + ": a run goes on bit for bit only"
            + " with the same settings and data (epochs, threads and listeners may differ)");
      }
    }
    int epoch = (int) number(r, EPOCH);
    long steps = (long) number(r, STEPS);
    List<EpochStats> epochs = parseHistory(r);
    Map<String, Double> numbers = parseNumbers(r, numbers(stopping, rates).keySet());
    if (epochs.size() != epoch) {
      throw new ModelFileException(file, "is corrupted: expected the history of " + epoch
          + " epochs, found " + epochs.size());
    }
    Map<String, float[]> live = stepper.state();
    List<String> expected = new ArrayList<>();
    live.keySet().forEach(n -> expected.add(OPTIMIZER + n));
    if (!r.stateNames(OPTIMIZER).equals(expected)) {
      throw new ModelFileException(file, "expected the optimizer state " + expected
          + ", found " + r.stateNames(OPTIMIZER));
    }
    Map<String, float[]> optimizer = new LinkedHashMap<>();
    for (String name : live.keySet()) {
      optimizer.put(name, r.tensorLike(OPTIMIZER + name, parameterOf(name)));
    }
    List<String> names = tensorNames(network);
    float[][] best = new float[names.size()][];
    for (int i = 0; i < best.length; i++) {
      best[i] = r.tensorLike(BEST + names.get(i), names.get(i));
    }
    // Everything is read and checked: now change the run.
    r.restoreModel();
    optimizer.forEach((name, values) ->
        System.arraycopy(values, 0, live.get(name), 0, values.length));
    stepper.resumeAt(steps);
    float[][] kept = stopping.best().copies();
    for (int i = 0; i < best.length; i++) {
      System.arraycopy(best[i], 0, kept[i], 0, best[i].length);
    }
    stopping.restore(numbers);
    rates.restore(numbers);
    epochs.forEach(history::add);
    return new Resumed(epoch, steps, epochs.get(epochs.size() - 1));
  }

  /** The parameter an optimizer state array belongs to: {@code exp_avg/hidden1.weight}. */
  private static String parameterOf(String stateName) {
    return stateName.substring(stateName.indexOf('/') + 1);
  }

  /** The network's tensors in {@link BestWeights}' order: parameters, then state. */
  private static List<String> tensorNames(Network network) {
    List<String> names = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      names.add(p.name());
    }
    for (StateTensor s : network.state()) {
      names.add(s.name());
    }
    return names;
  }

  // History and stopping numbers as text: Double.toString and parseDouble round-trip every
  // double exactly, NaN and infinities included.

  private static String history(History history) {
    StringBuilder s = new StringBuilder();
    for (EpochStats e : history.epochs()) {
      s.append(s.isEmpty() ? "" : ";").append(e.epoch()).append(',').append(e.trainLoss())
          .append(',').append(e.trainAccuracy()).append(',').append(e.validationLoss())
          .append(',').append(e.validationAccuracy()).append(',').append(e.seconds())
          .append(',').append(e.samplesPerSecond()).append(',').append(e.learningRate());
    }
    return s.toString();
  }

  private static List<EpochStats> parseHistory(CheckpointFile.Reader r) throws IOException {
    String text = r.metadata(HISTORY);
    List<EpochStats> epochs = new ArrayList<>();
    for (String line : text.isEmpty() ? new String[0] : text.split(";")) {
      String[] f = line.split(",");
      try {
        if (f.length != 8) {
          throw new NumberFormatException(f.length + " fields");
        }
        epochs.add(new EpochStats(Integer.parseInt(f[0]), Double.parseDouble(f[1]),
            Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
            Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7])));
      } catch (NumberFormatException e) {
        throw new ModelFileException(r.file(), "is corrupted: expected each epoch of " + HISTORY
            + " as 8 numbers, found \"" + line + "\"");
      }
    }
    return epochs;
  }

  /** Early stopping's numbers, then those of the learning rate's plateau watch, if any. */
  private static Map<String, Double> numbers(Stopping stopping, Rates rates) {
    Map<String, Double> n = new LinkedHashMap<>(stopping.numbers());
    n.putAll(rates.numbers());
    return n;
  }

  private static String numbers(Map<String, Double> numbers) {
    StringBuilder s = new StringBuilder();
    numbers.forEach((k, v) -> s.append(s.isEmpty() ? "" : ";").append(k).append('=').append(v));
    return s.toString();
  }

  private static Map<String, Double> parseNumbers(CheckpointFile.Reader r,
      java.util.Set<String> expected) throws IOException {
    String text = r.metadata(STOPPING);
    Map<String, Double> numbers = new LinkedHashMap<>();
    try {
      for (String pair : text.split(";")) {
        int eq = pair.indexOf('=');
        numbers.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
      }
    } catch (RuntimeException e) {
      throw new ModelFileException(r.file(), "is corrupted: expected " + STOPPING
          + " as name=number pairs, found \"" + text + "\"");
    }
    if (!numbers.keySet().equals(expected)) {
      throw new ModelFileException(r.file(), "expected early stopping's numbers " + expected
          + ", found " + numbers.keySet() + " (was it written with other early stopping?)");
    }
    return numbers;
  }

  private static double number(CheckpointFile.Reader r, String key) throws IOException {
    String text = r.metadata(key);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ModelFileException(r.file(), "is corrupted: expected " + key
          + " to be a whole number, found \"" + text + "\"");
    }
  }
}
