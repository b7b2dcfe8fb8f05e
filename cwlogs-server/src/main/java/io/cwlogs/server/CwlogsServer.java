package io.cwlogs.server;

import io.cwlogs.core.DeliveryTargets;
import io.cwlogs.core.DirectoryExportStore;
import io.cwlogs.core.LogsService;
import io.cwlogs.core.spi.LogStore;
import io.cwlogs.storage.rocksdb.RocksLogStore;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import io.cwlogs.core.RequestValidator;
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
    // Start-up is mostly class loading and one-time initialisation, single-threaded by nature; three
    // independent pieces (the store, the service model, the codec) get a thread each so that both cores
    // work on it. Nothing answers until all three are done.
    CompletableFuture<LogStore> opening = CompletableFuture.supplyAsync(() -> RocksLogStore.open(options.dataDir()), STARTUP);
    CompletableFuture<Void> model = CompletableFuture.runAsync(RequestValidator::shared, STARTUP);
    CompletableFuture<JsonCodec> codec = CompletableFuture.supplyAsync(JsonCodec::new, STARTUP);
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
    this.store = join(opening);
    join(model);
    this.service =
        new LogsService(store, Clock.systemUTC(), new LogsService.Options(
            options.retentionSweepSeconds() * 1000,
            new DeliveryTargets(options.subscriptionRoutes(), options.subscriptionDir(), Map.of("kafka", KafkaSink::new)),
            new DirectoryExportStore(options.exportDir())));
    jetty.setHandler(new LogsHandler(service, new Authenticator(options), join(codec), options.enableReset()));
    jetty.setStopTimeout(5_000);
  }

  private static final java.util.concurrent.Executor STARTUP = task -> Thread.ofPlatform().name("cwlogs-startup").daemon().start(task);

  /** The value of a start-up step, or its failure as thrown by the step itself. */
  private static <T> T join(CompletableFuture<T> step) throws Exception {
    try {
      return step.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
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
