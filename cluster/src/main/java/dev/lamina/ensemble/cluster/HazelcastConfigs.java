package dev.lamina.ensemble.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.function.BiConsumer;

/**
 * Hazelcast configurations from {@link ClusterSettings}: TCP/IP join to the named members only
 * (no multicast, no cloud auto-detection, no phone-home), so a member talks to nothing but the
 * addresses it was given.
 */
final class HazelcastConfigs {
  private HazelcastConfigs() {}

  static Config member(ClusterSettings settings) {
    Config config = new Config();
    config.setClusterName(settings.clusterName());
    quiet(config::setProperty, settings);
    config.setProperty("hazelcast.wait.seconds.before.join",
        Long.toString(settings.joinWait().toSeconds()));
    config.setProperty("hazelcast.socket.bind.any", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(100);
    network.getInterfaces().setEnabled(true).addInterface(settings.bindAddress());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
    config.getExecutorConfig(ClusterSettings.EXECUTOR).setPoolSize(Math.max(1, settings.threads()));
    config.getMemberAttributeConfig().setAttribute(
        ClusterSettings.THREADS_ATTRIBUTE, Integer.toString(settings.threads()));
    return config;
  }

  static ClientConfig client(ClusterSettings settings) {
    ClientConfig config = new ClientConfig();
    config.setClusterName(settings.clusterName());
    quiet(config::setProperty, settings);
    config.getNetworkConfig().setAddresses(settings.members());
    config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
    config.getConnectionStrategyConfig().getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(settings.connectTimeout().toMillis());
    return config;
  }

  /** No log unless asked for, and no phone-home: for a member and a client alike. */
  private static void quiet(BiConsumer<String, String> property, ClusterSettings settings) {
    property.accept("hazelcast.logging.type", settings.logging() ? "jdk" : "none");
    property.accept("hazelcast.phone.home.enabled", "false");
  }
}
