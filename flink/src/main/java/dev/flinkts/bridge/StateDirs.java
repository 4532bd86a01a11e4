package dev.flinkts.bridge;

import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;

/** Checkpoint and savepoint directories below one throw-away directory (filesystem checkpoint storage). */
final class StateDirs {
  private StateDirs() {}

  static void apply(Configuration conf, Path dir) {
    conf.setString("state.checkpoints.dir", dir.resolve("checkpoints").toUri().toString());
    conf.setString("state.savepoints.dir", dir.resolve("savepoints").toUri().toString());
    conf.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
  }
}
