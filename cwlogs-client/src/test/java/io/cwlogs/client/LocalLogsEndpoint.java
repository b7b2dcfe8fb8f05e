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
 * <p>If the system property {@code cwlogs.test.endpoint} is set, tests talk to that URI (e.g. a
 * running cwlogs server). Otherwise one {@code moto_server} per test JVM is started on a free port
 * and stopped when the JVM's tests end. When the cwlogs server is ready, switch here: start it
 * instead of moto. Credentials are dummies, the region is us-east-1.
 *
 * <p>Known moto 5.2 deviations from AWS: PutLogEvents does not enforce the 10,000-event, 1 MiB or
 * 24-hour rules, nor the 1 MB event size, and reports {@code tooOldLogEventEndIndex} one too low.
 */
public final class LocalLogsEndpoint implements BeforeAllCallback {
  private static final String MOTO = "/root/.pyenv/shims/moto_server";
  private static URI shared;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    uri();
  }

  /** The endpoint, starting moto on first use. */
  public static synchronized URI uri() throws IOException, InterruptedException {
    if (shared == null) {
      String configured = System.getProperty("cwlogs.test.endpoint");
      shared = configured != null ? URI.create(configured) : startMoto();
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

  private static URI startMoto() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("moto", ".log");
    Process p =
        new ProcessBuilder(MOTO, "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(p::destroy, "moto-stop-" + p.pid()));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IOException("moto_server exited: " + Files.readString(log));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return URI.create("http://127.0.0.1:" + port);
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    p.destroy();
    throw new IOException("moto_server did not answer on port " + port);
  }
}
