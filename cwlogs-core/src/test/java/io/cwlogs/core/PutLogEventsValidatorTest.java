package io.cwlogs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * The constraints {@link PutLogEventsValidator} reads from the service model are the ones AWS documents
 * (pinned here, so a regenerated model that changes them is noticed), and it fails as the generic
 * validation does. The full comparison over HTTP bodies is the server's {@code PutLogEventsEquivalenceTest}.
 */
class PutLogEventsValidatorTest {

  private final RequestValidator model = RequestValidator.load();
  private final PutLogEventsValidator validator = new PutLogEventsValidator(model);

  @Test
  void readsTheDocumentedConstraintsFromTheModel() {
    String request = model.inputShape("PutLogEvents").orElseThrow();
    assertThat(request).isEqualTo("PutLogEventsRequest");
    RequestValidator.MemberConstraints events = model.constraints(request, "logEvents");
    assertThat(events.required()).isTrue();
    assertThat(events.min()).isEqualTo(1);
    assertThat(events.max()).isEqualTo(Limits.MAX_BATCH_EVENTS);
    String event = events.listMember().orElseThrow();
    RequestValidator.MemberConstraints timestamp = model.constraints(event, "timestamp");
    assertThat(timestamp.required()).isTrue();
    assertThat(timestamp.type()).isEqualTo("long");
    assertThat(timestamp.min()).isEqualTo(0);
    assertThat(timestamp.max()).isEqualTo(Double.POSITIVE_INFINITY);
    RequestValidator.MemberConstraints message = model.constraints(event, "message");
    assertThat(message.required()).isTrue();
    assertThat(message.min()).isEqualTo(1);
    assertThat(message.max()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(message.hasPatternOrEnum()).isFalse();
    assertThat(model.constraints(request, "logGroupName").max()).isEqualTo(Limits.MAX_NAME_LENGTH);
    assertThat(model.constraints(request, "logStreamName").max()).isEqualTo(Limits.MAX_NAME_LENGTH);
  }

  @Test
  void failsAsTheGenericValidationDoes() {
    List<InputLogEvent> events = new ArrayList<>();
    events.add(InputLogEvent.builder().timestamp(1L).message("ok").build());
    events.add(InputLogEvent.builder().timestamp(-5L).message("").build());
    events.add(null);
    events.add(InputLogEvent.builder().message("no timestamp").build());
    PutLogEventsRequest request =
        PutLogEventsRequest.builder().logGroupName("a b").logStreamName("s").logEvents(events).sequenceToken("").build();
    String generic = messageOf(() -> model.validate("PutLogEvents", request));
    assertThat(generic).startsWith("6 validation errors detected: Value 'a b' at 'logGroupName'");
    assertThat(messageOf(() -> validator.validate(PutLogEventsBatch.of(request)))).isEqualTo(generic);
  }

  @Test
  void aListOfTheWrongSizeIsPrintedAsTheSdkPrintsIt() {
    PutLogEventsBatch empty = new PutLogEventsBatch(
        Optional.of("g"), Optional.of("s"), Optional.of(LogEventArrays.withCapacity(0)), Optional.empty(), Optional.empty());
    assertThat(messageOf(() -> validator.validate(empty))).isEqualTo(
        "1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void namesOverTheLimitAreCountedInUtf8() {
    PutLogEventsBatch batch = new PutLogEventsBatch(
        Optional.of("é".repeat(257)), Optional.of("s"), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(messageOf(() -> validator.validate(batch)))
        .isEqualTo("Invalid LogGroup or LogStream, both must have length less than or equal to 512.");
  }

  @Test
  void utf16LengthOfUtf8() {
    for (String s : List.of("", "a", "é", "日本", "😀", "a😀é\u0800\uffff", "x\ud83d")) {
      assertThat(PutLogEventsValidator.utf16Length(s.getBytes(StandardCharsets.UTF_8)))
          .as(s).isEqualTo(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).length());
    }
  }

  private static String messageOf(Runnable call) {
    assertThatThrownBy(call::run).isInstanceOf(InvalidParameterException.class);
    try {
      call.run();
      return "";
    } catch (InvalidParameterException e) {
      return e.getMessage();
    }
  }
}
