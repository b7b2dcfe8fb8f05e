package io.cwlogs.server;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code cwlogs} command line: {@code serve [options]} starts the server; {@code --help} lists options. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

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
    // Jetty sizes its false-sharing padding from UseCompressedOops, which it reads by starting the whole
    // platform MBean server: the largest single cost of start-up. Answer it from the heap size instead
    // (compressed oops are on below 32 GiB unless disabled), exactly as Jetty would use the value.
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
      boolean compressedOops = Runtime.getRuntime().maxMemory() < (32L << 30);
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, compressedOops ? "16" : "8");
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
