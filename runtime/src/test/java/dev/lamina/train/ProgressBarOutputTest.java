package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.io.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A progress bar redraws its line only on a terminal; in a file or a pipe, one line per epoch. */
class ProgressBarOutputTest {
  private static String train(Function<PrintStream, ProgressBar> bar) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TinyModel.trainer().epochs(3)
        .listener(bar.apply(new PrintStream(bytes, true, StandardCharsets.UTF_8))).build()
        .fit(TinyModel.data(64, 1), TinyModel.data(32, 2));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aStreamThatIsNoTerminalGetsOneFinishedLinePerEpoch() {
    String output = train(ProgressBar::new);
    assertFalse(output.contains("\r"), () -> "no carriage returns: " + output.replace("\r", "\\r"));
    String[] lines = output.split("\n");
    assertEquals(3, lines.length, output);
    for (int epoch = 1; epoch <= 3; epoch++) {
      assertTrue(lines[epoch - 1].startsWith("Epoch " + epoch + "/3 [" + "=".repeat(30) + "] loss "),
          lines[epoch - 1]);
    }
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlaceAndEachEpochEndsItsLine() {
    String output = train(out -> new ProgressBar(out, true));
    String[] lines = output.split("\n");
    assertEquals(3, lines.length, output);
    for (int epoch = 1; epoch <= 3; epoch++) {
      String line = lines[epoch - 1];
      assertTrue(line.startsWith("\rEpoch " + epoch + " ["), line.replace("\r", "\\r"));
      assertTrue(line.contains("\rEpoch " + epoch + "/3 ["), line.replace("\r", "\\r"));
    }
  }

  @Test
  void onlyTheProcessStandardStreamsOnATerminalAreTerminals() {
    assertFalse(Terminal.isTerminal(new PrintStream(new ByteArrayOutputStream())));
    // Surefire runs the tests with their output piped, as CI and `cmd > log` do.
    assertFalse(Terminal.isTerminal(System.out));
    assertFalse(Terminal.isTerminal(System.err));
  }
}
