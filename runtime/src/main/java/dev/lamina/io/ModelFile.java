package dev.lamina.io;

import dev.lamina.nn.Network;
import dev.lamina.nn.NetworkSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a model — its parameters, its non-trainable state and its identity — as a
 * safetensors file that PyTorch reads as a {@code state_dict} (see docs/saving.md).
 *
 * <pre>{@code
 * ModelFile.save(network, Path.of("fashion.safetensors"));
 * FashionMlpNet loaded = new FashionMlpNet(0);
 * ModelFile.load(loaded, Path.of("fashion.safetensors"));   // same weights, bit for bit
 * }</pre>
 *
 * <p>Loading checks everything before it copies anything: the file's layout and checksum, its
 * format version, that it was saved from the same model (name and layers), and each tensor's
 * name, type and shape. A file without Lamina's metadata (one written from PyTorch) is checked by
 * its tensors alone.
 */
public final class ModelFile {
  /** The newest file format this Lamina writes and reads. */
  public static final int FORMAT_VERSION = 1;

  static final String KEY_FORMAT = "lamina.format";
  static final String KEY_VERSION = "lamina.version";
  static final String KEY_KIND = "lamina.kind";
  static final String KEY_MODEL = "lamina.model";
  static final String KEY_CLASS = "lamina.class";
  static final String KEY_LOSS = "lamina.loss";
  static final String KEY_SMOOTHING = "lamina.label_smoothing";
  /** The Huber loss's δ, written only for a model trained with it. */
  static final String KEY_HUBER_DELTA = "lamina.huber_delta";
  static final String KEY_LAYERS = "lamina.layers";
  /** The prefix of an attachment's key in the header's metadata. */
  static final String ATTACHMENT_PREFIX = "lamina.attachment.";
  static final String KIND_MODEL = "model";
  static final String KIND_CHECKPOINT = "checkpoint";
  /** Tensors whose names contain it belong to a checkpoint's training state, not the model. */
  static final String STATE_SEPARATOR = "/";

  /**
   * What a file says about itself; fields it lacks are empty strings.
   *
   * @param file the file read
   * @param model the model's name, its spec's {@code name()}
   * @param className the generated network's class name
   * @param laminaVersion the Lamina version that wrote it
   * @param kind "model" or "checkpoint"
   * @param formatVersion the file layout's version; 0 when the file does not say
   */
  public record Info(Path file, String model, String className, String laminaVersion, String kind,
      int formatVersion) {}

  private ModelFile() {}

  /**
   * Writes {@code network}'s tensors and identity to {@code file}, atomically.
   *
   * @param network the network to save
   * @param file the file, replaced whole; {@code .safetensors} by convention
   * @throws IOException if the file cannot be written; it is then left as it was
   */
  public static void save(Network network, Path file) throws IOException {
    save(network, file, Map.of());
  }

  /**
   * Writes {@code network} as {@link #save(Network, Path)} does, with {@code attachments}: named
   * texts kept in the file's header, such as the fitted {@code TableEncoder} that turns raw rows
   * into the model's inputs ({@code TableEncoder.saveWithModel}). {@link #attachments} reads them
   * back; loading the model ignores them. A name is letters, digits, '_', '-' or '.'.
   *
   * @param network the network to save
   * @param file the file, replaced whole
   * @param attachments the texts to keep, by name
   * @throws IOException if the file cannot be written; it is then left as it was
   * @throws IllegalArgumentException if a name has other characters
   */
  public static void save(Network network, Path file, Map<String, String> attachments)
      throws IOException {
    Map<String, String> metadata = metadata(network, KIND_MODEL);
    for (Map.Entry<String, String> a : new java.util.TreeMap<>(attachments).entrySet()) {
      if (!a.getKey().matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("attachment names must be letters, digits, '_', '-'"
            + " or '.', got \"" + a.getKey() + "\"");
      }
      metadata.put(ATTACHMENT_PREFIX + a.getKey(),
          java.util.Objects.requireNonNull(a.getValue(), "attachment " + a.getKey()));
    }
    SafeTensors.write(file, metadata, ModelTensors.tensors(ModelTensors.of(network)));
  }

  /**
   * The attachments {@link #save(Network, Path, Map)} wrote into {@code file}, by name.
   *
   * @param file a model file
   * @return the attachments; empty when it has none
   * @throws IOException if the file cannot be read or is not a safetensors file
   */
  public static Map<String, String> attachments(Path file) throws IOException {
    Map<String, String> found = new java.util.TreeMap<>();
    SafeTensors.read(file).metadata().forEach((key, value) -> {
      if (key.startsWith(ATTACHMENT_PREFIX)) {
        found.put(key.substring(ATTACHMENT_PREFIX.length()), value);
      }
    });
    return java.util.Collections.unmodifiableMap(found);
  }

  /**
   * Replaces {@code network}'s tensors with {@code file}'s: a model file, a checkpoint, or
   * PyTorch weights in the same names and layout. Throws {@link ModelFileException}, leaving the
   * network untouched, when the file does not fit it.
   *
   * @param network the network to load into
   * @param file a model file, a checkpoint, or PyTorch safetensors weights
   * @return what the file says about itself
   * @throws ModelFileException if the file does not fit the network, naming what differs
   * @throws IOException if the file cannot be read
   */
  public static Info load(Network network, Path file) throws IOException {
    SafeTensorsFile read = SafeTensors.read(file);
    Info info = checkIdentity(read, network);
    stage(read, network, info.kind().equals(KIND_CHECKPOINT)).run();
    return info;
  }

  /**
   * Reads only what {@code file} says about itself.
   *
   * @param file a model file or checkpoint
   * @return its model, class, Lamina version, kind and format version
   * @throws IOException if the file cannot be read or is not a safetensors file
   */
  public static Info info(Path file) throws IOException {
    return info(SafeTensors.read(file));
  }

  static Map<String, String> metadata(Network network, String kind) {
    NetworkSpec spec = network.spec();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", "pt"); // the tensors follow PyTorch's names and layouts
    m.put(KEY_FORMAT, Integer.toString(FORMAT_VERSION));
    m.put(KEY_VERSION, LaminaVersion.get());
    m.put(KEY_KIND, kind);
    m.put(KEY_MODEL, spec.name());
    m.put(KEY_CLASS, network.getClass().getName());
    m.put(KEY_LOSS, spec.loss().name());
    m.put(KEY_SMOOTHING, Double.toString(spec.labelSmoothing()));
    if (spec.loss() == dev.lamina.Loss.HUBER) {
      m.put(KEY_HUBER_DELTA, Double.toString(spec.huberDelta()));
    }
    m.put(KEY_LAYERS, HeaderJson.write(LayerDescriptions.of(spec)));
    return m;
  }

  static Info info(SafeTensorsFile read) throws ModelFileException {
    Map<String, String> m = read.metadata();
    String format = m.get(KEY_FORMAT);
    int version = 0;
    if (format != null) {
      try {
        version = Integer.parseInt(format);
      } catch (NumberFormatException e) {
        throw new ModelFileException(read.path(), "is corrupted: expected " + KEY_FORMAT
            + " to be a format version such as " + FORMAT_VERSION + ", found \"" + format + "\"");
      }
    }
    return new Info(read.path(), m.getOrDefault(KEY_MODEL, ""), m.getOrDefault(KEY_CLASS, ""),
        m.getOrDefault(KEY_VERSION, ""), m.getOrDefault(KEY_KIND, ""), version);
  }

  /** Fails unless {@code read} is a format this Lamina reads, saved from {@code network}'s model. */
  static Info checkIdentity(SafeTensorsFile read, Network network) throws ModelFileException {
    Info info = info(read);
    Path file = read.path();
    if (info.formatVersion() > FORMAT_VERSION) {
      throw new ModelFileException(file, "was written by a newer Lamina (" + info.laminaVersion()
          + ", file format " + info.formatVersion() + "); expected file format "
          + FORMAT_VERSION + " or older, which Lamina " + LaminaVersion.get()
          + " reads: upgrade Lamina to load it");
    }
    NetworkSpec spec = network.spec();
    String expected = spec.name() + " (" + network.getClass().getName() + ")";
    if (!info.model().isEmpty() && !info.model().equals(spec.name())) {
      throw new ModelFileException(file, "holds another model: expected " + expected
          + ", found " + info.model() + (info.className().isEmpty() ? "" : " ("
          + info.className() + ")"));
    }
    String layers = read.metadata().get(KEY_LAYERS);
    if (layers != null) {
      Object found;
      try {
        found = HeaderJson.parse(layers);
      } catch (HeaderJson.SyntaxException e) {
        throw new ModelFileException(file, "is corrupted: its " + KEY_LAYERS
            + " metadata is not valid JSON (" + e.getMessage() + ")");
      }
      String difference = found instanceof List<?> list
          ? LayerDescriptions.difference(LayerDescriptions.of(spec), list)
          : "its " + KEY_LAYERS + " is not a list";
      if (difference != null) {
        // A file written from a PyTorch twin (scripts/lamina_torch.py) may name no model.
        throw new ModelFileException(file, "holds a different "
            + (info.model().isEmpty() ? "model" : info.model()) + " than the one loading it: " + difference + " (as " + expected + " declares)");
      }
    }
    return info;
  }

  /**
   * Reads and checks every tensor of {@code network} from {@code read}; the returned task copies
   * them into the network and cannot fail. Tensors of a checkpoint's training state are allowed
   * when {@code checkpoint}; any other tensor the network lacks is an error.
   */
  static Runnable stage(SafeTensorsFile read, Network network, boolean checkpoint)
      throws ModelFileException {
    List<ModelTensors.Slot> slots = ModelTensors.of(network);
    List<String> expected = new ArrayList<>();
    slots.forEach(s -> expected.add(s.name()));
    List<String> missing = new ArrayList<>(expected);
    missing.removeIf(read::contains);
    if (!expected.isEmpty() && missing.size() == expected.size()) {
      throw new ModelFileException(read.path(), "holds none of the tensors of "
          + network.spec().name() + ": expected " + expected + ", found " + read.names()
          + " (a file of another model?)");
    }
    if (!missing.isEmpty()) {
      throw new ModelFileException(read.path(), "expected the tensors " + expected + " of "
          + network.spec().name() + ", found no " + missing + "; the file has " + read.names());
    }
    List<String> extra = new ArrayList<>(read.names());
    extra.removeIf(n -> expected.contains(n) || (checkpoint && n.contains(STATE_SEPARATOR)));
    if (!extra.isEmpty()) {
      throw new ModelFileException(read.path(), "expected only the tensors " + expected + " of "
          + network.spec().name() + ", found also " + extra + " (a file of another model?)");
    }
    List<float[]> values = new ArrayList<>();
    for (ModelTensors.Slot s : slots) {
      float[] fileValues = read.floats(s.name(), s.fileShape());
      requireFinite(read.path(), s.name(), fileValues);
      values.add(s.fromFile(fileValues));
    }
    return () -> {
      for (int i = 0; i < slots.size(); i++) {
        float[] live = slots.get(i).live();
        System.arraycopy(values.get(i), 0, live, 0, live.length);
      }
    };
  }

  /**
   * A NaN or an infinity in a model's tensor is never a model that works (it predicts one class
   * for everything, or NaN); such a file comes from a run that diverged, so it is refused.
   */
  private static void requireFinite(Path file, String tensor, float[] values)
      throws ModelFileException {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new ModelFileException(file, "tensor \"" + tensor + "\" holds " + values[i]
            + " at flat index " + i + " (in the file's layout); a model's values must be finite"
            + " (was it saved from a run whose loss or weights diverged?)");
      }
    }
  }
}
