package dev.lamina.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.ImageShape;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** What a task carries to a cluster member survives serialization; code is refused, not sent. */
class SettingsTest {
  @Test
  void aTaskWithAdamAndEarlyStoppingTravelsIntact() throws Exception {
    EarlyStopping stopping = EarlyStopping.on(Metric.VALIDATION_LOSS).patience(3).minDelta(1e-3);
    MemberTask task = new MemberTask(2, 99, true, 7, 64,
        OptimizerSettings.of(Optimizer.adam(2e-3).betas(0.8, 0.99)), StoppingSettings.of(stopping),
        null);
    MemberTask copy = roundTrip(task);
    assertEquals(task, copy);
    assertEquals(Optimizer.adam(2e-3).betas(0.8, 0.99), copy.optimizer().optimizer());
    assertEquals(stopping, copy.earlyStopping().earlyStopping());
    assertTrue(copy.optimizer().portable() && copy.earlyStopping().portable());
  }

  @Test
  void sgdTravelsAsItsSettings() throws Exception {
    var sgd = Optimizer.sgd(0.1).momentum(0.9).nesterov(true);
    assertEquals(sgd, roundTrip(OptimizerSettings.of(sgd)).optimizer());
  }

  @Test
  void aMetricOfYourOwnIsInProcessOnly() {
    Metric mine = Metric.maximize("mine", (stats, network) -> 0);
    StoppingSettings settings = StoppingSettings.of(EarlyStopping.on(mine));
    assertFalse(settings.portable());
    assertEquals(mine, settings.earlyStopping().metric());
  }

  @Test
  void codeInATaskIsRefusedByNameWhenItWouldTravel() {
    MemberTask task = new MemberTask(0, 1, true, 1, 8, OptimizerSettings.of(Optimizer.sgd(0.1)),
        null, new InProcessOnly<>("augmentation",
            Augmentation.builder(ImageShape.of(1, 4, 4)).horizontalFlip(0.5).build()));
    var e = assertThrows(NotSerializableException.class, () -> roundTrip(task));
    assertEquals("augmentation is code and cannot travel to cluster members; train in-process,"
        + " or leave it out", e.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
