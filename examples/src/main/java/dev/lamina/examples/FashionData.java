package dev.lamina.examples;

import dev.lamina.data.DataSource;
import dev.lamina.data.FashionMnist;
import java.io.IOException;

/**
 * Loads Fashion-MNIST as every command does: {@code --data DIR} first, then the standard places.
 * It is the command's last option read, so an unknown option is refused before a slow load.
 */
final class FashionData {
  private FashionData() {}

  static FashionMnist load(Options options) throws IOException {
    DataSource.Builder source = DataSource.standard().toBuilder();
    options.path("--data").ifPresent(source::directory);
    options.requireAllUsed();
    return FashionMnist.load(source.build());
  }
}
