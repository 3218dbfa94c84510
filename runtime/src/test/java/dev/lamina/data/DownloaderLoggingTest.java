package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A downloader left at its defaults says what it does through System.Logger (here routed to
 * java.util.logging) and prints nothing; given a stream that is not a terminal, it prints one
 * finished line per file instead of redrawn frames.
 */
class DownloaderLoggingTest {
  private static final Map<String, byte[]> FILES = IdxFiles.fashionMnistGz(20, 10);

  @TempDir Path dir;

  @Test
  void byDefaultMessagesGoToSystemLoggerAndNothingIsPrinted() throws IOException {
    Logger julLogger = Logger.getLogger(Downloader.class.getName());
    List<LogRecord> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    julLogger.addHandler(handler);
    julLogger.setUseParentHandlers(false);
    try (FileServer server = new FileServer(FILES)) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
      Downloader.builder().baseUrl(server.url()).files(DownloaderTest.manifest(FILES))
          .readTimeout(Duration.ofSeconds(5)).build().downloadAll(dir);
    } finally {
      System.setOut(out);
      System.setErr(err);
      julLogger.removeHandler(handler);
      julLogger.setUseParentHandlers(true);
    }
    assertEquals("", printed.toString(StandardCharsets.UTF_8));
    List<String> messages = records.stream().map(LogRecord::getMessage).toList();
    assertEquals(5, messages.size(), () -> "the start and one per file: " + messages);
    assertTrue(messages.getFirst().matches("Downloading 4 files from http://\\S+/ into "
        + java.util.regex.Pattern.quote(dir.toString())), messages.getFirst());
    assertTrue(records.stream().allMatch(r -> r.getLevel() == Level.INFO), messages::toString);
    for (String name : FILES.keySet()) {
      assertTrue(messages.stream().anyMatch(m -> m.startsWith(name + ": downloaded from http")
          && m.endsWith(", checksum matches")), () -> name + " in " + messages);
    }
  }

  @Test
  void aStreamThatIsNoTerminalGetsOneLinePerFile() throws IOException {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    try (FileServer server = new FileServer(FILES)) {
      Downloader.builder().baseUrl(server.url()).files(DownloaderTest.manifest(FILES))
          .progress(new PrintStream(progress, true, StandardCharsets.UTF_8)).build()
          .downloadAll(dir);
    }
    String output = progress.toString(StandardCharsets.UTF_8);
    assertFalse(output.contains("\r"), () -> output.replace("\r", "\\r"));
    String[] lines = output.split("\n");
    assertEquals(5, lines.length, output);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].matches(".*\\.gz \\[#{30}\\] 100% .* MB"), lines[i]);
    }
  }
}
