package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.ensemble.Aggregation;
import dev.lamina.ensemble.Bagging;
import dev.lamina.ensemble.Ensemble;
import dev.lamina.ensemble.Member;
import dev.lamina.ensemble.ModelRef;
import dev.lamina.ensemble.cluster.BaggingTestData;
import dev.lamina.io.ModelFile;
import dev.lamina.io.SafeTensors;
import dev.lamina.nn.Network;
import dev.lamina.nn.StateTensor;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingConfig;
import dev.lamina.train.TrainingResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graph models (GraphTestModels: a residual CNN with a projection shortcut and a concatenation,
 * and a flat graph with a concatenation and dropout on a residual sum) are saved, resumed and
 * bagged like chains: a model file round-trips bit for bit, a run resumed from a checkpoint on
 * another thread count ends with the weights of one that never stopped, and bagging's members are
 * the same bits on one thread or two and travel in an ensemble file.
 */
class GraphSavingTest {
  /** (2, 8, 8) images, 3 classes, for the residual CNN; 12 features, 3 classes, for the flat one. */
  private static final Dataset IMAGES = images(160, 1);
  private static final Dataset ROWS = BaggingTestData.make(300, 12, 3, 2);

  @TempDir Path dir;

  @Test
  void trainedGraphModelsRoundTripThroughAModelFileBitForBit() throws Exception {
    roundTrip("residual", GraphTestModels_ResidualNet.trainer(), GraphTestModels_ResidualNet::new,
        IMAGES, "{\"name\":\"block2\",\"type\":\"add\"");
    roundTrip("branches", GraphTestModels_DenseBranchesNet.trainer(),
        GraphTestModels_DenseBranchesNet::new, ROWS, "\"inputs\":[\"deep\",\"wide\"]");
  }

  private <N extends Network> void roundTrip(String name, Trainer.Builder<N> trainer,
      LongFunction<N> fresh, Dataset data, String header) throws Exception {
    N trained = trainer.optimizer(Optimizer.adam(1e-2)).epochs(2).batchSize(20).seed(3).threads(1)
        .build().fit(data, data.head(40)).network();
    Path file = dir.resolve(name + ".safetensors");
    ModelFile.save(trained, file);
    String layers = SafeTensors.read(file).metadata().get("lamina.layers");
    assertTrue(layers.contains(header), name + "'s header names its graph: " + layers);

    N loaded = fresh.apply(99);
    assertFalse(loaded.parameters().bitEquals(trained.parameters()), "a fresh network differs");
    ModelFile.load(loaded, file);
    assertTrue(loaded.parameters().bitEquals(trained.parameters()), name + " parameters");
    for (int i = 0; i < trained.state().size(); i++) {
      StateTensor s = trained.state().get(i);
      assertArrayEquals(s.values(), loaded.state().get(i).values(), name + " " + s.name());
    }
    int rows = 50;
    int n = rows * trained.outputSize();
    float[] x = Arrays.copyOf(data.features(), rows * data.featureSize());
    assertArrayEquals(Arrays.copyOf(trained.forwardInfer(x, rows), n),
        Arrays.copyOf(loaded.forwardInfer(x, rows), n), name + " logits");
  }

  @Test
  void aResumedResidualRunEndsWithTheWeightsOfOneThatNeverStopped() throws Exception {
    resume("residual", GraphTestModels_ResidualNet.trainer().optimizer(Optimizer.adam(1e-2))
        .batchSize(20).seed(5), IMAGES);
  }

  @Test
  void aResumedRunWithDropoutOnASumEndsWithTheWeightsOfOneThatNeverStopped() throws Exception {
    resume("branches", GraphTestModels_DenseBranchesNet.trainer()
        .optimizer(Optimizer.sgd(0.05).momentum(0.9)).batchSize(32).seed(6), ROWS);
  }

  /** Three epochs straight, against one epoch, a checkpoint, and two more on two threads. */
  private <N extends Network> void resume(String name, Trainer.Builder<N> settings, Dataset data)
      throws Exception {
    Dataset train = data.head(data.size() - 40);
    Dataset validation = data.select(java.util.stream.IntStream.range(data.size() - 40,
        data.size()).toArray());
    TrainingResult<N> whole = settings.epochs(3).threads(1).build().fit(train, validation);
    Path checkpoints = dir.resolve(name);
    settings.epochs(1).threads(1).checkpoints(Checkpoints.to(checkpoints)).build()
        .fit(train, validation);
    TrainingResult<N> resumed = settings.epochs(3).threads(2).checkpoints(null).build()
        .resume(Checkpoints.latest(checkpoints).orElseThrow(), train, validation);
    assertTrue(whole.network().parameters().bitEquals(resumed.network().parameters()),
        name + ": parameters after resuming from epoch 1 of 3");
    for (int i = 0; i < whole.network().state().size(); i++) {
      StateTensor s = whole.network().state().get(i);
      assertArrayEquals(s.values(), resumed.network().state().get(i).values(), name + " " + s.name());
    }
    assertEquals(whole.history().last().validationLoss(), resumed.history().last().validationLoss());
  }

  @Test
  void residualMembersAreTheSameBitsOnOneThreadOrTwoAndTravelInAnEnsembleFile() throws Exception {
    TrainingConfig training = TrainingConfig.builder().epochs(3).batchSize(20)
        .optimizer(Optimizer.adam(1e-2)).seed(7).build();
    Ensemble<GraphTestModels_ResidualNet> one = Bagging.builder(GraphTestModels_ResidualNet.class)
        .members(3).training(training).threads(1).build().fit(IMAGES);
    Ensemble<GraphTestModels_ResidualNet> two = Bagging.builder(GraphTestModels_ResidualNet::new)
        .members(3).training(training).threads(2).build().fit(IMAGES);
    for (int m = 0; m < 3; m++) {
      Member<GraphTestModels_ResidualNet> a = one.members().get(m);
      Member<GraphTestModels_ResidualNet> b = two.members().get(m);
      assertTrue(a.network().parameters().bitEquals(b.network().parameters()),
          "member " + m + "'s weights differ between one thread and two");
      assertArrayEquals(a.result().outOfBagScores(), b.result().outOfBagScores(), "member " + m);
    }
    assertFalse(one.members().get(0).network().parameters()
        .bitEquals(one.members().get(1).network().parameters()), "members have their own seeds");

    Path file = dir.resolve("residual.ensemble");
    one.save(file);
    Ensemble<GraphTestModels_ResidualNet> loaded =
        Ensemble.load(file, ModelRef.of(GraphTestModels_ResidualNet.class));
    Dataset test = images(200, 3);
    float[] x = test.features();
    assertArrayEquals(one.probabilities(x, test.size()), loaded.probabilities(x, test.size()));
    assertArrayEquals(one.predict(x, test.size(), Aggregation.SOFT_VOTE),
        loaded.predict(x, test.size(), Aggregation.SOFT_VOTE));
    double accuracy = one.predictions(test).accuracy(3, Aggregation.SOFT_VOTE);
    assertTrue(accuracy > 0.6, "soft-vote accuracy " + accuracy + " (chance 0.33)");
    System.out.printf("Residual bagging: 3 members, soft-vote test accuracy %.3f%n", accuracy);
  }

  /**
   * Noisy (2, 8, 8) images whose class a convolution and global average pooling can tell: class 0
   * is brighter in channel 0, class 1 in channel 1, class 2 in neither.
   */
  private static Dataset images(int rows, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    float[] x = new float[rows * 128];
    int[] y = new int[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = random.nextInt(3);
      for (int j = 0; j < 128; j++) {
        x[i * 128 + j] = (float) (random.nextGaussian() + (j / 64 == y[i] ? 0.5 : 0));
      }
    }
    return Dataset.of(x, y, 128, 3);
  }
}
