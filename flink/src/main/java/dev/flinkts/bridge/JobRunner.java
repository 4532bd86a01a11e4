package dev.flinkts.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UnresolvedIdentifier;
import org.apache.flink.table.planner.factories.TestValuesTableFactory;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeUtils;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * Runs a job on fixture inputs on the MiniCluster, the way Flink's own SQL tests do: every table the job reads is
 * swapped for a {@code 'values'} source holding the fixture rows (with their RowKinds, in the changelog mode the
 * client names), every table it writes for a {@code 'values'} sink; the input is bounded (a MAX watermark at its
 * end), parallelism is 1, and the job's SET options apply. Watermarks come from the table's WATERMARK clause after
 * each row, as a source emitting on every event does: Flink's watermark assigner with
 * {@code pipeline.auto-watermark-interval} 0. (The values source's own watermark push-down emits a row's watermark
 * only after the next row, which let a late row through that a real source drops.)
 * Returns each sink's changelog as Flink prints it ({@code +I[…]}) and its final table.
 *
 * <p>Request: {@code {statements: [sql…], config: {k: v}, sources: {table: {changelogMode, rows: [{kind, values}]}},
 * timeoutMillis}}. The values connector keeps its data in static state, so runs are serialized.
 */
final class JobRunner {
  Map<String, Object> run(JsonNode req) throws Exception {
    synchronized (JobRunner.class) {
      return runLocked(req);
    }
  }

  private Map<String, Object> runLocked(JsonNode req) throws Exception {
    long t0 = System.nanoTime();
    TestValuesTableFactory.clearAllData();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("table.local-time-zone", "UTC");
    tEnv.getConfig().set("table.exec.resource.default-parallelism", "1");
    tEnv.getConfig().set("pipeline.auto-watermark-interval", "0 ms");
    req.path("config").fields().forEachRemaining(e -> {
      if (!deploymentOnly(e.getKey())) tEnv.getConfig().set(e.getKey(), e.getValue().asText());
    });
    TableEnvironmentInternal internal = (TableEnvironmentInternal) tEnv;
    CatalogManager catalogs = internal.getCatalogManager();

    // Which tables the job writes (by name): the targets of its INSERTs.
    List<String> texts = new ArrayList<>();
    req.path("statements").forEach(x -> texts.add(Statements.withoutOptionsHints(x.asText())));
    Set<String> sinkTables = new LinkedHashSet<>();
    for (String sql : texts) {
      Statements.Kind k = Statements.kind(sql);
      List<String> ins = k == Statements.Kind.INSERT ? List.of(Statements.clean(sql)) : k == Statements.Kind.EXECUTE_SET ? Statements.insertsOfExecuteSet(sql) : List.of();
      for (String i : ins) {
        String[] parts = Statements.insertTarget(i);
        sinkTables.add(parts[parts.length - 1].toLowerCase(java.util.Locale.ROOT));
      }
    }
    JsonNode sources = req.path("sources");
    Map<String, String> sourceByLowerName = new HashMap<>();
    sources.fieldNames().forEachRemaining(n -> sourceByLowerName.put(n.toLowerCase(java.util.Locale.ROOT), n));
    Set<String> seen = new LinkedHashSet<>();
    Map<String, ObjectIdentifier> sinks = new LinkedHashMap<>();

    List<String> inserts = new ArrayList<>();
    String query = null;
    boolean inSet = false;
    for (String sql : texts) {
      switch (Statements.kind(sql)) {
        case SET: {
          String[] kv = Statements.setPair(sql);
          if (kv == null) throw new IllegalArgumentException("cannot read SET statement: " + sql);
          if (!deploymentOnly(kv[0])) tEnv.getConfig().set(kv[0], kv[1]);
          break;
        }
        case BEGIN_SET: inSet = true; break;
        case END: inSet = false; break;
        case INSERT: inserts.add(Statements.clean(sql)); break;
        case EXECUTE_SET: inserts.addAll(Statements.insertsOfExecuteSet(sql)); break;
        case QUERY: query = Statements.clean(sql); break;
        case CREATE_CATALOG: CatalogStandIns.createCatalog(tEnv, Statements.clean(sql)); break;
        default: {
          CatalogStandIns.beforeUse(tEnv, Statements.clean(sql));
          tEnv.executeSql(Statements.clean(sql));
          String[] created = Statements.createdTable(sql);
          if (created != null) {
            // swap the table's connector for the values connector now, before any view captures it
            ObjectIdentifier id = catalogs.qualifyIdentifier(UnresolvedIdentifier.of(created));
            String lower = id.getObjectName().toLowerCase(java.util.Locale.ROOT);
            String input = sourceByLowerName.get(lower);
            if (input != null) seen.add(input);
            boolean isSink = sinkTables.contains(lower);
            if (isSink) sinks.put(id.getObjectName(), id);
            swapConnector(catalogs, id, input == null ? null : sources.get(input), isSink);
          }
        }
      }
    }
    if (inSet) throw new IllegalArgumentException("BEGIN STATEMENT SET without END");
    for (String n : sourceByLowerName.values()) {
      if (!seen.contains(n)) throw new IllegalArgumentException("input for unknown table '" + n + "'");
    }

    List<String> sinkNames = new ArrayList<>();
    StatementSet set = tEnv.createStatementSet();
    for (String insert : inserts) set.addInsertSql(insert);
    sinkNames.addAll(sinks.keySet());
    if (query != null) {
      Table t = tEnv.sqlQuery(query);
      Schema.Builder schema = Schema.newBuilder();
      for (Column c : t.getResolvedSchema().getColumns()) {
        LogicalType plain = LogicalTypeUtils.removeTimeAttributes(c.getDataType().getLogicalType());
        schema.column(c.getName(), org.apache.flink.table.types.utils.TypeConversions.fromLogicalToDataType(plain));
      }
      tEnv.createTemporaryTable("result", TableDescriptor.forConnector("values").schema(schema.build()).option("sink-insert-only", "false").build());
      set.add(t.insertInto("result"));
      sinkNames.add("result");
    }
    if (sinkNames.isEmpty()) throw new IllegalArgumentException("the job has no INSERT and no query");
    long planned = System.nanoTime();
    if (req.hasNonNull("processingTime")) ProcessingClock.fix(req.get("processingTime").asLong());
    try {
      TableResult result = set.execute();
      result.await(req.path("timeoutMillis").asLong(120_000), TimeUnit.MILLISECONDS);
    } finally {
      ProcessingClock.release();
    }
    long done = System.nanoTime();

    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> sinkOut = new LinkedHashMap<>();
    for (String name : sinkNames) {
      ResolvedSchema schema = sinks.containsKey(name) ? catalogs.getTable(sinks.get(name)).orElseThrow().getResolvedSchema() : tEnv.from("result").getResolvedSchema();
      Map<String, Object> s = new LinkedHashMap<>();
      List<Map<String, Object>> cols = new ArrayList<>();
      for (Column c : schema.getColumns()) {
        if (!c.isPhysical()) continue;
        cols.add(Map.of("name", c.getName(), "type", c.getDataType().getLogicalType().asSerializableString()));
      }
      s.put("columns", cols);
      s.put("changelog", TestValuesTableFactory.getRawResultsAsStrings(name));
      List<Map<String, Object>> changes = new ArrayList<>();
      for (Row r : TestValuesTableFactory.getRawResults(name)) changes.add(Map.of("kind", r.getKind().shortString(), "values", fields(r)));
      s.put("changes", changes);
      List<Object> table = new ArrayList<>();
      List<String> tableText = new ArrayList<>();
      List<String> physicalNames = new ArrayList<>();
      for (Column c : schema.getColumns()) if (c.isPhysical()) physicalNames.add(c.getName());
      int[] pk = schema.getPrimaryKey().map(k -> k.getColumns().stream().mapToInt(physicalNames::indexOf).toArray()).orElse(new int[0]);
      List<Row> folded = FinalTable.fold(TestValuesTableFactory.getRawResults(name), pk);
      List<Row> flinks = TestValuesTableFactory.getResults(name);
      boolean agrees = FinalTable.sameRows(folded, flinks);
      s.put("tableOrder", agrees ? "first-insert" : "values-sink");
      for (Row r : agrees ? folded : flinks) {
        table.add(fields(r));
        Row copy = Row.copy(r);
        copy.setKind(RowKind.INSERT);
        String text = copy.toString();
        tableText.add(text.substring(3, text.length() - 1));
      }
      s.put("table", table);
      s.put("tableText", tableText);
      sinkOut.put(name, s);
    }
    out.put("sinks", sinkOut);
    out.put("planMillis", (planned - t0) / 1_000_000);
    out.put("runMillis", (done - planned) / 1_000_000);
    TestValuesTableFactory.clearAllData();
    return out;
  }

  private static RowKind kind(String k) {
    for (RowKind rk : RowKind.values()) if (rk.shortString().equals(k)) return rk;
    throw new IllegalArgumentException("unknown row kind " + k);
  }

  private static List<Object> fields(Row r) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < r.getArity(); i++) out.add(WireValues.toWire(r.getField(i)));
    return out;
  }

  /**
   * Settings of the deployment rather than of the job's semantics — checkpointing, state backends, restart
   * strategies, parallelism — are not applied to a test run: it runs at parallelism 1 without checkpoints, and
   * their storage (HDFS, S3) is not reachable.
   */
  static boolean deploymentOnly(String key) {
    return key.startsWith("execution.checkpointing.") || key.startsWith("state.") || key.startsWith("restart-strategy")
        || key.equals("parallelism.default") || key.equals("table.exec.resource.default-parallelism")
        || key.startsWith("execution.savepoint") || key.startsWith("pipeline.jars") || key.startsWith("pipeline.classpaths");
  }

  /** Replaces a table's connector by the values connector: a source of the fixture rows, a sink, or both. */
  private static void swapConnector(CatalogManager catalogs, ObjectIdentifier id, JsonNode src, boolean isSink) throws Exception {
    ContextResolvedTable ctx = catalogs.getTable(id).orElseThrow();
    ResolvedCatalogTable table = (ResolvedCatalogTable) ctx.getResolvedTable();
    Map<String, String> options = new HashMap<>();
    options.put("connector", "values");
    if (src != null || !isSink) {
      options.put("data-id", TestValuesTableFactory.registerData(rows(src, table.getResolvedSchema())));
      options.put("changelog-mode", src == null ? "I" : src.path("changelogMode").asText("I"));
      String metadata = readableMetadata(table.getResolvedSchema());
      if (!metadata.isEmpty()) options.put("readable-metadata", metadata);
    }
    if (isSink) options.put("sink-insert-only", "false");
    CatalogTable replaced = table.getOrigin().copy(options);
    if (ctx.isTemporary()) {
      catalogs.dropTemporaryTable(id, false);
      catalogs.createTemporaryTable(replaced, id, false);
    } else {
      catalogs.dropTable(id, false);
      catalogs.createTable(replaced, id, false);
    }
  }

  /** The columns a fixture row gives: physical and metadata columns, in declaration order. */
  private static List<Column> inputColumns(ResolvedSchema schema) {
    List<Column> out = new ArrayList<>();
    for (Column c : schema.getColumns()) if (c.isPhysical() || c instanceof Column.MetadataColumn) out.add(c);
    return out;
  }

  /** {@code 'readable-metadata'} of the values connector for the table's metadata columns ({@code key:TYPE,…}). */
  private static String readableMetadata(ResolvedSchema schema) {
    List<String> parts = new ArrayList<>();
    for (Column c : schema.getColumns()) {
      if (c instanceof Column.MetadataColumn m) parts.add(m.getMetadataKey().orElse(m.getName()) + ":" + m.getDataType().getLogicalType().asSerializableString());
    }
    return String.join(",", parts);
  }

  /** Fixture rows as the values source reads them: physical fields, then metadata fields. */
  private static List<Row> rows(JsonNode src, ResolvedSchema schema) {
    List<Row> out = new ArrayList<>();
    if (src == null) return out;
    List<Column> columns = inputColumns(schema);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) if (columns.get(i).isPhysical()) order.add(i);
    for (int i = 0; i < columns.size(); i++) if (!columns.get(i).isPhysical()) order.add(i);
    for (JsonNode entry : src.path("rows")) {
      JsonNode values = entry.path("values");
      if (values.size() != columns.size()) {
        throw new IllegalArgumentException("a row of " + values.size() + " values for " + columns.size() + " input columns");
      }
      Row r = new Row(kind(entry.path("kind").asText("+I")), columns.size());
      for (int j = 0; j < order.size(); j++) {
        int i = order.get(j);
        r.setField(j, WireValues.toJava(values.get(i), columns.get(i).getDataType().getLogicalType()));
      }
      out.add(r);
    }
    return out;
  }
}
