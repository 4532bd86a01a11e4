// Runs StreamPark's own SQL splitter and command parser (streampark-flink-shims-base, org.apache.streampark.flink.core)
// on scripts read from standard input, separated by a line holding only "\u0000". For each script it prints one
// line: "OK <command>|<command>|…" or "FAIL <message>" (the parser's exception). Test support for flinkts.
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public final class StreamparkVerify {
  public static void main(String[] args) throws Exception {
    InputStream in = System.in;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    in.transferTo(buffer);
    String all = buffer.toString(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (String script : all.split("\n\u0000\n", -1)) {
      try {
        scala.collection.immutable.List<org.apache.streampark.flink.core.SqlCommandCall> calls =
            org.apache.streampark.flink.core.SqlCommandParser$.MODULE$.parseSQL(script, null);
        List<String> names = new ArrayList<>();
        scala.collection.Iterator<org.apache.streampark.flink.core.SqlCommandCall> it = calls.iterator();
        while (it.hasNext()) names.add(it.next().command().name());
        out.append("OK ").append(String.join("|", names)).append('\n');
      } catch (Throwable t) {
        out.append("FAIL ").append(String.valueOf(t.getMessage()).replace('\n', ' ')).append('\n');
      }
    }
    System.out.print(out);
  }
}
