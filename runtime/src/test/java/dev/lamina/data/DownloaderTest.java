package dev.lamina.data;

import static dev.lamina.data.IdxTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
  private static final Map<String, byte[]> FILES = IdxFiles.fashionMnistGz(20, 10);
  private static final String ZEROS_MD5 = "0".repeat(32);

  @TempDir Path dir;

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @Test
  void downloadsVerifiesAndPlacesEveryFile() throws IOException {
    try (FileServer server = new FileServer(FILES)) {
      downloader(server, manifest(FILES)).downloadAll(dir);
    }

    assertEquals(List.copyOf(FILES.keySet()).stream().sorted().toList(), list(dir));
    for (Map.Entry<String, byte[]> file : FILES.entrySet()) {
      assertArrayEquals(file.getValue(), Files.readAllBytes(dir.resolve(file.getKey())));
    }
    String printed = progress.toString(StandardCharsets.UTF_8);
    assertContains(printed, "train-images-idx3-ubyte.gz [", "100%", "t10k-labels-idx1-ubyte.gz");
  }

  @Test
  void keepsFilesThatAreAlreadyThereWithTheRightChecksum() throws IOException {
    String first = FashionMnist.TRAIN_IMAGES + ".gz";
    IdxFiles.write(dir.resolve(first), FILES.get(first));

    try (FileServer server = new FileServer(FILES)) {
      downloader(server, manifest(FILES)).downloadAll(dir);

      assertEquals(3, server.requests().size(), () -> "requests: " + server.requests());
      assertTrue(!server.requests().contains(first), () -> "requests: " + server.requests());
    }
    assertEquals(4, list(dir).size());
  }

  @Test
  void checksumMismatchLeavesNothingAndNamesFileAndBothChecksums() throws IOException {
    String name = FashionMnist.TRAIN_LABELS + ".gz";
    String actual = md5(FILES.get(name));

    IOException e;
    try (FileServer server = new FileServer(FILES)) {
      Downloader downloader = downloader(server, List.of(new RemoteFile(name, ZEROS_MD5)));
      e = assertThrows(IOException.class, () -> downloader.downloadAll(dir));
    }

    assertContains(e.getMessage(), name, "has MD5 " + actual, "expected " + ZEROS_MD5,
        "Nothing was saved");
    assertEquals(List.of(), list(dir));
  }

  @Test
  void missingFileOnServerGives404AndLeavesNothing() throws IOException {
    IOException e;
    try (FileServer server = new FileServer(Map.of())) {
      Downloader downloader = downloader(server, manifest(FILES));
      e = assertThrows(IOException.class, () -> downloader.downloadAll(dir));
      assertContains(e.getMessage(), "cannot download " + server.url()
          + "train-images-idx3-ubyte.gz", "HTTP 404");
    }
    assertEquals(List.of(), list(dir));
  }

  @Test
  void interruptedTransferLeavesNothing() throws IOException {
    String name = FashionMnist.TRAIN_IMAGES + ".gz";
    IOException e;
    try (FileServer server = new FileServer(FILES, List.of(name))) {
      Downloader downloader = downloader(server, manifest(FILES));
      e = assertThrows(IOException.class, () -> downloader.downloadAll(dir));
    }

    assertContains(e.getMessage(), "cannot download", name);
    assertEquals(List.of(), list(dir));
  }

  @Test
  void refusedConnectionNamesTheUrl() throws IOException {
    FileServer stopped = new FileServer(FILES);
    stopped.close();
    Downloader downloader = downloader(stopped, manifest(FILES));

    IOException e = assertThrows(IOException.class, () -> downloader.downloadAll(dir));

    assertContains(e.getMessage(), "cannot download " + stopped.url(), "ConnectException");
    assertEquals(List.of(), list(dir));
  }

  @Test
  void defaultsAreTheOfficialFashionMnistFiles() {
    Downloader downloader = Downloader.builder().build();

    assertEquals("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        downloader.baseUrl().toString());
    assertEquals(List.of(
            new RemoteFile("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
            new RemoteFile("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
            new RemoteFile("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
            new RemoteFile("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310")),
        downloader.files());
  }

  @Test
  void preconditionsNameTheArgument() {
    assertContains(assertThrows(IllegalArgumentException.class,
            () -> new RemoteFile("../etc/passwd", ZEROS_MD5)).getMessage(),
        "name must be a plain file name", "../etc/passwd");
    assertContains(assertThrows(IllegalArgumentException.class,
            () -> new RemoteFile("a.gz", "abc")).getMessage(),
        "md5 must be 32 hex digits, got abc");
    assertContains(assertThrows(IllegalArgumentException.class,
            () -> Downloader.builder().connectTimeout(Duration.ZERO)).getMessage(),
        "connectTimeout must be between 1 ms and", "got PT0S");
    assertContains(assertThrows(IllegalArgumentException.class,
            () -> Downloader.builder().baseUrl(URI.create("file:///tmp/"))).getMessage(),
        "baseUrl must be an http or https URL, got file:///tmp/");
    assertEquals("http://example.org/data/", Downloader.builder()
        .baseUrl(URI.create("http://example.org/data")).build().baseUrl().toString());
  }

  private Downloader downloader(FileServer server, List<RemoteFile> files) {
    return Downloader.builder()
        .baseUrl(server.url())
        .files(files)
        .progress(new PrintStream(progress, true, StandardCharsets.UTF_8))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  static List<RemoteFile> manifest(Map<String, byte[]> files) {
    List<RemoteFile> manifest = new ArrayList<>();
    files.forEach((name, content) -> manifest.add(new RemoteFile(name, md5(content))));
    return manifest;
  }

  static String md5(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** The names in {@code directory}, hidden temporary files included, sorted. */
  static List<String> list(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
