package dev.lamina.data;

import static dev.lamina.data.IdxTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceTest {
  @TempDir Path root;

  /** Directories with 1, 2, 3 and 4 training samples, so the size tells which one was read. */
  private Path explicit;
  private Path environment;
  private Path home;
  private Path system;

  private void writeAll() throws IOException {
    explicit = IdxFiles.writeFashionMnist(root.resolve("explicit"), 1, 1);
    environment = IdxFiles.writeFashionMnist(root.resolve("env"), 2, 1);
    home = root.resolve("home");
    IdxFiles.writeFashionMnist(home.resolve(".lamina/fashion-mnist"), 3, 1);
    system = IdxFiles.writeFashionMnist(root.resolve("system"), 4, 1);
  }

  private DataSource.Builder source() {
    return DataSource.builder()
        .environment(Map.of())
        .home(root.resolve("home"))
        .systemDirectory(root.resolve("system"))
        .noDownload();
  }

  @Test
  void searchOrderIsExplicitThenEnvironmentThenHomeThenSystem() throws IOException {
    writeAll();
    DataSource all = source().directory(explicit)
        .environment(Map.of("LAMINA_DATA", environment.toString())).build();
    assertEquals(1, FashionMnist.load(all).train().size());

    DataSource noExplicit =
        source().environment(Map.of("LAMINA_DATA", environment.toString())).build();
    assertEquals(2, FashionMnist.load(noExplicit).train().size());

    DataSource noEnvironment = source().build();
    assertEquals(3, FashionMnist.load(noEnvironment).train().size());

    deleteTree(home);
    assertEquals(4, FashionMnist.load(noEnvironment).train().size());
    assertEquals(system, noEnvironment.locate());
  }

  @Test
  void aNamedDirectoryMissingAFileIsAnErrorNamingBoth() throws IOException {
    writeAll();
    Files.delete(explicit.resolve(FashionMnist.TEST_LABELS + ".gz"));
    Files.delete(environment.resolve(FashionMnist.TRAIN_IMAGES + ".gz"));

    assertEquals("--data " + explicit + " lacks t10k-labels-idx1-ubyte[.gz]; the directory named"
        + " is the one used: put the files there, or name another",
        notFound(source().directory(explicit).environment(Map.of("LAMINA_DATA", system.toString()))));
    assertEquals("$LAMINA_DATA " + environment + " lacks train-images-idx3-ubyte[.gz]; the"
        + " directory named is the one used: put the files there, or name another",
        notFound(source().environment(Map.of("LAMINA_DATA", environment.toString()))));
  }

  @Test
  void aNamedDirectoryThatIsMissingOrEmptyIsAnError() throws IOException {
    writeAll();
    Path empty = Files.createDirectories(root.resolve("empty"));

    assertEquals("--data " + root.resolve("nowhere") + " does not exist; the directory named is"
        + " the one used: put the files there, or name another",
        notFound(source().directory(root.resolve("nowhere"))));
    assertEquals("--data " + empty + " has none of the Fashion-MNIST files"
        + " train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz],"
        + " t10k-labels-idx1-ubyte[.gz]; the directory named is the one used: put the files"
        + " there, or name another", notFound(source().directory(empty)));
  }

  private static String notFound(DataSource.Builder source) {
    return assertThrows(DatasetNotFoundException.class, () -> source.build().locate())
        .getMessage();
  }

  @Test
  void searchPathListsWhatIsSet() {
    DataSource source = source().directory(Path.of("/d"))
        .environment(Map.of("LAMINA_DATA", "/e")).build();

    assertEquals(List.of(new DataSource.Location("--data", Path.of("/d"))), source.searchPath());
    assertEquals(List.of(new DataSource.Location("$LAMINA_DATA", Path.of("/e"))),
        source().environment(Map.of("LAMINA_DATA", "/e")).build().searchPath());
    assertEquals(List.of(
            new DataSource.Location("home", root.resolve("home/.lamina/fashion-mnist")),
            new DataSource.Location("system", root.resolve("system"))),
        source().environment(Map.of("LAMINA_DATA", " ")).build().searchPath());
  }

  @Test
  void notFoundSaysWhereItLookedAndHowToGetTheFiles() throws IOException {
    Path partial = root.resolve("home/.lamina/fashion-mnist");
    IdxFiles.write(partial.resolve(FashionMnist.TRAIN_IMAGES + ".gz"), new byte[0]);
    DataSource source = source().build();

    String message =
        assertThrows(DatasetNotFoundException.class, () -> FashionMnist.load(source)).getMessage();

    assertContains(message, "Fashion-MNIST not found",
        "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
            + " t10k-labels-idx1-ubyte",
        partial + " (home): lacks train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz],"
            + " t10k-labels-idx1-ubyte[.gz]",
        "(--data DIR not given)", "($LAMINA_DATA not set)",
        root.resolve("system") + " (system): does not exist",
        "Downloading is switched off.",
        "Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist",
        "--data DIR", "LAMINA_DATA=DIR");
  }

  @Test
  void downloadsIntoHomeWhenNoDirectoryHasTheFiles() throws IOException {
    Map<String, byte[]> files = IdxFiles.fashionMnistGz(7, 3);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    FashionMnist data;
    try (FileServer server = new FileServer(files)) {
      data = FashionMnist.load(source().downloader(downloader(server, files, progress)).build());
    }

    Path target = root.resolve("home/.lamina/fashion-mnist");
    assertEquals(target, data.directory());
    assertEquals(7, data.train().size());
    assertEquals(3, data.test().size());
    assertEquals(files.keySet().stream().sorted().toList(), DownloaderTest.list(target));
    assertContains(progress.toString(StandardCharsets.UTF_8), "Downloading 4 files from");
  }

  @Test
  void failedDownloadOf404SaysHowToGetTheFiles() throws IOException {
    Map<String, byte[]> files = IdxFiles.fashionMnistGz(7, 3);
    String message;
    try (FileServer server = new FileServer(Map.of())) {
      DataSource source =
          source().downloader(downloader(server, files, new ByteArrayOutputStream())).build();
      message = assertThrows(DatasetNotFoundException.class, () -> FashionMnist.load(source))
          .getMessage();
      assertContains(message, "Downloading them from " + server.url() + " into "
          + root.resolve("home/.lamina/fashion-mnist") + " failed: cannot download "
          + server.url() + "train-images-idx3-ubyte.gz: the server answered HTTP 404");
    }
    assertHowTo(message);
    assertEquals(List.of(), DownloaderTest.list(root.resolve("home/.lamina/fashion-mnist")));
  }

  @Test
  void refusedConnectionSaysHowToGetTheFiles() throws IOException {
    Map<String, byte[]> files = IdxFiles.fashionMnistGz(7, 3);
    FileServer stopped = new FileServer(files);
    stopped.close();
    DataSource source =
        source().downloader(downloader(stopped, files, new ByteArrayOutputStream())).build();

    String message = assertThrows(DatasetNotFoundException.class, () -> FashionMnist.load(source))
        .getMessage();

    assertContains(message, "failed: cannot download " + stopped.url(), "ConnectException");
    assertHowTo(message);
  }

  private static void assertHowTo(String message) {
    assertContains(message, "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "(--data DIR not given)",
        "($LAMINA_DATA not set)", "(home): does not exist", "(system): does not exist",
        "Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist", "run with --data DIR",
        "set LAMINA_DATA=DIR");
  }

  private static Downloader downloader(
      FileServer server, Map<String, byte[]> files, ByteArrayOutputStream progress) {
    return Downloader.builder()
        .baseUrl(server.url())
        .files(DownloaderTest.manifest(files))
        .progress(new PrintStream(progress, true, StandardCharsets.UTF_8))
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
