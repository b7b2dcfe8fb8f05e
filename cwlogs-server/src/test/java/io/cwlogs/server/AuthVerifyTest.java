package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** {@code --auth verify}: real SigV4 checks with the SDK's own signer, and the account mapping. */
class AuthVerifyTest {

  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start("--auth", "verify", "--access-keys", "AKIDGOOD:goodsecret:111122223333,AKIDOTHER:other");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void correctlySignedRequestsActInTheKeysAccount() {
    try (CloudWatchLogsClient logs = server.client("AKIDGOOD", "goodsecret", Region.EU_WEST_1)) {
      logs.createLogGroup(r -> r.logGroupName("/signed"));
      assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/signed")).logGroups().get(0).arn())
          .isEqualTo("arn:aws:logs:eu-west-1:111122223333:log-group:/signed:*");
    }
    try (CloudWatchLogsClient other = server.client("AKIDOTHER", "other", Region.EU_WEST_1)) {
      assertThat(other.describeLogGroups(r -> r.logGroupNamePrefix("/signed")).logGroups()).isEmpty();
    }
  }

  @Test
  void wrongSecretIsAnInvalidSignature() {
    try (CloudWatchLogsClient logs = server.client("AKIDGOOD", "wrong", Region.US_EAST_1)) {
      assertThatThrownBy(() -> logs.describeLogGroups())
          .isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");
          });
    }
  }

  @Test
  void unknownKeyIsAnUnrecognizedClient() {
    try (CloudWatchLogsClient logs = server.client("AKIDNOBODY", "x", Region.US_EAST_1)) {
      assertThatThrownBy(() -> logs.describeLogGroups())
          .isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
          });
    }
  }
}
