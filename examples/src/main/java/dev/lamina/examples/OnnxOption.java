package dev.lamina.examples;

import dev.lamina.io.OnnxFile;
import dev.lamina.nn.Network;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code --onnx FILE}: the trained (or loaded) model written as ONNX, for any ONNX runtime. */
final class OnnxOption {
  static final String USAGE = """
          --onnx FILE         write the model to FILE as ONNX: input the pixels / 255, output logits
      """;

  private OnnxOption() {}

  /** Writes {@code network} to the file, if one was asked for, and says so in text and JSON. */
  static void write(Optional<Path> file, Network network, PrintStream out,
      Map<String, Object> json) throws IOException {
    if (file.isPresent()) {
      OnnxFile.save(network, file.get());
      out.println("Wrote the ONNX model to " + file.get());
      json.put("onnx", file.get().toString());
    }
  }
}
