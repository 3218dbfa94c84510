package dev.lamina.examples;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Network;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.History;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingResult;
import dev.lamina.train.WeightDecay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * The experiment behind {@code bin/lamina regularization-lab}: the same over-sized MLP trained on
 * the same small training set with each regularizer in turn. Each regularizer tries a few
 * strengths and keeps the one with the best final validation accuracy; only then is the kept
 * network scored on the training set (inference mode) and the test set, so the test set never
 * influences a choice.
 */
final class RegularizationLab {
  /** One strength of one regularizer: the model class to build and the trainer settings. */
  record Candidate(String strength, LongFunction<Network> factory,
      UnaryOperator<Trainer.Builder<Network>> settings) {}

  record Regularizer(String name, List<Candidate> candidates) {}

  /**
   * What a candidate did on the validation set: the accuracy of the weights it kept, the epochs
   * it ran and the epoch whose weights it kept (the last, or the best one after early stopping).
   */
  record Trial(Candidate candidate, double validationAccuracy, int epochs, int keptEpoch) {}

  /** The kept candidate of a regularizer, scored, and the trials it was chosen from. */
  record Outcome(Regularizer regularizer, Trial chosen, List<Trial> trials, double trainAccuracy,
      double testAccuracy, History history) {
    double gap() {
      return trainAccuracy - testAccuracy;
    }
  }

  /** Training settings shared by every run. */
  record Settings(int epochs, int batchSize, double learningRate, long seed, int threads) {}

  private final Settings settings;

  RegularizationLab(Settings settings) {
    this.settings = settings;
  }

  private static Candidate plain(String strength, UnaryOperator<Trainer.Builder<Network>> settings) {
    return new Candidate(strength, RegularizationLabModels_PlainNet::new, settings);
  }

  private static Candidate model(String strength, LongFunction<Network> factory) {
    return new Candidate(strength, factory, b -> b);
  }

  private static UnaryOperator<Trainer.Builder<Network>> l2(double lambda) {
    return b -> b.weightDecay(WeightDecay.l2(lambda));
  }

  /** Early stopping on validation loss, patience 5, keeping the best epoch's weights. */
  static EarlyStopping earlyStopping() {
    return EarlyStopping.on(Metric.VALIDATION_LOSS).patience(5);
  }

  /** Every regularizer of the lab with the strengths it tries. */
  static List<Regularizer> regularizers() {
    return List.of(
        new Regularizer("none", List.of(plain("-", b -> b))),
        new Regularizer("l2", List.of(plain("λ=1e-4", l2(1e-4)), plain("λ=1e-3", l2(1e-3)),
            plain("λ=1e-2", l2(1e-2)))),
        // Adam divides the L2 gradient by its running scale; decoupled decay (AdamW) does not.
        new Regularizer("decoupled", List.of(
            plain("λ=0.01", b -> b.weightDecay(WeightDecay.decoupled(0.01))),
            plain("λ=0.1", b -> b.weightDecay(WeightDecay.decoupled(0.1))))),
        new Regularizer("l1", List.of(
            plain("λ=1e-5", b -> b.weightDecay(WeightDecay.l1(1e-5))),
            plain("λ=1e-4", b -> b.weightDecay(WeightDecay.l1(1e-4))),
            plain("λ=1e-3", b -> b.weightDecay(WeightDecay.l1(1e-3))))),
        new Regularizer("dropout", List.of(
            model("keep 0.9/0.8", RegularizationLabModels_DropoutLightNet::new),
            model("keep 0.8/0.65", RegularizationLabModels_DropoutMediumNet::new),
            model("keep 0.8/0.5", RegularizationLabModels_DropoutStrongNet::new))),
        new Regularizer("input_noise", List.of(
            model("std 0.1", RegularizationLabModels_NoiseLightNet::new),
            model("std 0.2", RegularizationLabModels_NoiseMediumNet::new),
            model("std 0.4", RegularizationLabModels_NoiseStrongNet::new))),
        new Regularizer("weight_noise", List.of(
            plain("std 0.005", b -> b.weightNoise(0.005)),
            plain("std 0.01", b -> b.weightNoise(0.01)),
            plain("std 0.02", b -> b.weightNoise(0.02)))),
        new Regularizer("label_smoothing", List.of(
            model("ε=0.05", RegularizationLabModels_SmoothLightNet::new),
            model("ε=0.1", RegularizationLabModels_SmoothMediumNet::new),
            model("ε=0.2", RegularizationLabModels_SmoothStrongNet::new))),
        new Regularizer("early_stopping", List.of(
            plain("val loss, patience 5", b -> b.earlyStopping(earlyStopping())))),
        // Strengths that are best alone overshoot together: "all" tries two sets of its own.
        new Regularizer("all", List.of(
            new Candidate("light", RegularizationLabModels_AllLightNet::new,
                b -> b.weightDecay(WeightDecay.l2(1e-4)).weightNoise(0.005)
                    .earlyStopping(earlyStopping())),
            new Candidate("medium", RegularizationLabModels_AllMediumNet::new,
                b -> b.weightDecay(WeightDecay.l2(1e-3)).weightNoise(0.01)
                    .earlyStopping(earlyStopping())))));
  }

  /** Tries every strength of {@code regularizer}, keeps the best on validation, then scores it. */
  Outcome run(Regularizer regularizer, Dataset train, Dataset validation, Dataset test,
      Consumer<String> progress) {
    List<Trial> trials = new ArrayList<>();
    TrainingResult<Network> best = null;
    Trial chosen = null;
    for (Candidate c : regularizer.candidates()) {
      TrainingResult<Network> result = train(c, train, validation);
      // The kept weights' accuracy: the last epoch's, or the best epoch's after early stopping.
      double accuracy = result.network().evaluate(validation).accuracy();
      var end = result.history().end();
      Trial trial = new Trial(c, accuracy, result.history().epochs().size(),
          end.restored() ? end.bestEpoch() : end.epoch());
      trials.add(trial);
      progress.accept(String.format(Locale.ROOT,
          "  %-16s %-22s validation accuracy %.4f (weights of epoch %d of %d, %.1f s)",
          regularizer.name(), c.strength(), accuracy, trial.keptEpoch(), trial.epochs(),
          result.history().trainSeconds()));
      if (chosen == null || accuracy > chosen.validationAccuracy()) {
        chosen = trial;
        best = result;
      }
    }
    return new Outcome(regularizer, chosen, trials, best.network().evaluate(train).accuracy(),
        best.network().evaluate(test).accuracy(), best.history());
  }

  private TrainingResult<Network> train(Candidate c, Dataset train, Dataset validation) {
    Trainer.Builder<Network> builder = Trainer.builder(c.factory())
        .optimizer(Optimizer.adam(settings.learningRate()))
        .epochs(settings.epochs())
        .batchSize(settings.batchSize())
        .seed(settings.seed())
        .threads(settings.threads());
    return c.settings().apply(builder).build().fit(train, validation);
  }
}
