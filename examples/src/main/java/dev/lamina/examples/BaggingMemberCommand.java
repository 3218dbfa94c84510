package dev.lamina.examples;

import com.hazelcast.core.HazelcastInstance;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.cluster.BaggingCluster;
import dev.lamina.ensemble.cluster.ClusterSettings;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/lamina bagging-member}: one member of a bagging cluster, run on each machine; {@code
 * bin/lamina bagging-lab --cluster ADDRESSES} then trains its members there.
 */
final class BaggingMemberCommand implements Command {
  @Override
  public String name() {
    return "bagging-member";
  }

  @Override
  public String summary() {
    return "run a Hazelcast cluster member that trains ensemble members (until stopped)";
  }

  @Override
  public String usage() {
    return """
          --cluster-name NAME  members join only a cluster of this name (default lamina)
          --members A,B,...    addresses (host or host:port) of the cluster's members (default 127.0.0.1)
          --bind ADDRESS       the interface to listen on, e.g. 10.0.0.1 or 10.0.0.* (default 127.0.0.1)
          --port N             the first port to try (default 5701)
          --threads N          ensemble members to train at once (default: all cores)
          --for SECONDS        leave the cluster after this long (default: run until stopped)""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    ClusterSettings.Builder settings = ClusterSettings.builder()
        .clusterName(options.string("--cluster-name", "lamina"))
        .members(List.of(options.string("--members", "127.0.0.1").split(",")))
        .bindAddress(options.string("--bind", "127.0.0.1"))
        .port(options.integer("--port", 5701, 1, 65535))
        .threads(options.integer("--threads", Runtime.getRuntime().availableProcessors(), 0));
    int seconds = options.integer("--for", 0, 0);
    options.requireAllUsed();
    ClusterSettings s = settings.build();
    HazelcastInstance member = BaggingCluster.startMember(s, log(out));
    String address = member.getCluster().getLocalMember().getAddress().toString();
    out.printf(Locale.ROOT, "Lamina bagging member %s in cluster '%s', training %d members at"
        + " once; cluster: %s%n", address, s.clusterName(), s.threads(),
        member.getCluster().getMembers());
    long end = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
    while (member.getLifecycleService().isRunning() && System.nanoTime() - end < 0) {
      Thread.sleep(200);
    }
    long trained = member.getLifecycleService().isRunning()
        ? member.getExecutorService(ClusterSettings.EXECUTOR).getLocalExecutorStats()
            .getCompletedTaskCount()
        : -1;
    member.shutdown();
    out.printf(Locale.ROOT, "Left the cluster after training %d ensemble members%n", trained);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("address", address);
    json.put("cluster_name", s.clusterName());
    json.put("members_trained", trained);
    return json;
  }

  /** One line as each ensemble member starts and as its training ends, before the result is sent. */
  private static EnsembleListener log(PrintStream out) {
    return new EnsembleListener() {
      @Override
      public void onMemberStart(int index, String where) {
        out.printf(Locale.ROOT, "training member %d%n", index);
      }

      @Override
      public void onMemberDone(MemberResult result) {
        out.printf(Locale.ROOT, "trained member %d in %.1f s (%s); sending the result%n",
            result.index(), result.seconds(), result.end());
      }
    };
  }
}
