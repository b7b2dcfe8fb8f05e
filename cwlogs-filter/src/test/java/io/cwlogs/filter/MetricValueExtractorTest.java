package io.cwlogs.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metric values and dimensions resolved from matching events. */
class MetricValueExtractorTest {
  private static final String APACHE =
      "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

  private static MetricValueExtractor of(String pattern, String value, Map<String, String> dims) {
    return MetricValueExtractor.create(FilterPattern.compile(pattern), value, dims);
  }

  @Test
  void constantValueCountsEachMatch() {
    MetricValueExtractor x = of("ERROR", "1", Map.of());
    assertThat(x.extract("ERROR here")).contains(new MetricSample(1, Map.of()));
    assertThat(x.extract("all good")).isEmpty();
  }

  @Test
  void jsonSelectorValueAndDimensions() {
    MetricValueExtractor x =
        of("{ $.latency = * }", "$.latency", Map.of("Api", "$.api", "Missing", "$.nope"));
    assertThat(x.extract("{\"latency\":12.5,\"api\":\"GetItem\"}"))
        .contains(new MetricSample(12.5, Map.of("Api", "GetItem")));
    assertThat(x.extract("{\"latency\":\"slow\",\"api\":\"GetItem\"}")).isEmpty();
  }

  @Test
  void jsonValueSelectorNeedNotAppearInPattern() {
    // Accepted by real AWS [localstack test_delete_metric_filter, aws-validated].
    MetricValueExtractor x = of("{ $.val = * }", "$.value", Map.of());
    assertThat(x.extract("{\"val\":1,\"value\":7}")).contains(new MetricSample(7, Map.of()));
    assertThat(x.extract("{\"val\":1}")).isEmpty();
  }

  @Test
  void spaceDelimitedByNameAndByPosition() {
    String pattern = "[ip, id, user, timestamp, request, status_code, size]";
    assertThat(of(pattern, "$size", Map.of("Status", "$status_code")).extract(APACHE))
        .contains(new MetricSample(1534, Map.of("Status", "404")));
    assertThat(of(pattern, "$7", Map.of()).extract(APACHE))
        .contains(new MetricSample(1534, Map.of())); // [DOC-BYTES]
    assertThat(of(pattern, "$size", Map.of()).extract(APACHE.replace("1534", "-"))).isEmpty();
  }

  @Test
  void dimensionsNeedJsonOrSpaceDelimitedPatterns() {
    assertThatThrownBy(() -> of("ERROR", "1", Map.of("a", "$.a")))
        .isInstanceOf(InvalidMetricTransformationException.class)
        .hasMessage("The specified filter pattern does not support dimensions");
    assertThatThrownBy(() -> of("%E%", "1", Map.of("a", "$a")))
        .hasMessage("The specified filter pattern does not support dimensions");
  }

  @Test
  void rejectsReferencesThatDoNotFitThePattern() {
    assertThatThrownBy(() -> of("ERROR", "$.a", Map.of()))
        .isInstanceOf(InvalidMetricTransformationException.class);
    assertThatThrownBy(() -> of("{ $.a = 1 }", "$a", Map.of()))
        .isInstanceOf(InvalidMetricTransformationException.class);
    assertThatThrownBy(() -> of("[a, b]", "$c", Map.of()))
        .isInstanceOf(InvalidMetricTransformationException.class);
    assertThatThrownBy(() -> of("[a, b]", "$.a", Map.of()))
        .isInstanceOf(InvalidMetricTransformationException.class);
    assertThatThrownBy(() -> of("ERROR", "one", Map.of()))
        .isInstanceOf(InvalidMetricTransformationException.class);
    assertThatThrownBy(() -> of("ERROR", "", Map.of()))
        .isInstanceOf(InvalidMetricTransformationException.class);
    assertThatThrownBy(() -> of("[a, b]", "1", Map.of("d", "2")))
        .isInstanceOf(InvalidMetricTransformationException.class);
    assertThatThrownBy(
            () -> of("{ $.a = 1 }", "1", Map.of("a", "$.a", "b", "$.b", "c", "$.c", "d", "$.d")))
        .isInstanceOf(InvalidMetricTransformationException.class);
  }
}
