package io.cwlogs.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cwlogs.core.LogEventArrays;
import io.cwlogs.core.PutLogEventsBatch;
import io.cwlogs.core.SerializationException;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.cloudwatchlogs.model.Entity;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * The PutLogEvents body decoder of the server's fast path: reads the JSON with Jackson's streaming parser
 * straight into a {@link PutLogEventsBatch}, timestamps into a {@code long[]} and messages into UTF-8
 * {@code byte[]}s, with no tree, no SDK object and no {@code String} per event.
 *
 * <p>Implementation notes. It must answer every body exactly as {@link JsonCodec#decode} does (the
 * equivalence test feeds both the same bodies), and that codec works differently: it first parses the
 * whole body into a tree — so malformed JSON anywhere wins over everything, and of a member given twice
 * the last one counts — then walks the SDK's members in their declared order and fails on the first value
 * of the wrong kind. Here, a member is decoded when it is met, and a value of the wrong kind is remembered
 * rather than thrown: parsing goes on to the end of the object (a syntax error later still wins), and
 * then the remembered failures are thrown in the SDK's member order. Within {@code logEvents} the first
 * bad item is the list's failure, and within an event the timestamp's comes before the message's, as the
 * SDK orders them. A member met again replaces what was decoded or remembered for it.
 *
 * <p>Only the ordinary shapes are decoded here: a string message, an integer timestamp that fits in a
 * long, a string name. Anything else — a timestamp sent as a string or a float, a value of the wrong
 * kind, an unknown member, the rare {@code entity} — is read into a Jackson tree at that point and handed
 * to the generic codec's own functions, so its conversions and messages are the generic ones by
 * construction and the parser checks the value the way tree building would (number lengths, escapes).
 * After the root object's end nothing is read, as the tree parser reads nothing after the root value.
 *
 * <p>Messages: Jackson decodes each string's UTF-8 into its char buffer ({@code getTextCharacters}, no
 * {@code String}), and {@link Utf8Encoder} encodes those chars back exactly as {@code String.getBytes}
 * would, so a lone surrogate escape ({@code "\ud83d"}) becomes {@code ?} here too. Copying the raw body
 * bytes instead would skip a step but differ where Jackson accepts input that is not valid UTF-8.
 */
public final class PutLogEventsDecoder {

  private static final int INITIAL_CAPACITY = 64;

  private final JsonCodec codec;
  private final SdkField<?> entityField;

  public PutLogEventsDecoder(JsonCodec codec) {
    this.codec = codec;
    PutLogEventsBatch.requireSdkShape();
    this.entityField =
        PutLogEventsRequest.builder().build().sdkFields().get(PutLogEventsBatch.MEMBERS.indexOf("entity"));
  }

  /**
   * Decodes a PutLogEvents body; throws the {@link SerializationException} {@link JsonCodec#decode} would
   * throw for it.
   */
  public PutLogEventsBatch decode(byte[] body) {
    try (JsonParser p = codec.parser(body)) {
      JsonToken root = p.nextToken();
      if (root == null || root == JsonToken.VALUE_NULL) {
        return empty();
      }
      if (root != JsonToken.START_OBJECT) {
        codec.readTree(p); // a malformed array is invalid JSON before it is the wrong kind
        throw JsonCodec.notAnObject();
      }
      return readRequest(p);
    } catch (IOException e) {
      throw JsonCodec.invalidJson();
    }
  }

  private static PutLogEventsBatch empty() {
    return new PutLogEventsBatch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private PutLogEventsBatch readRequest(JsonParser p) throws IOException {
    Decoded<String> group = Decoded.absent();
    Decoded<String> stream = Decoded.absent();
    Decoded<LogEventArrays> events = Decoded.absent();
    Decoded<String> token = Decoded.absent();
    Decoded<Entity> entity = Decoded.absent();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "logGroupName" -> group = string(p, value);
        case "logStreamName" -> stream = string(p, value);
        case "logEvents" -> events = events(p, value);
        case "sequenceToken" -> token = string(p, value);
        case "entity" -> entity = entity(p, value);
        default -> codec.readTree(p); // unknown: parsed as the tree would parse it, then ignored
      }
    }
    // A remembered failure is thrown by get(); arguments are evaluated left to right, so in the order of
    // PutLogEventsBatch.MEMBERS, as the generic codec fails on the first bad member it decodes.
    return new PutLogEventsBatch(group.get(), stream.get(), events.get(), token.get(), entity.get());
  }

  private Decoded<String> string(JsonParser p, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_STRING -> Decoded.of(p.getText());
      case VALUE_NULL -> Decoded.absent();
      default -> Decoded.failed(JsonCodec.wrongType(codec.readTree(p), "string"));
    };
  }

  private Decoded<Entity> entity(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return Decoded.absent();
    }
    var node = codec.readTree(p);
    try {
      return Decoded.of((Entity) codec.decodeMember(entityField, node));
    } catch (SerializationException e) {
      return Decoded.failed(e);
    }
  }

  private Decoded<LogEventArrays> events(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return Decoded.absent();
    }
    if (value != JsonToken.START_ARRAY) {
      return Decoded.failed(JsonCodec.wrongType(codec.readTree(p), "list"));
    }
    LogEventArrays events = LogEventArrays.withCapacity(INITIAL_CAPACITY);
    SerializationException firstFailure = null;
    for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
      SerializationException failure;
      if (item == JsonToken.START_OBJECT) {
        failure = readEvent(p, events);
      } else if (item == JsonToken.VALUE_NULL) {
        events.addNull();
        failure = null;
      } else {
        failure = JsonCodec.wrongType(codec.readTree(p), "structure");
      }
      if (firstFailure == null) {
        firstFailure = failure;
      }
    }
    return firstFailure == null ? Decoded.of(events) : Decoded.failed(firstFailure);
  }

  /** Reads one event object into {@code events}, or returns why the generic codec would reject it. */
  private SerializationException readEvent(JsonParser p, LogEventArrays events) throws IOException {
    long timestamp = 0;
    boolean hasTimestamp = false;
    byte[] message = null;
    SerializationException timestampFailure = null;
    SerializationException messageFailure = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "timestamp" -> {
          hasTimestamp = false;
          timestampFailure = null;
          if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            timestamp = p.getLongValue();
            hasTimestamp = true;
          } else if (value != JsonToken.VALUE_NULL) {
            // A string (Electric Imp), a float, a big integer or the wrong kind: the generic conversion.
            try {
              timestamp = JsonCodec.integral(codec.readTree(p));
              hasTimestamp = true;
            } catch (SerializationException e) {
              timestampFailure = e;
            }
          }
        }
        case "message" -> {
          message = null;
          messageFailure = null;
          if (value == JsonToken.VALUE_STRING) {
            message = Utf8Encoder.encode(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          } else if (value != JsonToken.VALUE_NULL) {
            messageFailure = JsonCodec.wrongType(codec.readTree(p), "string");
          }
        }
        default -> codec.readTree(p);
      }
    }
    if (timestampFailure != null || messageFailure != null) {
      return timestampFailure != null ? timestampFailure : messageFailure;
    }
    if (hasTimestamp && message != null) {
      events.add(timestamp, message);
    } else {
      events.add(hasTimestamp ? OptionalLong.of(timestamp) : OptionalLong.empty(), Optional.ofNullable(message));
    }
    return null;
  }

  /** A member as decoded so far: absent, a value, or the failure the generic codec would throw for it. */
  private record Decoded<T>(Optional<T> value, Optional<SerializationException> failure) {

    static <T> Decoded<T> absent() {
      return new Decoded<>(Optional.empty(), Optional.empty());
    }

    static <T> Decoded<T> of(T value) {
      return new Decoded<>(Optional.of(value), Optional.empty());
    }

    static <T> Decoded<T> failed(SerializationException failure) {
      return new Decoded<>(Optional.empty(), Optional.of(failure));
    }

    /** The value, or the failure thrown. */
    Optional<T> get() {
      if (failure.isPresent()) {
        throw failure.get();
      }
      return value;
    }
  }
}
