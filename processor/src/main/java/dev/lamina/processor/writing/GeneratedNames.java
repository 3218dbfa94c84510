package dev.lamina.processor.writing;

import com.palantir.javapoet.NameAllocator;
import dev.lamina.nn.LayerSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of every member the generated class declares for its layers, allocated once, in layer
 * order, so that no two can be the same whatever legal names the user picks (layers {@code h} and
 * {@code hWeight} both suggest {@code hWeightGrad}; the second gets {@code hWeightGrad_}). The
 * class's own fields, the locals and parameters of its methods and the members it inherits are
 * reserved first, so a layer never shadows or overrides them ({@code last} suggests
 * {@code lastInput}). Fields and methods are separate name spaces in Java, and here.
 */
final class GeneratedNames {
  /**
   * The fields of the generated class that are not a layer's, and every local variable and
   * parameter its methods declare: a field named like a local would be shadowed by it.
   */
  static final Set<String> FIXED_FIELDS = Set.of(
      "S", "SPEC", LayerNames.LAST_INPUT, LayerNames.INFER_INPUT, "outputGradient", "rows", "keys",
      NoiseCode.KEYS, "passes", "trainTask", "inferTask", "backwardTask", ConvScratch.FIELD, PassCalls.MERGE_SCRATCH,
      "input", "seed", "maskSeed", "key", "noiseKey", "part", "parts", "p", "p0", "p1", "t0", "t1",
      ConvScratch.PARAMETER, "s0", "s1", "i1",
      "x", "y", "d", "dx", "r", "r0", "r1", "row", "i", "i0", "j", "o", "n", "m", "s", "t", "v",
      "g", "gv", "gp", "c", "c0", "c1", "at", "bound", "dst", "src", "end", "offset", "ih",
      "iw", "kh", "kw", "oh", "ow", "slot", "st", "tap", "inv", "mean", "larger", "mask", "scaled");

  /** The methods of the generated class that are not a layer's. */
  static final Set<String> FIXED_METHODS = Set.of(
      "trainer", "allocate", "trainForward", "forwardTrainPart", "inferForward", "forwardInferPart",
      "backpropagate", "backwardPart");

  private final NameAllocator fields = new NameAllocator();
  private final NameAllocator methods = new NameAllocator();

  /**
   * @param inheritedFields the fields the generated class inherits (it reads some of them)
   * @param inheritedMethods the methods it inherits (it calls some and overrides others)
   */
  GeneratedNames(List<LayerSpec> layers, Set<String> inheritedFields, Set<String> inheritedMethods) {
    reserve(fields, FIXED_FIELDS, inheritedFields);
    reserve(methods, FIXED_METHODS, inheritedMethods);
    for (int i = 0; i < layers.size(); i++) {
      for (LayerMember member : LayerMember.values()) {
        (member.isMethod() ? methods : fields)
            .newName(member.suggestion(layers.get(i).name()), new Tag(i, member));
      }
    }
  }

  private static void reserve(NameAllocator allocator, Set<String> fixed, Set<String> inherited) {
    Set<String> all = new TreeSet<>(fixed);
    all.addAll(inherited);
    all.forEach(allocator::newName);
  }

  /** The name of {@code member} of the layer at {@code index}. */
  String of(int index, LayerMember member) {
    return (member.isMethod() ? methods : fields).get(new Tag(index, member));
  }

  private record Tag(int layer, LayerMember member) {}
}
