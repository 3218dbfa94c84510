package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainableNetwork;
import dev.lamina.nn.Network;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.ReferenceNetwork;
import org.junit.jupiter.api.Test;

/** The trainer reaches the training passes through TrainableNetwork, which Network does not show. */
class InferenceOnlyNetworkTest {
  /** A user's own Network: it can infer and evaluate, but it has no training passes. */
  static final class InferenceOnly implements Network {
    private final ReferenceNetwork inner = TinyModel.network(1);

    @Override
    public NetworkSpec spec() {
      return inner.spec();
    }

    @Override
    public Parameters parameters() {
      return inner.parameters();
    }

    @Override
    public float[] forwardInfer(float[] input, int rows) {
      return inner.forwardInfer(input, rows);
    }
  }

  @Test
  void trainingANetworkWithoutTrainingPassesFailsNamingItsClassBeforeAnyStep() {
    Dataset data = TinyModel.data(32, 1);
    InferenceOnly network = new InferenceOnly();
    float[] before = network.parameters().iterator().next().values().clone();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder(seed -> network).optimizer(Optimizer.sgd(0.1)).batchSize(16)
            .threads(1).epochs(1).build().fit(data, data));
    assertEquals("network must be a generated <Model>Net or a ReferenceNetwork to be trained, got"
        + " a " + InferenceOnly.class.getName() + ", which implements only Network (inference);"
        + " train the @Model class's generated network instead", e.getMessage());
    assertArrayEquals(before, network.parameters().iterator().next().values(), "no weight changed");
    assertEquals(data.size(), network.evaluate(data).samples(), "it still evaluates");
  }

  @Test
  void networksWithTrainingPassesAreTrainedAsThemselves() {
    ReferenceNetwork reference = TinyModel.network(1);
    assertSame(reference, TrainableNetwork.of(reference));
  }
}
