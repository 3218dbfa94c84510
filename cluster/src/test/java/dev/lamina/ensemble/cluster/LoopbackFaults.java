package dev.lamina.ensemble.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/** What the cluster fault tests share: a loopback cluster of two members, and a member's death. */
final class LoopbackFaults {
  private LoopbackFaults() {}

  /** A port the OS says is free, or {@code fallback} when it offers one too high for port + 1. */
  static int freePort(int fallback) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort() < 60000 ? socket.getLocalPort() : fallback;
    }
  }

  /** A member on {@code ownPort} of loopback cluster {@code name}: members at port and port + 1. */
  static ClusterSettings twoMembers(String name, int port, int ownPort) {
    return ClusterSettings.builder()
        .clusterName(name + "-" + port)
        .members(List.of("127.0.0.1:" + port, "127.0.0.1:" + (port + 1)))
        .bindAddress("127.0.0.1")
        .port(ownPort)
        .threads(1)
        .joinWait(Duration.ZERO)
        .timeout(Duration.ofSeconds(90))
        .build();
  }

  /** Kills {@code victim} (no goodbye) the moment it is training a task and has finished none. */
  static void killWhileTraining(HazelcastInstance victim) {
    var executor = victim.getExecutorService(ClusterSettings.EXECUTOR);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var stats = executor.getLocalExecutorStats(); // a snapshot: take a fresh one each time
      if (stats.getStartedTaskCount() > 0 && stats.getCompletedTaskCount() == 0) {
        victim.getLifecycleService().terminate();
        return;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
