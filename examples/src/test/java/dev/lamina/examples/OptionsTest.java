package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A flag belongs to the commands that read it: the others refuse it by name, and so before
 * loading any data; a value-less option and a flag with a value are usage errors too.
 */
class OptionsTest {
  @Test
  void aCommandWithoutPyTorchRefusesNoPyTorch() {
    assertEquals("lamina augment-bench: unknown option --no-pytorch; see bin/lamina augment-bench"
        + " --help", usageError("augment-bench", "--no-pytorch"));
  }

  @Test
  void anUnknownFlagIsRefusedBeforeTheDataIsLoaded() {
    assertEquals("lamina fashion-mlp: unknown option --no-pytorch; see bin/lamina fashion-mlp"
        + " --help", usageError("fashion-mlp", "--no-pytorch", "--data", "/nonexistent"));
  }

  @Test
  void anOptionWithoutItsValueIsRefused() {
    assertEquals("lamina cnn-bench: --seconds needs a value, e.g. --seconds 10",
        usageError("cnn-bench", "--seconds", "--no-pytorch"));
  }

  @Test
  void aFlagWithAValueIsRefused() {
    assertEquals("lamina bench: --no-pytorch takes no value, got 'yes'",
        usageError("bench", "--no-pytorch", "yes"));
  }

  /** Runs bin/lamina's Main, expects a usage error (exit code 2) and returns its message. */
  private static String usageError(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertEquals(2, code, message);
    return message;
  }
}
