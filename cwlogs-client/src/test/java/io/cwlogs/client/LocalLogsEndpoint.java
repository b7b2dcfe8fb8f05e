package io.cwlogs.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * The one place tests get a CloudWatch Logs endpoint from.
 *
 * <p>If the system property {@code cwlogs.test.endpoint} is set, tests talk to that URI (any
 * CloudWatch Logs endpoint, e.g. moto_server for comparison). Otherwise one cwlogs server per test JVM
 * is started from this reactor's build and stopped when the JVM's tests end. Credentials are dummies,
 * the region is us-east-1.
 */
public final class LocalLogsEndpoint implements BeforeAllCallback {
  private static URI shared;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    uri();
  }

  /** The endpoint, starting the cwlogs server on first use. */
  public static synchronized URI uri() throws IOException, InterruptedException {
    if (shared == null) {
      String configured = System.getProperty("cwlogs.test.endpoint");
      shared = configured != null ? URI.create(configured) : startCwlogs();
    }
    return shared;
  }

  /** Client settings for {@code endpoint} (the real one or a proxy in front of it). */
  public static ClientConfig config(URI endpoint) {
    return ClientConfig.builder()
        .endpoint(endpoint)
        .region("us-east-1")
        .staticCredentials("testing", "testing")
        .apiCallTimeout(java.time.Duration.ofSeconds(5))
        .build();
  }

  public static ClientConfig config() throws IOException, InterruptedException {
    return config(uri());
  }

  public static CloudWatchLogsAsyncClient newClient() throws IOException, InterruptedException {
    return config().newAsyncClient();
  }

  /** Reads every message of a stream, oldest first. */
  public static List<String> messages(
      CloudWatchLogsAsyncClient client, String group, String stream) {
    return readAll(client, group, stream).stream().map(OutputLogEvent::message).toList();
  }

  /** Reads every event of a stream, oldest first. */
  public static List<OutputLogEvent> readAll(
      CloudWatchLogsAsyncClient client, String group, String stream) {
    List<OutputLogEvent> all = new ArrayList<>();
    Optional<String> token = Optional.empty();
    while (true) {
      Optional<String> t = token;
      GetLogEventsResponse r =
          client
              .getLogEvents(
                  b -> {
                    b.logGroupName(group).logStreamName(stream).startFromHead(true).limit(10_000);
                    t.ifPresent(b::nextToken);
                  })
              .join();
      all.addAll(r.events());
      if (r.events().isEmpty() || t.map(x -> x.equals(r.nextForwardToken())).orElse(false)) {
        return all;
      }
      token = Optional.ofNullable(r.nextForwardToken());
    }
  }

  /**
   * Starts the cwlogs server built by this reactor ({@code cwlogs-server/target}) as its own process,
   * with a fresh data directory, and stops it when the test JVM ends.
   */
  private static URI startCwlogs() throws IOException, InterruptedException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("cwlogs-server/pom.xml"))) {
      root = root.getParent();
    }
    if (root == null) {
      throw new IOException("cannot find the cwlogs repository root from " + Path.of("").toAbsolutePath());
    }
    Path jar = root.resolve("cwlogs-server/target/cwlogs-server.jar");
    if (!Files.exists(jar)) {
      throw new IOException(
          "cwlogs-server is not built: run the tests from the repository root (mvn verify builds the"
              + " server before the client), or `./cwlogs build` first, or set -Dcwlogs.test.endpoint=URI");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = Files.createTempDirectory("cwlogs-client-test");
    Path log = data.resolve("server.log");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = jar + java.io.File.pathSeparator + root.resolve("cwlogs-server/target/lib") + "/*";
    Process p =
        new ProcessBuilder(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                "io.cwlogs.server.Main", "serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--data-dir", data.resolve("db").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "cwlogs-stop-" + p.pid()));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("cwlogs server exited: " + Files.readString(log));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return URI.create("http://127.0.0.1:" + port);
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    p.destroy();
    throw new IOException("cwlogs server did not answer on port " + port);
  }
}
