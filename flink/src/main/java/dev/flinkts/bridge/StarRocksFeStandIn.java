package dev.flinkts.bridge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

/**
 * Lets a MySQL-protocol server (a loopback MariaDB) stand in for a StarRocks FE while the StarRocks connector
 * (1.2.x) plans a sink. Planning sends the FE exactly two queries over JDBC:
 * <ul>
 *   <li>{@code select COLUMN_NAME, ORDINAL_POSITION, COLUMN_KEY, DATA_TYPE, COLUMN_SIZE, DECIMAL_DIGITS from
 *       information_schema.COLUMNS where TABLE_SCHEMA=? and TABLE_NAME=?} — the sink table's columns, key and types,
 *       which the connector checks against the Flink table. COLUMN_SIZE and DECIMAL_DIGITS exist only in StarRocks'
 *       information_schema (MariaDB and MySQL answer "Unknown column 'COLUMN_SIZE'"), so this query is answered
 *       from MariaDB's own information_schema.COLUMNS: NUMERIC_PRECISION or CHARACTER_MAXIMUM_LENGTH as COLUMN_SIZE,
 *       NUMERIC_SCALE as DECIMAL_DIGITS, ORDINAL_POSITION as a signed BIGINT (the connector casts it to long).</li>
 *   <li>{@code select current_version() as ver} — StarRocks' version function, which MariaDB lacks: answered with
 *       the connection property {@code flinktsStarRocksVersion} (the StarRocks version the job targets).</li>
 * </ul>
 * Every other query goes to the server unchanged. Enabled per connection by the JDBC URL:
 * {@code jdbc:mysql://127.0.0.1:PORT?queryInterceptors=dev.flinkts.bridge.StarRocksFeStandIn&useOldAliasMetadataBehavior=true&flinktsStarRocksVersion=3.5.0}
 * ({@code useOldAliasMetadataBehavior}: the connector reads columns by {@code getColumnName}, which must be the alias).
 * The table the sink names must exist in the server with the StarRocks table's columns and primary key.
 */
public final class StarRocksFeStandIn implements QueryInterceptor {
  private static final Pattern COLUMNS = Pattern.compile(
      "(?is)^\\s*select\\s+`COLUMN_NAME`,\\s*`ORDINAL_POSITION`,\\s*`COLUMN_KEY`,\\s*`DATA_TYPE`,\\s*`COLUMN_SIZE`,\\s*`DECIMAL_DIGITS`\\s+from\\s+`information_schema`\\.`COLUMNS`\\s+where\\s+`TABLE_SCHEMA`\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'\\s+and\\s+`TABLE_NAME`\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*;?\\s*$");
  private static final Pattern VERSION = Pattern.compile("(?is)^\\s*select\\s+current_version\\(\\)\\s+as\\s+ver\\s*;?\\s*$");
  private static final String ANSWER_COLUMNS =
      "SELECT COLUMN_NAME, CAST(ORDINAL_POSITION AS SIGNED) AS ORDINAL_POSITION, COLUMN_KEY, DATA_TYPE,"
          + " CAST(COALESCE(NUMERIC_PRECISION, CHARACTER_MAXIMUM_LENGTH) AS SIGNED) AS COLUMN_SIZE,"
          + " CAST(NUMERIC_SCALE AS SIGNED) AS DECIMAL_DIGITS"
          + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";

  private Connection connection;
  private String version = "3.5.0";

  @Override
  public QueryInterceptor init(MysqlConnection conn, Properties props, Log log) {
    this.connection = (Connection) conn;
    String v = props.getProperty("flinktsStarRocksVersion");
    if (v != null && !v.isEmpty()) version = v;
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends Resultset> T preProcess(Supplier<String> sql, Query interceptedQuery) {
    String text = sql.get();
    if (text == null) return null;
    try {
      Matcher m = COLUMNS.matcher(text);
      if (m.matches()) return (T) answer(ANSWER_COLUMNS, unquote(m.group(1)), unquote(m.group(2)));
      if (VERSION.matcher(text).matches()) return (T) answer("SELECT ? AS ver", version);
    } catch (SQLException e) {
      throw new IllegalStateException("the StarRocks FE stand-in could not answer '" + text + "': " + e.getMessage(), e);
    }
    return null;
  }

  private Resultset answer(String query, String... args) throws SQLException {
    PreparedStatement st = connection.prepareStatement(query, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
    for (int i = 0; i < args.length; i++) st.setString(i + 1, args[i]);
    return (Resultset) st.executeQuery();
  }

  private static String unquote(String s) {
    return s.replaceAll("\\\\(.)", "$1");
  }

  @Override
  public boolean executeTopLevelOnly() {
    return true;
  }

  @Override
  public void destroy() {}

  @Override
  public <T extends Resultset> T postProcess(Supplier<String> sql, Query interceptedQuery, T originalResultSet, ServerSession serverSession) {
    return null;
  }
}
