package io.cwlogs.core;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Delivers by HTTP POST, shaped by the destination's kind:
 *
 * <ul>
 *   <li>Firehose: Firehose's HTTP endpoint delivery request, {@code {"requestId":"…","timestamp":ms,
 *       "records":[{"data":"<base64 gzip payload>"}]}} with the {@code X-Amz-Firehose-*} headers, so a
 *       receiver written for Firehose works unchanged;
 *   <li>Lambda: the invocation payload {@code {"awslogs":{"data":"…"}}} as JSON;
 *   <li>Kinesis: the record data itself (the gzip bytes) as {@code application/octet-stream}, with the
 *       partition key in {@code X-Cwlogs-Partition-Key}.
 * </ul>
 *
 * Any 2xx answer is success; anything else, or no answer within 30 s, is a failure to retry.
 */
final class HttpSink implements DeliverySink {

  private final URI uri;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  HttpSink(URI uri) {
    this.uri = uri;
  }

  @Override
  public void deliver(DeliveryRecord record) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("X-Cwlogs-Destination-Arn", record.destinationArn());
    String requestId = UUID.randomUUID().toString();
    switch (record.kind()) {
      case FIREHOSE -> {
        String body =
            "{\"requestId\":\"" + requestId + "\",\"timestamp\":" + System.currentTimeMillis()
                + ",\"records\":[{\"data\":\"" + Base64.getEncoder().encodeToString(record.gzip()) + "\"}]}";
        request
            .header("Content-Type", "application/json")
            .header("X-Amz-Firehose-Protocol-Version", "1.0")
            .header("X-Amz-Firehose-Request-Id", requestId)
            .header("X-Amz-Firehose-Source-Arn", record.destinationArn())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      }
      case LAMBDA ->
          request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(record.data()));
      case KINESIS, LOGS_DESTINATION ->
          request
              .header("Content-Type", "application/octet-stream")
              .header("X-Cwlogs-Partition-Key", record.partitionKey())
              .POST(HttpRequest.BodyPublishers.ofByteArray(record.data()));
    }
    HttpResponse<Void> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while delivering to " + uri, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + uri);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
