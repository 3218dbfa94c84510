package dev.lamina.ensemble.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach or form a Hazelcast cluster for bagging. The defaults make a private cluster on
 * this machine's loopback interface: nothing listens on the network and nothing is discovered by
 * multicast. For several machines, name every member's address and bind to the interface the
 * others can reach:
 *
 * <pre>{@code
 * ClusterSettings.builder()
 *     .clusterName("lamina")
 *     .members(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"))
 *     .bindAddress("10.0.0.1")          // this machine's address on that network
 *     .build();
 * }</pre>
 */
public final class ClusterSettings {
  /** The Hazelcast executor that runs members' training. */
  public static final String EXECUTOR = "lamina-bagging";
  /** The member attribute that says how many members a cluster member trains at once. */
  public static final String THREADS_ATTRIBUTE = "lamina.threads";

  private final String clusterName;
  private final List<String> members;
  private final String bindAddress;
  private final int port;
  private final int threads;
  private final Duration timeout;
  private final Duration taskTimeout;
  private final Duration connectTimeout;
  private final Duration joinWait;
  private final boolean logging;

  private ClusterSettings(Builder b) {
    this.clusterName = b.clusterName;
    this.members = b.members;
    this.bindAddress = b.bindAddress;
    this.port = b.port;
    this.threads = b.threads;
    this.timeout = b.timeout;
    this.taskTimeout = b.taskTimeout;
    this.connectTimeout = b.connectTimeout;
    this.joinWait = b.joinWait;
    this.logging = b.logging;
  }

  /** {@return a builder with every default} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The defaults: a cluster named "lamina" on 127.0.0.1, port 5701 and up.
   *
   * @return the settings with every default
   */
  public static ClusterSettings loopback() {
    return builder().build();
  }

  /** {@return the name members must share to join; default "lamina"} */
  public String clusterName() {
    return clusterName;
  }

  /**
   * {@return the addresses (host or host:port) where the cluster is looked for; default 127.0.0.1}
   */
  public List<String> members() {
    return members;
  }

  /** {@return the interface this member listens on; default 127.0.0.1} */
  public String bindAddress() {
    return bindAddress;
  }

  /** {@return the first port tried; default 5701} */
  public int port() {
    return port;
  }

  /** {@return how many members this cluster member trains at once; default every processor} */
  public int threads() {
    return threads;
  }

  /** {@return the longest a whole ensemble may take to train; default 24 hours} */
  public Duration timeout() {
    return timeout;
  }

  /**
   * {@return how long one task may run on one member before it also starts on another; default 24
   * hours}
   */
  public Duration taskTimeout() {
    return taskTimeout;
  }

  /** {@return how long {@link BaggingCluster#connect} tries before it fails; default 20 s} */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** {@return how long a starting member looks for others; default 5 s} */
  public Duration joinWait() {
    return joinWait;
  }

  /** {@return whether Hazelcast logs; default off} */
  public boolean logging() {
    return logging;
  }

  /** Settings of a {@link ClusterSettings}; every one has a default. */
  public static final class Builder {
    private String clusterName = "lamina";
    private List<String> members = List.of("127.0.0.1");
    private String bindAddress = "127.0.0.1";
    private int port = 5701;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Duration timeout = Duration.ofHours(24);
    private Duration taskTimeout = timeout;
    private Duration connectTimeout = Duration.ofSeconds(20);
    private Duration joinWait = Duration.ofSeconds(5);
    private boolean logging;

    private Builder() {}

    /**
     * Members only join a cluster of the same name; use one per group of machines. Default:
     * "lamina".
     *
     * @param clusterName the name
     * @return this builder
     */
    public Builder clusterName(String clusterName) {
      if (clusterName == null || clusterName.isBlank()) {
        throw new IllegalArgumentException("clusterName must not be blank, got '" + clusterName + "'");
      }
      this.clusterName = clusterName;
      return this;
    }

    /**
     * Where to find the cluster: "host" or "host:port" of some or all of its members (TCP/IP
     * join; multicast stays off). Default: 127.0.0.1.
     *
     * @param members the addresses, at least one
     * @return this builder
     */
    public Builder members(List<String> members) {
      if (members.isEmpty()) {
        throw new IllegalArgumentException("members must name at least one address, got none");
      }
      this.members = List.copyOf(members);
      return this;
    }

    /**
     * The interface this member listens on, an address or a pattern like {@code 10.0.0.*}.
     * Default: 127.0.0.1 (this machine only).
     *
     * @param bindAddress the address or pattern
     * @return this builder
     */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /**
     * The first port tried; the next ones are tried when it is taken. Default: 5701.
     *
     * @param port a port, in [1, 65535]
     * @return this builder
     */
    public Builder port(int port) {
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [1, 65535], got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Members this cluster member trains at once, each on one thread; 0 makes it take no
     * training. Default: every available processor.
     *
     * @param threads the thread count, ≥ 0
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 0) {
        throw new IllegalArgumentException("threads must be >= 0, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * The longest a whole ensemble may take to train on the cluster; then {@code fit} fails,
     * keeping the members that finished. Default: 24 hours.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout", timeout);
      return this;
    }

    /**
     * How long one member's training may take on one cluster member before it also starts on
     * another. The slow or hung member gets no new task until it answers; whichever attempt
     * finishes first gives the result (the same bits). A member that dies or freezes whole is
     * dropped by Hazelcast's heartbeats (within 60 s) in any case. Default: 24 hours; set it to a
     * few times one member's training time.
     *
     * @param taskTimeout a positive duration
     * @return this builder
     */
    public Builder taskTimeout(Duration taskTimeout) {
      this.taskTimeout = positive("taskTimeout", taskTimeout);
      return this;
    }

    /**
     * How long {@link BaggingCluster#connect} tries to reach the cluster at {@link #members}
     * before it fails, naming the addresses it tried. Default: 20 s.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive("connectTimeout", connectTimeout);
      return this;
    }

    private static Duration positive(String name, Duration duration) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + duration);
      }
      return duration;
    }

    /**
     * How long a starting member looks for others before it forms a cluster of its own. Default:
     * 5 s, Hazelcast's; a test on one machine can use less.
     *
     * @param joinWait a duration, ≥ 0
     * @return this builder
     */
    public Builder joinWait(Duration joinWait) {
      if (joinWait.isNegative()) {
        throw new IllegalArgumentException("joinWait must not be negative, got " + joinWait);
      }
      this.joinWait = joinWait;
      return this;
    }

    /**
     * Whether Hazelcast logs (through java.util.logging). Default: off.
     *
     * @param logging true to let Hazelcast log
     * @return this builder
     */
    public Builder logging(boolean logging) {
      this.logging = logging;
      return this;
    }

    /** {@return the settings} */
    public ClusterSettings build() {
      return new ClusterSettings(this);
    }
  }
}
