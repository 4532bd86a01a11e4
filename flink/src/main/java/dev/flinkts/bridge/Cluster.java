package dev.flinkts.bridge;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;

/**
 * The in-process Flink MiniCluster (one TaskManager, REST bound to 127.0.0.1). Every StreamExecutionEnvironment
 * created in this JVM submits to it at parallelism 1, as Flink's own SQL tests do.
 */
final class Cluster {
  private final MiniCluster miniCluster;
  private final String restUrl;

  private Cluster(MiniCluster miniCluster, String restUrl) {
    this.miniCluster = miniCluster;
    this.restUrl = restUrl;
  }

  static Cluster start() throws Exception {
    return start(null);
  }

  /** With a state directory: checkpoints and savepoints go below it (a deploy test's throw-away cluster). */
  static Cluster start(java.nio.file.Path stateDir) throws Exception {
    Configuration conf = new Configuration();
    if (stateDir != null) StateDirs.apply(conf, stateDir);
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
    MiniClusterConfiguration mcc = new MiniClusterConfiguration.Builder()
        .setConfiguration(conf)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(8)
        .build();
    MiniCluster mc = new MiniCluster(mcc);
    mc.start();
    TestStreamEnvironment.setAsContext(mc, 1);
    String url = mc.getRestAddress().get().toString();
    return new Cluster(mc, url);
  }

  String restUrl() {
    return restUrl;
  }

  void stop() {
    try {
      TestStreamEnvironment.unsetAsContext();
      miniCluster.close();
    } catch (Exception ignored) {
      // exiting anyway
    }
  }
}
