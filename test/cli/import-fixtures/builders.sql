-- Every construct the import writes with the builder.
CREATE TABLE orders (
  order_id BIGINT,
  user_id BIGINT,
  product_id BIGINT,
  amount DECIMAL(10, 2),
  currency STRING,
  ts TIMESTAMP(3),
  proc_time AS PROCTIME(),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE rates (
  currency STRING,
  rate DECIMAL(10, 4),
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND,
  PRIMARY KEY (currency) NOT ENFORCED
) WITH ('connector' = 'upsert-kafka', 'topic' = 'rates', 'properties.bootstrap.servers' = 'kafka:9092', 'key.format' = 'json', 'value.format' = 'json');
CREATE TABLE products (
  product_id BIGINT,
  category STRING,
  PRIMARY KEY (product_id) NOT ENFORCED
) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/shop', 'table-name' = 'products');
CREATE TABLE user_totals (user_id BIGINT, orders BIGINT, total DECIMAL(38, 2), products BIGINT) WITH ('connector' = 'print');
CREATE TABLE minute_totals (window_start TIMESTAMP(3), window_end TIMESTAMP(3), total DECIMAL(38, 2)) WITH ('connector' = 'print');
CREATE TABLE top_orders (user_id BIGINT, order_id BIGINT, amount DECIMAL(10, 2)) WITH ('connector' = 'print');
CREATE TABLE converted (order_id BIGINT, amount DECIMAL(38, 6), category STRING) WITH ('connector' = 'print');
CREATE TABLE big_users (user_id BIGINT, total DECIMAL(38, 2)) WITH ('connector' = 'print');
CREATE TABLE odd_amounts (id BIGINT, amount DECIMAL(10, 2)) WITH ('connector' = 'print');
CREATE TABLE first_orders (order_id BIGINT, user_id BIGINT) WITH ('connector' = 'print');
CREATE TABLE cumulative (window_end TIMESTAMP(3), total DECIMAL(38, 2)) WITH ('connector' = 'print');
CREATE TABLE top_amounts (order_id BIGINT, amount DECIMAL(10, 2)) WITH ('connector' = 'print');
CREATE TABLE hop_out (window_start TIMESTAMP(3), n BIGINT) WITH ('connector' = 'print');
CREATE TABLE doubled_out (order_id BIGINT, twice DECIMAL(11, 2)) WITH ('connector' = 'print');
-- a hopping window in a view
CREATE TEMPORARY VIEW hop_counts AS
SELECT w.window_start AS window_start, COUNT(*) AS n
FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE)) AS w
GROUP BY w.window_start, w.window_end;
CREATE TEMPORARY VIEW doubled AS SELECT o.order_id, o.amount * 2 AS twice FROM orders AS o;
EXECUTE STATEMENT SET
BEGIN
  -- an aggregation
  INSERT INTO user_totals
  SELECT o.user_id AS user_id, COUNT(*) AS orders, SUM(o.amount) AS total, COUNT(DISTINCT o.product_id) AS products
  FROM orders AS o
  WHERE o.amount > 0
  GROUP BY o.user_id
  HAVING SUM(o.amount) > 10;
  -- a tumbling window
  INSERT INTO minute_totals
  SELECT w.window_start AS window_start, w.window_end AS window_end, SUM(w.amount) AS total
  FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) AS w
  GROUP BY w.window_start, w.window_end;
  -- TopN
  INSERT INTO top_orders
  SELECT r.user_id AS user_id, r.order_id AS order_id, r.amount AS amount
  FROM (
    SELECT o.user_id AS user_id, o.order_id AS order_id, o.amount AS amount, ROW_NUMBER() OVER (PARTITION BY o.user_id ORDER BY o.amount DESC) AS rn
    FROM orders AS o
  ) AS r
  WHERE r.rn <= 3;
  -- deduplication (the first row per key by processing time)
  INSERT INTO first_orders
  SELECT f.order_id AS order_id, f.user_id AS user_id
  FROM (
    SELECT o.order_id AS order_id, o.user_id AS user_id, ROW_NUMBER() OVER (PARTITION BY o.order_id ORDER BY o.proc_time ASC) AS rn
    FROM orders AS o
  ) AS f
  WHERE f.rn = 1;
  -- ORDER BY … LIMIT (a global TopN in streaming)
  INSERT INTO top_amounts
  SELECT o.order_id AS order_id, o.amount AS amount FROM orders AS o ORDER BY amount DESC LIMIT 3;
  -- a cumulating window
  INSERT INTO cumulative
  SELECT c.window_end AS window_end, SUM(c.amount) AS total
  FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '10' MINUTE)) AS c
  GROUP BY c.window_start, c.window_end;
  -- a temporal join (event time) and a lookup join (processing time)
  INSERT INTO converted
  SELECT o.order_id AS order_id, o.amount * r.rate AS amount, p.category AS category
  FROM orders AS o
  JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency
  LEFT JOIN products FOR SYSTEM_TIME AS OF o.proc_time AS p ON o.product_id = p.product_id;
  -- WITH
  INSERT INTO big_users
  WITH totals AS (SELECT o.user_id AS user_id, SUM(o.amount) AS total FROM orders AS o GROUP BY o.user_id)
  SELECT x.user_id AS user_id, x.total AS total FROM totals AS x WHERE x.total > 100;
  -- UNION ALL
  INSERT INTO odd_amounts
  SELECT o.order_id AS id, o.amount AS amount FROM orders AS o WHERE o.amount > 100
  UNION ALL
  SELECT o.order_id AS id, o.amount AS amount FROM orders AS o WHERE o.amount < 1;
  -- the views
  INSERT INTO hop_out SELECT h.window_start AS window_start, h.n AS n FROM hop_counts AS h;
  INSERT INTO doubled_out SELECT d.order_id, d.twice AS amount FROM doubled AS d;
END;
