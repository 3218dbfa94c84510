package dev.lamina.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the Lamina runtime on the class path, as Maven built it; saved with every model. */
final class LaminaVersion {
  private static final String VERSION = read();

  private LaminaVersion() {}

  /** E.g. {@code 0.1.0-SNAPSHOT}. */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = LaminaVersion.class.getResourceAsStream("lamina.properties")) {
      if (in == null) {
        throw new IllegalStateException("dev/lamina/io/lamina.properties is missing from the"
            + " Lamina runtime's class path; rebuild it with Maven");
      }
      Properties p = new Properties();
      p.load(in);
      String version = p.getProperty("version", "");
      if (version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException("lamina.properties holds no version (got '" + version
            + "'); build the runtime with Maven, which fills it in");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
