package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.ensemble.Bagging;
import dev.lamina.ensemble.Ensemble;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.cluster.BaggingCluster;
import dev.lamina.ensemble.cluster.BaggingTestData;
import dev.lamina.ensemble.cluster.ClusterSettings;
import dev.lamina.ensemble.cluster.DataRef;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on a real cluster: {@code bin/lamina bagging-member} JVMs on 127.0.0.1 (no
 * multicast, nothing else reachable) are killed with {@code kill -9} at many moments — before
 * they take a task, at a random moment of their training, the moment training ends and the
 * result is being sent, just after a result was sent, two of three members in one run — or frozen
 * with {@code kill -STOP} while they train. Every round must give the ensemble bit for bit as
 * threads in this JVM train it, with every member counted once, and no lost task may go back to
 * the member that lost it.
 *
 * <p>CI runs {@value #CI_ROUNDS} round (a kill during training). The long run,
 * {@code scripts/cluster-faults.sh ROUNDS}, cycles through every fault with random moments and
 * writes its summary to {@code examples/target/cluster-faults.txt}; docs/bagging.md has the last.
 */
class ClusterFaultsTest {
  static final int CI_ROUNDS = 1;
  private static final int POOL = 3;
  private static final int MEMBERS = 6;
  private static final int ROWS = 1000;
  private static final long DATA_SEED = 21;
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Duration TASK_TIMEOUT = Duration.ofSeconds(20);

  /** Where the fault strikes. */
  enum Fault {
    /** Killed at a random moment while it trains a member. */
    DURING_TASK,
    /** Killed as the run starts, 0–50 ms after fit is called: before or as it takes a task. */
    BEFORE_TASK,
    /** Killed the moment it prints that training ended: while it sends the result. */
    RESULT_TRANSFER,
    /** Killed 20–300 ms after it finished a member: between tasks, or as the next starts. */
    AFTER_TASK,
    /** Two of the three members killed, each at a random moment of the run; one lives. */
    TWO_DEATHS,
    /**
     * Frozen with SIGSTOP while it trains: alive to the network, answering nothing. Its task
     * starts elsewhere after the task timeout; Hazelcast drops it after its heartbeat timeout.
     */
    HANG
  }

  private final Random random = new Random(Long.getLong("lamina.cluster.faults.seed", 7));
  private final List<MemberProcess> pool = new ArrayList<>();
  private String clusterName;
  private int nextPort;

  @Test
  void membersKilledOrFrozenAtAnyMomentCostNothing() throws Exception {
    int rounds = Integer.getInteger("lamina.cluster.faults.rounds", CI_ROUNDS);
    List<Fault> faults = List.of(Fault.values()); // DURING_TASK first: CI's one round
    try (ServerSocket socket = new ServerSocket(0)) {
      nextPort = socket.getLocalPort() < 60000 ? socket.getLocalPort() : 41000;
    }
    clusterName = "lamina-faults-" + nextPort;
    Dataset train = BaggingTestData.make(ROWS, 784, 10, DATA_SEED);
    Ensemble<FashionMlpNet> threads = bagging(EnsembleListener.SILENT).fit(train);
    Map<Fault, int[]> tally = new EnumMap<>(Fault.class); // rounds, retries, faults that struck
    long start = System.nanoTime();
    try {
      refillPool();
      ClusterSettings settings = ClusterSettings.builder().clusterName(clusterName)
          .members(pool.stream().map(MemberProcess::hostPort).toList()).taskTimeout(TASK_TIMEOUT).timeout(Duration.ofMinutes(10))
          .connectTimeout(Duration.ofSeconds(60)).build();
      try (BaggingCluster client = BaggingCluster.connect(settings)) {
        for (int round = 0; round < rounds; round++) {
          Fault fault = faults.get(round % faults.size());
          int[] counts = tally.computeIfAbsent(fault, f -> new int[3]);
          counts[0]++;
          Round r = round(client, fault);
          assertSameMembers(threads, r.ensemble(), "round " + round + " (" + fault + ")");
          r.events().check();
          counts[1] += r.events().retries();
          counts[2] += r.struck() ? 1 : 0;
          if (round + 1 < rounds) {
            refillPool();
          }
        }
      }
    } finally {
      pool.forEach(MemberProcess::close);
    }
    String summary = summary(tally, rounds, (System.nanoTime() - start) / 1e9);
    System.out.println(summary);
    Path report = Path.of("target", "cluster-faults.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, summary, StandardCharsets.UTF_8);
  }

  private record Round(Ensemble<FashionMlpNet> ensemble, Events events, boolean struck) {}

  /** One fit with {@code fault} striking; the victims leave the pool. */
  private Round round(BaggingCluster client, Fault fault) throws Exception {
    pool.forEach(MemberProcess::drain);
    List<MemberProcess> victims = new ArrayList<>(pool);
    java.util.Collections.shuffle(victims, random);
    victims = victims.subList(0, fault == Fault.TWO_DEATHS ? 2 : 1);
    Events events = new Events();
    List<Thread> strikers = new ArrayList<>();
    List<Boolean> struck = new CopyOnWriteArrayList<>();
    for (MemberProcess victim : victims) {
      long seed = random.nextLong();
      Thread t = new Thread(() -> struck.add(strike(victim, fault, new Random(seed))), "striker");
      strikers.add(t);
    }
    strikers.forEach(Thread::start);
    Ensemble<FashionMlpNet> ensemble;
    try {
      ensemble = bagging(events).fit(client.members(DataRef.ofClass(BaggingTestData.class,
          ROWS + ",784,10," + DATA_SEED)));
    } catch (RuntimeException e) {
      StringBuilder outputs = new StringBuilder();
      for (MemberProcess m : pool) {
        outputs.append(m.address()).append(m.isAlive() ? "" : " (dead)").append(":\n  ")
            .append(String.join("\n  ", m.output())).append('\n');
      }
      throw new AssertionError(fault + ": " + e.getMessage() + "\nevents: " + events.describe()
          + "\nmembers:\n" + outputs, e);
    }
    for (Thread t : strikers) {
      t.join();
    }
    for (MemberProcess victim : victims) {
      victim.close(); // a frozen member dies now; a killed one is already gone
      pool.remove(victim);
    }
    return new Round(ensemble, events, struck.contains(true));
  }

  /** Does {@code fault} to {@code victim}; whether it struck (the victim may get no task). */
  private static boolean strike(MemberProcess victim, Fault fault, Random random) {
    try {
      switch (fault) {
        case BEFORE_TASK -> Thread.sleep(random.nextInt(50));
        case DURING_TASK -> {
          if (victim.await("training member", Duration.ofSeconds(60)) == null) {
            return false;
          }
          Thread.sleep(random.nextInt(1500));
        }
        case RESULT_TRANSFER -> {
          if (victim.await("trained member", Duration.ofSeconds(60)) == null) {
            return false;
          }
        }
        case AFTER_TASK -> {
          if (victim.await("trained member", Duration.ofSeconds(60)) == null) {
            return false;
          }
          Thread.sleep(20 + random.nextInt(280));
        }
        case TWO_DEATHS -> Thread.sleep(random.nextInt(4000));
        case HANG -> {
          if (victim.await("training member", Duration.ofSeconds(60)) == null) {
            return false;
          }
          victim.freeze();
          return true;
        }
      }
      victim.kill();
      return true;
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("could not strike " + victim.address(), e);
    }
  }

  /**
   * Starts members until {@value #POOL} live ones are in the cluster, each told the addresses of
   * the live ones and of those starting with it.
   */
  private void refillPool() throws Exception {
    List<Thread> starting = new ArrayList<>();
    List<Object> started = new CopyOnWriteArrayList<>();
    List<String> addresses = new ArrayList<>(pool.stream().map(MemberProcess::hostPort).toList());
    List<Integer> ports = new ArrayList<>();
    for (int i = pool.size(); i < POOL; i++) {
      ports.add(nextPort);
      addresses.add("127.0.0.1:" + nextPort++);
    }
    for (int port : ports) {
      Thread t = new Thread(() -> {
        try {
          started.add(MemberProcess.start(clusterName, addresses, port, STARTUP));
        } catch (Exception e) {
          started.add(e);
        }
      });
      starting.add(t);
      t.start();
    }
    for (Thread t : starting) {
      t.join();
    }
    for (Object o : started) {
      if (o instanceof Exception e) {
        throw new AssertionError("a member did not start (class path "
            + System.getProperty("java.class.path") + ")", e);
      }
      pool.add((MemberProcess) o);
    }
  }

  private Bagging<FashionMlpNet> bagging(EnsembleListener listener) {
    return Bagging.builder(FashionMlpNet.class).members(MEMBERS)
        .training(TrainingConfig.builder().epochs(2).batchSize(64)
            .optimizer(Optimizer.adam(1e-3)).seed(5).build())
        .threads(2).listener(listener).build();
  }

  /**
   * What the run told its listener, in order: each start and retry with the cluster member's
   * address, and each result.
   */
  static final class Events implements EnsembleListener {
    private final List<String[]> log = new CopyOnWriteArrayList<>();

    @Override
    public void onMemberStart(int index, String where) {
      log.add(new String[] {"start", Integer.toString(index), where});
    }

    @Override
    public void onMemberRetry(int index, String reason) {
      log.add(new String[] {"retry", Integer.toString(index), reason});
    }

    @Override
    public void onMemberDone(MemberResult result) {
      log.add(new String[] {"done", Integer.toString(result.index()), result.trainedBy()});
    }

    int retries() {
      return (int) log.stream().filter(e -> e[0].equals("retry")).count();
    }

    /** Every member done once; a lost task never starts again on the member that lost it. */
    void check() {
      for (int m = 0; m < MEMBERS; m++) {
        String index = Integer.toString(m);
        assertEquals(1, log.stream().filter(e -> e[0].equals("done") && e[1].equals(index))
            .count(), "member " + m + " done once: " + describe());
      }
      Set<String> lostBy = new HashSet<>();
      for (String[] e : log) {
        String where = e[2];
        if (e[0].equals("retry")) {
          lostBy.add(e[1] + " " + where.substring(0, where.indexOf(' ', "member ".length())));
        } else if (e[0].equals("start")) {
          assertTrue(!lostBy.contains(e[1] + " " + where),
              "member " + e[1] + " went back to " + where + ", which lost it: " + describe());
        }
      }
    }

    String describe() {
      return String.join("; ", log.stream().map(e -> String.join(" ", e)).toList());
    }
  }

  private static void assertSameMembers(Ensemble<FashionMlpNet> expected,
      Ensemble<FashionMlpNet> actual, String round) {
    assertEquals(expected.size(), actual.size(), round);
    IntStream.range(0, expected.size()).forEach(m -> assertTrue(
        expected.members().get(m).network().parameters()
            .bitEquals(actual.members().get(m).network().parameters()),
        round + ": member " + m + " trained on " + actual.members().get(m).result().trainedBy()
            + " differs from the one trained in threads"));
  }

  private static String summary(Map<Fault, int[]> tally, int rounds, double seconds) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "cluster faults: %d rounds of %d members on %d bagging-member JVMs, %.0f s; every round"
            + " bit-identical to threads, every member once, no task back on the member that"
            + " lost it%n  fault            rounds  struck  retries%n", rounds, MEMBERS, POOL,
        seconds));
    tally.forEach((fault, c) -> s.append(String.format(Locale.ROOT, "  %-16s %6d  %6d  %7d%n",
        fault, c[0], c[2], c[1])));
    return s.toString();
  }
}
