package dev.lamina.ensemble.cluster;

import com.hazelcast.core.HazelcastInstance;
import dev.lamina.data.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The datasets this JVM has loaded for tasks, so that the members it trains at once, and one
 * after another, load the data once. Holds the {@link #CAPACITY} most recently used.
 */
final class DataCache {
  static final int CAPACITY = 2;
  private static final Map<DataRef, CompletableFuture<Dataset.Split>> LOADED = new HashMap<>();
  private static final Deque<DataRef> ORDER = new ArrayDeque<>();

  private DataCache() {}

  static Dataset.Split get(DataRef ref, HazelcastInstance hz, ClassLoader loader)
      throws InterruptedException {
    CompletableFuture<Dataset.Split> future;
    boolean load;
    synchronized (LOADED) {
      future = LOADED.get(ref);
      load = future == null;
      if (load) {
        future = new CompletableFuture<>();
        LOADED.put(ref, future);
      }
      ORDER.remove(ref);
      ORDER.addFirst(ref);
      while (ORDER.size() > CAPACITY) {
        LOADED.remove(ORDER.removeLast());
      }
    }
    if (load) {
      try {
        future.complete(load(ref, hz, loader));
      } catch (Throwable e) {
        future.completeExceptionally(e);
        synchronized (LOADED) {
          LOADED.remove(ref);
          ORDER.remove(ref);
        }
      }
    }
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(ref + " could not be loaded: " + io.getMessage(), io);
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e.getCause();
    }
  }

  private static Dataset.Split load(DataRef ref, HazelcastInstance hz, ClassLoader loader)
      throws IOException {
    if (ref.kind() == DataRef.Kind.MAP) {
      return MapData.read(hz, ref);
    }
    TrainingData source;
    try {
      Class<?> type = Class.forName(ref.name(), true, loader);
      source = (TrainingData) type.getConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("training data class " + ref.name() + " is not on this"
          + " member's class path; every cluster member needs the jar that holds it", e);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("training data class " + ref.name() + " must implement "
          + TrainingData.class.getName() + " and have a public no-argument constructor", e);
    }
    Dataset.Split split = source.load(ref.argument());
    if (split == null || split.train() == null) {
      throw new IllegalArgumentException(ref + " gave no training set");
    }
    return split;
  }
}
