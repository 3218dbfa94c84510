package dev.lamina.examples;

import dev.lamina.data.DataSource;
import dev.lamina.data.Downloader;
import dev.lamina.data.FashionMnist;
import java.io.IOException;

/**
 * Loads Fashion-MNIST as every command does: {@code --data DIR} first, then the standard places.
 * It is the command's last option read, so an unknown option is refused before a slow load.
 */
final class FashionData {
  private FashionData() {}

  static FashionMnist load(Options options) throws IOException {
    // A command line shows a download's progress on stderr (the library itself only logs it).
    DataSource.Builder source = DataSource.standard().toBuilder()
        .downloader(Downloader.builder().progress(System.err).build());
    options.path("--data").ifPresent(source::directory);
    options.requireAllUsed();
    return FashionMnist.load(source.build());
  }
}
