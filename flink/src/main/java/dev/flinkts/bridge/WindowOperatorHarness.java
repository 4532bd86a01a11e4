package dev.flinkts.bridge;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.core.memory.ManagedMemoryUseCase;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.data.util.DataFormatConverters;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * Runs the window aggregation operator Flink 1.20.1's planner builds for an INSERT (a window TVF aggregation, or a
 * legacy group window) in Flink's own operator test harness, with processing time set explicitly: the
 * deterministic way to see what the real operator does with processing-time windows (on a cluster, when a window
 * fires relative to the rows depends on when they reach the task). Request: {@code statements} (CREATE TABLEs, then
 * the INSERT), {@code config}, {@code input}: entries in order, each {@code {"row": {...}, "kind": "+I"}} (values by
 * the operator's input field names: plain columns only) or {@code {"processingTime": millis}} (the harness's clock,
 * which fires the timers due). The processing time starts at {@code start}. Response: {@code output}, the operator's
 * emitted rows as Flink's Row.toString() prints them, and {@code operator}, its class.
 */
final class WindowOperatorHarness {

  Map<String, Object> run(JsonNode req) throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    req.path("config").fields().forEachRemaining(e -> tEnv.getConfig().getConfiguration().setString(e.getKey(), e.getValue().asText()));
    // one phase: the window aggregation itself, not a local / global split
    tEnv.getConfig().getConfiguration().setString("table.optimizer.agg-phase-strategy", "ONE_PHASE");
    List<String> statements = new ArrayList<>();
    req.path("statements").forEach(s -> statements.add(s.asText()));
    String insert = statements.remove(statements.size() - 1);
    for (String s : statements) tEnv.executeSql(s);
    TableEnvironmentImpl impl = (TableEnvironmentImpl) tEnv;
    List<Operation> ops = impl.getParser().parse(insert);
    ModifyOperation modify = (ModifyOperation) ops.get(0);
    List<Transformation<?>> sinks = impl.getPlanner().translate(List.of(modify));
    List<String> seen = new ArrayList<>();
    OneInputTransformation<RowData, RowData> window = findWindowAggregation(sinks, seen);
    if (window == null) throw new IllegalArgumentException("no window aggregation operator in the plan of: " + insert + " (operators: " + String.join(", ", seen) + ")");

    StreamOperatorFactory<RowData> factory = window.getOperatorFactory();
    @SuppressWarnings({"unchecked", "rawtypes"})
    KeyedOneInputStreamOperatorTestHarness<RowData, RowData, RowData> harness =
        new KeyedOneInputStreamOperatorTestHarness(factory, window.getStateKeySelector(), window.getStateKeyType());
    RowType inputType = ((InternalTypeInfo<RowData>) window.getInputType()).toRowType();
    RowType outputType = ((InternalTypeInfo<RowData>) window.getOutputType()).toRowType();
    harness.getStreamConfig().setManagedMemoryFractionOperatorOfUseCase(ManagedMemoryUseCase.OPERATOR, 0.99);
    harness.setup(new RowDataSerializer(outputType));
    harness.setProcessingTime(req.path("start").asLong());
    harness.open();

    long now = req.path("start").asLong();
    for (JsonNode e : req.path("input")) {
      if (e.has("processingTime")) {
        now = e.get("processingTime").asLong();
        harness.setProcessingTime(now);
        continue;
      }
      GenericRowData row = new GenericRowData(inputType.getFieldCount());
      row.setRowKind(kind(e.path("kind").asText("+I")));
      JsonNode values = e.get("row");
      for (int i = 0; i < inputType.getFieldCount(); i++) {
        String name = inputType.getFieldNames().get(i);
        LogicalType type = inputType.getTypeAt(i);
        row.setField(i, value(name, type, values, now));
      }
      harness.processElement(new StreamRecord<>(row));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    DataFormatConverters.DataFormatConverter<RowData, Row> toRow =
        (DataFormatConverters.DataFormatConverter) DataFormatConverters.getConverterForDataType(TypeConversions.fromLogicalToDataType(outputType));
    List<String> output = new ArrayList<>();
    for (RowData r : harness.extractOutputValues()) output.add(toRow.toExternal(r).toString());
    harness.close();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("operator", factory.getStreamOperatorClass(WindowOperatorHarness.class.getClassLoader()).getSimpleName());
    out.put("inputFields", inputType.getFieldNames());
    out.put("outputFields", outputType.getFieldNames());
    out.put("output", output);
    return out;
  }

  /** The transformation whose operator is a window aggregation (window TVF or legacy group window). */
  @SuppressWarnings("unchecked")
  private static OneInputTransformation<RowData, RowData> findWindowAggregation(List<Transformation<?>> roots, List<String> seenOperators) {
    Deque<Transformation<?>> todo = new ArrayDeque<>(roots);
    Set<Integer> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Transformation<?> t = todo.pop();
      if (!seen.add(t.getId())) continue;
      if (t instanceof OneInputTransformation) {
        OneInputTransformation<?, ?> o = (OneInputTransformation<?, ?>) t;
        String cls = o.getOperatorFactory().getStreamOperatorClass(WindowOperatorHarness.class.getClassLoader()).getSimpleName();
        seenOperators.add(cls);
        if (cls.equals("WindowAggOperator") || cls.endsWith("WindowOperator")) return (OneInputTransformation<RowData, RowData>) o;
      }
      todo.addAll(t.getInputs());
    }
    return null;
  }

  private static Object value(String name, LogicalType type, JsonNode values, long now) {
    switch (type.getTypeRoot()) {
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        // the proctime attribute: the operator reads the clock, not this field
        if (!values.has(name)) return TimestampData.fromEpochMillis(now);
        break;
      default:
        break;
    }
    if (!values.has(name)) throw new IllegalArgumentException("the window operator's input field '" + name + "' (" + type + ") is not in the row " + values);
    JsonNode v = values.get(name);
    if (v.isNull()) return null;
    switch (type.getTypeRoot()) {
      case CHAR:
      case VARCHAR:
        return StringData.fromString(v.asText());
      case INTEGER:
        return v.asInt();
      case BIGINT:
        return v.asLong();
      default:
        throw new IllegalArgumentException("unsupported input field type " + type + " of '" + name + "'");
    }
  }

  private static RowKind kind(String k) {
    for (RowKind rk : RowKind.values()) if (rk.shortString().equals(k)) return rk;
    throw new IllegalArgumentException("unknown row kind " + k);
  }
}
