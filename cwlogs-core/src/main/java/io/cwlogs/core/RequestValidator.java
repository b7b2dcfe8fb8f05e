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
    throwIfAny(errors);
  }

  /** Throws AWS's "N validation errors detected: ..." for the messages collected, if there are any. */
  public static void throwIfAny(List<String> errors) {
    if (!errors.isEmpty()) {
      String count =
          errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
      throw new InvalidParameterException(count + String.join("; ", errors));
    }
  }

  /** The name of an operation's input shape ({@code PutLogEventsRequest}), if the model gives one. */
  public Optional<String> inputShape(String operation) {
    return Optional.ofNullable(inputShapeByOperation.get(operation));
  }

  /**
   * Checks one member of a structure exactly as {@link #validate} would, adding AWS's messages to
   * {@code errors}. {@code value} is the decoded member, {@code null} when absent; {@code path} is where the
   * messages say it is ({@code logGroupName}, {@code logEvents.3.member.message}).
   */
  public void checkMember(String structureShape, String member, Object value, String path, List<String> errors) {
    Shape structure = shape(structureShape);
    if (structure.members().containsKey(member)) {
      checkMember(structure, member, value, path, errors);
    }
  }

  /** Checks one item of a list shape exactly as {@link #validate} would; a {@code null} item is an error. */
  public void checkListItem(String listShape, Object item, String path, List<String> errors) {
    checkListItem(shape(shape(listShape).listMember().orElseThrow()), item, path, errors);
  }

  /**
   * One member's constraints, for code that checks values without building SDK objects first (the
   * PutLogEvents fast path); the messages still come from {@link #checkMember}.
   *
   * @param shape the member's shape name
   * @param type the shape's type ({@code string}, {@code long}, {@code list}, ...)
   * @param required whether the structure requires the member
   * @param min the shape's minimum (length or value), {@code -Infinity} when it has none
   * @param max the shape's maximum, {@code +Infinity} when it has none
   * @param hasPatternOrEnum whether the shape also constrains a string's content
   * @param listMember the item shape, for a list
   */
  public record MemberConstraints(
      String shape, String type, boolean required, double min, double max, boolean hasPatternOrEnum,
      Optional<String> listMember) {}

  /** The constraints on a member of a structure shape; throws if the model has no such member. */
  public MemberConstraints constraints(String structureShape, String member) {
    Shape structure = shape(structureShape);
    String name = Optional.ofNullable(structure.members().get(member))
        .orElseThrow(() -> new IllegalArgumentException(structureShape + " has no member " + member));
    Shape shape = shape(name);
    return new MemberConstraints(
        name, shape.type(), structure.required().contains(member),
        shape.min().orElse(Double.NEGATIVE_INFINITY), shape.max().orElse(Double.POSITIVE_INFINITY),
        shape.pattern().isPresent() || shape.patternText().isPresent() || !shape.enumValues().isEmpty(),
        shape.listMember());
  }

  private Shape shape(String name) {
    return Optional.ofNullable(shapes.get(name))
        .orElseThrow(() -> new IllegalArgumentException("no shape " + name + " in the service model"));
  }

  private void checkStructure(Shape shape, SdkPojo pojo, String path, List<String> errors) {
    for (SdkField<?> field : pojo.sdkFields()) {
      String name = field.locationName();
      if (!shape.members().containsKey(name)) {
        continue;
      }
      Object value = field.getValueOrDefault(pojo);
      if (value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
          || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>) {
        value = null;
      }
      checkMember(shape, name, value, path.isEmpty() ? name : path + "." + name, errors);
    }
  }

  private void checkMember(Shape structure, String name, Object value, String path, List<String> errors) {
    if (value == null) {
      if (structure.required().contains(name)) {
        errors.add(mustNotBeNull(path));
      }
      return;
    }
    checkValue(shapes.get(structure.members().get(name)), value, path, errors);
  }

  /**
   * A {@code null} item in a list (JSON {@code [null]}) is reported like a missing required member: the
   * operations cannot use it, and letting it through made PutLogEvents fail with a 500.
   */
  private void checkListItem(Shape member, Object item, String path, List<String> errors) {
    if (item == null) {
      errors.add(mustNotBeNull(path));
    } else {
      checkValue(member, item, path, errors);
    }
  }

  private static String mustNotBeNull(String path) {
    return "Value null at '" + path + "' failed to satisfy constraint: Member must not be null";
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
            checkListItem(member, list.get(i), path + "." + (i + 1) + ".member", errors);
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
