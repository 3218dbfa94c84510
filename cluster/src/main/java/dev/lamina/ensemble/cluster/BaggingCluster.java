package dev.lamina.ensemble.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.lamina.data.Dataset;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberExecutor;
import java.util.Objects;

/**
 * A Hazelcast cluster that trains ensemble members. {@link #start} makes this JVM a member, of a
 * new cluster or of the one at {@link ClusterSettings#members()}, and it trains members too;
 * {@link #connect} joins an existing cluster as a client that only hands out work.
 *
 * <pre>{@code
 * try (BaggingCluster cluster = BaggingCluster.start(ClusterSettings.loopback())) {
 *   DataRef data = DataRef.ofClass(FashionTrainingData.class, "");
 *   Ensemble<FashionMlpNet> ensemble = bagging.fit(cluster.members(data));
 * }
 * }</pre>
 *
 * Every JVM of the cluster needs {@code --add-modules jdk.incubator.vector} and, on its class
 * path, Lamina, the model classes and the {@link TrainingData} classes: tasks carry names and
 * seeds, not code.
 */
public final class BaggingCluster implements AutoCloseable {
  private final HazelcastInstance hazelcast;
  private final ClusterSettings settings;

  private BaggingCluster(HazelcastInstance hazelcast, ClusterSettings settings) {
    this.hazelcast = hazelcast;
    this.settings = settings;
  }

  /**
   * Starts a member in this JVM that joins the cluster at {@code settings.members()}, or forms one.
   *
   * @param settings the cluster to join, this member's address and its training threads
   * @return the cluster, with this JVM as one of its members
   */
  public static BaggingCluster start(ClusterSettings settings) {
    return new BaggingCluster(startMember(settings), settings);
  }

  /**
   * Connects to a running cluster as a client: the cluster's members do all the training.
   *
   * @param settings the cluster's name and members' addresses, and the connect timeout
   * @return the cluster, with this JVM as a client
   * @throws ClusterUnreachableException when no member of the cluster answers within {@link
   *     ClusterSettings#connectTimeout()}; the message names the addresses tried
   */
  public static BaggingCluster connect(ClusterSettings settings)
      throws ClusterUnreachableException {
    HazelcastInstance client;
    try {
      client = HazelcastClient.newHazelcastClient(HazelcastConfigs.client(settings));
    } catch (IllegalStateException e) { // Hazelcast's "Unable to connect to any cluster"
      throw new ClusterUnreachableException("no member of the cluster '"
          + settings.clusterName() + "' answered at " + String.join(", ", settings.members())
          + " within " + settings.connectTimeout().toSeconds() + " s; start bin/lamina"
          + " bagging-member there, or check the addresses and the cluster name", e);
    }
    return new BaggingCluster(client, settings);
  }

  /**
   * Starts a plain cluster member with Lamina's settings (training threads, the bagging executor)
   * and returns it: what {@link ClusterMember} runs on each machine.
   *
   * @param settings the cluster to join and this member's address and threads
   * @return the running member; shut it down to leave the cluster
   */
  public static HazelcastInstance startMember(ClusterSettings settings) {
    return startMember(settings, EnsembleListener.SILENT);
  }

  /**
   * Starts a cluster member as {@link #startMember(ClusterSettings)} does, whose {@code
   * listener} hears each ensemble member it starts and finishes training (the result not yet
   * sent): {@code bin/lamina bagging-member} prints them.
   *
   * @param settings the cluster to join and this member's address and threads
   * @param listener hears the tasks this member runs; called from its training threads
   * @return the running member; shut it down to leave the cluster
   */
  public static HazelcastInstance startMember(ClusterSettings settings,
      EnsembleListener listener) {
    Objects.requireNonNull(settings, "settings");
    Config config = HazelcastConfigs.member(settings);
    config.getUserContext().put(ClusterTask.LISTENER, Objects.requireNonNull(listener, "listener"));
    return Hazelcast.newHazelcastInstance(config);
  }

  /**
   * Trains members here, on data each cluster member gets from {@code data}.
   *
   * @param data how each member gets the training data
   * @return an executor for {@code Bagging.fit}, {@code Search.fit} or {@code CrossValidation.fit}
   */
  public MemberExecutor members(DataRef data) {
    return new ClusterMembers(hazelcast, Objects.requireNonNull(data, "data"), settings);
  }

  /**
   * Stores {@code train} (and {@code validation}, may be null) in the cluster's distributed map,
   * so that members need not load it themselves; remove it with {@link #unpublish}.
   *
   * @param name a name for the data, shown in messages
   * @param train the training set
   * @param validation the validation set, or null
   * @return the reference tasks carry to the data
   */
  public DataRef publish(String name, Dataset train, Dataset validation) {
    return MapData.publish(hazelcast, name, Objects.requireNonNull(train, "train"), validation);
  }

  /**
   * Removes data that {@link #publish} stored from the cluster's map.
   *
   * @param data the reference {@code publish} returned
   * @throws IllegalArgumentException if {@code data} names a class rather than published data
   */
  public void unpublish(DataRef data) {
    if (data.kind() != DataRef.Kind.MAP) {
      throw new IllegalArgumentException("only published data can be unpublished, got " + data);
    }
    MapData.remove(hazelcast, data);
  }

  /**
   * The cluster's members that can train (clients and lite members excluded).
   *
   * @return the count, ≥ 0
   */
  public int size() {
    return (int) hazelcast.getCluster().getMembers().stream()
        .filter(m -> !m.isLiteMember()).count();
  }

  /**
   * This JVM's address in the cluster, or "client" when connected as one.
   *
   * @return Hazelcast's form of the address, e.g. {@code [10.0.0.1]:5701}, or "client"
   */
  public String address() {
    try {
      Member local = hazelcast.getCluster().getLocalMember();
      return local.getAddress().toString();
    } catch (UnsupportedOperationException e) {
      return "client";
    }
  }

  /**
   * {@return the Hazelcast instance underneath (a member or a client), for what Lamina does not
   * wrap}
   */
  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  /** Leaves the cluster; a member started here stops, and its tasks move to other members. */
  @Override
  public void close() {
    hazelcast.shutdown();
  }
}
