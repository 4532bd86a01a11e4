package dev.flinkts.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink exception as JSON: the exception class, its message, the messages of its causes, and the position the
 * parser or validator reports ({@code at line 1, column 8} / {@code From line 1, column 8 to line 1, column 10}),
 * relative to the statement that was submitted.
 */
final class ErrorReport {
  private static final Pattern RANGE = Pattern.compile("[Ff]rom line (\\d+), column (\\d+) to line (\\d+), column (\\d+)");
  private static final Pattern POINT = Pattern.compile("at line (\\d+), column (\\d+)");

  private ErrorReport() {}

  static Map<String, Object> of(Throwable t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exception", t.getClass().getName());
    out.put("message", String.valueOf(t.getMessage()));
    List<String> causes = new ArrayList<>();
    Throwable root = t;
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      String m = c.getClass().getSimpleName() + ": " + c.getMessage();
      if (!causes.contains(m)) causes.add(m);
      root = c;
      if (causes.size() > 12) break;
    }
    out.put("causes", causes);
    out.put("rootMessage", String.valueOf(root.getMessage()));
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage());
      Matcher r = RANGE.matcher(m);
      if (r.find()) {
        out.put("line", Integer.parseInt(r.group(1)));
        out.put("column", Integer.parseInt(r.group(2)));
        out.put("endLine", Integer.parseInt(r.group(3)));
        out.put("endColumn", Integer.parseInt(r.group(4)));
        break;
      }
      Matcher p = POINT.matcher(m);
      if (p.find()) {
        out.put("line", Integer.parseInt(p.group(1)));
        out.put("column", Integer.parseInt(p.group(2)));
        break;
      }
      if (c == c.getCause()) break;
    }
    return out;
  }
}
