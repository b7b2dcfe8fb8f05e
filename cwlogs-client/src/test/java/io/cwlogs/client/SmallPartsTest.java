package io.cwlogs.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/** Rejection counting, templates, the spool codec and event factories. */
class SmallPartsTest {
  @Test
  void rejectedInfoBecomesCounts() {
    PutLogEventsResponse r =
        PutLogEventsResponse.builder()
            .rejectedLogEventsInfo(
                b -> b.expiredLogEventEndIndex(1).tooOldLogEventEndIndex(3).tooNewLogEventStartIndex(8))
            .build();
    SubmitResult s = LogStream.countRejections(10, r, 0);
    assertThat(s).isEqualTo(new SubmitResult(5, 2, 2, 1, 0, 0, 0));
    assertThat(LogStream.countRejections(4, PutLogEventsResponse.builder().build(), 2).accepted())
        .isEqualTo(4);
  }

  @Test
  void templatesExpandAndLoseColonsAndStars() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-04T23:59:59Z"), ZoneOffset.UTC);
    NameTemplate t =
        NameTemplate.of(Map.of("HOSTNAME", "web-1", "STAGE", "prod:eu*"), Map.of("app", "shop"), clock);
    assertThat(t.expand("{sysprop:app}/{env:STAGE}/{hostname}/{date}/{env:NOPE}/{unknown}"))
        .isEqualTo("shop/prodeu/web-1/2025-03-04//{unknown}");
    assertThat(t.expand("{pid}")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    assertThat(t.expand("{uuid}")).hasSize(36).doesNotContain(":");
  }

  @Test
  void spoolSegmentsRoundTripAndStopAtATornTail() throws Exception {
    List<LogEvent> events = List.of(new LogEvent("héllo 😀", 1), new LogEvent("two\nlines", 2));
    byte[] bytes = SpoolCodec.encode("g/é", "s", events);
    SpoolCodec.Segment whole = SpoolCodec.decode(new ByteArrayInputStream(bytes));
    assertThat(whole).isEqualTo(new SpoolCodec.Segment("g/é", "s", events));
    byte[] torn = Arrays.copyOf(bytes, bytes.length - 3);
    assertThat(SpoolCodec.decode(new ByteArrayInputStream(torn)).events())
        .containsExactly(events.get(0));
  }

  @Test
  void eventsFromTimeTypes() {
    Instant i = Instant.parse("2025-01-01T00:00:00.123456Z");
    assertThat(LogEvent.of("m", i).timestamp()).isEqualTo(i.toEpochMilli());
    assertThat(LogEvent.of("m", ZonedDateTime.ofInstant(i, ZoneId.of("Asia/Tokyo"))).timestamp())
        .isEqualTo(i.toEpochMilli());
  }

  @Test
  void retryDelaysStayUnderTheCeiling() {
    RetryPolicy p = RetryPolicy.defaults();
    for (int n = 1; n < 40; n++) {
      assertThat(p.delay(n)).isLessThanOrEqualTo(p.maxDelay());
    }
  }
}
