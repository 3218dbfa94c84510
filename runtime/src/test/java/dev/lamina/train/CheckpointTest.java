package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.data.Dataset;
import dev.lamina.io.ModelFile;
import dev.lamina.io.ModelFileException;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.NormSpec;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.nn.StateTensor;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run resumed from a checkpoint ends bit-identical to one that never stopped — weights, batch
 * norm statistics, history and how it ended — with each optimizer, weight decay, weight noise,
 * dropout and early stopping; a checkpoint that does not fit is refused; a crash while writing one
 * leaves the one before.
 */
class CheckpointTest {
  /** Input dropout, dense + batch norm + ReLU + dropout, logits: every kind of run state. */
  static final NetworkSpec SPEC = new NetworkSpec("Checkpointed", Loss.SOFTMAX_CROSS_ENTROPY, 0,
      List.of(LayerSpec.input("in", 6, 0.8, DropoutMode.INVERTED),
          LayerSpec.dense("hidden", 10, 6, false, Init.HE, 0, Nonlinearity.RELU, 0, 0.7,
              DropoutMode.INVERTED).withNorm(NormSpec.batch(NormPlacement.BEFORE_ACTIVATION, 1e-5,
                  0.1, RunningStats.EXPONENTIAL)),
          LayerSpec.dense("out", 3, 10, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
              DropoutMode.INVERTED)));
  static final Dataset TRAIN = TinyModel.data(160, 1);
  static final Dataset VALIDATION = TinyModel.data(60, 2);

  @TempDir Path dir;
  private int runs;

  private static Trainer.Builder<ReferenceNetwork> trainer() {
    return Trainer.builder(seed -> new ReferenceNetwork(SPEC, seed)).batchSize(16).threads(1)
        .seed(11);
  }

  @Test
  void adamRunResumesBitForBit() throws Exception {
    checkResume(trainer().optimizer(Optimizer.adam(0.01)), 6, 2);
  }

  @Test
  void regularizedRunWithEarlyStoppingResumesBitForBit() throws Exception {
    Trainer.Builder<ReferenceNetwork> settings = trainer()
        .optimizer(Optimizer.sgd(0.2).momentum(0.9))
        .weightDecay(WeightDecay.l2(1e-3))
        .weightNoise(0.01)
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_ACCURACY).patience(2).minDelta(0.02));
    TrainingResult<ReferenceNetwork> whole = checkResume(settings, 12, 3);
    assertTrue(whole.history().end().epoch() >= 4, "the resumed part must run: "
        + whole.history().end());
  }

  @Test
  void everyOptimizerResumesBitForBit() throws Exception {
    for (Optimizer optimizer : List.of(Optimizer.rmsProp(0.01).momentum(0.5).centered(true),
        Optimizer.adagrad(0.1).decay(0.01), Optimizer.adamW(0.01).weightDecay(0.1),
        Optimizer.lion(0.002).weightDecay(0.1))) {
      checkResume(trainer().optimizer(optimizer), 5, 2);
    }
  }

  /** The plateau watch reduces the rate at the checkpoint and after: its state carries over. */
  @Test
  void aScheduleWithItsPlateauWatchAndClippingResumesBitForBit() throws Exception {
    TrainingResult<ReferenceNetwork> whole = checkResume(trainer().optimizer(Optimizer.adam(0.05))
        .schedule(LearningRateSchedule.reduceOnPlateau(Metric.VALIDATION_ACCURACY).patience(0)
            .factor(0.5).warmup(1))
        .clipping(new GradientClipping(1.0, 0.5)), 8, 5);
    double[] rates = whole.history().epochs().stream().mapToDouble(EpochStats::learningRate)
        .toArray();
    // Epoch 6's rate is set by the watch at the end of epoch 5, before that epoch's checkpoint.
    assertTrue(rates[0] < rates[1] && rates[5] < rates[4] && rates[7] < rates[5],
        "warm-up, then reductions at the checkpoint and after: "
            + java.util.Arrays.toString(rates));
  }

  /** Best at epoch 2, then no improvement for 3 epochs: stops after epoch 5, with epoch 2's weights. */
  static final Metric SCRIPTED = Metric.minimize("scripted",
      (stats, network) -> new double[] {5, 3, 4, 3.5, 4.5, 2, 1, 1, 1, 1}[stats.epoch() - 1]);

  /** The checkpoint (epoch 3) is between the best epoch and the stop: both must carry over. */
  @Test
  void earlyStoppingStateAndKeptWeightsCarryOver() throws Exception {
    TrainingResult<ReferenceNetwork> whole = checkResume(trainer().optimizer(Optimizer.adam(0.01))
        .earlyStopping(EarlyStopping.on(SCRIPTED).patience(3)), 10, 3);
    assertEquals(TrainingEnd.Reason.EARLY_STOPPED, whole.history().end().reason());
    assertEquals(5, whole.history().end().epoch());
    assertEquals(2, whole.history().end().bestEpoch());
  }

  /** Trains {@code epochs} straight, then again resumed from the checkpoint of epoch {@code at}. */
  private TrainingResult<ReferenceNetwork> checkResume(Trainer.Builder<ReferenceNetwork> settings,
      int epochs, int at) throws Exception {
    TrainingResult<ReferenceNetwork> whole = settings.epochs(epochs).checkpoints(null).build()
        .fit(TRAIN, VALIDATION);
    Path checkpoints = dir.resolve("run-" + runs++);
    settings.epochs(at).checkpoints(Checkpoints.to(checkpoints).every(at)).build()
        .fit(TRAIN, VALIDATION);
    Path checkpoint = Checkpoints.latest(checkpoints).orElseThrow();
    assertEquals(checkpoints.resolve(String.format("epoch-%04d.safetensors", at)), checkpoint);

    TrainingResult<ReferenceNetwork> resumed = settings.epochs(epochs).checkpoints(null).build()
        .resume(checkpoint, TRAIN, VALIDATION);
    assertTrue(whole.network().parameters().bitEquals(resumed.network().parameters()),
        "parameters after the resumed run");
    assertEquals(state(whole.network()), state(resumed.network()), "batch norm statistics");
    assertEquals(withoutTimes(whole.history()), withoutTimes(resumed.history()), "history");
    assertEquals(whole.history().end(), resumed.history().end());
    return whole;
  }

  @Test
  void checkpointOfTheEndResumesWithMoreEpochs() throws Exception {
    Trainer.Builder<ReferenceNetwork> settings = trainer().optimizer(Optimizer.adam(0.01));
    ReferenceNetwork whole = settings.epochs(5).build().fit(TRAIN, VALIDATION).network();
    Path checkpoints = dir.resolve("run");
    // every(10): only the end of the 3-epoch run writes one.
    settings.epochs(3).checkpoints(Checkpoints.to(checkpoints).every(10)).build()
        .fit(TRAIN, VALIDATION);
    Path last = Checkpoints.latest(checkpoints).orElseThrow();
    assertEquals("epoch-0003.safetensors", last.getFileName().toString());
    ReferenceNetwork resumed = settings.epochs(5).checkpoints(null).build()
        .resume(last, TRAIN, VALIDATION).network();
    assertTrue(whole.parameters().bitEquals(resumed.parameters()));

    // A checkpoint is a model file too.
    ReferenceNetwork loaded = new ReferenceNetwork(SPEC, 99);
    assertEquals("checkpoint", ModelFile.load(loaded, last).kind());
  }

  @Test
  void keepsTheNewestFiles() throws Exception {
    Path checkpoints = dir.resolve("run");
    trainer().epochs(5).checkpoints(Checkpoints.to(checkpoints).every(2).keep(2)).build()
        .fit(TRAIN, VALIDATION);
    assertEquals(List.of("epoch-0004.safetensors", "epoch-0005.safetensors"), files(checkpoints));
  }

  @Test
  void refusesACheckpointOfAnotherRun() throws Exception {
    Path checkpoints = dir.resolve("run");
    trainer().epochs(2).checkpoints(Checkpoints.to(checkpoints)).build().fit(TRAIN, VALIDATION);
    Path file = Checkpoints.latest(checkpoints).orElseThrow();

    ModelFileException e = assertThrows(ModelFileException.class,
        () -> trainer().batchSize(32).epochs(4).build().resume(file, TRAIN, VALIDATION));
    assertEquals(file + ": was written by a run with batch_size 16, but this trainer has 32: a run"
        + " goes on bit for bit only with the same settings and data (epochs, threads and"
        + " listeners may differ)", e.getMessage());

    e = assertThrows(ModelFileException.class,
        () -> trainer().epochs(4).build().resume(file, TRAIN.head(100), VALIDATION));
    assertTrue(e.getMessage().contains("with train_samples 160, but this trainer has 100"),
        e.getMessage());

    Path model = dir.resolve("model.safetensors");
    ModelFile.save(new ReferenceNetwork(SPEC, 1), model);
    e = assertThrows(ModelFileException.class,
        () -> trainer().epochs(4).build().resume(model, TRAIN, VALIDATION));
    assertEquals(model + ": expected a checkpoint (lamina.kind \"checkpoint\"), found a model file;"
        + " load models with ModelFile.load", e.getMessage());

    Path cut = dir.resolve("cut.safetensors");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
    e = assertThrows(ModelFileException.class,
        () -> trainer().epochs(4).build().resume(cut, TRAIN, VALIDATION));
    assertTrue(e.getMessage().startsWith(cut + ": is truncated: expected "), e.getMessage());

    IllegalArgumentException fewer = assertThrows(IllegalArgumentException.class,
        () -> trainer().epochs(1).build().resume(file, TRAIN, VALIDATION));
    assertEquals("epochs must be at least 2 to resume " + file + ", which is at epoch 2; got 1",
        fewer.getMessage());
  }

  /** The rename of epoch 3's checkpoint fails after its bytes are written: epoch 2's survives. */
  @Test
  void crashBetweenWriteAndRenameLeavesThePreviousCheckpoint() throws Exception {
    Path checkpoints = dir.resolve("run");
    Checkpoints settings = Checkpoints.to(checkpoints).keep(5);
    Files.createDirectories(settings.file(3).resolve("blocker")); // a rename cannot replace it
    Trainer<ReferenceNetwork> trainer = trainer().epochs(4).checkpoints(settings).build();
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> trainer.fit(TRAIN, VALIDATION));
    assertTrue(e.getMessage().startsWith("could not write the checkpoint of epoch 3 to "),
        e.getMessage());
    assertEquals(List.of("epoch-0001.safetensors", "epoch-0002.safetensors",
        "epoch-0003.safetensors"), files(checkpoints), "no temporary file is left behind");

    // The run goes on from epoch 2's checkpoint and ends as a run that never crashed.
    Path two = settings.file(2);
    ReferenceNetwork resumed = trainer().epochs(4).build().resume(two, TRAIN, VALIDATION).network();
    ReferenceNetwork whole = trainer().epochs(4).build().fit(TRAIN, VALIDATION).network();
    assertTrue(whole.parameters().bitEquals(resumed.parameters()));
  }

  @Test
  void optimizersWithoutStateAccessAreRefusedBeforeTraining() {
    Optimizer opaque = new Optimizer() {
      @Override
      public double learningRate() {
        return 0.1;
      }

      @Override
      public Stepper start(dev.lamina.nn.Parameters parameters) {
        return () -> {};
      }
    };
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> trainer().optimizer(opaque).checkpoints(Checkpoints.to(dir)).build()
            .fit(TRAIN, VALIDATION));
    assertTrue(e.getMessage().endsWith("cannot be checkpointed: implement"
        + " Optimizer.Stepper.state() (an empty map if it keeps no state)"), e.getMessage());
  }

  private static List<String> state(ReferenceNetwork network) {
    List<String> values = new ArrayList<>();
    for (StateTensor s : network.state()) {
      values.add(s.name() + Arrays.toString(s.values()));
    }
    return values;
  }

  private static List<String> withoutTimes(History history) {
    return history.epochs().stream().map(e -> e.epoch() + " " + e.trainLoss() + " "
        + e.trainAccuracy() + " " + e.validationLoss() + " " + e.validationAccuracy()).toList();
  }

  private static List<String> files(Path directory) throws Exception {
    try (Stream<Path> list = Files.list(directory)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
