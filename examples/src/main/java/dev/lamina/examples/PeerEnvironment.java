package dev.lamina.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment the PyTorch peer runs in, chosen so that it runs at its best:
 *
 * <ul>
 *   <li>Some machines set {@code OPENBLAS_CORETYPE} and {@code OPENBLAS_L2_SIZE} for old OpenBLAS
 *       builds; with them set, PyTorch's training ran 2–3× slower here. They are removed when the
 *       core OpenBLAS then detects computes a test product correctly (scripts/blas_probe.py), and
 *       kept otherwise, which the JSON says.
 *   <li>glibc's malloc gives large blocks back to the OS after every step by default, and PyTorch
 *       allocates fresh activations every step: page faults, which are slow on these virtual
 *       machines. Raised thresholds keep the memory, and {@code THP_MEM_ALLOC_ENABLE=1} puts
 *       torch's large blocks on transparent huge pages, as bin/lamina asks for Lamina's heap and
 *       DJL's libtorch.
 * </ul>
 *
 * @param unset the variables removed from the peer's environment
 * @param set the variables set in it
 * @param blasCore the OpenBLAS core the peer's products run on
 * @param coreChoice how that core was chosen, in words
 */
record PeerEnvironment(Set<String> unset, Map<String, String> set, String blasCore,
    String coreChoice) {
  static final List<String> CORE_VARIABLES = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");
  static final Map<String, String> ALLOCATOR = Map.of(
      "MALLOC_MMAP_THRESHOLD_", "4000000000",
      "MALLOC_TRIM_THRESHOLD_", "4000000000",
      "MALLOC_TOP_PAD_", "536870912",
      "THP_MEM_ALLOC_ENABLE", "1");

  /**
   * Probes the peer's BLAS with and without the machine's core settings; empty, with the reason
   * told to {@code skipped}, when the peer cannot run at all.
   */
  static Optional<PeerEnvironment> detect(Path scripts, java.util.function.Consumer<String> skipped)
      throws IOException, InterruptedException {
    Path probe = scripts.resolve("blas_probe.py");
    Optional<String> detected = PyTorchPeer.runScript(List.of(probe.toString()),
        Set.copyOf(CORE_VARIABLES), Map.of(), skipped);
    if (detected.isEmpty()) {
      return Optional.empty();
    }
    String machineSetting = machineCoreSetting();
    if (correct(detected.get())) {
      String choice = machineSetting.isEmpty()
          ? "OpenBLAS's own detection (product checked against float64)"
          : "OpenBLAS's own detection, product checked against float64; the machine's "
              + machineSetting + " removed for the peer";
      return Optional.of(new PeerEnvironment(Set.copyOf(CORE_VARIABLES), ALLOCATOR,
          core(detected.get()), choice));
    }
    Optional<String> kept = PyTorchPeer.runScript(List.of(probe.toString()), Set.of(), Map.of(),
        skipped);
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PeerEnvironment(Set.of(), ALLOCATOR, core(kept.get()),
        "the machine's setting (" + machineSetting + "): the detected core " + core(detected.get())
            + " computed a test product wrongly"));
  }

  /**
   * The peer's environment when {@code withPeer}, with the choice printed to {@code out} and
   * recorded in {@code json} beside the CPU's model and the load average as the bench starts;
   * empty when the peer is off or cannot run.
   */
  static Optional<PeerEnvironment> announce(boolean withPeer, Map<String, Object> json,
      java.io.PrintStream out) throws IOException, InterruptedException {
    json.put("cpu_model", cpuModel());
    json.put("load_average_start", loadAverage());
    if (!withPeer) {
      return Optional.empty();
    }
    Path scripts = Path.of(System.getProperty("lamina.home", "."), "scripts");
    Optional<PeerEnvironment> peer = detect(scripts, why -> out.println("PyTorch peer skipped: " + why));
    peer.ifPresent(p -> {
      out.println("PyTorch's BLAS core: " + p.blasCore() + ", chosen by " + p.coreChoice());
      json.putAll(p.json());
    });
    return peer;
  }

  /** What the JSON of a bench records about the peer's settings. */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("peer_blas_core", blasCore);
    json.put("peer_blas_core_choice", coreChoice);
    json.put("peer_allocator", String.join(" ", ALLOCATOR.entrySet().stream().sorted(
        Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList()));
    return json;
  }

  /** The processor's model name, as /proc/cpuinfo gives it ("unknown" elsewhere). */
  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the model is only reported, never needed.
    }
    return "unknown";
  }

  /**
   * The one-minute load average: a bench's figures are worth keeping only when it is low (the
   * benches record it at their start and end).
   */
  static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
  }

  private static String machineCoreSetting() {
    return String.join(" ", CORE_VARIABLES.stream().filter(v -> System.getenv(v) != null)
        .map(v -> v + "=" + System.getenv(v)).toList());
  }

  private static boolean correct(String json) {
    return json.contains("\"correct\": true");
  }

  private static String core(String json) {
    Matcher m = Pattern.compile("\"core\": \"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : "unknown";
  }
}
