package dev.lamina.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code bin/lamina bagging-member} in its own JVM on 127.0.0.1, as a user starts it, with
 * the test's class path (for {@code BaggingTestData}). Its output is read line by line, so a test
 * can act the moment it starts or finishes training a member; it dies by {@code kill -9} or
 * freezes by {@code kill -STOP}, as a machine that crashes or hangs.
 */
final class MemberProcess implements AutoCloseable {
  private static final Pattern STARTED = Pattern.compile("Lamina bagging member (\\S+) in cluster");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();
  private final String address;

  private MemberProcess(Process process, Duration startup) throws IOException,
      InterruptedException {
    this.process = process;
    Thread reader = new Thread(this::read, "member-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    String line = await("Lamina bagging member ", startup);
    if (line == null) {
      process.destroyForcibly();
      throw new IOException("bagging-member did not start within " + startup + "; it printed:\n"
          + String.join("\n", output()));
    }
    Matcher m = STARTED.matcher(line);
    this.address = m.find() ? m.group(1) : "?";
  }

  /** Starts a member that joins {@code clusterName} at {@code members}, listening on {@code port}. */
  static MemberProcess start(String clusterName, List<String> members, int port, Duration startup)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "--add-modules", "jdk.incubator.vector", "-Xss4m",
        "-Xmx768m", "-XX:+UseSerialGC", "-cp", classPath(),
        "dev.lamina.examples.Main", "bagging-member", "--cluster-name", clusterName,
        "--members", String.join(",", members), "--port", Integer.toString(port),
        "--threads", "1");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new MemberProcess(process, startup);
  }

  /**
   * The test's class path: surefire starts the test JVM from a jar whose manifest holds it, and
   * names it in {@code surefire.test.class.path} (also in java.class.path, as seen here).
   */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** The member's cluster address, e.g. {@code [127.0.0.1]:5702}. */
  String address() {
    return address;
  }

  /** The address as {@code ClusterSettings.members} takes it, e.g. {@code 127.0.0.1:5702}. */
  String hostPort() {
    return address.replace("[", "").replace("]", "");
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The next line of output that contains {@code fragment}, waiting at most {@code limit};
   * null if none came. Lines before it are consumed.
   */
  String await(String fragment, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    for (long left = limit.toNanos(); left > 0; left = end - System.nanoTime()) {
      String line = lines.poll(left, TimeUnit.NANOSECONDS);
      if (line != null && line.contains(fragment)) {
        return line;
      }
    }
    return null;
  }

  /** Forgets the lines printed so far, so that {@link #await} sees only what comes next. */
  void drain() {
    lines.clear();
  }

  /** {@code kill -9}: the JVM dies at once, its sockets closed by the kernel. */
  void kill() throws IOException, InterruptedException {
    signal("-KILL");
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** {@code kill -STOP}: the JVM freezes; its sockets stay open but nothing answers. */
  void freeze() throws IOException, InterruptedException {
    signal("-STOP");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill " + signal + " " + process.pid() + " failed");
    }
  }

  /** Everything it printed so far. */
  synchronized List<String> output() {
    return List.copyOf(all);
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (this) {
          all.add(line);
        }
        lines.add(line);
      }
    } catch (IOException e) {
      // the process died: its output ends here
    }
  }

  @Override
  public void close() {
    process.destroyForcibly(); // SIGKILL on Linux; also ends a frozen JVM
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
