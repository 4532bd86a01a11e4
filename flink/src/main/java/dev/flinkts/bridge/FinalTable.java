package dev.flinkts.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * A sink's final table, folded from the changelog Flink delivered to it, in a defined order: a keyed sink keeps
 * one row per key at the position of the key's first insert (an update replaces it in place, a delete removes
 * it); a sink without a key keeps rows in arrival order and a retraction removes the earliest equal row. The
 * contents equal the values sink's own materialization; only the order (a HashMap's there) is made defined.
 */
final class FinalTable {
  private FinalTable() {}

  static List<Row> fold(List<Row> changes, int[] primaryKey) {
    if (primaryKey.length > 0) {
      Map<String, Row> byKey = new LinkedHashMap<>();
      for (Row r : changes) {
        String key = Row.project(r, primaryKey).toString().substring(2);
        if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) byKey.put(key, plain(r));
        else if (r.getKind() == RowKind.DELETE) byKey.remove(key);
      }
      return new ArrayList<>(byKey.values());
    }
    List<Row> rows = new ArrayList<>();
    Map<String, List<Integer>> positions = new HashMap<>();
    for (Row r : changes) {
      String key = plain(r).toString();
      if (r.getKind() == RowKind.INSERT || r.getKind() == RowKind.UPDATE_AFTER) {
        positions.computeIfAbsent(key, k -> new ArrayList<>()).add(rows.size());
        rows.add(plain(r));
      } else {
        List<Integer> at = positions.get(key);
        if (at != null && !at.isEmpty()) rows.set(at.remove(0), null);
      }
    }
    List<Row> out = new ArrayList<>();
    for (Row r : rows) if (r != null) out.add(r);
    return out;
  }

  private static Row plain(Row r) {
    Row c = Row.copy(r);
    c.setKind(RowKind.INSERT);
    return c;
  }

  /** Whether two tables hold the same rows (as multisets). */
  static boolean sameRows(List<Row> a, List<Row> b) {
    if (a.size() != b.size()) return false;
    Map<String, Integer> count = new HashMap<>();
    for (Row r : a) count.merge(plain(r).toString(), 1, Integer::sum);
    for (Row r : b) {
      Integer n = count.get(plain(r).toString());
      if (n == null || n == 0) return false;
      count.put(plain(r).toString(), n - 1);
    }
    return true;
  }
}
