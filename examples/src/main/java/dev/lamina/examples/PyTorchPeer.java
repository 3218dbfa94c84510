package dev.lamina.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch peers' Python: Debian's /usr/bin/python3 (python3-torch), the scripts it runs to
 * the end ({@link #runScript}), and what their JSON lines say. The benches' peers that serve
 * windows are {@link PeerWindows}.
 */
final class PyTorchPeer {
  static final String PYTHON = "/usr/bin/python3";

  private PyTorchPeer() {}

  /**
   * Runs a script with {@link #PYTHON}, in this process's environment less {@code unset} and
   * with {@code set} added, and returns the last line it prints, or empty after telling {@code
   * skipped} why (no Python, or the script failed, e.g. without torch). Its standard error goes to
   * a temporary file, so that neither pipe can fill up and stall it.
   */
  static Optional<String> runScript(List<String> args, java.util.Set<String> unset,
      Map<String, String> set, Consumer<String> skipped) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      skipped.accept(PYTHON + " not found (Debian/Ubuntu: apt-get install python3-torch "
          + "libopenblas0-pthread)");
      return Optional.empty();
    }
    List<String> command = new ArrayList<>(List.of(PYTHON));
    command.addAll(args);
    Path errors = Files.createTempFile("lamina-pytorch", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectError(errors.toFile());
      pb.environment().keySet().removeAll(unset);
      pb.environment().putAll(set);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        String err = Files.readString(errors).trim();
        skipped.accept(err.isEmpty() ? "exit " + p.exitValue() : err);
        return Optional.empty();
      }
      return Optional.of(out.substring(out.lastIndexOf('\n') + 1));
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  // The scripts' lines are flat and known, so a pattern reads them without a JSON library.
  /** The string {@code key} of a flat JSON line the peer printed, or "unknown". */
  static String string(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : "unknown";
  }
}
