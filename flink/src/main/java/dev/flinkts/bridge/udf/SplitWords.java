package dev.flinkts.bridge.udf;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * A user table function for the differential tests of LATERAL TABLE (test/flink/table-function.test.ts): one row
 * (word, length) per space-separated word of a non-NULL text. The tests give the local runtime its JS twin. (`len` is
 * nullable: Flink 1.20.1 fails LEFT JOIN LATERAL TABLE over a NOT NULL output column with "Conversion to relational
 * algebra failed to preserve datatypes".)
 */
@FunctionHint(output = @DataTypeHint("ROW<word STRING, len INT>"))
public class SplitWords extends TableFunction<Row> {
  public void eval(String text) {
    if (text == null) return;
    for (String w : text.split(" ")) {
      if (!w.isEmpty()) collect(Row.of(w, w.length()));
    }
  }
}
