package dev.flinkts.bridge;

import java.net.URI;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.gateway.rest.SqlGatewayRestEndpoint;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;

/** A real SQL Gateway REST endpoint on 127.0.0.1, submitting to the MiniCluster (for deploy work). */
final class SqlGatewayEndpoint {
  private final SessionManager sessions;
  private final SqlGatewayRestEndpoint endpoint;

  private SqlGatewayEndpoint(SessionManager sessions, SqlGatewayRestEndpoint endpoint) {
    this.sessions = sessions;
    this.endpoint = endpoint;
  }

  static SqlGatewayEndpoint start(String clusterUrl) throws Exception {
    return start(clusterUrl, null);
  }

  static SqlGatewayEndpoint start(String clusterUrl, java.nio.file.Path stateDir) throws Exception {
    URI cluster = URI.create(clusterUrl);
    Configuration flink = new Configuration();
    flink.setString("execution.target", "remote");
    flink.setString("rest.address", cluster.getHost());
    flink.setString("rest.port", String.valueOf(cluster.getPort()));
    flink.setString("parallelism.default", "1");
    if (stateDir != null) StateDirs.apply(flink, stateDir);
    SessionManager sessions = SessionManager.create(new DefaultContext(flink, List.of()));
    sessions.start();
    Configuration rest = new Configuration();
    rest.setString("rest.address", "127.0.0.1");
    rest.setString("rest.bind-address", "127.0.0.1");
    rest.setString("rest.bind-port", "0");
    SqlGatewayRestEndpoint endpoint = new SqlGatewayRestEndpoint(rest, new SqlGatewayServiceImpl(sessions));
    endpoint.start();
    return new SqlGatewayEndpoint(sessions, endpoint);
  }

  String url() {
    return endpoint.getRestBaseUrl();
  }

  void stop() {
    try {
      endpoint.stop();
    } catch (Exception ignored) {
      // exiting anyway
    }
    sessions.stop();
  }
}
