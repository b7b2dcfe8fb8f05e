package io.cwlogs.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cwlogs.core.spi.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The wire format of subscription deliveries, as CloudWatch Logs sends them to Kinesis, Firehose and Lambda.
 *
 * <p>A delivery is one JSON document, gzip-compressed. Members in this order, compact (no spaces):
 *
 * <pre>
 * {"messageType":"DATA_MESSAGE",            CONTROL_MESSAGE for the destination health check
 *  "owner":"123456789012",                  the source account ("CloudwatchLogs" in control messages)
 *  "logGroup":"/app","logStream":"web-1",   "" in control messages
 *  "subscriptionFilters":["f1"],            [] in control messages
 *  "logEvents":[{"id":"3195...","timestamp":1510254469274,"message":"..."}, ...]}
 * </pre>
 *
 * <p>Events of one delivery all come from one log stream, in ingestion order. Kinesis and Firehose
 * receive the gzip bytes as the record's data; Lambda receives {@code {"awslogs":{"data":"<base64 of the
 * gzip bytes>"}}} as its invocation payload ({@link #lambdaEnvelope}).
 */
public final class DeliveryPayload {

  private static final JsonFactory JSON = new JsonFactory();

  /** Bytes of one delivery's events at most (message bytes plus a per-event allowance), before gzip. */
  static final int MAX_EVENT_BYTES_PER_DELIVERY = 1_000_000;

  /** Allowance per event in {@link #MAX_EVENT_BYTES_PER_DELIVERY}: id, timestamp and JSON punctuation. */
  static final int EVENT_OVERHEAD = 100;

  private DeliveryPayload() {}

  /** The uncompressed JSON of a DATA_MESSAGE carrying these events of one stream. */
  public static byte[] dataMessage(
      String owner, String logGroup, String logStream, String filterName, List<Event> events) {
    return write(
        "DATA_MESSAGE", owner, logGroup, logStream, List.of(filterName), events);
  }

  /** The uncompressed JSON of the CONTROL_MESSAGE AWS sends when a filter is put, to check the destination. */
  public static byte[] controlMessage(long timestamp, TargetKind kind) {
    String text =
        "CWL CONTROL MESSAGE: Checking health of destination "
            + (kind == TargetKind.FIREHOSE ? "Firehose." : "Kinesis stream.");
    return write("CONTROL_MESSAGE", "CloudwatchLogs", "", "", List.of(), List.of(new Event("", timestamp, text)));
  }

  /** One event of a delivery. */
  public record Event(String id, long timestamp, String message) {

    static Event of(LogStreamMeta stream, StoredEvent event) {
      return new Event(
          EventSearch.eventId(new GroupScan.Item(stream, event)),
          event.timestamp(),
          new String(event.message(), StandardCharsets.UTF_8));
    }
  }

  public static byte[] gzip(byte[] json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Lambda's invocation payload for a subscription delivery. */
  public static byte[] lambdaEnvelope(byte[] gzip) {
    return ("{\"awslogs\":{\"data\":\"" + Base64.getEncoder().encodeToString(gzip) + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] write(
      String type, String owner, String group, String stream, List<String> filters, List<Event> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("messageType", type);
      g.writeStringField("owner", owner);
      g.writeStringField("logGroup", group);
      g.writeStringField("logStream", stream);
      g.writeArrayFieldStart("subscriptionFilters");
      for (String f : filters) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("logEvents");
      for (Event e : events) {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeNumberField("timestamp", e.timestamp());
        g.writeStringField("message", e.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
