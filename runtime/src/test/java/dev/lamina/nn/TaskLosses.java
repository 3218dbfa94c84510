package dev.lamina.nn;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.data.Dataset;
import java.util.List;

/** A batch scored by {@link BatchTargets} as training scores it, for the loss tests. */
record TaskLosses(NetworkSpec spec, Dataset data) {
  /** A one-layer spec with {@code width} outputs trained with {@code loss}. */
  static NetworkSpec spec(Loss loss, int width) {
    return new NetworkSpec("LossProbe", loss, 0, List.of(
        LayerSpec.input("in", 1, 1, DropoutMode.INVERTED),
        LayerSpec.dense("out", width, 1, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
            DropoutMode.INVERTED)));
  }

  /** Targets only: one dummy feature per sample. */
  static float[] features(int rows) {
    return new float[rows];
  }

  int rows() {
    return data.size();
  }

  /** The batch's mean loss; the gradient of it into {@code gradient} when not null. */
  double meanLoss(float[] outputs, float[] gradient) {
    BatchTargets targets = new BatchTargets(rows(), spec.outputSize());
    targets.begin(data);
    for (int r = 0; r < rows(); r++) {
      targets.gather(data, r, r);
    }
    double sum = 0;
    for (int r = 0; r < rows(); r++) {
      sum += targets.loss(spec, outputs, r, rows(), gradient);
    }
    return sum / rows();
  }
}
