package dev.lamina.processor.model;

import java.util.List;

/**
 * A layer with weights, as the initialization advice and the buffer rule see it, from its kind
 * and its inferred shapes.
 *
 * @param fanIn the inputs of each unit, PyTorch's fan-in
 * @param fanInText the fan-in as messages show it: "100", or "288 (32 channels × 3 × 3)"
 * @param layer how messages name a layer of the kind: "dense layer", "convolution"
 * @param unit what each column of its weights feeds: "unit", "filter"
 * @param buffers the arrays its weights need, which must fit a Java array
 */
public record WeightedShape(long fanIn, String fanInText, String layer, String unit,
    List<Buffer> buffers) {
  /**
   * One array a weighted layer needs.
   *
   * @param what how the message names it, with its dimensions: "its weights (784 × 256)"
   * @param size its floats
   */
  public record Buffer(String what, long size) {}
}
