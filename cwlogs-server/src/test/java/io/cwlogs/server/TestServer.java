package io.cwlogs.server;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** An in-process cwlogs on a free port with its own data directory, and SDK clients pointed at it. */
final class TestServer implements AutoCloseable {

  final Path dataDir;
  final CwlogsServer server;
  final URI endpoint;

  private TestServer(Path dataDir, CwlogsServer server) {
    this.dataDir = dataDir;
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + server.port());
  }

  static TestServer start(String... extraArgs) throws Exception {
    Path dir = Files.createTempDirectory("cwlogs-test");
    List<String> args = new java.util.ArrayList<>(List.of(
        "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.toString(), "--enable-reset"));
    args.addAll(List.of(extraArgs));
    return new TestServer(dir, CwlogsServer.start(ServerOptions.parse(args, Map.of())));
  }

  CloudWatchLogsClient client() {
    return client("AKIDEXAMPLE", "secret", Region.US_EAST_1);
  }

  CloudWatchLogsClient client(String key, String secret, Region region) {
    return CloudWatchLogsClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .build();
  }

  CloudWatchLogsAsyncClient asyncClient() {
    return CloudWatchLogsAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .build();
  }

  @Override
  public void close() throws Exception {
    server.close();
    try (var paths = Files.walk(dataDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
