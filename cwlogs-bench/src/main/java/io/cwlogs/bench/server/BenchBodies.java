package io.cwlogs.bench.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cwlogs.bench.MessagePool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * PutLogEvents bodies as the load generator's SDK client sends them: text messages of a fixed size (a log
 * line prefix, then random letters), timestamps one millisecond apart, serialised by Jackson.
 */
final class BenchBodies {

  static final long NOW = 1_795_258_800_000L;

  private BenchBodies() {}

  static String message(SplittableRandom random, int bytes) {
    return MessagePool.textLine(random, random.nextInt(10) == 0 ? "WARN" : "INFO", bytes, false);
  }

  /** {@code {"logGroupName":"bench","logStreamName":"s","logEvents":[{"timestamp":...,"message":...}, ...]}}. */
  static byte[] putLogEvents(int events, int messageBytes) {
    SplittableRandom random = new SplittableRandom(42);
    ByteArrayOutputStream out = new ByteArrayOutputStream(events * (messageBytes + 48));
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("logGroupName", "bench");
      g.writeStringField("logStreamName", "s");
      g.writeArrayFieldStart("logEvents");
      for (int i = 0; i < events; i++) {
        g.writeStartObject();
        g.writeNumberField("timestamp", NOW + i);
        g.writeStringField("message", message(random, messageBytes));
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
