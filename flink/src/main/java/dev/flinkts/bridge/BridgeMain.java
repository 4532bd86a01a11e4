package dev.flinkts.bridge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The flinkts engine bridge: one JVM with a Flink 1.20.1 MiniCluster and a SQL Gateway REST endpoint, serving the
 * Node client a small JSON API on 127.0.0.1 only.
 *
 * <pre>java -cp … dev.flinkts.bridge.BridgeMain --ready-file FILE [--no-gateway] [--idle-exit-seconds N] [--state-dir DIR]</pre>
 *
 * With {@code --state-dir} checkpoints and savepoints of jobs submitted through the gateway go below DIR (a
 * throw-away cluster for deploy tests, started apart from the shared test bridge).
 *
 * When ready it writes {@code {"port":…, "pid":…, "gatewayUrl":…, "clusterUrl":…}} to the ready file (written to a
 * temporary name and renamed, so a reader never sees half of it).
 *
 * <ul>
 *   <li>{@code GET /status}: versions, ports, uptime</li>
 *   <li>{@code POST /run}: run a job on fixture inputs, return every sink's changelog and final table</li>
 *   <li>{@code POST /evaluate}: evaluate scalar expressions over one-row inputs (function conformance)</li>
 *   <li>{@code POST /plan}: parse, validate and plan statements without running them</li>
 *   <li>{@code POST /shutdown}: stop the gateway and the cluster, exit</li>
 * </ul>
 */
public final class BridgeMain {
  private BridgeMain() {}

  public static void main(String[] args) throws Exception {
    Path readyFile = null;
    boolean gateway = true;
    long idleExitSeconds = 0;
    Path stateDir = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--ready-file")) readyFile = Path.of(args[++i]);
      else if (args[i].equals("--no-gateway")) gateway = false;
      else if (args[i].equals("--idle-exit-seconds")) idleExitSeconds = Long.parseLong(args[++i]);
      else if (args[i].equals("--state-dir")) stateDir = Path.of(args[++i]);
      else throw new IllegalArgumentException("unknown argument " + args[i]);
    }
    long started = System.currentTimeMillis();
    Cluster cluster = Cluster.start(stateDir);
    SqlGatewayEndpoint gw = gateway ? SqlGatewayEndpoint.start(cluster.restUrl(), stateDir) : null;
    JobRunner runner = new JobRunner();
    ScriptPlanner planner = new ScriptPlanner();
    ExpressionEvaluator evaluator = new ExpressionEvaluator();
    WindowOperatorHarness windowHarness = new WindowOperatorHarness();

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    // enough threads that /status answers while runs and plans (serialized among themselves) are busy
    server.setExecutor(Executors.newFixedThreadPool(8));
    long ready = System.currentTimeMillis();
    server.createContext("/status", ex -> respond(ex, () -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("flinkVersion", org.apache.flink.runtime.util.EnvironmentInformation.getVersion());
      s.put("pid", ProcessHandle.current().pid());
      s.put("clusterUrl", cluster.restUrl());
      s.put("gatewayUrl", gw == null ? null : gw.url());
      s.put("startupMillis", ready - started);
      s.put("uptimeMillis", System.currentTimeMillis() - ready);
      return s;
    }));
    server.createContext("/run", ex -> respond(ex, () -> runner.run(Json.read(body(ex)))));
    server.createContext("/evaluate", ex -> respond(ex, () -> evaluator.evaluate(Json.read(body(ex)))));
    server.createContext("/plan", ex -> respond(ex, () -> planner.plan(Json.read(body(ex)))));
    server.createContext("/window-operator", ex -> respond(ex, () -> windowHarness.run(Json.read(body(ex)))));
    server.createContext("/shutdown", ex -> {
      respond(ex, () -> Map.of("stopping", true));
      new Thread(() -> {
        server.stop(0);
        if (gw != null) gw.stop();
        cluster.stop();
        System.exit(0);
      }).start();
    });
    server.start();
    if (idleExitSeconds > 0) {
      long limit = idleExitSeconds * 1000;
      Thread watchdog = new Thread(() -> {
        while (true) {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            return;
          }
          if (System.currentTimeMillis() - LAST_REQUEST.get() > limit) {
            System.out.println("flinkts-bridge idle, exiting");
            server.stop(0);
            if (gw != null) gw.stop();
            cluster.stop();
            System.exit(0);
          }
        }
      }, "idle-exit");
      watchdog.setDaemon(true);
      watchdog.start();
    }

    Map<String, Object> info = new LinkedHashMap<>();
    info.put("port", server.getAddress().getPort());
    info.put("pid", ProcessHandle.current().pid());
    info.put("clusterUrl", cluster.restUrl());
    info.put("gatewayUrl", gw == null ? null : gw.url());
    info.put("startupMillis", ready - started);
    String text = Json.write(info);
    if (readyFile != null) {
      Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
      Files.writeString(tmp, text);
      Files.move(tmp, readyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.println("flinkts-bridge ready " + text);
  }

  private static String body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  interface Handler {
    Object handle() throws Exception;
  }

  private static final java.util.concurrent.atomic.AtomicLong LAST_REQUEST = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());

  private static void respond(HttpExchange ex, Handler h) throws IOException {
    LAST_REQUEST.set(System.currentTimeMillis());
    int status = 200;
    Object out;
    try {
      out = h.handle();
      LAST_REQUEST.set(System.currentTimeMillis());
    } catch (Throwable t) {
      status = 500;
      out = Map.of("error", ErrorReport.of(t));
    }
    byte[] bytes = Json.write(out).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("content-type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

}
