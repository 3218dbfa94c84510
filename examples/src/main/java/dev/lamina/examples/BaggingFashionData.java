package dev.lamina.examples;

import dev.lamina.data.DataSource;
import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.ensemble.cluster.TrainingData;
import java.io.IOException;

/**
 * The bagging lab's training set as cluster members load it themselves: Fashion-MNIST from the
 * member's own standard places ({@code $LAMINA_DATA}, {@code ~/.lamina}, the Debian package), the
 * lab's split, and its first {@code trainSize} samples. {@code argument} is "splitSeed,trainSize".
 */
public final class BaggingFashionData implements TrainingData {
  @Override
  public Dataset.Split load(String argument) throws IOException {
    String[] parts = argument.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "argument must be \"splitSeed,trainSize\", got \"" + argument + "\"");
    }
    FashionMnist data = FashionMnist.load(DataSource.standard().toBuilder().noDownload().build());
    return new Dataset.Split(train(data, Long.parseLong(parts[0]), Integer.parseInt(parts[1])),
        null);
  }

  /** The lab's training samples: the split's training part, cut to {@code trainSize}. */
  static Dataset train(FashionMnist data, long splitSeed, int trainSize) {
    Dataset train = data.train().split(1.0 / 12, splitSeed).train();
    return trainSize < train.size() ? train.head(trainSize) : train;
  }
}
