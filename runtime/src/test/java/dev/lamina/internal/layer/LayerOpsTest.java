package dev.lamina.internal.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.nn.LayerSpec;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ops register themselves: every layer type has exactly one, and it says which it is. */
class LayerOpsTest {
  @Test
  void everyTypeHasItsOwnOp() {
    for (LayerSpec.Type type : LayerSpec.Type.values()) {
      assertEquals(type, LayerOps.of(type).type(), "the op found for " + type);
    }
  }

  @Test
  void theKindsWithWeightsAreTheWeightedOps() {
    Set<LayerSpec.Type> weighted = EnumSet.noneOf(LayerSpec.Type.class);
    for (LayerSpec.Type type : LayerSpec.Type.values()) {
      if (type.hasWeights()) {
        weighted.add(type);
      }
    }
    assertEquals(EnumSet.of(LayerSpec.Type.DENSE, LayerSpec.Type.CONV), weighted);
  }
}
