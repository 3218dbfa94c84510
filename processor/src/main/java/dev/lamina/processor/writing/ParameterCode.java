package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The parameter fields of a layer with weights (a dense layer or a convolution) and their
 * initialization: the arrays of the network's {@code Parameters}, the copies and scratch the
 * passes need (a weight scratch where the kind's weight gradient asks for one), and batch norm's
 * statistics. Both kinds see the weight as (fanIn, run): a dense
 * layer's (inputs, units), a convolution's (patch, filters).
 */
final class ParameterCode {
  private ParameterCode() {}

  // private final float[] conv1Weight; conv1WeightGrad; [conv1WeightScratch]; [conv1WeightT];
  //   [conv1Bias; conv1BiasGrad]; [γ, β and their gradients]; [batch norm's arrays]
  static void addFields(TypeSpec.Builder type, LayerNames n, boolean weightScratch) {
    List<String> names = new ArrayList<>(List.of(n.weight(), n.weightGrad()));
    if (weightScratch) {
      names.add(n.weightScratch());
    }
    if (transposed(n)) {
      names.add(n.weightT());
    }
    if (n.layer().bias()) {
      names.addAll(List.of(n.bias(), n.biasGrad()));
    }
    if (n.norm().isPresent()) {
      names.addAll(List.of(n.gamma(), n.gammaGrad(), n.beta(), n.betaGrad()));
    }
    if (n.batchNorm()) {
      names.addAll(List.of(n.mean(), n.variance(), n.invStd(), n.runningMean(), n.runningVar(),
          n.tracked(), n.scale(), n.shift()));
    }
    names.forEach(name -> type.addField(float[].class, name, Modifier.PRIVATE, Modifier.FINAL));
  }

  // conv1Weight = p.get("conv1.weight").values();
  // conv1WeightGrad = p.get("conv1.weight").gradient();
  // conv1WeightScratch = new float[288];   ... and so on for each field of addFields
  static CodeBlock initialize(LayerNames n, boolean weightScratch) {
    String name = n.layer().name();
    int weightSize = n.layer().fanIn() * n.run();
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$N = p.get($S).values()", n.weight(), name + ".weight")
        .addStatement("$N = p.get($S).gradient()", n.weightGrad(), name + ".weight");
    if (weightScratch) {
      b.addStatement("$N = new float[$L]", n.weightScratch(), weightSize);
    }
    if (transposed(n)) {
      b.addStatement("$N = new float[$L]", n.weightT(), weightSize);
    }
    if (n.layer().bias()) {
      b.addStatement("$N = p.get($S).values()", n.bias(), name + ".bias")
          .addStatement("$N = p.get($S).gradient()", n.biasGrad(), name + ".bias");
    }
    if (n.norm().isPresent()) {
      b.addStatement("$N = p.get($S).values()", n.gamma(), name + ".gamma")
          .addStatement("$N = p.get($S).gradient()", n.gammaGrad(), name + ".gamma")
          .addStatement("$N = p.get($S).values()", n.beta(), name + ".beta")
          .addStatement("$N = p.get($S).gradient()", n.betaGrad(), name + ".beta");
    }
    if (n.batchNorm()) {
      for (String array : List.of(n.mean(), n.variance(), n.invStd(), n.scale(), n.shift())) {
        b.addStatement("$N = new float[$L]", array, n.run());
      }
      b.addStatement("$N = stateValues($S)", n.runningMean(), name + ".running_mean")
          .addStatement("$N = stateValues($S)", n.runningVar(), name + ".running_var")
          .addStatement("$N = stateValues($S)", n.tracked(), name + ".batches_tracked");
    }
    return b.build();
  }

  /**
   * Whether the input gradient reads a transposed copy of the weight: a Winograd convolution's
   * reads transformed filters instead ({@link WinogradConv}).
   */
  static boolean transposed(LayerNames n) {
    return n.passesGradient() && !WinogradConv.uses(n);
  }

  // private float conv1RunningWeight;   (batch norm: set before each training pass)
  static void addRunningWeight(TypeSpec.Builder type, LayerNames n) {
    if (n.batchNorm()) {
      type.addField(float.class, n.runningWeight(), Modifier.PRIVATE);
    }
  }
}
