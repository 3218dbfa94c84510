package dev.lamina.examples;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The calling thread held to one CPU while it measures (Linux's {@code sched_setaffinity}, through
 * the FFM API), and let go again by {@link #close}. A one-thread comparison pins both of its
 * sides to the same CPU, so that a core that is slow for a spell (a virtual machine's neighbour
 * on it) slows both, rather than whichever side the scheduler happened to keep there.
 */
final class CpuAffinity implements AutoCloseable {
  /** Room for 1,024 CPUs, as glibc's cpu_set_t. */
  private static final long MASK_BYTES = 128;
  private static final MethodHandle GET = function("sched_getaffinity");
  private static final MethodHandle SET = function("sched_setaffinity");

  private final Arena arena;
  private final MemorySegment previous;
  private final int cpu;

  private CpuAffinity(Arena arena, MemorySegment previous, int cpu) {
    this.arena = arena;
    this.previous = previous;
    this.cpu = cpu;
  }

  /**
   * Holds the calling thread to the first CPU it may run on; empty where the system cannot (not
   * Linux, or the call failed), and the thread then runs where it did.
   */
  static Optional<CpuAffinity> pinToFirstCpu() {
    if (GET == null || SET == null) {
      return Optional.empty();
    }
    Arena arena = Arena.ofConfined();
    try {
      MemorySegment previous = arena.allocate(MASK_BYTES);
      if ((int) GET.invokeExact(0, MASK_BYTES, previous) != 0) {
        arena.close();
        return Optional.empty();
      }
      int cpu = firstSet(previous);
      MemorySegment one = arena.allocate(MASK_BYTES);
      if (cpu >= 0) {
        one.set(JAVA_BYTE, cpu / 8, (byte) (1 << (cpu % 8)));
      }
      if (cpu < 0 || (int) SET.invokeExact(0, MASK_BYTES, one) != 0) {
        arena.close();
        return Optional.empty();
      }
      return Optional.of(new CpuAffinity(arena, previous, cpu));
    } catch (Throwable e) {
      arena.close();
      return Optional.empty();
    }
  }

  /** The CPU the thread is held to. */
  int cpu() {
    return cpu;
  }

  /** The first CPU the calling thread may run on (where it would be held), or empty. */
  static Optional<Integer> firstCpu() {
    Optional<CpuAffinity> pin = pinToFirstCpu();
    pin.ifPresent(CpuAffinity::close);
    return pin.map(CpuAffinity::cpu);
  }

  /**
   * {@code side} with each of its windows taken while the calling thread is held to the first CPU:
   * bench's one-thread training sides, whose windows alternate with its two-thread ones.
   */
  static LaminaMeter.Side pinned(LaminaMeter.Side side) {
    return seconds -> {
      Optional<CpuAffinity> pin = pinToFirstCpu();
      try {
        return side.rate(seconds);
      } finally {
        pin.ifPresent(CpuAffinity::close);
      }
    };
  }

  /** {@code calls} run with the calling thread held to the first CPU, where the system allows. */
  static <T> T pinnedWhile(java.util.function.Supplier<T> calls) {
    Optional<CpuAffinity> pin = pinToFirstCpu();
    try {
      return calls.get();
    } finally {
      pin.ifPresent(CpuAffinity::close);
    }
  }

  /** Lets the thread run on every CPU it could before. */
  @Override
  public void close() {
    int result;
    try {
      result = (int) SET.invokeExact(0, MASK_BYTES, previous);
    } catch (Throwable e) {
      throw new IllegalStateException("could not restore the thread's CPUs", e);
    } finally {
      arena.close();
    }
    if (result != 0) {
      throw new IllegalStateException("sched_setaffinity could not restore the thread's CPUs");
    }
  }

  private static int firstSet(MemorySegment mask) {
    for (int i = 0; i < MASK_BYTES * 8; i++) {
      if ((mask.get(JAVA_BYTE, i / 8) & (1 << (i % 8))) != 0) {
        return i;
      }
    }
    return -1;
  }

  /** {@code int name(pid_t pid, size_t size, cpu_set_t *mask)}, or null where libc lacks it. */
  private static MethodHandle function(String name) {
    try {
      Linker linker = Linker.nativeLinker();
      return linker.defaultLookup().find(name)
          .map(address -> linker.downcallHandle(address,
              FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS)))
          .orElse(null);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }
}
