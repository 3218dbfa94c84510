package dev.lamina.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committed reference values under {@code src/test/resources/fixtures/}, written by {@code
 * scripts/pytorch_fixtures.py}. {@code Fixtures.load("mlp").get("cases").at(0).floats("value")}.
 */
public final class Fixtures {
  private Fixtures() {}

  /** Reads {@code fixtures/<name>.json} from the test class path. */
  public static Node load(String name) {
    String path = "/fixtures/" + name + ".json";
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            path + " is not on the test class path; regenerate it with "
                + "/usr/bin/python3 scripts/pytorch_fixtures.py");
      }
      return new Node(path, Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  /** One value of a fixture and where it sits, so a wrong access names the path. */
  public record Node(String path, Object value) {
    public Node get(String key) {
      if (!(value instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(path + " is not an object, so it has no \"" + key + "\"");
      }
      if (!map.containsKey(key)) {
        throw new IllegalArgumentException(path + " has no \"" + key + "\"; it has " + map.keySet());
      }
      return new Node(path + "." + key, map.get(key));
    }

    public Node at(int index) {
      return new Node(path + "[" + index + "]", list().get(index));
    }

    public int size() {
      return list().size();
    }

    /** The elements of an array. */
    public List<Node> elements() {
      List<Node> nodes = new ArrayList<>();
      for (int k = 0; k < size(); k++) {
        nodes.add(at(k));
      }
      return nodes;
    }

    public String string() {
      return (String) typed(String.class);
    }

    public boolean bool() {
      return (Boolean) typed(Boolean.class);
    }

    public int intValue() {
      return ((Json.Num) typed(Json.Num.class)).intValue();
    }

    public double doubleValue() {
      return ((Json.Num) typed(Json.Num.class)).doubleValue();
    }

    public float floatValue() {
      return ((Json.Num) typed(Json.Num.class)).floatValue();
    }

    /** A number or (nested) array of numbers, flattened row-major. */
    public float[] floats() {
      List<Json.Num> nums = numbers();
      float[] out = new float[nums.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = nums.get(k).floatValue();
      }
      return out;
    }

    public double[] doubles() {
      List<Json.Num> nums = numbers();
      double[] out = new double[nums.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = nums.get(k).doubleValue();
      }
      return out;
    }

    public int[] ints() {
      List<Json.Num> nums = numbers();
      int[] out = new int[nums.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = nums.get(k).intValue();
      }
      return out;
    }

    public float[] floats(String key) {
      return get(key).floats();
    }

    public int[] ints(String key) {
      return get(key).ints();
    }

    private List<?> list() {
      return (List<?>) typed(List.class);
    }

    private Object typed(Class<?> type) {
      if (!type.isInstance(value)) {
        throw new IllegalArgumentException(
            path + " must be a " + type.getSimpleName() + ", got " + value);
      }
      return value;
    }

    private List<Json.Num> numbers() {
      List<Json.Num> out = new ArrayList<>();
      flatten(value, out);
      return out;
    }

    private void flatten(Object v, List<Json.Num> out) {
      if (v instanceof Json.Num n) {
        out.add(n);
      } else if (v instanceof List<?> l) {
        l.forEach(e -> flatten(e, out));
      } else {
        throw new IllegalArgumentException(path + " must hold only numbers, found " + v);
      }
    }
  }
}
