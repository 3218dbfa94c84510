package dev.lamina.processor.validation;

import dev.lamina.nn.ImageSpec;
import dev.lamina.processor.model.ConvKind;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.Shapes;

/**
 * Rule [Lamina/BufferTooLarge]: every parameter and every activation buffer of a layer must fit a
 * Java array at the default batch size, or the network would fail at run time with an integer
 * overflow (and the runtime's spec could not even be built). Sizes are {@code long}s from shape
 * inference; the rule runs once every shape is known.
 */
final class BufferSizeRule {
  /**
   * The trainer's default batch size, TrainingConfig.DEFAULTS.batchSize() (BufferSizeTest checks
   * they agree): reading it here would initialize training classes inside javac.
   */
  static final int DEFAULT_BATCH = 128;

  /** The longest array the JVM allocates (a few header words below Integer.MAX_VALUE). */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private BufferSizeRule() {}

  static void check(ModelDescriptor model, Shapes shapes, ValidationReport report) {
    if (!shapes.complete(model)) {
      return;
    }
    long rows = DEFAULT_BATCH;
    for (LayerDescriptor layer : model.layers()) {
      Shapes.Inferred shape = shapes.of(layer).orElseThrow();
      long units = shape.out().size();
      check(report, layer, "its output (batch × " + units + ")", rows * units);
      if (!layer.hasWeights()) {
        continue;
      }
      ImageSpec g = shape.geometry();
      if (layer.kind().orElseThrow() instanceof ConvKind) {
        long patch = (long) g.kernel() * g.kernel() * g.in().channels();
        long pixels = (long) g.out().height() * g.out().width();
        check(report, layer, "its weights (" + patch + " × " + g.out().channels() + ")",
            patch * g.out().channels());
        check(report, layer, "its im2col matrix (batch × " + pixels + " pixels × " + patch + ")",
            rows * pixels * patch);
      } else {
        long fanIn = shape.inputs().get(0).size();
        check(report, layer, "its weights (" + fanIn + " × " + units + ")", fanIn * units);
      }
    }
  }

  private static void check(ValidationReport report, LayerDescriptor layer, String buffer, long size) {
    if (size > MAX_ARRAY) {
      report.error(String.format(Messages.BUFFER_TOO_LARGE, layer.name(), buffer, size,
              DEFAULT_BATCH, MAX_ARRAY), layer.field(),
          layer.kind().orElseThrow().annotation(), null);
    }
  }
}
