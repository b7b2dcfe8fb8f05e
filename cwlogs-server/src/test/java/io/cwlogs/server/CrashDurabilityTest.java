package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * An acknowledged PutLogEvents survives kill -9: the server runs as its own process, writers put batches
 * concurrently, the process is killed with SIGKILL mid-load, restarted on the same data directory, and every
 * event whose PutLogEvents returned 200 must be there.
 */
class CrashDurabilityTest {

  @Test
  void acknowledgedEventsSurviveKill9() throws Exception {
    Path data = Files.createTempDirectory("cwlogs-crash");
    int port = freePort();
    Process server = startServer(port, data);
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    try (CloudWatchLogsClient logs = client(endpoint)) {
      logs.createLogGroup(r -> r.logGroupName("/crash"));
      for (int w = 0; w < 4; w++) {
        int n = w;
        logs.createLogStream(r -> r.logGroupName("/crash").logStreamName("writer-" + n));
      }
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        writers.add(Thread.ofPlatform().name("crash-writer-" + w).start(() -> {
          long batch = 0;
          while (running.get()) {
            List<InputLogEvent> events = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (int i = 0; i < 200; i++) {
              events.add(InputLogEvent.builder().timestamp(now).message("w" + writer + " b" + batch + " e" + i).build());
            }
            try {
              logs.putLogEvents(r -> r.logGroupName("/crash").logStreamName("writer-" + writer).logEvents(events));
              events.forEach(e -> acknowledged.add(e.message()));
            } catch (RuntimeException e) {
              return; // the server is gone: this batch was never acknowledged
            }
            batch++;
          }
        }));
      }
      Thread.sleep(3000);
      server.destroyForcibly().waitFor();
      running.set(false);
      for (Thread t : writers) {
        t.join();
      }
    }
    assertThat(acknowledged).hasSizeGreaterThan(1000);

    Process restarted = startServer(port, data);
    try (CloudWatchLogsClient logs = client(endpoint)) {
      Set<String> found = new HashSet<>();
      for (int w = 0; w < 4; w++) {
        int n = w;
        String token = null;
        while (true) {
          String current = token;
          var page = logs.getLogEvents(r -> r.logGroupName("/crash").logStreamName("writer-" + n)
              .startFromHead(true).nextToken(current));
          page.events().stream().map(OutputLogEvent::message).forEach(found::add);
          if (page.events().isEmpty()) {
            break;
          }
          token = page.nextForwardToken();
        }
      }
      // A set difference: AssertJ's containsAll compares pairwise, which is quadratic here.
      List<String> missing = acknowledged.stream().filter(m -> !found.contains(m)).toList();
      assertThat(missing).as("acknowledged events missing after kill -9").isEmpty();
    } finally {
      restarted.destroy();
      restarted.waitFor();
    }
  }

  private static CloudWatchLogsClient client(URI endpoint) {
    return CloudWatchLogsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofSeconds(20)))
        .build();
  }

  private static Process startServer(int port, Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.cwlogs.server.Main", "serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
        "--data-dir", data.toString());
    pb.redirectErrorStream(true).redirectOutput(new File(data.toFile(), "server-" + System.nanoTime() + ".log"));
    Process p = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return p;
        }
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("server did not start");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
