package dev.flinkts.bridge;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamGraphHasherV2;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.operators.CoordinatedOperatorFactory;
import org.apache.flink.table.api.CompiledPlan;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.delegation.InternalPlan;
import org.apache.flink.util.StringUtils;

/**
 * The operator ids Flink generates for a job submitted as SQL (no uids: `table.exec.uid.generation` PLAN_ONLY gives
 * uids only to compiled plans), computed by Flink itself: the compiled plan is translated with uid generation
 * disabled, the stream graph is generated with the job's configuration (its parallelism decides chaining), and
 * Flink's StreamGraphHasherV2 hashes it — the ids a savepoint's state is filed under. Each stream operator is
 * returned with the compiled plan's node id it comes from (operator names end in {@code [<node id>]}).
 */
final class OperatorIds {
  private static final Pattern NODE = Pattern.compile("\\[(\\d+)\\]");

  private OperatorIds() {}

  static List<Map<String, Object>> of(TableEnvironment tEnv, CompiledPlan plan) throws Exception {
    tEnv.getConfig().set(ExecutionConfigOptions.TABLE_EXEC_UID_GENERATION, ExecutionConfigOptions.UidGeneration.DISABLED);
    Method unwrap = plan.getClass().getDeclaredMethod("unwrap");
    unwrap.setAccessible(true);
    List<Transformation<?>> transformations = ((TableEnvironmentImpl) tEnv).getPlanner().translatePlan((InternalPlan) unwrap.invoke(plan));
    Configuration configuration = new Configuration();
    configuration.addAll(tEnv.getConfig().getConfiguration());
    StreamGraph graph = new StreamExecutionEnvironment(configuration).generateStreamGraph(transformations);
    Map<Integer, byte[]> hashes = new StreamGraphHasherV2().traverseStreamGraphAndGenerateHashes(graph);
    List<Map<String, Object>> out = new ArrayList<>();
    for (StreamNode n : graph.getStreamNodes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      String name = n.getOperatorName();
      Integer node = null;
      Matcher x = NODE.matcher(name);
      while (x.find()) node = Integer.valueOf(x.group(1));
      m.put("node", node);
      m.put("name", name);
      m.put("operatorId", StringUtils.byteToHexString(hashes.get(n.getId())));
      // an operator with a coordinator (a FLIP-27 source's split enumerator) always has state in a savepoint
      m.put("coordinated", n.getOperatorFactory() instanceof CoordinatedOperatorFactory);
      out.add(m);
    }
    return out;
  }
}
