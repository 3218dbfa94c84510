package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.io.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command, given the mistakes a user makes (an out-of-range or repeated option, an output
 * path it cannot write, data that is not there or not IDX, a model file that is a directory or
 * diverged), fails before it works, with exactly one line naming what is wrong, exit code 2 for
 * a usage mistake and 1 for a failure, and no stack trace unless --debug asks for one.
 */
class CommandErrorsTest {
  @TempDir static Path dir;
  static Path file;
  static Path empty;
  static Path tiny;
  static Path malformed;
  /** A port nothing listens on: a cluster that cannot be reached. */
  static int closedPort;

  /** One bad invocation: the exit code, and a fragment of the one line it must print. */
  record Case(int code, String fragment, String... args) {
    String command() {
      return args[0];
    }
  }

  @BeforeAll
  static void files() throws IOException {
    file = Files.writeString(dir.resolve("a-file"), "not a directory");
    empty = Files.createDirectories(dir.resolve("empty"));
    tiny = Files.createDirectories(dir.resolve("tiny"));
    writeIdx(tiny, 24, 4);
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    malformed = Files.createDirectories(dir.resolve("malformed"));
    writeIdx(malformed, 4, 2);
    byte[] images = Files.readAllBytes(malformed.resolve("train-images-idx3-ubyte"));
    Files.write(malformed.resolve("train-images-idx3-ubyte"),
        java.util.Arrays.copyOf(images, images.length - 100)); // truncated
  }

  /** The bad inputs of each command; every command has some. */
  static List<Case> cases() {
    String data = dir.resolve("nowhere").toString();
    String under = file.resolve("x").toString();
    List<Case> cases = new ArrayList<>();
    for (Command c : Main.commands()) {
      cases.add(new Case(2, "unknown option --bogus; see bin/lamina " + c.name() + " --help",
          c.name(), "--bogus"));
      cases.add(new Case(2, "--json is given twice; give it once", c.name(), "--json", "--json"));
    }
    cases.addAll(List.of(
        new Case(2, "--epochs must be >= 1, got -1", "fashion-mlp", "--epochs", "-1"),
        new Case(2, "--epochs must be >= 1, got 0", "fashion-mlp", "--epochs", "0"),
        new Case(2, "--epochs must be an integer, got 'ten'", "fashion-mlp", "--epochs", "ten"),
        new Case(2, "--epochs is given twice", "fashion-mlp", "--epochs", "1", "--epochs", "2"),
        new Case(2, "--batch must be >= 1, got 0", "fashion-mlp", "--batch", "0"),
        new Case(2, "--threads must be >= 1, got 0", "fashion-mlp", "--threads", "0"),
        new Case(2, "--lr must be a finite number, got NaN", "fashion-mlp", "--lr", "NaN"),
        new Case(2, "--lr must be a finite number, got Infinity", "fashion-mlp", "--lr", "Infinity"),
        new Case(2, "--lr must be > 0, got 0", "fashion-mlp", "--lr", "0"),
        new Case(2, "--lr must be > 0, got -0.1", "fashion-mlp", "--lr", "-0.1"),
        new Case(2, "--recipe must be 'default' or 'best', got 'fast'", "fashion-mlp", "--recipe",
            "fast"),
        new Case(2, "--recipe best needs --epochs of at least 2 (one warm-up epoch, then the cosine"
            + " decay), got 1", "fashion-mlp", "--recipe", "best", "--epochs", "1"),
        new Case(2, "--recipe best brings its own augmentation (" + FashionAugmentation.PRESET
            + "); drop --augment", "fashion-mlp", "--recipe", "best", "--augment", "hflip=0.5"),
        new Case(2, "--checkpoint-every must be >= 1, got 0", "fashion-mlp",
            "--checkpoint-every", "0"),
        new Case(2, "--save " + dir + " is a directory; give a file in it", "fashion-mlp",
            "--save", dir.toString()),
        new Case(2, "--save " + under + ": " + file + " is a file, not a directory",
            "fashion-mlp", "--save", under),
        new Case(2, "--save-logits " + dir + " is a directory", "fashion-mlp", "--save-logits",
            dir.toString()),
        new Case(2, "--checkpoints " + file + ": " + file + " is a file, not a directory",
            "fashion-mlp", "--checkpoints", file.toString()),
        new Case(2, "--resume " + data + ": no such file or directory", "fashion-mlp",
            "--resume", data),
        new Case(1, "--data " + data + " does not exist; the directory named is the one used",
            "fashion-mlp", "--data", data),
        new Case(1, "--data " + empty + " has none of the Fashion-MNIST files", "fashion-mlp",
            "--data", empty.toString()),
        new Case(1, malformed.resolve("train-images-idx3-ubyte") + ": expected", "fashion-mlp",
            "--data", malformed.toString()),
        new Case(1, dir + ": is a directory; give the model file itself", "fashion-mlp",
            "--load", dir.toString(), "--data", tiny.toString()),
        new Case(1, dir.resolve("no.safetensors") + ": no such file", "fashion-mlp", "--load",
            dir.resolve("no.safetensors").toString(), "--data", tiny.toString()),
        new Case(1, "tensor \"hidden1.weight\" holds NaN at flat index 0", "fashion-mlp",
            "--load", dir.resolve("nan.safetensors").toString(), "--data", tiny.toString()),

        new Case(2, "--epochs must be >= 1, got 0", "fashion-cnn", "--epochs", "0"),
        new Case(2, "--batch must be >= 1, got -5", "fashion-cnn", "--batch", "-5"),
        new Case(2, "--threads must be >= 1, got 0", "fashion-cnn", "--threads", "0"),
        new Case(2, "--lr must be a finite number, got NaN", "fashion-cnn", "--lr", "NaN"),
        new Case(1, "--data " + empty + " has none", "fashion-cnn", "--data", empty.toString()),
        new Case(2, "--epochs must be >= 1, got 0", "fashion-resnet", "--epochs", "0"),
        new Case(2, "--graph " + dir + " is a directory; give a file in it, e.g. "
            + dir.resolve("out"), "fashion-resnet", "--graph", dir.toString()),
        new Case(1, "--data " + empty + " has none", "fashion-resnet", "--no-skip", "--data",
            empty.toString()),
        new Case(2, "--model must be cnn, resnet or plain, got vgg", "cnn-bench", "--model", "vgg"),

        new Case(2, "--batch must be in [1, 2048], got 0", "cnn-bench", "--batch", "0"),
        new Case(2, "--batch must be in [1, 2048], got 100000", "cnn-bench", "--batch", "100000"),
        new Case(2, "--threads must be >= 1, got 0", "cnn-bench", "--threads", "0"),
        new Case(2, "--seconds must be > 0, got 0", "cnn-bench", "--seconds", "0"),
        new Case(2, "--seconds must be > 0, got -1", "bench", "--seconds", "-1"),
        new Case(2, "--seconds must be a finite number, got NaN", "bench", "--seconds", "NaN"),
        // The test class path has no peers/ module: the DJL peer is asked for and missing.
        new Case(2, TrainingPeers.DJL_MISSING, "bench", "--djl"),
        new Case(2, TrainingPeers.DJL_MISSING, "cnn-bench", "--djl"),
        new Case(2, "--djl trains FashionCnn only, got --model resnet; leave out --djl or use"
            + " --model cnn", "cnn-bench", "--djl", "--model", "resnet"),
        new Case(2, "--no-ort takes no value, got 'yes'", "bench", "--no-ort", "yes"),
        new Case(2, "--seconds must be > 0, got 0", "scaling", "--seconds", "0"),
        new Case(2, "--widths must list widths among 256, 1024 and 4096, separated by commas;"
            + " got '256,300'", "scaling", "--widths", "256,300"),

        new Case(2, "--train must be >= 1, got 0", "regularization-lab", "--train", "0"),
        new Case(2, "--validation must be >= 1, got -1", "regularization-lab", "--validation",
            "-1"),
        new Case(2, "--epochs must be >= 1, got 0", "regularization-lab", "--epochs", "0"),
        new Case(2, "--batch must be >= 1, got 0", "regularization-lab", "--batch", "0"),
        new Case(2, "--lr must be a finite number, got NaN", "regularization-lab", "--lr", "NaN"),
        new Case(2, "--threads must be >= 1, got 0", "regularization-lab", "--threads", "0"),
        new Case(2, "--out " + file + ": " + file + " is a file, not a directory",
            "regularization-lab", "--out", file.toString()),
        new Case(1, "--data " + data + " does not exist", "regularization-lab", "--data", data),

        new Case(2, "--epochs must be >= 1, got 0", "batchnorm-lab", "--epochs", "0"),
        new Case(2, "--lr must be > 0, got 0", "batchnorm-lab", "--lr", "0"),
        new Case(2, "--high-lr must be a finite number, got NaN", "batchnorm-lab", "--high-lr",
            "NaN"),
        new Case(2, "--out " + under + ": " + file + " is a file, not a directory",
            "batchnorm-lab", "--out", under),
        new Case(1, malformed.resolve("train-images-idx3-ubyte") + ": expected", "batchnorm-lab",
            "--data", malformed.toString()),

        new Case(2, "--members must be >= 1, got 0", "bagging-lab", "--members", "0"),
        new Case(2, "--epochs must be >= 1, got 0", "bagging-lab", "--epochs", "0"),
        new Case(2, "--batch must be >= 1, got 0", "bagging-lab", "--batch", "0"),
        new Case(2, "--lr must be a finite number, got -Infinity", "bagging-lab", "--lr",
            "-Infinity"),
        new Case(2, "--train must be >= 1, got 0", "bagging-lab", "--train", "0"),
        new Case(2, "--threads must be >= 1, got 0", "bagging-lab", "--threads", "0"),
        new Case(2, "--bootstrap must be true or false, got 'yes'", "bagging-lab",
            "--bootstrap", "yes"),
        new Case(2, "--cluster needs --bootstrap true", "bagging-lab", "--cluster", "127.0.0.1",
            "--bootstrap", "false"),
        new Case(2, "--plot " + dir + " is a directory", "bagging-lab", "--plot", dir.toString()),
        new Case(1, "--data " + empty + " has none", "bagging-lab", "--data", empty.toString()),
        new Case(2, "--connect-timeout must be > 0, got 0", "bagging-lab", "--connect-timeout",
            "0"),
        new Case(2, "--task-timeout must be a finite number, got NaN", "bagging-lab",
            "--task-timeout", "NaN"),
        new Case(1, "no member of the cluster 'lamina' answered at 127.0.0.1:" + closedPort
            + " within 1 s", "bagging-lab", "--cluster", "127.0.0.1:" + closedPort,
            "--connect-timeout", "1", "--data", tiny.toString(), "--plot",
            dir.resolve("plot.png").toString()),

        new Case(2, "--port must be in [1, 65535], got 0", "bagging-member", "--port", "0"),
        new Case(2, "--port must be in [1, 65535], got 70000", "bagging-member", "--port",
            "70000"),
        new Case(2, "--threads must be >= 0, got -1", "bagging-member", "--threads", "-1"),
        new Case(2, "--for must be >= 0, got -1", "bagging-member", "--for", "-1"),

        new Case(2, "--samples must be >= 1, got 0", "augment-preview", "--samples", "0"),
        new Case(2, "--versions must be >= 1, got 0", "augment-preview", "--versions", "0"),
        new Case(2, "--zoom must be >= 1, got 0", "augment-preview", "--zoom", "0"),
        new Case(2, "--out " + dir + " is a directory", "augment-preview", "--out",
            dir.toString()),
        new Case(1, "--data " + data + " does not exist", "augment-preview", "--data", data),

        new Case(2, "--train-size must be >= 0, got -1", "augmentation-lab", "--train-size", "-1"),
        new Case(2, "--epochs must be >= 1, got 0", "augmentation-lab", "--epochs", "0"),
        new Case(2, "--subset must be >= 1, got 0", "augmentation-lab", "--subset", "0"),
        new Case(2, "--subset-epochs must be >= 1, got 0", "augmentation-lab",
            "--subset-epochs", "0"),
        new Case(2, "--batch must be >= 1, got 0", "augmentation-lab", "--batch", "0"),
        new Case(2, "--lr must be a finite number, got NaN", "augmentation-lab", "--lr", "NaN"),
        new Case(2, "--threads must be >= 1, got 0", "augmentation-lab", "--threads", "0"),
        new Case(1, "--data " + empty + " has none", "augmentation-lab", "--data",
            empty.toString()),

        new Case(2, "--seconds must be > 0, got 0", "augment-bench", "--seconds", "0"),
        new Case(2, "--rounds must be >= 1, got 0", "augment-bench", "--rounds", "0"),
        new Case(2, "--threads must be >= 1, got 0", "augment-bench", "--threads", "0"),

        new Case(2, "--seed must be an integer, got 'x'", "init-lab", "--seed", "x"),
        new Case(2, "--out " + file + ": " + file + " is a file, not a directory", "init-lab",
            "--out", file.toString()),

        new Case(2, "--seed must be an integer, got 'x'", "tabular-lab", "--seed", "x"),
        new Case(2, "--threads must be >= 1, got 0", "tabular-lab", "--threads", "0")));
    return cases;
  }

  @Test
  void everyBadInputIsOneLineWithItsExitCodeAndNoTrace() throws IOException {
    FashionMlpNet diverged = new FashionMlpNet(1);
    diverged.parameters().get("hidden1.weight").values()[0] = Float.NaN;
    ModelFile.save(diverged, dir.resolve("nan.safetensors"));
    Set<String> covered = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    for (Case c : cases()) {
      Result r = run(c.args());
      String problem = r.code() != c.code() ? "exit code " + r.code() + ", expected " + c.code()
          : r.lines().size() != 1 ? r.lines().size() + " lines"
          : !r.lines().getFirst().startsWith("lamina " + c.command() + ": ") ? "no command prefix"
          : !r.lines().getFirst().contains(c.fragment()) ? "no \"" + c.fragment() + "\""
          : null;
      if (problem != null) {
        failures.add(String.join(" ", c.args()) + ": " + problem + " in:\n" + r.err());
      }
      if (c.fragment().startsWith("--") && !c.fragment().startsWith("--json")) {
        covered.add(c.command());
      }
    }
    assertEquals(List.of(), failures);
    Set<String> all = new TreeSet<>();
    Main.commands().forEach(c -> all.add(c.name()));
    assertEquals(all, covered, "every command has its own bad options in the table");
  }

  @Test
  void withDebugAnExpectedFailurePrintsItsTraceToo() {
    Result r = run("fashion-mlp", "--data", empty.toString(), "--debug");
    assertEquals(1, r.code());
    assertTrue(r.lines().getFirst().contains("has none of the Fashion-MNIST files"), r.err());
    assertTrue(r.lines().size() > 3 && r.err().contains("\tat dev.lamina.data.DataSource.locate"),
        r.err());
  }

  @Test
  void aNamedDataDirectoryThatHasTheFilesIsUsed() {
    Result r = run("fashion-mlp", "--epochs", "1", "--batch", "4", "--threads", "1", "--data",
        tiny.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Fashion-MNIST from " + tiny + ": "), r.out());
  }

  @Test
  void theFallbackKeepsAResultThatCannotBeWrittenWhereAsked() throws IOException {
    Path target = file.resolve("model.safetensors"); // under a file: cannot be written
    byte[] result = "the result".getBytes(StandardCharsets.UTF_8);
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> Outputs.write("the trained model", target,
            to -> dev.lamina.io.AtomicFiles.write(to, result)));
    String message = e.getMessage();
    assertTrue(message.startsWith("could not write the trained model to " + target + " ("),
        message);
    String saved = "; saved it to ";
    assertTrue(message.endsWith(" instead") && message.contains(saved), message);
    Path fallback = Path.of(message.substring(message.indexOf(saved) + saved.length(),
        message.length() - " instead".length()));
    try {
      assertTrue(fallback.getFileName().toString().startsWith("lamina-model-"), message);
      assertTrue(fallback.toString().endsWith(".safetensors"), message);
      assertEquals(new String(result, StandardCharsets.UTF_8), Files.readString(fallback));
      assertFalse(message.contains("\n"), message);
    } finally {
      Files.deleteIfExists(fallback);
    }
  }

  @Test
  void anOutputCheckLeavesNothingBehind() throws IOException {
    Path deep = dir.resolve("made/for/the/check");
    Outputs.checkDirectory("--out", deep);
    Outputs.checkFile("--save", deep.resolve("model.safetensors"));
    assertFalse(Files.exists(dir.resolve("made")), "the directories made for the check are gone");
    Outputs.checkDirectory("--out", tiny);
    assertEquals(Set.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte"), names(tiny));
  }

  private static Set<String> names(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      Set<String> names = new LinkedHashSet<>();
      files.forEach(f -> names.add(f.getFileName().toString()));
      return new TreeSet<>(names);
    }
  }

  record Result(int code, String out, String err, List<String> lines) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String e = err.toString(StandardCharsets.UTF_8);
    List<String> lines = e.lines().filter(l -> !l.isBlank()).toList();
    return new Result(code, out.toString(StandardCharsets.UTF_8), e, lines);
  }

  /** Fashion-MNIST's four IDX files with {@code train} and {@code test} samples of one class each. */
  private static void writeIdx(Path directory, int train, int test) throws IOException {
    for (String set : List.of("train", "t10k")) {
      int n = set.equals("train") ? train : test;
      ByteBuffer images = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28)
          .putInt(28);
      for (int i = 0; i < n * 784; i++) {
        images.put((byte) (i * 7));
      }
      ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
      for (int i = 0; i < n; i++) {
        labels.put((byte) (i % 10));
      }
      Files.write(directory.resolve(set + "-images-idx3-ubyte"), images.array());
      Files.write(directory.resolve(set + "-labels-idx1-ubyte"), labels.array());
    }
  }
}
