package dev.lamina.io;

import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.NormSpec;
import dev.lamina.nn.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model's layers as JSON objects in a file's metadata ({@code lamina.layers}): enough to build
 * the same model in PyTorch (scripts/lamina_torch.py does) and to tell, on loading, whether a
 * file was saved from the model it is loaded into. Only settings that apply are written: the
 * slope for leaky ReLU, the dropout mode where there is dropout, the geometry of image layers.
 */
final class LayerDescriptions {
  /**
   * Keys that only say how training starts or goes (initializers, training noise, weight decay);
   * a file may differ in them and still load: they do not change what the model computes.
   */
  private static final List<String> INFORMATIONAL =
      List.of("init", "bias_init", "noise", "decay_scale", "decay_bias");

  private LayerDescriptions() {}

  static List<Object> of(NetworkSpec spec) {
    List<Object> layers = new ArrayList<>();
    String above = null;
    for (LayerSpec layer : spec.layers()) {
      Map<String, Object> d = of(layer);
      // A chain's file says nothing of inputs (as before graphs); a graph names them.
      if (above != null && !layer.inputs().equals(List.of(above))) {
        d.put("inputs", List.copyOf(layer.inputs()));
      }
      layers.add(d);
      above = layer.name();
    }
    return layers;
  }

  static Map<String, Object> of(LayerSpec layer) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", layer.name());
    d.put("type", lower(layer.type()));
    d.put("units", (long) layer.units());
    if (layer.isImage()) {
      ImageSpec image = layer.image();
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("in", shape(image.in()));
      g.put("out", shape(image.out()));
      if (layer.isImageLayer() && !layer.isMerge()) {
        g.put("kernel", (long) image.kernel());
        g.put("stride", (long) image.stride());
        g.put("padding", (long) image.padding());
        g.put("dilation", (long) image.dilation());
      }
      d.put("image", g);
    }
    boolean weighted = layer.hasWeights();
    if (layer.type() == LayerSpec.Type.ADD) {
      d.put("activation", lower(layer.activation()));
      if (layer.activation() == Nonlinearity.LEAKY_RELU) {
        d.put("slope", layer.slope());
      }
    }
    if (weighted) {
      d.put("fan_in", (long) layer.fanIn());
      d.put("bias", layer.bias());
      d.put("init", layer.weightInit().toString());
      if (layer.bias()) {
        d.put("bias_init", layer.biasInit().toString());
      }
      d.put("activation", lower(layer.activation()));
      if (layer.activation() == Nonlinearity.LEAKY_RELU) {
        d.put("slope", layer.slope());
      }
    }
    NormSpec norm = layer.norm();
    if (norm.isPresent()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("kind", lower(norm.kind()));
      n.put("placement", lower(norm.placement()));
      n.put("eps", norm.eps());
      if (norm.kind() == NormSpec.Kind.GROUP) {
        n.put("groups", (long) norm.groups());
      }
      if (norm.kind() == NormSpec.Kind.BATCH) {
        n.put("running_stats", lower(norm.runningStats()));
        if (norm.runningStats() == RunningStats.EXPONENTIAL) {
          n.put("momentum", norm.momentum());
        }
      }
      d.put("norm", n);
    }
    if (layer.noise() > 0) {
      d.put("noise", layer.noise());
    }
    if (weighted && (layer.decayScale() != 1 || layer.decayBias())) {
      d.put("decay_scale", layer.decayScale());
      d.put("decay_bias", layer.decayBias());
    }
    d.put("keep", layer.keep());
    if (layer.hasDropout()) {
      d.put("dropout", lower(layer.dropoutMode()));
    }
    return d;
  }

  private static List<Object> shape(Shape s) {
    return List.of((long) s.channels(), (long) s.height(), (long) s.width());
  }

  /**
   * The first way {@code found} (from a file) differs from {@code expected} (the network), as
   * "layer hidden1 has units 128 in the file, expected 256", or null when they agree.
   */
  static String difference(List<?> expected, List<?> found) {
    if (expected.size() != found.size()) {
      return "the file has " + found.size() + " layers " + names(found) + ", expected "
          + expected.size() + " " + names(expected);
    }
    for (int i = 0; i < expected.size(); i++) {
      Map<?, ?> e = (Map<?, ?>) expected.get(i);
      Map<?, ?> f = found.get(i) instanceof Map<?, ?> m ? m : Map.of();
      String layer = "layer " + (i + 1) + " (" + e.get("name") + ")";
      for (Object key : union(e, f)) {
        if (INFORMATIONAL.contains(key)) {
          continue;
        }
        String ev = e.containsKey(key) ? HeaderJson.write(sortedKeys(e.get(key))) : "none";
        String fv = f.containsKey(key) ? HeaderJson.write(sortedKeys(f.get(key))) : "none";
        if (!ev.equals(fv)) {
          return layer + " has " + key + " " + fv + " in the file, expected " + ev;
        }
      }
    }
    return null;
  }

  /** {@code value} with every object's keys in order, so that key order never counts. */
  private static Object sortedKeys(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new java.util.TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), sortedKeys(v)));
      return sorted;
    }
    return value;
  }

  private static List<Object> union(Map<?, ?> a, Map<?, ?> b) {
    List<Object> keys = new ArrayList<>(a.keySet());
    for (Object k : b.keySet()) {
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  private static List<Object> names(List<?> layers) {
    List<Object> names = new ArrayList<>();
    for (Object l : layers) {
      names.add(l instanceof Map<?, ?> m ? m.get("name") : l);
    }
    return names;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
