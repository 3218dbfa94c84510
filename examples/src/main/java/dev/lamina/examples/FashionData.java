package dev.lamina.examples;

import dev.lamina.data.DataSource;
import dev.lamina.data.FashionMnist;
import java.io.IOException;

/** Loads Fashion-MNIST as every command does: {@code --data DIR} first, then the standard places. */
final class FashionData {
  private FashionData() {}

  static FashionMnist load(Options options) throws IOException {
    DataSource.Builder source = DataSource.standard().toBuilder();
    options.path("--data").ifPresent(source::directory);
    return FashionMnist.load(source.build());
  }
}
