package dev.flinkts.bridge.udf;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * SplitWords with NOT NULL output columns, for test/flink/table-function.test.ts: Flink 1.20.1 cannot plan a LEFT
 * JOIN LATERAL TABLE over a function with a NOT NULL output column (the padded row would put NULL into it), which
 * `check` reports as FTS4533.
 */
@FunctionHint(output = @DataTypeHint("ROW<word STRING NOT NULL, len INT NOT NULL>"))
public class SplitWordsNotNull extends TableFunction<Row> {
  public void eval(String text) {
    if (text == null) return;
    for (String w : text.split(" ")) {
      if (!w.isEmpty()) collect(Row.of(w, w.length()));
    }
  }
}
