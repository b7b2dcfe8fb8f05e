package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryDefinition;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Put/Describe/DeleteQueryDefinition through the AWS SDK v2, across a restart of the server. */
class InsightsQueryDefinitionsTest extends ServerTestBase {

  @Test
  void createUpdateDescribeAndDelete() {
    String prefix = "defs-" + UUID.randomUUID() + "/";
    String errors = logs.putQueryDefinition(r -> r.name(prefix + "errors")
        .queryString("filter level = \"ERROR\" | stats count(*) by bin(5m)")
        .logGroupNames("/app/a", "/app/b")).queryDefinitionId();
    String latency = logs.putQueryDefinition(r -> r.name(prefix + "latency")
        .queryString("stats avg(latency)")).queryDefinitionId();
    logs.putQueryDefinition(r -> r.name("other-" + UUID.randomUUID()).queryString("fields @message"));
    assertThat(errors).isNotEqualTo(latency);

    List<QueryDefinition> found =
        logs.describeQueryDefinitions(r -> r.queryDefinitionNamePrefix(prefix)).queryDefinitions();
    assertThat(found).extracting(QueryDefinition::name).containsExactly(prefix + "errors", prefix + "latency");
    QueryDefinition first = found.get(0);
    assertThat(first.queryDefinitionId()).isEqualTo(errors);
    assertThat(first.queryString()).isEqualTo("filter level = \"ERROR\" | stats count(*) by bin(5m)");
    assertThat(first.logGroupNames()).containsExactly("/app/a", "/app/b");
    assertThat(first.lastModified()).isPositive();
    assertThat(first.queryLanguageAsString()).isEqualTo("CWLI");

    // Update by id: same id, new content.
    assertThat(logs.putQueryDefinition(r -> r.queryDefinitionId(latency).name(prefix + "latency-p99")
        .queryString("stats pct(latency, 99)")).queryDefinitionId()).isEqualTo(latency);
    List<String> paged = new ArrayList<>();
    logs.describeQueryDefinitions(r -> r.queryDefinitionNamePrefix(prefix).maxResults(1))
        .queryDefinitions().forEach(d -> paged.add(d.name()));
    String token = logs.describeQueryDefinitions(r -> r.queryDefinitionNamePrefix(prefix).maxResults(1)).nextToken();
    assertThat(token).isNotNull();
    logs.describeQueryDefinitions(r -> r.queryDefinitionNamePrefix(prefix).maxResults(1).nextToken(token))
        .queryDefinitions().forEach(d -> paged.add(d.name() + " " + d.queryString()));
    assertThat(paged).containsExactly(prefix + "errors", prefix + "latency-p99 stats pct(latency, 99)");

    assertThat(logs.deleteQueryDefinition(r -> r.queryDefinitionId(errors)).success()).isTrue();
    assertThat(logs.describeQueryDefinitions(r -> r.queryDefinitionNamePrefix(prefix)).queryDefinitions())
        .extracting(QueryDefinition::queryDefinitionId).containsExactly(latency);
    assertNotFound(() -> logs.deleteQueryDefinition(r -> r.queryDefinitionId(errors)));
    assertNotFound(() -> logs.putQueryDefinition(r -> r.queryDefinitionId(UUID.randomUUID().toString())
        .name("x").queryString("fields @message")));
  }

  @Test
  void definitionsAreStoredDocumentsThatSurviveARestart() throws Exception {
    TestServer first = TestServer.start();
    String name = "durable-" + UUID.randomUUID();
    String id;
    try (CloudWatchLogsClient client = first.client()) {
      id = client.putQueryDefinition(r -> r.name(name).queryString("fields @message")).queryDefinitionId();
    }
    first.server.close();
    CwlogsServer again = CwlogsServer.start(ServerOptions.parse(List.of(
        "--host", "127.0.0.1", "--port", "0", "--data-dir", first.dataDir.toString()), Map.of()));
    try (CloudWatchLogsClient client = CloudWatchLogsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + again.port()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .build()) {
      assertThat(client.describeQueryDefinitions(r -> r.queryDefinitionNamePrefix(name)).queryDefinitions())
          .extracting(QueryDefinition::queryDefinitionId).containsExactly(id);
    } finally {
      again.close();
      try (var paths = Files.walk(first.dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static void assertNotFound(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorMessage())
            .isEqualTo("The specified query definition does not exist."));
  }
}
