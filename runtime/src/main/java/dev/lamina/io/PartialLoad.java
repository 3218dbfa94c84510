package dev.lamina.io;

import dev.lamina.nn.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link #load} took from a model file into a network of another (or the same) model: every
 * tensor whose name and shape match, and a list of what it skipped and why. The start of
 * fine-tuning: a network with a new head takes the trained layers of an old model, and only its
 * head starts from its own initial weights.
 *
 * <pre>{@code
 * PartialLoad report = PartialLoad.load(target, Path.of("source.safetensors"));
 * System.out.println(report);   // loaded [hidden1.weight, ...]; skipped [logits.weight: ...]
 * }</pre>
 *
 * @param loaded the network's tensors that now hold the file's values, in the network's order
 * @param skipped one line per tensor left alone: the network's that the file lacks or holds in
 *     another shape, and the file's that the network does not have
 */
public record PartialLoad(List<String> loaded, List<String> skipped) {
  /** Copies both lists. */
  public PartialLoad {
    loaded = List.copyOf(loaded);
    skipped = List.copyOf(skipped);
  }

  /**
   * Copies into {@code network} each tensor of {@code file} with the same name and shape. The
   * file may be of any model (its identity is not checked); a checkpoint's training state is
   * ignored. Every matching tensor is read and checked (float32, finite) before any is copied,
   * so on {@link ModelFileException} the network is untouched.
   *
   * @param network the network to copy into
   * @param file a model file, a checkpoint or PyTorch safetensors weights, of any model
   * @return which tensors were loaded and which skipped, and why
   * @throws ModelFileException if a matching tensor is not float32 or holds a non-finite value
   * @throws IOException if the file cannot be read
   */
  public static PartialLoad load(Network network, Path file) throws IOException {
    SafeTensorsFile read = SafeTensors.read(file);
    List<ModelTensors.Slot> slots = ModelTensors.of(network);
    List<String> loaded = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<ModelTensors.Slot> taken = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ModelTensors.Slot s : slots) {
      names.add(s.name());
      if (!read.contains(s.name())) {
        skipped.add(s.name() + ": not in the file");
        continue;
      }
      int[] found = read.entry(s.name()).shape();
      if (!Arrays.equals(found, s.fileShape())) {
        skipped.add(s.name() + ": shape " + Arrays.toString(found) + " in the file, "
            + Arrays.toString(s.fileShape()) + " in " + network.spec().name());
        continue;
      }
      float[] fileValues = read.floats(s.name(), s.fileShape());
      for (int i = 0; i < fileValues.length; i++) {
        if (!Float.isFinite(fileValues[i])) {
          throw new ModelFileException(file, "tensor \"" + s.name() + "\" holds "
              + fileValues[i] + " at flat index " + i + "; a model's values must be finite");
        }
      }
      taken.add(s);
      values.add(s.fromFile(fileValues));
      loaded.add(s.name());
    }
    for (String name : read.names()) {
      if (!names.contains(name) && !name.contains(ModelFile.STATE_SEPARATOR)) {
        skipped.add(name + ": not in " + network.spec().name());
      }
    }
    for (int i = 0; i < taken.size(); i++) {
      float[] live = taken.get(i).live();
      System.arraycopy(values.get(i), 0, live, 0, live.length);
    }
    return new PartialLoad(loaded, skipped);
  }

  @Override
  public String toString() {
    return "loaded " + loaded + "; skipped " + skipped;
  }
}
