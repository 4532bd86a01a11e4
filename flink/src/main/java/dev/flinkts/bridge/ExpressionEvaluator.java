package dev.flinkts.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.planner.factories.TestValuesTableFactory;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.Row;

/**
 * Evaluates many scalar expressions the way Flink's own function tests do — {@code SELECT <expr> FROM input}
 * over a one-row {@code values} source — in few jobs. Each group (one input row) gets its own input table; its
 * cases are validated a chunk at a time (case by case only when the chunk does not validate: a validation error
 * is that case's answer). Then the valid cases run as the columns of INSERTs into values sinks, many INSERTs
 * (many groups) per job, one job per session config; a job that fails is split in halves until the failing case
 * is alone, and its error is its answer.
 *
 * <p>Request: {@code {groups: [{config, columns: [{name, type}], row: [wire…], cases: [{id, sql}]}]}}. Response:
 * {@code {results: [{id, type?, value?, error?: {stage, message}}], jobs}}.
 */
final class ExpressionEvaluator {
  private static final int CHUNK = 48;
  private static final int UNITS_PER_JOB = 40;
  private int jobs;
  private int tables;

  /** A slice of one group's valid cases, run as one INSERT. */
  private record Unit(String input, List<Map<String, Object>> cases, List<String> sqls, List<String> types) {}

  Map<String, Object> evaluate(JsonNode req) throws Exception {
    synchronized (JobRunner.class) {
      jobs = 0;
      TestValuesTableFactory.clearAllData();
      List<Map<String, Object>> results = new ArrayList<>();
      Map<String, List<JsonNode>> byConfig = new LinkedHashMap<>();
      for (JsonNode g : req.path("groups")) byConfig.computeIfAbsent(g.path("config").toString(), k -> new ArrayList<>()).add(g);
      Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
      for (List<JsonNode> groups : byConfig.values()) {
        StreamTableEnvironment tEnv = tableEnv(groups.get(0).path("config"));
        List<Unit> units = new ArrayList<>();
        for (JsonNode g : groups) units.addAll(prepare(tEnv, g, byId));
        for (int i = 0; i < units.size(); i += UNITS_PER_JOB) runUnits(tEnv, units.subList(i, Math.min(units.size(), i + UNITS_PER_JOB)));
      }
      for (JsonNode g : req.path("groups")) for (JsonNode c : g.path("cases")) results.add(byId.get(c.path("id").asText()));
      TestValuesTableFactory.clearAllData();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("results", results);
      out.put("jobs", jobs);
      return out;
    }
  }

  private static StreamTableEnvironment tableEnv(JsonNode config) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    config.fields().forEachRemaining(e -> tEnv.getConfig().set(e.getKey(), e.getValue().asText()));
    return tEnv;
  }

  /** Registers the group's input table and validates its cases; returns its valid cases as units. */
  private List<Unit> prepare(StreamTableEnvironment tEnv, JsonNode g, Map<String, Map<String, Object>> byId) {
    List<JsonNode> cases = new ArrayList<>();
    g.path("cases").forEach(cases::add);
    for (JsonNode c : cases) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", c.path("id").asText());
      byId.put(c.path("id").asText(), r);
    }
    String input = "input_" + (tables++);
    try {
      Schema.Builder schema = Schema.newBuilder();
      Row row = new Row(Math.max(1, g.path("columns").size()));
      if (g.path("columns").size() == 0) {
        schema.column("__one", "INT");
        row.setField(0, 1);
      } else {
        int i = 0;
        for (JsonNode c : g.path("columns")) {
          LogicalType t = LogicalTypeParser.parse(c.path("type").asText(), Thread.currentThread().getContextClassLoader());
          schema.column(c.path("name").asText(), TypeConversions.fromLogicalToDataType(t));
          row.setField(i, WireValues.toJava(g.path("row").get(i), t));
          i++;
        }
      }
      String dataId = TestValuesTableFactory.registerData(List.of(row));
      tEnv.createTemporaryTable(input, TableDescriptor.forConnector("values").schema(schema.build()).option("data-id", dataId).build());
    } catch (Throwable e) {
      for (JsonNode c : cases) byId.get(c.path("id").asText()).put("error", error("input", e));
      return List.of();
    }
    List<Unit> units = new ArrayList<>();
    for (int start = 0; start < cases.size(); start += CHUNK) {
      List<JsonNode> chunk = cases.subList(start, Math.min(cases.size(), start + CHUNK));
      List<String> types;
      try {
        types = validate(tEnv, input, chunk.stream().map(c -> c.path("sql").asText()).toList());
      } catch (RuntimeException e) {
        types = null;
      }
      List<Map<String, Object>> ok = new ArrayList<>();
      List<String> okSql = new ArrayList<>();
      List<String> okTypes = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        JsonNode c = chunk.get(i);
        Map<String, Object> r = byId.get(c.path("id").asText());
        String sql = c.path("sql").asText();
        try {
          String type = types != null ? types.get(i) : validate(tEnv, input, List.of(sql)).get(0);
          r.put("type", type);
          ok.add(r);
          okSql.add(sql);
          okTypes.add(type);
        } catch (Throwable e) {
          r.put("error", error("validation", e));
        }
      }
      if (!ok.isEmpty()) units.add(new Unit(input, ok, okSql, okTypes));
    }
    return units;
  }

  /** The result types of the expressions as one query, or null when it does not validate (single: throws). */
  private static List<String> validate(StreamTableEnvironment tEnv, String input, List<String> sqls) {
    try {
      List<String> types = new ArrayList<>();
      for (DataType t : tEnv.sqlQuery(select(sqls, input)).getResolvedSchema().getColumnDataTypes()) types.add(typeText(t.getLogicalType()));
      return types;
    } catch (RuntimeException e) {
      if (sqls.size() == 1) throw e;
      return null;
    }
  }

  private static String select(List<String> sqls, String input) {
    StringBuilder q = new StringBuilder("SELECT ");
    for (int i = 0; i < sqls.size(); i++) q.append(i > 0 ? ", " : "").append("(").append(sqls.get(i)).append(") AS c").append(i);
    return q.append(" FROM ").append(input).toString();
  }

  /** Runs units as one job; on failure splits them (then a unit's cases) in halves until the culprit is alone. */
  private void runUnits(StreamTableEnvironment tEnv, List<Unit> units) {
    if (units.isEmpty() || tryRun(tEnv, units)) return;
    if (units.size() > 1) {
      int mid = units.size() / 2;
      runUnits(tEnv, units.subList(0, mid));
      runUnits(tEnv, units.subList(mid, units.size()));
      return;
    }
    Unit u = units.get(0);
    int n = u.cases().size();
    if (n == 1) return; // its error was recorded by tryRun
    int mid = n / 2;
    runUnits(tEnv, List.of(new Unit(u.input(), u.cases().subList(0, mid), u.sqls().subList(0, mid), u.types().subList(0, mid))));
    runUnits(tEnv, List.of(new Unit(u.input(), u.cases().subList(mid, n), u.sqls().subList(mid, n), u.types().subList(mid, n))));
  }

  /** One job: an INSERT per unit into a nullable values sink; records values, or the error of a lone case. */
  private boolean tryRun(StreamTableEnvironment tEnv, List<Unit> units) {
    StatementSet set = tEnv.createStatementSet();
    List<String> sinks = new ArrayList<>();
    try {
      for (Unit u : units) {
        String sink = "out_" + (tables++);
        Schema.Builder schema = Schema.newBuilder();
        for (int i = 0; i < u.types().size(); i++) {
          LogicalType t = LogicalTypeParser.parse(u.types().get(i), Thread.currentThread().getContextClassLoader()).copy(true);
          schema.column("c" + i, TypeConversions.fromLogicalToDataType(t));
        }
        tEnv.createTemporaryTable(sink, TableDescriptor.forConnector("values").schema(schema.build()).option("sink-insert-only", "false").build());
        set.addInsertSql("INSERT INTO " + sink + " " + select(u.sqls(), u.input()));
        sinks.add(sink);
      }
      jobs++;
      set.execute().await();
    } catch (Throwable e) {
      if (units.size() == 1 && units.get(0).cases().size() == 1) units.get(0).cases().get(0).put("error", error(failedWhileRunning(e) ? "runtime" : "validation", e));
      return false;
    }
    for (int k = 0; k < units.size(); k++) {
      List<Row> rows = TestValuesTableFactory.getRawResults(sinks.get(k));
      Row r = rows.isEmpty() ? null : rows.get(0);
      Unit u = units.get(k);
      for (int i = 0; i < u.cases().size(); i++) u.cases().get(i).put("value", wrap(r == null ? null : WireValues.toWire(r.getField(i))));
    }
    return true;
  }

  /** Whether the job ran and failed (rather than the planner rejecting the query while translating it). */
  private static boolean failedWhileRunning(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      String n = c.getClass().getName();
      if (n.endsWith("JobExecutionException") || n.endsWith("JobException")) return true;
      if (c == c.getCause()) break;
    }
    return false;
  }

  /** A type as the client parses it (CHAR(0) / VARCHAR(0) have no serializable form: their summary). */
  private static String typeText(LogicalType t) {
    try {
      return t.asSerializableString();
    } catch (Throwable e) {
      return t.asSummaryString();
    }
  }

  private static Object wrap(Object v) {
    return v == null ? org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.NullNode.getInstance() : v;
  }

  private static Map<String, Object> error(String stage, Throwable e) {
    Map<String, Object> r = new LinkedHashMap<>(ErrorReport.of(e));
    r.put("stage", stage);
    return r;
  }
}
