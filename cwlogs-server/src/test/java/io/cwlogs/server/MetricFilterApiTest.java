package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.StandardUnit;

/** Put/Describe/DeleteMetricFilter and TestMetricFilter through the AWS SDK. */
class MetricFilterApiTest extends ServerTestBase {

  static MetricTransformation metric(String name, String value) {
    return MetricTransformation.builder().metricName(name).metricNamespace("App").metricValue(value).build();
  }

  @Test
  void putDescribeReplaceDelete() {
    String group = "/mf/" + System.nanoTime();
    logs.createLogGroup(r -> r.logGroupName(group));
    logs.putMetricFilter(r -> r.logGroupName(group).filterName("errors").filterPattern("ERROR")
        .metricTransformations(metric("Errors", "1").toBuilder().defaultValue(0.0).unit(StandardUnit.COUNT).build()));
    logs.putMetricFilter(r -> r.logGroupName(group).filterName("latency").filterPattern("{ $.latency > 0 }")
        .metricTransformations(metric("Latency", "$.latency").toBuilder().dimensions(Map.of("Service", "$.service")).build()));

    List<MetricFilter> filters = logs.describeMetricFilters(r -> r.logGroupName(group)).metricFilters();
    assertThat(filters).extracting(MetricFilter::filterName).containsExactly("errors", "latency");
    MetricFilter errors = filters.get(0);
    assertThat(errors.logGroupName()).isEqualTo(group);
    assertThat(errors.creationTime()).isPositive();
    assertThat(errors.metricTransformations().get(0).defaultValue()).isEqualTo(0.0);
    assertThat(errors.metricTransformations().get(0).unit()).isEqualTo(StandardUnit.COUNT);
    assertThat(filters.get(1).metricTransformations().get(0).dimensions()).containsEntry("Service", "$.service");
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().get(0).metricFilterCount()).isEqualTo(2);

    // Same name replaces.
    logs.putMetricFilter(r -> r.logGroupName(group).filterName("errors").filterPattern("FATAL").metricTransformations(metric("Errors", "1")));
    assertThat(logs.describeMetricFilters(r -> r.logGroupName(group).filterNamePrefix("err")).metricFilters())
        .singleElement().satisfies(f -> assertThat(f.filterPattern()).isEqualTo("FATAL"));
    assertThat(logs.describeMetricFilters(r -> r.metricName("Latency").metricNamespace("App")).metricFilters())
        .extracting(MetricFilter::filterName).contains("latency");

    logs.deleteMetricFilter(r -> r.logGroupName(group).filterName("errors"));
    assertThatThrownBy(() -> logs.deleteMetricFilter(r -> r.logGroupName(group).filterName("errors")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void invalidPatternsAndTransformationsAreRejected() {
    String group = "/mf-bad/" + System.nanoTime();
    logs.createLogGroup(r -> r.logGroupName(group));
    assertThatThrownBy(() -> logs.putMetricFilter(r -> r.logGroupName(group).filterName("f").filterPattern("{ $.a = 1")
        .metricTransformations(metric("M", "1"))))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("If a filter pattern starts with '{' it must end with '}'"));
    assertThatThrownBy(() -> logs.putMetricFilter(r -> r.logGroupName(group).filterName("f").filterPattern("ERROR")
        .metricTransformations(metric("M", "1").toBuilder().dimensions(Map.of("a", "$.a")).build())))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified filter pattern does not support dimensions"));
    assertThatThrownBy(() -> logs.putMetricFilter(r -> r.logGroupName(group).filterName("f").filterPattern("ERROR")
        .metricTransformations(metric("M", "1"), metric("N", "1"))))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> logs.putMetricFilter(r -> r.logGroupName("/missing/" + System.nanoTime()).filterName("f")
        .filterPattern("ERROR").metricTransformations(metric("M", "1"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void describeMetricFiltersPages() {
    String group = "/mf-page/" + System.nanoTime();
    logs.createLogGroup(r -> r.logGroupName(group));
    for (int i = 0; i < 5; i++) {
      int n = i;
      logs.putMetricFilter(r -> r.logGroupName(group).filterName("f" + n).filterPattern("x").metricTransformations(metric("M", "1")));
    }
    List<String> names = new ArrayList<>();
    logs.describeMetricFiltersPaginator(r -> r.logGroupName(group).limit(2)).metricFilters()
        .forEach(f -> names.add(f.filterName()));
    assertThat(names).containsExactly("f0", "f1", "f2", "f3", "f4");
  }

  @Test
  void testMetricFilterNumbersEventsFromOne() {
    var response = logs.testMetricFilter(r -> r.filterPattern("[ip, user, status = 404]")
        .logEventMessages("1.2.3.4 bob 200", "5.6.7.8 ann 404", "x y 404"));
    assertThat(response.matches()).extracting(m -> m.eventNumber()).containsExactly(2L, 3L);
    assertThat(response.matches().get(0).extractedValues())
        .isEqualTo(Map.of("$ip", "5.6.7.8", "$user", "ann", "$status", "404"));
  }
}
