// Asks Flink 1.20's own TaskExecutorProcessUtils / JobManagerProcessUtils how it splits a TaskManager or JobManager
// process. One configuration per line on standard input: "<process> <taskHeap|-> <taskOffHeap|-> <managed|->
// <network|->" (Flink memory sizes) for a TaskManager, "JM <process>" for a JobManager. One answer per line:
// "OK <flink> <taskHeap> <taskOffHeap> <managed> <network> <metaspace> <overhead>" in bytes (a JobManager: "OK
// <flink> <heap> <offHeap> 0 0 <metaspace> <overhead>"), or "FAIL <reason>" when Flink refuses it. Test support.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;

public final class FlinkMemory {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String line; (line = in.readLine()) != null; ) {
      if (line.isBlank()) continue;
      String[] f = line.trim().split("\\s+");
      if (f[0].equals("JM")) {
        Configuration jm = new Configuration();
        jm.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse(f[1]));
        try {
          JobManagerProcessSpec s = JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(jm, JobManagerOptions.JVM_HEAP_MEMORY);
          out.append("OK ").append(s.getTotalFlinkMemorySize().getBytes()).append(' ').append(s.getJvmHeapMemorySize().getBytes()).append(' ')
              .append(s.getJvmDirectMemorySize().getBytes()).append(" 0 0 ").append(s.getJvmMetaspaceSize().getBytes()).append(' ')
              .append(s.getJvmOverheadSize().getBytes()).append('\n');
        } catch (Exception e) {
          out.append("FAIL ").append(String.valueOf(e.getMessage()).replace('\n', ' ')).append('\n');
        }
        continue;
      }
      Configuration c = new Configuration();
      c.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse(f[0]));
      if (!f[1].equals("-")) c.set(TaskManagerOptions.TASK_HEAP_MEMORY, MemorySize.parse(f[1]));
      if (!f[2].equals("-")) c.set(TaskManagerOptions.TASK_OFF_HEAP_MEMORY, MemorySize.parse(f[2]));
      if (!f[3].equals("-")) c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(f[3]));
      if (!f[4].equals("-")) {
        c.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse(f[4]));
        c.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse(f[4]));
      }
      try {
        TaskExecutorProcessSpec s = TaskExecutorProcessUtils.processSpecFromConfig(c);
        out.append("OK ").append(s.getTotalFlinkMemorySize().getBytes()).append(' ').append(s.getTaskHeapSize().getBytes()).append(' ')
            .append(s.getTaskOffHeapSize().getBytes()).append(' ').append(s.getManagedMemorySize().getBytes()).append(' ')
            .append(s.getNetworkMemSize().getBytes()).append(' ').append(s.getJvmMetaspaceSize().getBytes()).append(' ')
            .append(s.getJvmOverheadSize().getBytes()).append('\n');
      } catch (Exception e) {
        out.append("FAIL ").append(String.valueOf(e.getMessage()).replace('\n', ' ')).append('\n');
      }
    }
    System.out.print(out);
  }
}
