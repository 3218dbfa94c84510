package dev.lamina.io;

import dev.lamina.nn.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint's file: a model file (so {@link ModelFile#load} reads it too) plus training state —
 * tensors whose names contain "/" and metadata under {@code lamina.checkpoint.*}. What the state
 * means is the trainer's business; this class keeps the layout rules: a state tensor that belongs
 * to a parameter (an optimizer's moment estimate, a kept copy of the weights) is stored in that
 * parameter's file layout, so a dense one is (units, fanIn) like PyTorch's.
 */
public final class CheckpointFile {
  private CheckpointFile() {}

  /** A checkpoint being put together in memory: everything is copied when it is added. */
  public static final class Builder {
    private final Map<String, String> metadata;
    private final List<Tensor> tensors;
    private final Map<String, ModelTensors.Slot> slots;

    private Builder(Network network) {
      this.metadata = ModelFile.metadata(network, ModelFile.KIND_CHECKPOINT);
      this.slots = slotsByName(network);
      this.tensors = new ArrayList<>(ModelTensors.tensors(List.copyOf(slots.values())));
    }

    /**
     * Adds {@code values}, laid out like tensor {@code like} (a parameter or a state tensor).
     *
     * @param name the tensor's name in the checkpoint
     * @param like the parameter or state tensor whose layout it has
     * @param values the values, in the network's layout
     * @return this builder
     */
    public Builder tensorLike(String name, String like, float[] values) {
      ModelTensors.Slot slot = slot(slots, like);
      requireStateName(name);
      if (values.length != slot.live().length) {
        throw new IllegalArgumentException("values of " + name + " must hold " + slot.live().length
            + " floats like " + like + ", got " + values.length);
      }
      tensors.add(new Tensor(name, slot.fileShape(), slot.toFile(values)));
      return this;
    }

    /**
     * Adds a training-state value, such as the epoch or the optimizer's step.
     *
     * @param key the key, starting with {@code lamina.checkpoint.}
     * @param value the value, as text
     * @return this builder
     * @throws IllegalArgumentException if the key lacks the prefix
     */
    public Builder metadata(String key, String value) {
      if (!key.startsWith(CHECKPOINT_PREFIX)) {
        throw new IllegalArgumentException("checkpoint metadata keys start with "
            + CHECKPOINT_PREFIX + ", got " + key);
      }
      metadata.put(key, value);
      return this;
    }

    /**
     * Writes the checkpoint to {@code file} atomically; the builder can be written again.
     *
     * @param file the checkpoint, replaced whole
     * @throws IOException if the file cannot be written; it is then left as it was
     */
    public void write(Path file) throws IOException {
      SafeTensors.write(file, metadata, tensors);
    }
  }

  /** Metadata keys of the training state begin with this. */
  public static final String CHECKPOINT_PREFIX = "lamina.checkpoint.";

  /**
   * Starts a checkpoint of {@code network}'s tensors as they are now.
   *
   * @param network the network whose parameters and state are saved
   * @return a builder, to which the trainer adds its own state before writing
   */
  public static Builder of(Network network) {
    return new Builder(network);
  }

  /**
   * Reads {@code file} as a checkpoint of {@code network}'s model and checks the model part (the
   * layout, the checksum, the format version, the model's identity, every tensor); nothing is
   * copied into the network until {@link Reader#restoreModel()}.
   *
   * @param network the network the checkpoint must be of
   * @param file the checkpoint
   * @return a reader of the checkpoint's model and training state
   * @throws ModelFileException if the file is not a checkpoint of this model, naming what differs
   * @throws IOException if the file cannot be read
   */
  public static Reader read(Network network, Path file) throws IOException {
    SafeTensorsFile read = SafeTensors.read(file);
    ModelFile.Info info = ModelFile.checkIdentity(read, network);
    if (!info.kind().equals(ModelFile.KIND_CHECKPOINT)) {
      throw new ModelFileException(file, "expected a checkpoint (lamina.kind \"checkpoint\"),"
          + " found " + (info.kind().isEmpty() ? "a file without Lamina metadata"
          : "a " + info.kind() + " file") + "; load models with ModelFile.load");
    }
    return new Reader(read, network, ModelFile.stage(read, network, true));
  }

  /** A checkpoint read and checked, ready to give its parts. */
  public static final class Reader {
    private final SafeTensorsFile read;
    private final Runnable restoreModel;
    private final Map<String, ModelTensors.Slot> slots;

    private Reader(SafeTensorsFile read, Network network, Runnable restoreModel) {
      this.read = read;
      this.restoreModel = restoreModel;
      this.slots = slotsByName(network);
    }

    /** {@return the checkpoint file read} */
    public Path file() {
      return read.path();
    }

    /**
     * Metadata {@code key}; an error naming the file when the checkpoint lacks it.
     *
     * @param key the key, starting with {@code lamina.checkpoint.}
     * @return its value
     * @throws ModelFileException if the checkpoint has no such key
     */
    public String metadata(String key) throws ModelFileException {
      String value = read.metadata().get(key);
      if (value == null) {
        throw new ModelFileException(read.path(), "is an incomplete checkpoint: expected the"
            + " metadata " + key + ", found only " + read.metadata().keySet());
      }
      return value;
    }

    /**
     * Tensor {@code name}, laid out like {@code like}, in the network's layout (a fresh array).
     *
     * @param name the tensor's name in the checkpoint
     * @param like the parameter or state tensor whose layout it has
     * @return the values
     * @throws ModelFileException if the tensor is missing or has the wrong shape
     */
    public float[] tensorLike(String name, String like) throws ModelFileException {
      ModelTensors.Slot slot = slot(slots, like);
      return slot.fromFile(read.floats(name, slot.fileShape())).clone();
    }

    /**
     * The names of the training-state tensors that begin with {@code prefix}.
     *
     * @param prefix the beginning of the names, e.g. an optimizer's
     * @return the names, in file order
     */
    public List<String> stateNames(String prefix) {
      List<String> names = new ArrayList<>();
      for (String n : read.names()) {
        if (n.startsWith(prefix) && n.contains(ModelFile.STATE_SEPARATOR)) {
          names.add(n);
        }
      }
      return names;
    }

    /** Copies the model's tensors into the network; call once everything else has been read. */
    public void restoreModel() {
      restoreModel.run();
    }
  }

  /** The model's tensors by name, in file order: what a state tensor can be laid out like. */
  private static Map<String, ModelTensors.Slot> slotsByName(Network network) {
    Map<String, ModelTensors.Slot> slots = new LinkedHashMap<>();
    ModelTensors.of(network).forEach(s -> slots.put(s.name(), s));
    return slots;
  }

  private static ModelTensors.Slot slot(Map<String, ModelTensors.Slot> slots, String like) {
    ModelTensors.Slot slot = slots.get(like);
    if (slot == null) {
      throw new IllegalArgumentException("the model has no tensor " + like + "; it has "
          + slots.keySet());
    }
    return slot;
  }

  private static void requireStateName(String name) {
    if (!name.contains(ModelFile.STATE_SEPARATOR)) {
      throw new IllegalArgumentException("training-state tensors are named with a \""
          + ModelFile.STATE_SEPARATOR + "\", e.g. optimizer/exp_avg/hidden1.weight; got " + name);
    }
  }
}
