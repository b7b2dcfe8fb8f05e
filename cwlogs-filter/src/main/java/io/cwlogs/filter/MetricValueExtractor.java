package io.cwlogs.filter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A metric filter's transformation: turns a matching event into a {@link MetricSample} from the
 * filter's pattern, its {@code metricValue} ({@code "1"}, {@code "$.field"}, {@code "$name"} or
 * {@code "$7"}) and its dimensions ({@code name -> "$.field"} or {@code name -> "$name"}).
 *
 * <p>References are checked against the pattern once, at creation, so that PutMetricFilter can
 * reject a bad filter; a reference that cannot be resolved for one event (missing, or not a number)
 * just yields no sample for that event.
 */
public final class MetricValueExtractor {
  /** AWS's limit on the length of {@code metricValue}. */
  public static final int MAX_METRIC_VALUE_LENGTH = 100;

  /** AWS's limit on the number of dimensions. */
  public static final int MAX_DIMENSIONS = 3;

  private final FilterPattern pattern;
  private final Ref value;
  private final Map<String, Ref> dimensions;

  /** A parsed {@code metricValue} or dimension value. */
  private sealed interface Ref {}

  private record Constant(double value) implements Ref {}

  private record JsonRef(JsonSelector selector) implements Ref {}

  private record FieldRef(String name) implements Ref {}

  private record PositionRef(int position) implements Ref {}

  private MetricValueExtractor(FilterPattern pattern, Ref value, Map<String, Ref> dimensions) {
    this.pattern = pattern;
    this.value = value;
    this.dimensions = dimensions;
  }

  /**
   * Checks and compiles a transformation.
   *
   * @throws InvalidMetricTransformationException when the value or a dimension is malformed or does
   *     not fit the pattern's kind
   */
  public static MetricValueExtractor create(
      FilterPattern pattern, String metricValue, Map<String, String> dimensions) {
    if (metricValue == null
        || metricValue.isEmpty()
        || metricValue.length() > MAX_METRIC_VALUE_LENGTH) {
      throw new InvalidMetricTransformationException("Invalid metric value");
    }
    if (!dimensions.isEmpty() && !pattern.supportsDimensions()) {
      throw new InvalidMetricTransformationException(
          InvalidMetricTransformationException.NO_DIMENSIONS);
    }
    if (dimensions.size() > MAX_DIMENSIONS) {
      throw new InvalidMetricTransformationException(
          "Metric filters can have at most " + MAX_DIMENSIONS + " dimensions");
    }
    Ref v = parse(pattern, metricValue, true);
    Map<String, Ref> dims = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : dimensions.entrySet()) {
      Ref r = parse(pattern, e.getValue(), false);
      if (r instanceof Constant || r instanceof PositionRef) {
        throw new InvalidMetricTransformationException(
            "Invalid dimension value for '" + e.getKey() + "': " + e.getValue());
      }
      dims.put(e.getKey(), r);
    }
    return new MetricValueExtractor(pattern, v, Map.copyOf(dims));
  }

  private static Ref parse(FilterPattern pattern, String text, boolean isValue) {
    String what = isValue ? "metric value" : "dimension value";
    if (text == null || text.isEmpty()) {
      throw new InvalidMetricTransformationException("Invalid " + what);
    }
    if (!text.startsWith("$")) {
      double d = isValue ? Numbers.parse(text) : Double.NaN;
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new InvalidMetricTransformationException("Invalid " + what + ": " + text);
      }
      return new Constant(d);
    }
    if (text.startsWith("$.") || text.startsWith("$[")) {
      if (pattern.kind() != PatternKind.JSON) {
        throw new InvalidMetricTransformationException(
            "Invalid " + what + ": " + text + " needs a JSON filter pattern");
      }
      try {
        int[] end = new int[1];
        JsonSelector sel = JsonSelector.parse(text, 0, end);
        if (end[0] != text.length()) {
          throw new InvalidMetricTransformationException("Invalid " + what + ": " + text);
        }
        return new JsonRef(sel);
      } catch (InvalidFilterPatternException e) {
        throw new InvalidMetricTransformationException("Invalid " + what + ": " + text);
      }
    }
    String name = text.substring(1);
    if (pattern.kind() != PatternKind.SPACE_DELIMITED || name.isEmpty()) {
      throw new InvalidMetricTransformationException(
          "Invalid " + what + ": " + text + " needs a space-delimited filter pattern");
    }
    if (name.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (name.length() > 6 || Integer.parseInt(name) < 1) {
        throw new InvalidMetricTransformationException("Invalid " + what + ": " + text);
      }
      return new PositionRef(Integer.parseInt(name));
    }
    SpaceDelimitedPattern sp = (SpaceDelimitedPattern) pattern.node();
    boolean known =
        sp.fields().stream()
            .anyMatch(f -> f instanceof SpaceDelimitedPattern.Named n && n.name().equals(name));
    if (!known) {
      throw new InvalidMetricTransformationException(
          "Invalid " + what + ": " + text + " is not a field of the filter pattern");
    }
    return new FieldRef(name);
  }

  /** The pattern this transformation belongs to. */
  public FilterPattern pattern() {
    return pattern;
  }

  /**
   * The sample a message contributes: empty when it does not match or the value is missing or not a
   * number. Dimensions that cannot be resolved are left out of the sample.
   */
  public Optional<MetricSample> extract(String message) {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    return extract(b, 0, b.length);
  }

  /** As {@link #extract(String)}, for a UTF-8 message. */
  public Optional<MetricSample> extract(byte[] utf8, int offset, int length) {
    if (!pattern.matches(utf8, offset, length)) {
      return Optional.empty();
    }
    Optional<String> raw = resolve(value, utf8, offset, length);
    double v;
    if (value instanceof Constant c) {
      v = c.value();
    } else if (raw.isEmpty()) {
      return Optional.empty();
    } else {
      v = Numbers.parse(raw.get().strip());
      if (Double.isNaN(v)) {
        return Optional.empty(); // e.g. "-" for a missing size: the event is skipped
      }
    }
    Map<String, String> dims = new LinkedHashMap<>();
    for (Map.Entry<String, Ref> e : dimensions.entrySet()) {
      resolve(e.getValue(), utf8, offset, length).ifPresent(s -> dims.put(e.getKey(), s));
    }
    return Optional.of(new MetricSample(v, dims));
  }

  private Optional<String> resolve(Ref ref, byte[] utf8, int offset, int length) {
    return switch (ref) {
      case Constant c -> Optional.of(Double.toString(c.value()));
      case JsonRef j -> JsonPattern.select(utf8, offset, length, j.selector());
      case FieldRef f ->
          Optional.ofNullable(
              ((SpaceDelimitedPattern) pattern.node())
                  .extract(utf8, offset, length)
                  .get("$" + f.name()));
      case PositionRef p ->
          ((SpaceDelimitedPattern) pattern.node()).positional(utf8, offset, length, p.position());
    };
  }
}
