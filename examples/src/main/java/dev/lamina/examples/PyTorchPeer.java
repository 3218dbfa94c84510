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
 * Runs scripts/bench_pytorch.py with Debian's /usr/bin/python3 and reads its one JSON line. The
 * thread setting follows what was fastest on this machine: one torch thread, with OpenBLAS given
 * the requested number of threads.
 */
final class PyTorchPeer {
  static final String PYTHON = "/usr/bin/python3";

  /** What the peer measured, or why it could not. */
  record Result(Map<String, Double> train, Map<String, Double> infer, double latencyUs, String torch, String blas) {}

  private PyTorchPeer() {}

  /** Empty with a reason printed to {@code log} when Python, torch or OpenBLAS is missing. */
  static Optional<Result> run(Path script, PeerEnvironment environment, int threads,
      String batches, double seconds, java.io.PrintStream log)
      throws IOException, InterruptedException {
    Map<String, String> set = new java.util.HashMap<>(environment.set());
    set.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
    set.put("OMP_NUM_THREADS", "1");
    Optional<String> output = runScript(List.of(script.toString(), "--threads", "1", "--batches",
        batches, "--seconds", Double.toString(seconds)), environment.unset(), set,
        why -> log.println("PyTorch peer skipped: " + why));
    if (output.isEmpty()) {
      return Optional.empty();
    }
    String line = output.get();
    Result result = new Result(numbers(object(line, "train")), numbers(object(line, "infer")),
        Double.parseDouble(field(line, "latency_us")), string(line, "torch"), string(line, "blas"));
    if (!result.blas().contains("openblas")) {
      log.println("warning: PyTorch runs on " + result.blas() + ", not OpenBLAS; it is about ten "
          + "times slower than its real speed (apt-get install libopenblas0-pthread)");
    }
    return Optional.of(result);
  }

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

  // The script's output is flat and known, so a few patterns read it without a JSON library.
  private static String object(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": \\{([^}]*)}").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + key + " in PyTorch output: " + json);
    }
    return m.group(1);
  }

  private static Map<String, Double> numbers(String body) {
    Map<String, Double> map = new java.util.LinkedHashMap<>();
    Matcher m = Pattern.compile("\"(\\w+)\": ([0-9.eE+-]+)").matcher(body);
    while (m.find()) {
      map.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return map;
  }

  private static String field(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": ([0-9.eE+-]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + key + " in PyTorch output: " + json);
    }
    return m.group(1);
  }

  private static String string(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : "unknown";
  }
}
