package dev.lamina.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peer in another process that measures windows on request: it warms up, prints one line, then
 * answers each request line ("window SECONDS" for cnn-bench's peer, "train BATCH SECONDS" or
 * "infer BATCH SECONDS" for bench's) with one JSON line holding its samples per second ({@code
 * train_samples_per_second} or {@code infer_samples_per_second}), and "latency" with {@code
 * latency_us}. A bench can then take the peer's windows in turn with its own ({@link
 * LaminaMeter#medianRates(LaminaMeter.Side[], double)}), so that a slow spell of the machine falls
 * on both sides of a ratio rather than on all of one.
 */
final class PeerWindows implements LaminaMeter.Side, AutoCloseable {
  private static final Pattern RATE =
      Pattern.compile("\"(?:train|infer)_samples_per_second\": ([0-9.eE+-]+)");
  private static final Pattern LATENCY = Pattern.compile("\"latency_us\": ([0-9.eE+-]+)");

  private final Process process;
  private final BufferedReader answers;
  private final Writer requests;
  private final Path errors;
  private final String ready;

  private PeerWindows(Process process, Path errors) throws IOException {
    this.process = process;
    this.errors = errors;
    this.answers = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.ready = answers.readLine();
  }

  /**
   * Starts {@code command} (its first element the program) in this process's environment less
   * {@code unset} and with {@code set} added, and waits for its first line; empty after telling
   * {@code skipped} why when the program is missing or ends first (e.g. torch is not installed).
   */
  static Optional<PeerWindows> start(List<String> command, Set<String> unset,
      Map<String, String> set, Consumer<String> skipped) throws IOException {
    if (!Files.isExecutable(Path.of(command.get(0)))) {
      skipped.accept(command.get(0) + " not found (Debian/Ubuntu: apt-get install python3-torch "
          + "libopenblas0-pthread)");
      return Optional.empty();
    }
    Path errors = Files.createTempFile("lamina-peer", ".err");
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectError(errors.toFile());
    pb.environment().keySet().removeAll(unset);
    pb.environment().putAll(set);
    PeerWindows peer;
    try {
      peer = new PeerWindows(pb.start(), errors);
    } catch (IOException e) {
      Files.deleteIfExists(errors);
      throw e;
    }
    if (peer.ready == null) {
      String why = peer.errorText();
      peer.close();
      skipped.accept(why.isEmpty() ? "the peer ended before it was ready" : why);
      return Optional.empty();
    }
    return Optional.of(peer);
  }

  /** The peer's first line: what it runs (its version and settings). */
  String ready() {
    return ready;
  }

  /** A window of cnn-bench's peer: "window SECONDS". */
  @Override
  public double rate(double seconds) {
    return side("window").rate(seconds);
  }

  /** The side whose windows are requests "{@code request} SECONDS", e.g. "train 128". */
  LaminaMeter.Side side(String request) {
    return seconds -> number(request + " " + seconds, RATE);
  }

  /** The peer's median single-sample latency in microseconds ("latency"). */
  double latencyMicros() {
    return number("latency", LATENCY);
  }

  private double number(String request, Pattern answer) {
    String line;
    try {
      requests.write(request + "\n");
      requests.flush();
      line = answers.readLine();
    } catch (IOException e) { // a broken pipe: it ended before reading the request
      line = null;
    }
    if (line == null) {
      throw new IllegalStateException("the peer ended before answering a window: " + errorText());
    }
    Matcher m = answer.matcher(line);
    if (!m.find()) {
      throw new IllegalStateException("the peer answered \"" + request + "\" with " + line);
    }
    return Double.parseDouble(m.group(1));
  }

  private String errorText() {
    try {
      return Files.readString(errors).trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** Ends the peer: its input closes, and it is stopped if it has not ended within 10 s. */
  @Override
  public void close() throws IOException {
    try {
      requests.close();
    } catch (IOException ignored) {
      // it may have ended already
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      Files.deleteIfExists(errors);
    }
  }
}
