package dev.lamina.ensemble.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.lamina.data.Dataset;
import java.io.Serializable;
import java.util.UUID;

/**
 * Datasets kept in the cluster's distributed map, for members that cannot load the data
 * themselves. A dataset is stored in chunks of {@link #CHUNK_ROWS} rows (Hazelcast moves values
 * whole, so one 180 MB value would stall it), under keys that start with a fresh publication id:
 * publishing again under the same name never mixes two versions.
 */
final class MapData {
  static final String MAP = "lamina-data";
  static final int CHUNK_ROWS = 1024;

  private MapData() {}

  record Chunk(float[] features, int[] labels) implements Serializable {}

  /**
   * The published data's shape.
   *
   * @param featureSize values per sample
   * @param classes the number of classes
   * @param trainRows the training set's samples
   * @param validationRows the validation set's samples; -1 for none
   */
  record Header(int featureSize, int classes, int trainRows, int validationRows)
      implements Serializable {}

  static DataRef publish(HazelcastInstance hz, String name, Dataset train, Dataset validation) {
    String id = UUID.randomUUID().toString();
    IMap<String, Object> map = hz.getMap(MAP);
    put(map, id, "train", train);
    if (validation != null) {
      put(map, id, "validation", validation);
    }
    map.put(id + "/header", new Header(train.featureSize(), train.classes(), train.size(),
        validation == null ? -1 : validation.size()));
    return new DataRef(DataRef.Kind.MAP, name, id);
  }

  static Dataset.Split read(HazelcastInstance hz, DataRef ref) {
    IMap<String, Object> map = hz.getMap(MAP);
    Header header = (Header) map.get(ref.argument() + "/header");
    if (header == null) {
      throw new IllegalArgumentException(ref + " is not in the cluster's map " + MAP
          + " (id " + ref.argument() + "): it was removed, or published to another cluster");
    }
    Dataset train = get(map, ref, "train", header.trainRows(), header);
    Dataset validation = header.validationRows() < 0
        ? null : get(map, ref, "validation", header.validationRows(), header);
    return new Dataset.Split(train, validation);
  }

  static void remove(HazelcastInstance hz, DataRef ref) {
    IMap<String, Object> map = hz.getMap(MAP);
    Header header = (Header) map.remove(ref.argument() + "/header");
    if (header == null) {
      return;
    }
    for (int c = 0; c < chunks(header.trainRows()); c++) {
      map.delete(ref.argument() + "/train/" + c);
    }
    for (int c = 0; c < chunks(header.validationRows()); c++) {
      map.delete(ref.argument() + "/validation/" + c);
    }
  }

  private static void put(IMap<String, Object> map, String id, String part, Dataset data) {
    float[] all = data.features();
    int[] labels = data.labels();
    int width = data.featureSize();
    for (int c = 0; c < chunks(data.size()); c++) {
      int first = c * CHUNK_ROWS;
      int rows = Math.min(CHUNK_ROWS, data.size() - first);
      float[] features = new float[rows * width];
      System.arraycopy(all, first * width, features, 0, features.length);
      int[] chunkLabels = new int[rows];
      System.arraycopy(labels, first, chunkLabels, 0, rows);
      map.set(id + "/" + part + "/" + c, new Chunk(features, chunkLabels));
    }
  }

  private static Dataset get(IMap<String, Object> map, DataRef ref, String part, int rows,
      Header header) {
    float[] features = new float[rows * header.featureSize()];
    int[] labels = new int[rows];
    for (int c = 0; c < chunks(rows); c++) {
      Chunk chunk = (Chunk) map.get(ref.argument() + "/" + part + "/" + c);
      if (chunk == null) {
        throw new IllegalStateException(ref + " lacks chunk " + c + " of its " + part
            + " data; the cluster lost it (more members failed than it keeps backups for)");
      }
      int first = c * CHUNK_ROWS;
      System.arraycopy(chunk.features(), 0, features, first * header.featureSize(),
          chunk.features().length);
      System.arraycopy(chunk.labels(), 0, labels, first, chunk.labels().length);
    }
    // The published dataset was checked when it was built; its copy is taken as it was.
    return Dataset.ofAllowingNonFinite(features, labels, header.featureSize(), header.classes());
  }

  private static int chunks(int rows) {
    return rows <= 0 ? 0 : (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
  }
}
