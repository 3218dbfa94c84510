package dev.lamina.examples;

import dev.lamina.data.Dataset;
import dev.lamina.metrics.Folds;
import dev.lamina.metrics.ModelMetrics;
import dev.lamina.metrics.RegressionMetrics;
import dev.lamina.nn.Network;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.WeightDecay;
import java.util.function.Supplier;

/**
 * The tabular lab's experiment: 5-fold cross-validation of one annotated MLP per dataset, sample i
 * tested in fold i mod 5, standardization fitted on each training fold, each metric the mean over
 * the five test folds. Training uses a fixed number of epochs (no early stopping), so the test
 * folds choose nothing.
 */
final class TabularLab {
  static final int FOLDS = 5;

  private TabularLab() {}

  /** How one dataset's model is trained. */
  record Recipe(int epochs, int batchSize, double learningRate, double weightDecay) {}

  /** The lab's outcome for one dataset; {@code auc} and {@code r2} are NaN where they do not apply. */
  record Outcome(TabularData.Named data, double accuracy, double auc, double r2,
      double trainSeconds) {}

  static Outcome run(TabularData.Named named, Supplier<Trainer.Builder<? extends Network>> trainer,
      Recipe recipe, long seed, int threads) {
    Dataset data = named.data();
    Folds folds = Folds.interleaved(data.size(), FOLDS);
    boolean regression = data.targetKind() == Dataset.TargetKind.VALUES;
    boolean binary = named.task().equals("binary");
    double accuracy = 0;
    double auc = 0;
    double r2 = 0;
    double seconds = 0;
    for (int f = 0; f < FOLDS; f++) {
      Dataset train = data.select(folds.trainIndices(f));
      Dataset test = data.select(folds.testIndices(f));
      FoldScaling scaling = FoldScaling.fit(train);
      Dataset scaledTrain = scaling.apply(train);
      Dataset scaledTest = scaling.apply(test);
      long start = System.nanoTime();
      Network net = trainer.get().epochs(recipe.epochs()).batchSize(recipe.batchSize())
          .optimizer(Optimizer.adam(recipe.learningRate()))
          .weightDecay(recipe.weightDecay() > 0 ? WeightDecay.l2(recipe.weightDecay())
              : WeightDecay.NONE)
          .seed(seed + f).threads(threads).build()
          // The per-epoch figures watch a slice of the training fold, never the test fold.
          .fit(scaledTrain, scaledTrain.head(Math.min(64, scaledTrain.size()))).network();
      seconds += (System.nanoTime() - start) / 1e9;
      if (regression) {
        float[] predicted = scaling.unscaleTargets(net.predictValues(scaledTest.features(),
            scaledTest.size()));
        r2 += RegressionMetrics.r2(predicted, test.targets(), test.targetSize()) / FOLDS;
      } else {
        accuracy += ModelMetrics.confusion(net, scaledTest).accuracy() / FOLDS;
        if (binary) {
          auc += ModelMetrics.rocAuc(net, scaledTest) / FOLDS;
        }
      }
    }
    return new Outcome(named, regression ? Double.NaN : accuracy, binary ? auc : Double.NaN,
        regression ? r2 : Double.NaN, seconds);
  }
}
