package dev.flinkts.bridge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What kind of statement a piece of SQL text is (the Node client splits scripts into statements). */
final class Statements {
  enum Kind { SET, RESET, INSERT, QUERY, BEGIN_SET, END, EXECUTE_SET, CREATE_CATALOG, OTHER }

  private static final Pattern SET = Pattern.compile("^SET\\s+'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'\\s*;?\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private Statements() {}

  /** The statement without leading comments and whitespace, and without a trailing semicolon. */
  static String clean(String sql) {
    String s = sql;
    while (true) {
      s = s.stripLeading();
      if (s.startsWith("--")) {
        // A line comment ends at LF or at CR (a CR-only line end too), as in Flink's lexer.
        int end = 2;
        while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') end++;
        s = s.substring(end);
      } else if (s.startsWith("/*")) {
        int end = s.indexOf("*/");
        s = end < 0 ? "" : s.substring(end + 2);
      } else break;
    }
    s = s.stripTrailing();
    if (s.endsWith(";")) s = s.substring(0, s.length() - 1).stripTrailing();
    return s;
  }

  private static final Pattern OPTIONS_HINT = Pattern.compile("/\\*\\+\\s*OPTIONS\\s*\\((?:[^()']|'(?:[^']|'')*')*\\)\\s*\\*/", Pattern.CASE_INSENSITIVE);

  /**
   * The statement without its {@code OPTIONS(…)} hints: they set options of the real connector (credentials, …),
   * which a test run has swapped for the values connector. Other hints (LOOKUP, STATE_TTL, …) stay.
   */
  static String withoutOptionsHints(String sql) {
    return OPTIONS_HINT.matcher(sql).replaceAll("");
  }

  /** Characters dropped from the front by {@link #clean}: the statement's offset correction. */
  static int leadingCut(String sql) {
    String c = clean(sql);
    return c.isEmpty() ? 0 : sql.indexOf(c.substring(0, Math.min(c.length(), 16)));
  }

  static Kind kind(String sql) {
    String s = clean(sql).toUpperCase(java.util.Locale.ROOT);
    if (s.startsWith("SET")) return Kind.SET;
    if (s.startsWith("RESET")) return Kind.RESET;
    if (s.startsWith("INSERT")) return Kind.INSERT;
    if (s.matches("^BEGIN\\s+STATEMENT\\s+SET\\s*$")) return Kind.BEGIN_SET;
    if (s.equals("END")) return Kind.END;
    if (s.matches("(?s)^EXECUTE\\s+STATEMENT\\s+SET.*")) return Kind.EXECUTE_SET;
    if (s.startsWith("SELECT") || s.startsWith("WITH") || s.startsWith("VALUES") || s.startsWith("(")) return Kind.QUERY;
    if (s.matches("(?s)^CREATE\\s+CATALOG.*")) return Kind.CREATE_CATALOG;
    return Kind.OTHER;
  }

  /** key and value of a {@code SET 'k' = 'v'} statement, or null when it has another shape. */
  static String[] setPair(String sql) {
    Matcher m = SET.matcher(clean(sql));
    if (!m.matches()) return null;
    return new String[] {m.group(1).replace("''", "'"), m.group(2).replace("''", "'")};
  }

  private static final Pattern TARGET = Pattern.compile("(?is)^INSERT\\s+(?:INTO|OVERWRITE)\\s+((?:`(?:[^`]|``)*`|[A-Za-z_$][\\w$]*)(?:\\s*\\.\\s*(?:`(?:[^`]|``)*`|[A-Za-z_$][\\w$]*))*)");

  /** The target table of an INSERT, as name parts. */
  static String[] insertTarget(String insert) {
    Matcher m = TARGET.matcher(clean(insert));
    if (!m.find()) throw new IllegalArgumentException("cannot read the target of: " + insert);
    return identifierParts(m.group(1));
  }

  private static final Pattern CREATE_TABLE = Pattern.compile("(?is)^CREATE\\s+(?:TEMPORARY\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?((?:`(?:[^`]|``)*`|[A-Za-z_$][\\w$]*)(?:\\s*\\.\\s*(?:`(?:[^`]|``)*`|[A-Za-z_$][\\w$]*))*)");

  /** The name parts of the table a CREATE TABLE creates, or null for another statement. */
  static String[] createdTable(String sql) {
    Matcher m = CREATE_TABLE.matcher(clean(sql));
    return m.find() ? identifierParts(m.group(1)) : null;
  }

  private static String[] identifierParts(String text) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    Matcher p = Pattern.compile("`((?:[^`]|``)*)`|([A-Za-z_$][\\w$]*)").matcher(text);
    while (p.find()) parts.add(p.group(1) != null ? p.group(1).replace("``", "`") : p.group(2));
    return parts.toArray(new String[0]);
  }

  /** The INSERTs of an {@code EXECUTE STATEMENT SET BEGIN … END}. */
  static java.util.List<String> insertsOfExecuteSet(String sql) {
    String s = clean(sql);
    Matcher m = Pattern.compile("(?is)^EXECUTE\\s+STATEMENT\\s+SET\\s+BEGIN(.*)END$").matcher(s);
    if (!m.matches()) throw new IllegalArgumentException("cannot read the statement set");
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String part : m.group(1).split(";")) if (!part.isBlank()) out.add(part.strip());
    return out;
  }
}
