package dev.lamina.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.lamina.DropoutMode;
import dev.lamina.internal.TrainableNetwork;
import dev.lamina.internal.kernel.Bernoulli;
import dev.lamina.io.ModelFile;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.nn.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes what {@link ProcessorFuzzTest} checks for one seed so that {@code
 * scripts/fuzz_float64.py} can evaluate the same gradients in float64 with PyTorch: the model
 * file (weights), the batch, the output gradient both implementations back-propagate, each
 * dropout layer's mask in PyTorch's layout, and the float32 gradients of the generated network
 * and of {@link ReferenceNetwork}. Run from the repository root:
 *
 * <pre>{@code
 * mvn -B -q -pl processor -am test-compile
 * mvn -B -q -pl processor dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/deps.txt
 * java --add-modules jdk.incubator.vector -cp "runtime/target/classes:processor/target/classes:\
 * processor/target/test-classes:$(cat processor/target/deps.txt)" \
 *     dev.lamina.processor.FuzzFloat64Dump 525 processor/target/fuzz-525
 * /usr/bin/python3 scripts/fuzz_float64.py processor/target/fuzz-525
 * }</pre>
 *
 * <p>For seeds 525 and 1013 (2026-12-07) it showed the reference within 2.1e-8 and 7.7e-7 of
 * float64 on the gradients that once failed the check, and the generated network within 1.6e-6
 * and 2.3e-6: float32 rounding, not a wrong formula (see {@link Float32Noise}).
 */
final class FuzzFloat64Dump {
  private FuzzFloat64Dump() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: FuzzFloat64Dump SEED DIR");
      System.exit(2);
    }
    long seed = Long.parseLong(args[0]);
    Path dir = Files.createDirectories(Path.of(args[1]));
    RandomModels.Source model = RandomModels.generate(seed);
    Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor())
        .withOptions(LaminaCompiler.OPTIONS)
        .compile(JavaFileObjects.forSourceString("test." + model.className(), model.text()));
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new IllegalArgumentException("seed " + seed + " does not compile: "
          + compilation.diagnostics());
    }
    TrainableNetwork net = ProcessorFuzzTest.network(compilation, model);
    if (net.spec().layers().stream().anyMatch(LayerSpec::hasNoise)) {
      throw new IllegalArgumentException("seed " + seed + " has noise layers, which "
          + "fuzz_float64.py cannot replay");
    }
    int rows = ProcessorFuzzTest.ROWS;
    ReferenceCheck.Batch batch = ReferenceCheck.Batch.of(net, rows, seed);
    ModelFile.save(net, dir.resolve("model.safetensors"));

    float[] output = net.forwardTrain(batch.x(), rows, batch.maskSeed()).clone();
    float[] outputGradient = new float[rows * net.outputSize()];
    net.loss(output, batch.labels(), rows, outputGradient);
    net.backward(outputGradient.clone(), rows);
    saveGradients(net, net.parameters(), dir.resolve("generated_grad.safetensors"));

    ReferenceNetwork reference = new ReferenceNetwork(net.spec(), net.parameters());
    reference.forwardTrain(batch.x(), rows, batch.maskSeed());
    reference.backward(outputGradient.clone(), rows);
    saveGradients(net, reference.parameters(), dir.resolve("reference_grad.safetensors"));

    StringJoiner masks = new StringJoiner(",\n  ", "{\n  ", "\n}");
    List<LayerSpec> layers = net.spec().layers();
    for (int l = 0; l < layers.size(); l++) {
      LayerSpec layer = layers.get(l);
      if (layer.hasDropout()) {
        masks.add(quote(layer.name()) + ": " + array(torchLayout(layer,
            factors(layer, l, rows, batch.maskSeed()), rows)));
      }
    }
    Files.writeString(dir.resolve("batch.json"), "{\"seed\": " + seed + ", \"rows\": " + rows
        + ",\n\"x\": " + array(batch.x()) + ",\n\"output_gradient\": " + array(outputGradient)
        + ",\n\"masks\": " + masks + "}\n");
    System.out.println("wrote " + dir);
  }

  /**
   * The gradients as a model file, so that their tensors get the file's (PyTorch's) layout: a
   * network of the same spec whose parameter values are the gradients.
   */
  private static void saveGradients(TrainableNetwork net, Parameters gradients, Path file)
      throws Exception {
    ReferenceNetwork holder = new ReferenceNetwork(net.spec(), 0);
    for (Parameter p : holder.parameters().list()) {
      float[] g = gradients.get(p.name()).gradient();
      System.arraycopy(g, 0, p.values(), 0, g.length);
    }
    ModelFile.save(holder, file);
  }

  /** The factors the reference multiplies a training output by (its {@code dropoutFactors}). */
  private static float[] factors(LayerSpec layer, int index, int rows, long maskSeed) {
    float[] factors = new float[rows * layer.units()];
    float kept = layer.dropoutMode() == DropoutMode.INVERTED ? (float) (1 / layer.keep()) : 1f;
    int key = Bernoulli.layerKey(maskSeed, index);
    for (int i = 0; i < factors.length; i++) {
      factors[i] = Bernoulli.keep(key, i, layer.keepThreshold()) ? kept : 0f;
    }
    return factors;
  }

  /** An image layer's values are stored (H, W, C) per sample; PyTorch's are (C, H, W). */
  private static float[] torchLayout(LayerSpec layer, float[] values, int rows) {
    if (!layer.isImageLayer()) {
      return values;
    }
    Shape s = layer.image().out();
    int c = s.channels();
    int hw = s.height() * s.width();
    float[] out = new float[values.length];
    for (int r = 0; r < rows; r++) {
      for (int p = 0; p < hw; p++) {
        for (int k = 0; k < c; k++) {
          out[r * c * hw + k * hw + p] = values[r * c * hw + p * c + k];
        }
      }
    }
    return out;
  }

  private static String array(float[] values) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (float v : values) {
      j.add(Float.toString(v));
    }
    return j.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
