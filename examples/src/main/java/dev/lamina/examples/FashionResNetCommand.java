package dev.lamina.examples;

import dev.lamina.nn.Network;
import dev.lamina.train.LearningRateSchedule;
import dev.lamina.train.Optimizer;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code bin/lamina fashion-resnet}: trains {@link FashionResNet} on Fashion-MNIST with the CNN's
 * augmentation, Adam and a cosine learning rate, and reports it as {@code fashion-cnn} does. With
 * {@code --no-skip} it trains {@link FashionPlain}, the same convolutions without the shortcuts,
 * the same way.
 */
final class FashionResNetCommand implements Command {
  static final int EPOCHS = 16;
  static final double LEARNING_RATE = 2e-3;

  @Override
  public String name() {
    return "fashion-resnet";
  }

  @Override
  public String summary() {
    return "train a small ResNet (3 stages of 2 residual blocks) with augmentation; --no-skip: "
        + "the same depth without shortcuts";
  }

  @Override
  public String usage() {
    return """
          --no-skip           train FashionPlain: the same 13 convolutions, without the shortcuts
        """ + FashionImageTraining.usage(EPOCHS, LEARNING_RATE, FashionCnnCommand.AUGMENTATION)
        + "  The learning rate follows a cosine from --lr down to 0 over the epochs.\n";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    boolean plain = options.flag("--no-skip");
    Map<String, Object> json = plain
        ? FashionImageTraining.run(options, out, FashionPlainNet.SPEC, FashionPlainNet.trainer(),
            EPOCHS, LEARNING_RATE, FashionCnnCommand.AUGMENTATION, adamWithCosine())
        : FashionImageTraining.run(options, out, FashionResNetNet.SPEC, FashionResNetNet.trainer(),
            EPOCHS, LEARNING_RATE, FashionCnnCommand.AUGMENTATION, adamWithCosine());
    json.put("model", plain ? "FashionPlain" : "FashionResNet");
    return json;
  }

  private static <N extends Network> FashionImageTraining.Configure<N> adamWithCosine() {
    return (trainer, lr, epochs) -> trainer.optimizer(Optimizer.adam(lr))
        .schedule(LearningRateSchedule.cosine(epochs));
  }
}
