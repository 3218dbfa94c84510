package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar's last line says why training ended and which weights the network has. */
class ProgressBarEndTest {
  private static String run(Trainer.Builder<?> builder) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    builder.listener(new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8))).build()
        .fit(TinyModel.data(64, 1), TinyModel.data(32, 2));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void earlyStoppingIsReportedWithTheRestoredEpoch() {
    double[] script = {3, 2, 1, 2, 3, 4};
    String output = run(TinyModel.trainer().epochs(6).earlyStopping(EarlyStopping.on(
        Metric.minimize("scripted", (s, n) -> script[s.epoch() - 1])).patience(2)));
    String[] lines = output.strip().split("\\R");
    assertEquals("Stopped early at epoch 5: scripted did not beat its best for 2 epochs (best "
        + "1.00000 at epoch 3); restored the weights of epoch 3", lines[lines.length - 1]);
    assertFalse(output.contains("\n\n"), "no blank line before the message");
  }

  @Test
  void aPlainCompletedRunAddsNothing() {
    String output = run(TinyModel.trainer().epochs(2));
    assertEquals(2, output.chars().filter(c -> c == '\n').count(), "one line per epoch: " + output);
  }
}
