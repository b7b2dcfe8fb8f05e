package io.cwlogs.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.cwlogs.core.SerializationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * The JSON 1.1 codec for every CloudWatch Logs operation, driven by the AWS SDK's own field metadata.
 *
 * <p>Each SDK model class lists its members ({@link SdkPojo#sdkFields()}) with their wire name, type and
 * setter, so one generic walk decodes any request body into the SDK's request object and encodes any
 * response object, with no hand-written classes per operation.
 *
 * <p>Decoding is lenient where AWS is: members in any order, unknown members ignored, {@code null} values
 * treated as absent ({@code "sequenceToken": null} from CloudWatchLogs.jl), numbers sent as strings
 * (Electric Imp's agent sends timestamps that way). A value of the wrong kind fails with
 * {@code SerializationException}, as it does on AWS.
 */
public final class JsonCodec {

  private final ObjectMapper mapper;

  public JsonCodec() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build())
        .build();
    this.mapper = new ObjectMapper(factory);
  }

  /** Decodes a request body into the SDK request class. An empty body is an empty request. */
  public SdkPojo decode(byte[] body, Class<? extends SdkPojo> requestType) {
    JsonNode root;
    try {
      root = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
    } catch (IOException e) {
      throw invalidJson();
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      root = mapper.createObjectNode();
    }
    if (!root.isObject()) {
      throw notAnObject();
    }
    return decodeStructure(root, newBuilder(requestType));
  }

  // ---- for PutLogEventsDecoder, which must fail exactly as decode() does ----

  /** A streaming parser over a body, with the same settings and limits as {@link #decode}'s. */
  JsonParser parser(byte[] body) throws IOException {
    return mapper.createParser(body);
  }

  /** The value at the parser's current token as {@link #decode} would see it, as a tree. */
  JsonNode readTree(JsonParser parser) throws IOException {
    return mapper.readTree(parser);
  }

  /** One member's value decoded as {@link #decode} decodes it (the node is not JSON null). */
  Object decodeMember(SdkField<?> field, JsonNode node) {
    return decodeValue(field, node);
  }

  static SerializationException invalidJson() {
    return new SerializationException("The request body is not valid JSON.");
  }

  static SerializationException notAnObject() {
    return new SerializationException("Start of structure or map found where not expected.");
  }

  private static SdkPojo newBuilder(Class<? extends SdkPojo> type) {
    try {
      return (SdkPojo) type.getMethod("builder").invoke(null);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("not an SDK model class: " + type, e);
    }
  }

  private SdkPojo decodeStructure(JsonNode node, SdkPojo builder) {
    if (!node.isObject()) {
      throw wrongType(node, "structure");
    }
    for (SdkField<?> field : builder.sdkFields()) {
      JsonNode value = node.get(field.locationName());
      if (value != null && !value.isNull()) {
        field.set(builder, decodeValue(field, value));
      }
    }
    return (SdkPojo) ((Buildable) builder).build();
  }

  private Object decodeValue(SdkField<?> field, JsonNode node) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      if (!node.isTextual()) {
        throw wrongType(node, "string");
      }
      return node.textValue();
    }
    if (type == MarshallingType.LONG) {
      return integral(node);
    }
    if (type == MarshallingType.INTEGER) {
      long v = integral(node);
      if (v != (int) v) {
        throw new SerializationException("Numeric value (" + v + ") out of range of int.");
      }
      return (int) v;
    }
    if (type == MarshallingType.SHORT) {
      return (short) integral(node);
    }
    if (type == MarshallingType.DOUBLE) {
      return decimal(node).doubleValue();
    }
    if (type == MarshallingType.FLOAT) {
      return decimal(node).floatValue();
    }
    if (type == MarshallingType.BIG_DECIMAL) {
      return decimal(node);
    }
    if (type == MarshallingType.BOOLEAN) {
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
        return Boolean.parseBoolean(node.textValue());
      }
      throw wrongType(node, "boolean");
    }
    if (type == MarshallingType.INSTANT) {
      BigDecimal seconds = decimal(node);
      return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
    if (type == MarshallingType.SDK_BYTES) {
      if (!node.isTextual()) {
        throw wrongType(node, "blob");
      }
      try {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()));
      } catch (IllegalArgumentException e) {
        throw new SerializationException("Blob value is not valid base64.");
      }
    }
    if (type == MarshallingType.SDK_POJO) {
      return decodeStructure(node, field.constructor().get());
    }
    if (type == MarshallingType.LIST) {
      if (!node.isArray()) {
        throw wrongType(node, "list");
      }
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        list.add(item.isNull() ? null : decodeValue(member, item));
      }
      return list;
    }
    if (type == MarshallingType.MAP) {
      if (!node.isObject()) {
        throw wrongType(node, "map");
      }
      SdkField<?> value = field.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? null : decodeValue(value, e.getValue())));
      return map;
    }
    if (type == MarshallingType.DOCUMENT) {
      return toDocument(node);
    }
    throw new SerializationException("Unsupported member type for " + field.locationName());
  }

  static long integral(JsonNode node) {
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw new SerializationException("Numeric value (" + node.asText() + ") out of range of long.");
      }
      return node.longValue();
    }
    BigDecimal d = decimal(node);
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw new SerializationException("Numeric value (" + node.asText() + ") is not an integer.");
    }
  }

  private static BigDecimal decimal(JsonNode node) {
    if (node.isNumber()) {
      // A float beyond double's range (1e400) is read as Infinity, which has no BigDecimal.
      if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
        throw new SerializationException("Numeric value (" + node.asText() + ") out of range of double.");
      }
      return node.decimalValue();
    }
    if (node.isTextual()) {
      try {
        return new BigDecimal(node.textValue().trim());
      } catch (NumberFormatException e) {
        throw new SerializationException("NUMBER_VALUE cannot be converted from '" + node.textValue() + "'.");
      }
    }
    throw wrongType(node, "number");
  }

  static SerializationException wrongType(JsonNode node, String expected) {
    String found = node.getNodeType() == JsonNodeType.OBJECT ? "Start of structure or map" :
        node.getNodeType() == JsonNodeType.ARRAY ? "Start of list" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
    return new SerializationException(found + " found where " + expected + " was expected.");
  }

  private static Document toDocument(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> {
        Map<String, Document> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), toDocument(e.getValue())));
        yield Document.fromMap(map);
      }
      case ARRAY -> {
        List<Document> list = new ArrayList<>();
        node.forEach(n -> list.add(toDocument(n)));
        yield Document.fromList(list);
      }
      case STRING -> Document.fromString(node.textValue());
      case NUMBER -> Document.fromNumber(node.decimalValue());
      case BOOLEAN -> Document.fromBoolean(node.booleanValue());
      default -> Document.fromNull();
    };
  }

  // ---- encoding ----

  /** Encodes an SDK response (or any model object) as a JSON 1.1 body. */
  public byte[] encode(SdkPojo pojo) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      writeStructure(g, pojo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void writeStructure(JsonGenerator g, SdkPojo pojo) throws IOException {
    g.writeStartObject();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
        continue;
      }
      g.writeFieldName(field.locationName());
      writeValue(g, field, value);
    }
    g.writeEndObject();
  }

  private void writeValue(JsonGenerator g, SdkField<?> field, Object value) throws IOException {
    switch (value) {
      case String s -> g.writeString(s);
      case Integer i -> g.writeNumber(i);
      case Long l -> g.writeNumber(l);
      case Short s -> g.writeNumber(s);
      case Double d -> g.writeNumber(d);
      case Float f -> g.writeNumber(f);
      case BigDecimal d -> g.writeNumber(d);
      case Boolean b -> g.writeBoolean(b);
      case Instant t -> g.writeNumber(BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3));
      case SdkBytes b -> g.writeString(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
      case SdkPojo p -> writeStructure(g, p);
      case List<?> list -> {
        SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
        g.writeStartArray();
        for (Object item : list) {
          if (item == null) {
            g.writeNull();
          } else {
            writeValue(g, member, item);
          }
        }
        g.writeEndArray();
      }
      case Map<?, ?> map -> {
        SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
        g.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          g.writeFieldName(String.valueOf(e.getKey()));
          if (e.getValue() == null) {
            g.writeNull();
          } else {
            writeValue(g, member, e.getValue());
          }
        }
        g.writeEndObject();
      }
      case Document d -> mapper.writeTree(g, mapper.readTree(d.toString()));
      default -> g.writeString(value.toString());
    }
  }
}
