package io.cwlogs.server;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code cwlogs} command line: {@code serve [options]} starts the server; {@code --help} lists options. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = Arrays.asList(args);
    if (!rest.isEmpty() && rest.get(0).equals("serve")) {
      rest = rest.subList(1, rest.size());
    }
    if (rest.contains("--help") || rest.contains("-h")) {
      System.out.print(ServerOptions.help());
      return;
    }
    ServerOptions options;
    try {
      options = ServerOptions.parse(rest, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("cwlogs: " + e.getMessage());
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    CwlogsServer server = CwlogsServer.start(options);
    LOG.info("cwlogs listening on http://{}:{} (data in {}, auth {}) in {} ms",
        options.host(), server.port(), options.dataDir().toAbsolutePath(), options.auth().name().toLowerCase(java.util.Locale.ROOT),
        (System.nanoTime() - started) / 1_000_000);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        LOG.warn("shutdown failed", e);
      } finally {
        stopped.countDown();
      }
    }, "cwlogs-shutdown"));
    stopped.await();
  }
}
