package dev.flinkts.bridge;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;

/**
 * External catalogs (Hive metastores, Paimon warehouses, JDBC catalogs) are not reachable from a test or a
 * verify run: a {@code CREATE CATALOG} becomes an in-memory catalog of the same name with the same default
 * database, and {@code USE db} creates the database when the stand-in lacks it. Tables the job declares itself
 * are then real; tables it expects to find in the external catalog are reported missing by the planner.
 * For planning, a Paimon catalog is real: the same options with its warehouse in a throw-away local directory,
 * so Paimon's own factory creates and plans the tables.
 */
final class CatalogStandIns {
  private static final Pattern NAME = Pattern.compile("(?is)^CREATE\\s+CATALOG\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(`(?:[^`]|``)*`|[A-Za-z_$][\\w$]*)");
  private static final Pattern DEFAULT_DB = Pattern.compile("(?is)'default-database'\\s*=\\s*'((?:[^']|'')*)'");
  private static final Pattern USE_DB = Pattern.compile("(?is)^USE\\s+(?!CATALOG\\b|MODULES\\b)(`(?:[^`]|``)*`|[A-Za-z_$][\\w$]*)\\s*$");

  private CatalogStandIns() {}

  private static String unquote(String id) {
    return id.startsWith("`") ? id.substring(1, id.length() - 1).replace("``", "`") : id;
  }

  private static final Pattern PAIMON = Pattern.compile("(?is)'type'\\s*=\\s*'paimon'");
  private static final Pattern WAREHOUSE = Pattern.compile("(?is)'warehouse'\\s*=\\s*'(?:[^']|'')*'");

  /**
   * For planning: a Paimon CREATE CATALOG with its warehouse moved under {@code scratch}; other catalogs as
   * in-memory stand-ins. True when the statement was a CREATE CATALOG.
   */
  static boolean createCatalogForPlanning(TableEnvironment tEnv, String clean, java.nio.file.Path scratch) throws Exception {
    Matcher m = NAME.matcher(clean);
    if (!m.find()) return false;
    if (PAIMON.matcher(clean).find() && WAREHOUSE.matcher(clean).find()) {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(scratch, "warehouse");
      String local = "'warehouse' = '" + dir.toUri().toString().replace("'", "''") + "'";
      tEnv.executeSql(WAREHOUSE.matcher(clean).replaceFirst(Matcher.quoteReplacement(local)));
      return true;
    }
    return createCatalog(tEnv, clean);
  }

  /** True when the statement was a CREATE CATALOG, now registered as an in-memory stand-in. */
  static boolean createCatalog(TableEnvironment tEnv, String clean) {
    Matcher m = NAME.matcher(clean);
    if (!m.find()) return false;
    String name = unquote(m.group(1));
    Matcher db = DEFAULT_DB.matcher(clean);
    String database = db.find() ? db.group(1).replace("''", "'") : "default";
    if (tEnv.getCatalog(name).isEmpty()) tEnv.registerCatalog(name, new GenericInMemoryCatalog(name, database));
    return true;
  }

  /** Before {@code USE db}: create the database in the current catalog when it is an in-memory stand-in lacking it. */
  static void beforeUse(TableEnvironment tEnv, String clean) throws Exception {
    Matcher m = USE_DB.matcher(clean);
    if (!m.matches()) return;
    String db = unquote(m.group(1));
    if (db.contains(".")) return;
    Catalog catalog = tEnv.getCatalog(tEnv.getCurrentCatalog()).orElse(null);
    if (catalog instanceof GenericInMemoryCatalog && !catalog.databaseExists(db)) {
      catalog.createDatabase(db, new CatalogDatabaseImpl(java.util.Map.of(), "stand-in for " + db.toLowerCase(Locale.ROOT)), true);
    }
  }
}
