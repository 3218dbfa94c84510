package dev.lamina.examples;

import dev.lamina.train.Optimizer;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code bin/lamina fashion-cnn}: trains {@link FashionCnn} on Fashion-MNIST with the examples'
 * augmentation and reports its test accuracy, as {@code fashion-mlp} does for the MLP. Every epoch
 * runs; the network ends with the weights of the epoch that did best on the validation split (the
 * test set is never looked at before the end).
 */
final class FashionCnnCommand implements Command {
  /**
   * The CNN's default augmentation: mirror half the images and shift half by up to 2 pixels.
   * Rotating and scaling too held this small network back (docs/convolutions.md).
   */
  static final String AUGMENTATION = "hflip=0.5,crop=0.5:28:28:2";
  static final int EPOCHS = 25;

  @Override
  public String name() {
    return "fashion-cnn";
  }

  @Override
  public String summary() {
    return "train a small CNN (2 conv-BN-ReLU-pool blocks, dropout, dense head) with augmentation";
  }

  @Override
  public String usage() {
    return FashionImageTraining.usage(EPOCHS, 1e-3, AUGMENTATION);
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    return FashionImageTraining.run(options, out, FashionCnnNet.SPEC, FashionCnnNet.trainer(),
        EPOCHS, 1e-3, AUGMENTATION, (trainer, lr, epochs) -> trainer.optimizer(Optimizer.adam(lr)));
  }
}
