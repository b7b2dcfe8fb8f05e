package io.cwlogs.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Checks a decoded request against the service model's constraints and fails as AWS does.
 *
 * <p>The SDK's classes know each member's name and type, not its constraints; those come from
 * {@code logs-constraints.json}, extracted from botocore's copy of the service model by
 * {@code scripts/gen_constraints.py}. AWS reports every violated constraint at once, pattern before length,
 * nested members as {@code logEvents.1.member.message}:
 *
 * <pre>2 validation errors detected: Value '' at 'logGroupName' failed to satisfy constraint: Member must
 * satisfy regular expression pattern: [\.\-_/#A-Za-z0-9]+; Value '' at 'logGroupName' failed to satisfy
 * constraint: Member must have length greater than or equal to 1</pre>
 */
public final class RequestValidator {

  private record Shape(
      String type,
      Optional<Double> min,
      Optional<Double> max,
      Optional<Pattern> pattern,
      Optional<String> patternText,
      List<String> enumValues,
      List<String> required,
      Map<String, String> members,
      Optional<String> listMember,
      Optional<String> mapValue) {}

  private final Map<String, Shape> shapes = new HashMap<>();
  private final Map<String, String> inputShapeByOperation = new HashMap<>();

  private RequestValidator(JsonNode model) {
    model.get("shapes").properties().forEach(e -> shapes.put(e.getKey(), shapeOf(e.getValue())));
    model
        .get("operations")
        .properties()
        .forEach(
            e -> {
              JsonNode input = e.getValue().get("input");
              if (input != null && !input.isNull()) {
                inputShapeByOperation.put(e.getKey(), input.asText());
              }
            });
  }

  /**
   * The constraints shipped with this module, loaded once per JVM. The server warms this on a second
   * thread while its store opens, so start-up pays for parsing the model only once and in parallel.
   */
  public static RequestValidator shared() {
    return Shared.INSTANCE;
  }

  private static final class Shared {
    static final RequestValidator INSTANCE = load();
  }

  /** Loads the constraints shipped with this module. */
  public static RequestValidator load() {
    try (InputStream in = RequestValidator.class.getResourceAsStream("logs-constraints.json")) {
      if (in == null) {
        throw new IllegalStateException("logs-constraints.json is missing from the classpath");
      }
      return new RequestValidator(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation of the service model, by name. */
  public java.util.Set<String> operations() {
    return java.util.Collections.unmodifiableSet(inputShapeByOperation.keySet());
  }

  /**
   * Validates a request of the named operation.
   *
   * @throws InvalidParameterException listing every violated constraint, AWS's way
   */
  public void validate(String operation, SdkPojo request) {
    String inputShape = inputShapeByOperation.get(operation);
    if (inputShape == null) {
      return;
    }
    List<String> errors = new ArrayList<>();
    checkStructure(shapes.get(inputShape), request, "", errors);
    if (!errors.isEmpty()) {
      String count =
          errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
      throw new InvalidParameterException(count + String.join("; ", errors));
    }
  }

  private void checkStructure(Shape shape, SdkPojo pojo, String path, List<String> errors) {
    for (SdkField<?> field : pojo.sdkFields()) {
      String name = field.locationName();
      String shapeName = shape.members().get(name);
      if (shapeName == null) {
        continue;
      }
      Object value = field.getValueOrDefault(pojo);
      if (value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
          || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>) {
        value = null;
      }
      String memberPath = path.isEmpty() ? name : path + "." + name;
      if (value == null) {
        if (shape.required().contains(name)) {
          errors.add("Value null at '" + memberPath + "' failed to satisfy constraint: Member must not be null");
        }
        continue;
      }
      checkValue(shapes.get(shapeName), value, memberPath, errors);
    }
  }

  private void checkValue(Shape shape, Object value, String path, List<String> errors) {
    if (shape == null) {
      return;
    }
    // Built only when a constraint fails: rendering a value (a 10,000-event list, say) costs more than
    // checking it.
    Supplier<String> prefix =
        () -> "Value " + render(value) + " at '" + path + "' failed to satisfy constraint: Member must ";
    switch (value) {
      case String s -> {
        if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(s)) {
          errors.add(prefix.get() + "satisfy enum value set: " + shape.enumValues());
        }
        if (shape.pattern().isPresent() && !shape.pattern().get().matcher(s).matches()) {
          errors.add(prefix.get() + "satisfy regular expression pattern: " + shape.patternText().get());
        }
        checkLength(shape, s.length(), prefix, errors);
      }
      case Number n -> {
        shape.min().filter(min -> n.doubleValue() < min)
            .ifPresent(min -> errors.add(prefix.get() + "have value greater than or equal to " + integral(min)));
        shape.max().filter(max -> n.doubleValue() > max)
            .ifPresent(max -> errors.add(prefix.get() + "have value less than or equal to " + integral(max)));
      }
      case List<?> list -> {
        checkLength(shape, list.size(), prefix, errors);
        if (shape.listMember().isPresent()) {
          Shape member = shapes.get(shape.listMember().get());
          for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item != null) {
              checkValue(member, item, path + "." + (i + 1) + ".member", errors);
            }
          }
        }
      }
      case Map<?, ?> map -> {
        checkLength(shape, map.size(), prefix, errors);
        if (shape.mapValue().isPresent()) {
          Shape member = shapes.get(shape.mapValue().get());
          for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() != null) {
              checkValue(member, e.getValue(), path + "." + e.getKey() + ".member", errors);
            }
          }
        }
      }
      case SdkPojo pojo -> {
        if ("structure".equals(shape.type())) {
          checkStructure(shape, pojo, path, errors);
        }
      }
      default -> {}
    }
  }

  private static void checkLength(Shape shape, int length, Supplier<String> prefix, List<String> errors) {
    shape.min().filter(min -> length < min)
        .ifPresent(min -> errors.add(prefix.get() + "have length greater than or equal to " + integral(min)));
    shape.max().filter(max -> length > max)
        .ifPresent(max -> errors.add(prefix.get() + "have length less than or equal to " + integral(max)));
  }

  private static String integral(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** AWS quotes strings and prints other values plainly (lists as {@code [a, b]}). */
  private static String render(Object value) {
    return value instanceof String s ? "'" + s + "'" : "'" + value + "'";
  }

  private static Shape shapeOf(JsonNode node) {
    Optional<String> patternText = Optional.ofNullable(node.get("pattern")).map(JsonNode::asText);
    Optional<Pattern> pattern = patternText.flatMap(RequestValidator::compile);
    List<String> enums = new ArrayList<>();
    node.path("enum").forEach(v -> enums.add(v.asText()));
    List<String> required = new ArrayList<>();
    node.path("required").forEach(v -> required.add(v.asText()));
    Map<String, String> members = new HashMap<>();
    node.path("members").properties().forEach(e -> members.put(e.getKey(), e.getValue().asText()));
    return new Shape(
        node.path("type").asText(),
        Optional.ofNullable(node.get("min")).map(JsonNode::asDouble),
        Optional.ofNullable(node.get("max")).map(JsonNode::asDouble),
        pattern,
        patternText,
        List.copyOf(enums),
        List.copyOf(required),
        Map.copyOf(members),
        Optional.ofNullable(node.get("member")).map(JsonNode::asText),
        Optional.ofNullable(node.get("value")).map(JsonNode::asText));
  }

  private static Optional<Pattern> compile(String regex) {
    try {
      return Optional.of(Pattern.compile(regex, Pattern.DOTALL));
    } catch (PatternSyntaxException e) {
      // A model pattern Java cannot read is not checked rather than rejecting valid requests.
      return Optional.empty();
    }
  }
}
