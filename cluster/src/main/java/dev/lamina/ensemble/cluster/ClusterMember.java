package dev.lamina.ensemble.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one cluster member until it is stopped: start it on every machine of the cluster.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp "lamina-runtime.jar:hazelcast.jar:your-models.jar" \
 *     dev.lamina.ensemble.cluster.ClusterMember \
 *     --cluster-name lamina --members 10.0.0.1,10.0.0.2 --bind 10.0.0.1 [--port 5701] [--threads N]
 * </pre>
 */
public final class ClusterMember {
  private ClusterMember() {}

  /**
   * Starts a member with the options in {@code args} and waits until the JVM is stopped. Bad
   * options print the usage and exit with status 2.
   *
   * @param args {@code --cluster-name}, {@code --members}, {@code --bind}, {@code --port}, {@code
   *     --threads}, {@code --join-wait}, each followed by its value
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    ClusterSettings settings;
    try {
      settings = parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println("ClusterMember: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    HazelcastInstance member = BaggingCluster.startMember(settings);
    System.out.println("Lamina cluster member " + member.getCluster().getLocalMember().getAddress()
        + " in cluster '" + settings.clusterName() + "', training " + settings.threads()
        + " members at once; cluster: " + member.getCluster().getMembers());
    while (member.getLifecycleService().isRunning()) {
      Thread.sleep(1000);
    }
  }

  static final String USAGE = """
      options:
        --cluster-name NAME   members join only a cluster of this name (default lamina)
        --members A,B,...     addresses (host or host:port) of the cluster's members (default 127.0.0.1)
        --bind ADDRESS        the interface to listen on, e.g. 10.0.0.1 or 10.0.0.* (default 127.0.0.1)
        --port N              the first port to try (default 5701)
        --threads N           members to train at once (default: every processor)
        --join-wait SECONDS   how long a starting member looks for others (default 5)""";

  /**
   * The settings the command line asks for; unknown options fail with their name.
   *
   * @param args the options, as {@code --name value} pairs
   * @return the settings, with Hazelcast's logging on
   * @throws IllegalArgumentException for an unknown option or a bad value, naming it
   */
  public static ClusterSettings parse(List<String> args) {
    ClusterSettings.Builder b = ClusterSettings.builder().logging(true);
    for (int i = 0; i < args.size(); i += 2) {
      String name = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args.get(i + 1);
      switch (name) {
        case "--cluster-name" -> b.clusterName(value);
        case "--members" -> b.members(List.of(value.split(",")));
        case "--bind" -> b.bindAddress(value);
        case "--port" -> b.port(integer(name, value));
        case "--threads" -> b.threads(integer(name, value));
        case "--join-wait" -> b.joinWait(Duration.ofSeconds(integer(name, value)));
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return b.build();
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'");
    }
  }
}
