package dev.lamina.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.ImageShape;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingConfig;
import dev.lamina.train.WeightDecay;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A task carries the whole training configuration to a cluster member as it is. */
class MemberTaskTest {
  @Test
  void aTaskWithEverySettingTravelsIntact() throws Exception {
    TrainingConfig config = TrainingConfig.builder()
        .optimizer(Optimizer.adam(2e-3).betas(0.8, 0.99)).epochs(7).batchSize(64).seed(99)
        .weightDecay(WeightDecay.elasticNet(1e-5, 1e-4)).weightNoise(0.01)
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS).patience(3).minDelta(1e-3))
        .checkpoints(Checkpoints.to(Path.of("runs", "bagging")).every(2).keep(3))
        .augmentation(Augmentation.builder(ImageShape.of(1, 28, 28)).horizontalFlip(0.5)
            .rotate(0.5, 10).cutout(0.3, 4, 4, 0f).build())
        .build();
    MemberTask task = new MemberTask(2, true, config);
    MemberTask copy = roundTrip(task);
    assertEquals(task, copy);
    assertEquals(task.hashCode(), copy.hashCode());
    assertSame(Metric.VALIDATION_LOSS, copy.config().earlyStopping().metric(),
        "a Metric constant arrives as the constant itself");
    assertEquals(Path.of("runs", "bagging"), copy.config().checkpoints().directory());
    assertEquals(config.augmentation().toString(), copy.config().augmentation().toString());
  }

  @Test
  void sgdTravelsAsItself() throws Exception {
    var sgd = Optimizer.sgd(0.1).momentum(0.9).nesterov(true);
    assertEquals(sgd, roundTrip(TrainingConfig.builder().optimizer(sgd).build()).optimizer());
  }

  @Test
  void augmentationsAreEqualWhenTheirSettingsAre() {
    var shape = ImageShape.of(1, 8, 8);
    assertEquals(Augmentation.builder(shape).translate(0.5, 2, 2).build(),
        Augmentation.builder(shape).translate(0.5, 2, 2).build());
    assertNotEquals(Augmentation.builder(shape).translate(0.5, 2, 2).build(),
        Augmentation.builder(shape).translate(0.5, 2, 1).build());
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
