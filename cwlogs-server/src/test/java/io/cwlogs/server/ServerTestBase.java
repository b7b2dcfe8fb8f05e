package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * A test class that talks to one in-process cwlogs server with default options, through the AWS SDK's
 * sync client: started before the class's tests, stopped after them. A subclass's own
 * {@code @BeforeAll} runs after this one, so it can put its data through {@link #logs}.
 */
abstract class ServerTestBase {

  static TestServer server;
  static CloudWatchLogsClient logs;

  @BeforeAll
  static void startServer() throws Exception {
    server = TestServer.start();
    logs = server.client();
  }

  @AfterAll
  static void stopServer() throws Exception {
    logs.close();
    server.close();
  }

  /** The call fails as AWS fails it: that exception type, HTTP 400, exactly that message, a request id. */
  static void assertAwsError(Runnable call, Class<? extends AwsServiceException> type, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOf(type)
        .satisfies(e -> {
          AwsServiceException aws = (AwsServiceException) e;
          assertThat(aws.statusCode()).isEqualTo(400);
          assertThat(aws.awsErrorDetails().errorMessage()).isEqualTo(message);
          assertThat(aws.requestId()).isNotBlank();
        });
  }
}
