package dev.flinkts.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ExplainDetail;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Parses, validates and plans a script's statements with the real planner and the connector factories on the
 * classpath, without running anything: DDL is executed in a fresh in-memory catalog, every INSERT is added to a
 * statement set (validated against its sink) and the set is planned (EXPLAIN), so connector options are checked
 * by the factories; a query is EXPLAINed. Stops at the first statement the planner rejects.
 *
 * <p>Request: {@code {statements: [sql…], config: {k: v}}}. Response: {@code {ok, statements: n, error?: {index,
 * message, line, column, …}, plans?, compiledPlan?}}; positions are relative to the statement. With {@code compilePlan:
 * true} the statement set's compiled plan (COMPILE PLAN JSON) is returned as a JSON tree, and with {@code operatorIds:
 * true} also the operator ids Flink generates for the job given as SQL (OperatorIds).
 */
final class ScriptPlanner {
  private java.nio.file.Path scratch;

  /** A throw-away directory for this request's Paimon warehouses. */
  private java.nio.file.Path scratch() throws java.io.IOException {
    if (scratch == null) scratch = java.nio.file.Files.createTempDirectory("flinkts-verify");
    return scratch;
  }

  synchronized Map<String, Object> plan(JsonNode req) throws java.io.IOException {
    try {
      return planScript(req);
    } finally {
      if (scratch != null) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(scratch)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        scratch = null;
      }
    }
  }

  private Map<String, Object> planScript(JsonNode req) {
    Map<String, Object> out = new LinkedHashMap<>();
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    req.path("config").fields().forEachRemaining(e -> tEnv.getConfig().set(e.getKey(), e.getValue().asText()));
    List<String> sqls = new ArrayList<>();
    req.path("statements").forEach(s -> sqls.add(s.asText()));
    StatementSet set = tEnv.createStatementSet();
    // With {@code changelogMode: true} the plans carry each operator's changelog mode (EXPLAIN CHANGELOG_MODE).
    ExplainDetail[] details = req.path("changelogMode").asBoolean(false) ? new ExplainDetail[] {ExplainDetail.CHANGELOG_MODE} : new ExplainDetail[0];
    int inserts = 0;
    int lastInsert = -1;
    List<String> plans = new ArrayList<>();
    for (int i = 0; i < sqls.size(); i++) {
      String sql = sqls.get(i);
      String clean = Statements.clean(sql);
      try {
        switch (Statements.kind(sql)) {
          case SET: {
            String[] kv = Statements.setPair(sql);
            if (kv == null) throw new IllegalArgumentException("cannot read SET statement");
            tEnv.getConfig().set(kv[0], kv[1]);
            break;
          }
          case BEGIN_SET: case END: break;
          case INSERT: set.addInsertSql(clean); inserts++; lastInsert = i; break;
          case EXECUTE_SET: {
            for (String ins : Statements.insertsOfExecuteSet(sql)) set.addInsertSql(ins);
            inserts++;
            lastInsert = i;
            break;
          }
          case QUERY: plans.add(tEnv.explainSql(clean, details)); break;
          case CREATE_CATALOG: CatalogStandIns.createCatalogForPlanning(tEnv, clean, scratch()); break;
          default:
            CatalogStandIns.beforeUse(tEnv, clean);
            tEnv.executeSql(clean);
        }
      } catch (Throwable t) {
        out.put("ok", false);
        out.put("statements", sqls.size());
        out.put("error", error(i, sql, t));
        return out;
      }
    }
    if (inserts > 0) {
      try {
        plans.add(set.explain(details));
      } catch (Throwable t) {
        out.put("ok", false);
        out.put("statements", sqls.size());
        Map<String, Object> e = error(lastInsert, sqls.get(lastInsert), t);
        e.put("planning", true);
        out.put("error", e);
        return out;
      }
    }
    out.put("ok", true);
    out.put("statements", sqls.size());
    if (req.path("withPlan").asBoolean(false)) out.put("plans", plans);
    if (req.path("compilePlan").asBoolean(false) && inserts > 0) {
      // the statement set's COMPILE PLAN JSON: Flink's own record of the stateful operators, their keys and state
      try {
        org.apache.flink.table.api.CompiledPlan compiled = set.compilePlan();
        out.put("compiledPlan", Json.read(compiled.asJsonString()));
        // with {@code operatorIds: true}: the ids Flink generates for each stream operator when the job is given as SQL
        if (req.path("operatorIds").asBoolean(false)) out.put("operatorIds", OperatorIds.of(tEnv, compiled));
      } catch (Throwable t) {
        out.put("ok", false);
        Map<String, Object> e = error(lastInsert, sqls.get(lastInsert), t);
        e.put("planning", true);
        out.put("error", e);
      }
    }
    return out;
  }

  private static Map<String, Object> error(int index, String sql, Throwable t) {
    Map<String, Object> e = new LinkedHashMap<>(ErrorReport.of(t));
    e.put("index", index);
    e.put("leadingCut", Statements.leadingCut(sql));
    return e;
  }
}
