package io.cwlogs.server;

import io.cwlogs.core.DeliveryTargets;
import io.cwlogs.core.DirectoryExportStore;
import io.cwlogs.core.LogsService;
import io.cwlogs.core.spi.LogStore;
import io.cwlogs.storage.rocksdb.RocksLogStore;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running cwlogs: the embedded store, the service over it, and Jetty answering HTTP on virtual threads.
 *
 * <p>Tests start one in-process with {@link #start(ServerOptions)} on port 0 and read the bound
 * {@link #port()}; {@code cwlogs serve} does the same from {@link Main}.
 */
public final class CwlogsServer implements AutoCloseable {

  private final LogStore store;
  private final LogsService service;
  private final Server jetty;
  private final ServerConnector connector;

  private CwlogsServer(ServerOptions options) throws Exception {
    this.store = RocksLogStore.open(options.dataDir());
    this.service =
        new LogsService(store, Clock.systemUTC(), new LogsService.Options(
            options.retentionSweepSeconds() * 1000,
            new DeliveryTargets(options.subscriptionRoutes(), options.subscriptionDir(), Map.of("kafka", KafkaSink::new)),
            new DirectoryExportStore(options.exportDir())));
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("cwlogs-http");
    threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    this.jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    jetty.addConnector(connector);
    jetty.setHandler(new LogsHandler(service, new Authenticator(options), options.enableReset()));
    jetty.setStopTimeout(5_000);
  }

  /** Opens the store and starts answering; throws if the port is taken or the store cannot open. */
  public static CwlogsServer start(ServerOptions options) throws Exception {
    CwlogsServer server = new CwlogsServer(options);
    try {
      server.jetty.start();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The port actually bound (useful when started on port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  public LogsService service() {
    return service;
  }

  @Override
  public void close() throws Exception {
    try {
      jetty.stop();
    } finally {
      service.close();
      store.close();
    }
  }
}
