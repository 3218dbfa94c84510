package dev.lamina.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Downloads a list of files from a base URL into a directory, checking each against its MD5.
 * A file is written to a temporary file in the target directory and renamed to its name only once
 * its checksum matched, so a failed or corrupt download leaves nothing behind. Files already in
 * the directory with the right checksum are not downloaded again. Messages go to
 * {@link System.Logger} (named after this class) unless a {@link PrintStream} is chosen for them
 * and a progress bar ({@link Builder#progress}).
 */
public final class Downloader {
  /** Where the Fashion-MNIST authors publish the data set. */
  public static final URI FASHION_MNIST_URL =
      URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

  /** The four Fashion-MNIST files and their official MD5s (as torchvision lists them). */
  public static final List<RemoteFile> FASHION_MNIST_FILES = List.of(
      new RemoteFile("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
      new RemoteFile("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
      new RemoteFile("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
      new RemoteFile("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"));

  private static final int BUFFER_SIZE = 1 << 16;
  private static final Logger LOG = System.getLogger(Downloader.class.getName());

  private final URI baseUrl;
  private final List<RemoteFile> files;
  /** Where messages and the progress bar go; null: messages to {@link #LOG}, no bar. */
  private final PrintStream progress;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  private Downloader(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.files = builder.files;
    this.progress = builder.progress;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
  }

  /**
   * A builder set up for Fashion-MNIST from its official location, messages to System.Logger.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these settings} */
  public Builder toBuilder() {
    Builder builder = new Builder()
        .baseUrl(baseUrl)
        .files(files)
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout);
    builder.progress = progress;
    return builder;
  }

  /**
   * The URL the file names are resolved against; it ends with '/'.
   *
   * @return the URL
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /** {@return the files it downloads, with their checksums} */
  public List<RemoteFile> files() {
    return files;
  }

  /**
   * Makes {@code directory} (created if needed) hold every file with its checksum: files already
   * there with the right checksum are kept, the others are downloaded.
   *
   * @param directory the target directory
   * @throws IOException if a download fails or a checksum differs
   */
  public void downloadAll(Path directory) throws IOException {
    say("Downloading " + files.size() + " files from " + baseUrl + " into " + directory);
    for (RemoteFile file : files) {
      Path existing = directory.resolve(file.name());
      if (Files.isRegularFile(existing) && md5(existing).equals(file.md5())) {
        say(file.name() + ": already there, checksum matches");
      } else {
        download(file, directory);
      }
    }
  }

  /**
   * Downloads {@code file} into {@code directory} (created if needed), replacing a file of that
   * name, and returns its path. Throws, leaving nothing behind, if the download fails or its MD5
   * does not match.
   *
   * @param file the file and its checksum
   * @param directory the target directory
   * @return the downloaded file
   * @throws IOException if the download fails or its checksum differs
   */
  public Path download(RemoteFile file, Path directory) throws IOException {
    Files.createDirectories(directory);
    URI url = baseUrl.resolve(file.name());
    Path part = Files.createTempFile(directory, "." + file.name() + ".", ".part");
    try {
      String actual = fetch(url, part, file.name());
      if (!actual.equals(file.md5())) {
        throw new IOException(file.name() + " downloaded from " + url + " has MD5 " + actual
            + ", expected " + file.md5() + "; the download is corrupt or the server has a"
            + " different file. Nothing was saved.");
      }
      Path target = directory.resolve(file.name());
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      if (progress == null) {
        LOG.log(Level.INFO, file.name() + ": downloaded from " + url + ", checksum matches");
      }
      return target;
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(part);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Writes {@code url}'s content to {@code destination} and returns its MD5 in hex. */
  private String fetch(URI url, Path destination, String label) throws IOException {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setConnectTimeout((int) connectTimeout.toMillis());
      connection.setReadTimeout((int) readTimeout.toMillis());
      connection.setRequestProperty("User-Agent", "Lamina");
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new IOException("the server answered HTTP " + status + " "
            + Objects.toString(connection.getResponseMessage(), ""));
      }
      long length = connection.getContentLengthLong();
      try (InputStream in = connection.getInputStream()) {
        return copy(in, destination, ProgressBar.on(progress, label, length), length);
      }
    } catch (IOException e) {
      throw new IOException("cannot download " + url + ": " + reason(e), e);
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  /** Copies {@code in} to {@code destination}, drawing {@code bar}; returns the MD5 in hex. */
  private static String copy(InputStream in, Path destination, ProgressBar bar, long length)
      throws IOException {
    MessageDigest md5 = newMd5();
    long done = 0;
    try (OutputStream out = Files.newOutputStream(destination)) {
      byte[] buffer = new byte[BUFFER_SIZE];
      for (int n; (n = in.read(buffer)) != -1; ) {
        md5.update(buffer, 0, n);
        out.write(buffer, 0, n);
        done += n;
        bar.update(done);
      }
    } catch (IOException e) {
      bar.abandon();
      throw e;
    }
    bar.finish(done);
    if (length >= 0 && done != length) {
      throw new IOException("the server announced " + length + " bytes and sent " + done);
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  private void say(String message) {
    if (progress == null) {
      LOG.log(Level.INFO, message);
    } else {
      progress.println(message);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage() + " (no network?)";
    }
    if (e instanceof SocketTimeoutException) {
      return "timed out (" + e.getMessage() + ")";
    }
    return e.getClass() == IOException.class ? e.getMessage() : e.toString();
  }

  /** The MD5 of {@code file}'s content, in lower-case hex. */
  static String md5(Path file) throws IOException {
    MessageDigest md5 = newMd5();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER_SIZE];
      for (int n; (n = in.read(buffer)) != -1; ) {
        md5.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  /** Settings of a {@link Downloader}; each starts at Fashion-MNIST's default. */
  public static final class Builder {
    private URI baseUrl = FASHION_MNIST_URL;
    private List<RemoteFile> files = FASHION_MNIST_FILES;
    private PrintStream progress;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * The http or https URL the file names are resolved against ('/' is appended if missing).
     *
     * @param baseUrl an http or https URL
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      String scheme = baseUrl.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("baseUrl must be an http or https URL, got " + baseUrl);
      }
      String text = baseUrl.toString();
      this.baseUrl = text.endsWith("/") ? baseUrl : URI.create(text + "/");
      return this;
    }

    /**
     * The files to download, with their checksums; at least one, names distinct.
     *
     * @param files the files
     * @return this builder
     */
    public Builder files(List<RemoteFile> files) {
      if (files.isEmpty()) {
        throw new IllegalArgumentException("files must not be empty, got " + files);
      }
      HashSet<String> names = new HashSet<>();
      for (RemoteFile file : files) {
        if (!names.add(file.name())) {
          throw new IllegalArgumentException(
              "files must have distinct names, got " + file.name() + " twice in " + files);
        }
      }
      this.files = List.copyOf(files);
      return this;
    }

    /**
     * Where messages and a progress bar go instead of System.Logger; the bar is redrawn in place
     * only on a terminal, and is one line per file otherwise.
     *
     * @param progress the stream, e.g. {@code System.err}
     * @return this builder
     */
    public Builder progress(PrintStream progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * How long to wait for a connection.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positiveMillis("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * How long to wait for the next bytes of a download before giving up.
     *
     * @param readTimeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positiveMillis("readTimeout", readTimeout);
      return this;
    }

    /** {@return the downloader} */
    public Downloader build() {
      return new Downloader(this);
    }

    private static Duration positiveMillis(String name, Duration value) {
      if (value.toMillis() <= 0 || value.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            name + " must be between 1 ms and " + Integer.MAX_VALUE + " ms, got " + value);
      }
      return value;
    }
  }
}
