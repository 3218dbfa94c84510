package dev.lamina.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Fashion-MNIST's files are looked for. A directory the user names is the one used: a
 * directory given explicitly (the launcher's {@code --data DIR}), else the one the environment
 * variable {@code $LAMINA_DATA} names; if it lacks a file, that is an error naming the directory
 * and the file, never a silent fall back to other data. Only when nothing is named are these
 * searched, in order:
 * <ol>
 *   <li>{@code ~/.lamina/fashion-mnist}, which is also where downloads go,
 *   <li>{@code /usr/share/datasets/fashion-mnist}, where Debian's {@code dataset-fashion-mnist}
 *       package puts them.
 * </ol>
 * The first directory that holds all four files wins. If none does, the files are downloaded
 * into {@code ~/.lamina/fashion-mnist}, unless downloading is switched off. The environment, the
 * home directory and the system directory are settings, so tests need not depend on the machine.
 */
public final class DataSource {
  /** The environment variable that names a directory holding the files. */
  public static final String ENVIRONMENT_VARIABLE = "LAMINA_DATA";

  /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
  public static final Path SYSTEM_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  /** The directory under the home directory that is searched and downloaded into. */
  public static final String HOME_SUBDIRECTORY = ".lamina/fashion-mnist";

  private final Path directory;
  private final Map<String, String> environment;
  private final Path home;
  private final Path systemDirectory;
  private final Downloader downloader;

  private DataSource(Builder builder) {
    this.directory = builder.directory;
    this.environment = builder.environment;
    this.home = builder.home;
    this.systemDirectory = builder.systemDirectory;
    this.downloader = builder.downloader;
  }

  /**
   * A directory to search and why it is searched: "--data", "$LAMINA_DATA", "home", "system".
   *
   * @param origin why it is searched
   * @param directory the directory
   */
  public record Location(String origin, Path directory) {}

  /**
   * The real environment and home directory, no explicit directory, downloads allowed.
   *
   * @return the source
   */
  public static DataSource standard() {
    return builder().build();
  }

  /**
   * A builder that starts from {@link #standard()}'s settings.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these settings} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.directory = directory;
    builder.environment = environment;
    builder.home = home;
    builder.systemDirectory = systemDirectory;
    builder.downloader = downloader;
    return builder;
  }

  /**
   * The directories searched, in order: the one the user named (the explicit one, else
   * $LAMINA_DATA) alone, or when none is named the home and system directories.
   *
   * @return the locations, in search order
   */
  public List<Location> searchPath() {
    Optional<Location> named = named();
    if (named.isPresent()) {
      return List.of(named.get());
    }
    List<Location> path = new ArrayList<>();
    path.add(new Location("home", downloadDirectory()));
    path.add(new Location("system", systemDirectory));
    return path;
  }

  /** The directory the user named: the explicit one, else $LAMINA_DATA's; empty if neither. */
  private Optional<Location> named() {
    if (directory != null) {
      return Optional.of(new Location("--data", directory));
    }
    String variable = environment.get(ENVIRONMENT_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Optional.of(new Location("$" + ENVIRONMENT_VARIABLE, Path.of(variable)));
    }
    return Optional.empty();
  }

  /**
   * Where files are downloaded to: {@code ~/.lamina/fashion-mnist}.
   *
   * @return the directory, under the home directory
   */
  public Path downloadDirectory() {
    return home.resolve(HOME_SUBDIRECTORY);
  }

  /**
   * The downloader, unless downloading is switched off.
   *
   * @return the downloader, or empty
   */
  public Optional<Downloader> downloader() {
    return Optional.ofNullable(downloader);
  }

  /**
   * The directory the user named, if it holds all of {@link FashionMnist#FILE_NAMES} (each plain
   * or gzipped); when none is named, the first directory of {@link #searchPath()} that holds them,
   * failing that {@link #downloadDirectory()} after downloading them into it.
   *
   * @return the directory that holds the files
   * @throws DatasetNotFoundException if the named directory lacks a file (the one-line message
   *     names the directory and the files), or if no directory has the files and downloading is
   *     off or fails (the message lists the directories searched and says how to get the files)
   */
  public Path locate() throws DatasetNotFoundException {
    List<String> names = FashionMnist.FILE_NAMES;
    Optional<Location> named = named();
    if (named.isPresent()) {
      Path dir = named.get().directory();
      String status = DataFiles.status(dir, names);
      if (!DataFiles.missing(dir, names).isEmpty()) {
        throw new DatasetNotFoundException(named.get().origin() + " " + dir + " "
            + (status.equals("has none of the files") ? "has none of the Fashion-MNIST files "
            + String.join("[.gz], ", names) + "[.gz]" : status)
            + "; the directory named is the one used: put the files there, or name another");
      }
      return dir;
    }
    for (Location location : searchPath()) {
      if (DataFiles.missing(location.directory(), names).isEmpty()) {
        return location.directory();
      }
    }
    String searched = searched();
    if (downloader == null) {
      throw new DatasetNotFoundException(notFound(searched, "Downloading is switched off."));
    }
    Path target = downloadDirectory();
    try {
      downloader.downloadAll(target);
    } catch (IOException | RuntimeException e) {
      throw new DatasetNotFoundException(notFound(searched, "Downloading them from "
          + downloader.baseUrl() + " into " + target + " failed: " + e.getMessage()), e);
    }
    List<String> missing = DataFiles.missing(target, names);
    if (!missing.isEmpty()) {
      throw new DatasetNotFoundException(notFound(searched, "Downloaded from "
          + downloader.baseUrl() + " into " + target + ", but it still lacks " + missing + "."));
    }
    return target;
  }

  /** What the search found: the file names and each directory's status. */
  private String searched() {
    List<String> names = FashionMnist.FILE_NAMES;
    StringBuilder message = new StringBuilder("Fashion-MNIST not found. Looked for the files\n  ")
        .append(String.join(", ", names))
        .append("\n(each may also be gzipped, with .gz added) in these directories, in order:\n");
    message.append("  (--data DIR not given)\n  ($").append(ENVIRONMENT_VARIABLE)
        .append(" not set)\n");
    for (Location location : searchPath()) {
      message.append("  ").append(location.directory()).append(" (").append(location.origin())
          .append("): ").append(DataFiles.status(location.directory(), names)).append('\n');
    }
    return message.toString();
  }

  private String notFound(String searched, String downloadOutcome) {
    String gzNames = String.join(".gz, ", FashionMnist.FILE_NAMES) + ".gz";
    URI url = downloader == null ? Downloader.FASHION_MNIST_URL : downloader.baseUrl();
    return searched + downloadOutcome + "\n"
        + "To get the files, do one of:\n"
        + "  - Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist  (installs them in "
        + SYSTEM_DIRECTORY + ")\n"
        + "  - download " + gzNames + " from " + url
        + " (see https://github.com/zalandoresearch/fashion-mnist) into a directory DIR, then"
        + " run with --data DIR or set " + ENVIRONMENT_VARIABLE + "=DIR, or put them in "
        + downloadDirectory() + "\n";
  }

  /** Settings of a {@link DataSource}; each starts at {@link #standard()}'s. */
  public static final class Builder {
    private Path directory;
    private Map<String, String> environment = System.getenv();
    private Path home = Path.of(System.getProperty("user.home"));
    private Path systemDirectory = SYSTEM_DIRECTORY;
    private Downloader downloader = Downloader.builder().build();

    private Builder() {}

    /**
     * The directory to load from, and no other (the launcher's {@code --data DIR}).
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The environment variables, read for {@code $LAMINA_DATA}.
     *
     * @param environment the variables, e.g. {@code System.getenv()}
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * The user's home directory, for {@code ~/.lamina/fashion-mnist}.
     *
     * @param home the home directory
     * @return this builder
     */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /**
     * The directory searched last.
     *
     * @param systemDirectory e.g. /usr/share/datasets/fashion-mnist
     * @return this builder
     */
    public Builder systemDirectory(Path systemDirectory) {
      this.systemDirectory = Objects.requireNonNull(systemDirectory, "systemDirectory");
      return this;
    }

    /**
     * Downloads with {@code downloader} when no directory has the files.
     *
     * @param downloader the downloader
     * @return this builder
     */
    public Builder downloader(Downloader downloader) {
      this.downloader = Objects.requireNonNull(downloader, "downloader");
      return this;
    }

    /**
     * Never downloads: when no directory has the files, {@link #locate()} throws.
     *
     * @return this builder
     */
    public Builder noDownload() {
      this.downloader = null;
      return this;
    }

    /** {@return the source} */
    public DataSource build() {
      return new DataSource(this);
    }
  }
}
