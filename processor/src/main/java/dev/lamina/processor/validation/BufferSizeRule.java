package dev.lamina.processor.validation;

import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.Shapes;
import dev.lamina.processor.model.WeightedShape;

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
      for (WeightedShape.Buffer buffer : layer.kind().orElseThrow().weightedShape(shape).buffers()) {
        check(report, layer, buffer.what(), buffer.size());
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
