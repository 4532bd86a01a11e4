package dev.flinkts.bridge;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.LogicalTypeDataTypeConverter;
import org.apache.flink.types.Row;

/**
 * Values on the wire between Node and the bridge, by logical type: BIGINT and DECIMAL as strings (exact), FLOAT and
 * DOUBLE as numbers (or "NaN" / "Infinity" / "-Infinity"), DATE as epoch days, TIME as "HH:mm:ss.SSS…", TIMESTAMP
 * as ISO local date-time, TIMESTAMP_LTZ as an ISO instant, INTERVAL YEAR TO MONTH as months, INTERVAL DAY TO
 * SECOND as milliseconds (a string), BINARY as hex, ARRAY and ROW as arrays, MAP and
 * MULTISET as arrays of [key, value] pairs. Java values are Flink's default external classes.
 */
final class WireValues {
  private WireValues() {}

  static Object toJava(JsonNode v, LogicalType t) {
    if (v == null || v.isNull()) return null;
    switch (t.getTypeRoot()) {
      case BOOLEAN: return v.asBoolean();
      case TINYINT: return (byte) v.asInt();
      case SMALLINT: return (short) v.asInt();
      case INTEGER: return v.asInt();
      case BIGINT: return Long.parseLong(v.asText());
      case FLOAT: return v.isNumber() ? v.floatValue() : Float.parseFloat(v.asText());
      case DOUBLE: return v.isNumber() ? v.doubleValue() : Double.parseDouble(v.asText());
      case DECIMAL: return new BigDecimal(v.asText());
      case CHAR: case VARCHAR: return v.asText();
      case BINARY: case VARBINARY: return HexFormat.of().parseHex(v.asText());
      case DATE: return LocalDate.ofEpochDay(v.asLong());
      case TIME_WITHOUT_TIME_ZONE: return LocalTime.parse(v.asText());
      case TIMESTAMP_WITHOUT_TIME_ZONE: return LocalDateTime.parse(v.asText());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: return Instant.parse(v.asText());
      case INTERVAL_YEAR_MONTH: return java.time.Period.ofMonths(v.asInt()).normalized();
      case INTERVAL_DAY_TIME: return java.time.Duration.ofMillis(Long.parseLong(v.asText()));
      case ARRAY: {
        LogicalType e = ((ArrayType) t).getElementType();
        Class<?> cls = LogicalTypeDataTypeConverter.toDataType(e).getConversionClass();
        Object arr = Array.newInstance(cls, v.size());
        for (int i = 0; i < v.size(); i++) Array.set(arr, i, toJava(v.get(i), e));
        return arr;
      }
      case MAP: case MULTISET: {
        LogicalType k = t instanceof MapType ? ((MapType) t).getKeyType() : ((MultisetType) t).getElementType();
        LogicalType x = t instanceof MapType ? ((MapType) t).getValueType() : new org.apache.flink.table.types.logical.IntType(false);
        Map<Object, Object> m = new LinkedHashMap<>();
        for (JsonNode pair : v) m.put(toJava(pair.get(0), k), toJava(pair.get(1), x));
        return m;
      }
      case ROW: {
        List<RowType.RowField> fields = ((RowType) t).getFields();
        Row r = new Row(fields.size());
        for (int i = 0; i < fields.size(); i++) r.setField(i, toJava(v.get(i), fields.get(i).getType()));
        return r;
      }
      default:
        throw new IllegalArgumentException("the bridge cannot carry values of type " + t.asSummaryString());
    }
  }

  static Object toWire(Object v) {
    if (v == null) return null;
    if (v instanceof Long || v instanceof BigDecimal) return v instanceof BigDecimal ? ((BigDecimal) v).toPlainString() : v.toString();
    if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? d.toString() : d;
    if (v instanceof Float f) return f.isNaN() || f.isInfinite() ? f.toString() : f;
    if (v instanceof Number || v instanceof Boolean || v instanceof String) return v;
    if (v instanceof byte[] b) return HexFormat.of().formatHex(b);
    if (v instanceof java.time.Duration d) return Long.toString(d.toMillis());
    if (v instanceof java.time.Period p) return p.toTotalMonths();
    if (v instanceof LocalDate d) return d.toEpochDay();
    if (v instanceof LocalTime || v instanceof LocalDateTime || v instanceof Instant) return v.toString();
    if (v instanceof Row r) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < r.getArity(); i++) out.add(toWire(r.getField(i)));
      return out;
    }
    if (v.getClass().isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < Array.getLength(v); i++) out.add(toWire(Array.get(v, i)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      List<Object> out = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) out.add(List.of(wrapNull(toWire(e.getKey())), wrapNull(toWire(e.getValue()))));
      return out;
    }
    return v.toString();
  }

  private static Object wrapNull(Object o) {
    return o == null ? org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.NullNode.getInstance() : o;
  }
}
