package dev.lamina.internal.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The team runs every part once per task, separates phases at barriers, and parks when idle. */
class TeamTest {
  @Test
  void everyPartRunsOncePerTaskOnItsOwnThread() {
    try (Team team = new Team(3)) {
      String[] threads = new String[3];
      int[] runs = new int[3];
      for (int task = 0; task < 100; task++) {
        team.run((part, parts) -> {
          assertEquals(3, parts);
          runs[part]++;
          threads[part] = Thread.currentThread().getName();
        });
      }
      assertArrayEquals(new int[] {100, 100, 100}, runs);
      assertEquals(Thread.currentThread().getName(), threads[0], "part 0 runs on the caller");
      assertTrue(threads[1].startsWith("lamina-team") && threads[2].startsWith("lamina-team"));
    }
  }

  @Test
  void aBarrierSeparatesPhases() {
    try (Team team = new Team(2)) {
      AtomicInteger before = new AtomicInteger();
      int[] seenAfter = new int[2];
      team.run((part, parts) -> {
        before.incrementAndGet();
        team.barrier();
        seenAfter[part] = before.get();
      });
      assertArrayEquals(new int[] {2, 2}, seenAfter);
    }
  }

  @Test
  void aFailingPartFailsTheTaskAndTheTeamGoesOn() {
    try (Team team = new Team(2)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> team.run((part, parts) -> {
            if (part == 1) {
              throw new IllegalStateException("part 1 failed");
            }
          }));
      assertEquals("part 1 failed", e.getMessage());
      int[] runs = new int[2];
      team.run((part, parts) -> runs[part]++);
      assertArrayEquals(new int[] {1, 1}, runs);
    }
  }

  @Test
  void idleMembersParkAndAParkedTeamStillRunsTasks() {
    try (Team team = new Team(2)) {
      team.run((part, parts) -> {});
      // After a task the member spins for a while (well under a second), then parks.
      assertTrue(eventually(() -> !team.awake()), "the idle member never parked");
      int[] runs = new int[2];
      team.run((part, parts) -> runs[part]++);
      assertArrayEquals(new int[] {1, 1}, runs);
    }
  }

  @Test
  void wakeWakesParkedMembers() {
    try (Team team = new Team(2)) {
      team.run((part, parts) -> {});
      assertTrue(eventually(() -> !team.awake()), "the idle member never parked");
      // Whether the woken member is caught spinning depends on the scheduler; that it came back
      // from parking does not.
      int before = team.returnsFromPark();
      team.wake();
      assertTrue(eventually(() -> team.returnsFromPark() > before),
          "wake() did not wake the parked member");
    }
  }

  @Test
  void aTeamOfOneRunsOnTheCallerAndIsAlwaysAwake() {
    try (Team team = new Team(1)) {
      assertTrue(team.awake());
      String[] thread = new String[1];
      team.run((part, parts) -> thread[0] = Thread.currentThread().getName());
      assertEquals(Thread.currentThread().getName(), thread[0]);
    }
    assertThrows(IllegalArgumentException.class, () -> new Team(0));
  }

  @Test
  void aClosedTeamRefusesTasks() {
    Team team = new Team(2);
    team.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> team.run((part, parts) -> {}));
    assertFalse(e.getMessage().isEmpty());
  }

  /** Polls {@code condition} for up to ten seconds. */
  private static boolean eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.yield();
    }
    return condition.getAsBoolean();
  }
}
