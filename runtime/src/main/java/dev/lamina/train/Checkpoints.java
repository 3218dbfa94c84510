package dev.lamina.train;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where and how often a {@link Trainer} writes checkpoints: after every {@code every}-th epoch and
 * when training ends, to {@code directory/epoch-NNNN.safetensors}, keeping the newest {@code keep}
 * files. Each is written to a temporary file, forced to disk and renamed, and older ones are
 * deleted only after that, so a crash at any moment leaves a whole checkpoint to resume from
 * ({@link Trainer#resume}). Sent to a cluster member, the directory is a path on that member.
 *
 * <pre>{@code
 * .checkpoints(Checkpoints.to(Path.of("runs/fashion")).every(5))
 * }</pre>
 *
 * @param directory where the files go; created when missing
 * @param every epochs between checkpoints
 * @param keep how many checkpoint files to keep, newest first
 */
public record Checkpoints(Path directory, int every, int keep) implements Serializable {
  private static final Pattern FILE = Pattern.compile("epoch-(\\d+)\\.safetensors");

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if the directory is null or a count is not positive
   */
  public Checkpoints {
    if (directory == null) {
      throw new IllegalArgumentException("directory must not be null");
    }
    if (every <= 0) {
      throw new IllegalArgumentException("every must be > 0, got " + every
          + "; it is the number of epochs between checkpoints");
    }
    if (keep <= 0) {
      throw new IllegalArgumentException("keep must be > 0, got " + keep
          + "; it is the number of checkpoint files to keep");
    }
  }

  /**
   * A checkpoint after every epoch into {@code directory}, keeping the newest 2.
   *
   * @param directory where the files go
   * @return the settings
   */
  public static Checkpoints to(Path directory) {
    return new Checkpoints(directory, 1, 2);
  }

  /**
   * {@return a copy that writes every {@code epochs} epochs}
   *
   * @param epochs epochs between checkpoints, > 0
   */
  public Checkpoints every(int epochs) {
    return new Checkpoints(directory, epochs, keep);
  }

  /**
   * {@return a copy that keeps the newest {@code files} checkpoints}
   *
   * @param files how many files to keep, > 0
   */
  public Checkpoints keep(int files) {
    return new Checkpoints(directory, every, files);
  }

  /**
   * The same settings writing into {@code name} under this directory.
   *
   * @param name a subdirectory's name, e.g. {@code member-3}
   * @return the settings for that subdirectory
   */
  public Checkpoints in(String name) {
    return new Checkpoints(directory.resolve(name), every, keep);
  }

  /**
   * The checkpoint file written after epoch {@code epoch}.
   *
   * @param epoch the epoch, from 1
   * @return {@code epoch-NNNN.safetensors} in the directory
   */
  public Path file(int epoch) {
    return directory.resolve(String.format(Locale.ROOT, "epoch-%04d.safetensors", epoch));
  }

  /**
   * The checkpoint of the latest epoch in {@code directory}; empty when there is none.
   *
   * @param directory a checkpoint directory
   * @return the newest {@code epoch-NNNN.safetensors} file, or empty
   * @throws IOException if the directory cannot be listed
   */
  public static Optional<Path> latest(Path directory) throws IOException {
    List<Path> files = files(directory);
    return files.isEmpty() ? Optional.empty() : Optional.of(files.get(files.size() - 1));
  }

  /**
   * A {@link Path} is not serializable: the directory travels as its text.
   *
   * @return what is serialized in its place
   */
  @Serial
  private Object writeReplace() {
    return new Wire(directory.toString(), every, keep);
  }

  private record Wire(String directory, int every, int keep) implements Serializable {
    @Serial
    private Object readResolve() {
      return new Checkpoints(Path.of(directory), every, keep);
    }
  }

  /** Deletes all but the newest {@link #keep} checkpoint files. */
  void prune() throws IOException {
    List<Path> files = files(directory);
    for (int i = 0; i < files.size() - keep; i++) {
      Files.deleteIfExists(files.get(i));
    }
  }

  /** The checkpoint files in {@code directory}, oldest epoch first. */
  private static List<Path> files(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(p -> FILE.matcher(p.getFileName().toString()).matches())
          .sorted((a, b) -> Long.compare(epoch(a), epoch(b)))
          .toList();
    }
  }

  private static long epoch(Path file) {
    Matcher m = FILE.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }
}
