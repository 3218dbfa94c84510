package dev.lamina.ensemble.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.nn.Parameters;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** A setting that cannot travel is refused by name before any task is sent. */
class PortabilityTest {
  @Test
  void lambdaMetricsOverSerializableValuesTravel() {
    double target = 0.9;
    Metric mine = Metric.minimize("gap", (stats, network) -> target - stats.validationAccuracy());
    Portability.requireTravels(TrainingConfig.builder()
        .earlyStopping(EarlyStopping.on(mine)).build());
  }

  @Test
  void aMetricCapturingCodeIsRefusedByName() {
    Object notSerializable = new Object();
    Metric mine = Metric.maximize("mine", (stats, network) -> notSerializable.hashCode());
    TrainingConfig config = TrainingConfig.builder().earlyStopping(EarlyStopping.on(mine)).build();
    var e = assertThrows(IllegalArgumentException.class, () -> Portability.requireTravels(config));
    assertTrue(e.getMessage().startsWith("the earlyStopping EarlyStopping[metric=mine"),
        e.getMessage());
    assertTrue(e.getMessage().contains("use one of Metric's constants"), e.getMessage());
  }

  @Test
  void anOptimizerOfYourOwnMustBeSerializable() {
    Optimizer mine = new Optimizer() {
      @Override
      public double learningRate() {
        return 0.1;
      }

      @Override
      public Stepper start(Parameters parameters) {
        return () -> {};
      }
    };
    TrainingConfig config = TrainingConfig.builder().optimizer(mine).build();
    var e = assertThrows(IllegalArgumentException.class, () -> Portability.requireTravels(config));
    assertTrue(e.getMessage().startsWith("the optimizer "), e.getMessage());
    assertTrue(e.getMessage().contains("make yours java.io.Serializable"), e.getMessage());
  }
}
