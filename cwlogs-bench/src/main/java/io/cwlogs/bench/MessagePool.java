package io.cwlogs.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Pre-generated log messages of one shape and size, which the ingest threads cycle through.
 *
 * <p>Messages are generated before the clock starts and reused, so the generator's own CPU (it shares
 * the machine with the server) goes to the SDK call, not to {@code String.format}. Exactly 1 in 10,000
 * carries the rare term {@code FATAL}, so FilterLogEvents for it finds some; about 1 in 10 is {@code WARN},
 * the rest {@code INFO}; 1 in 20 has status 500 (JSON and access-log shapes).
 *
 * <p>Shapes: {@code text} (an application log line), {@code json} (one flat object per line) and
 * {@code access} (an Apache/nginx combined-log line). Each message is padded or cut to exactly
 * {@code --message-bytes} ASCII bytes, with random letters (nearly incompressible) or, with
 * {@code --padding words}, {@code key=value} words and ids as real logs have.
 */
public final class MessagePool {

  /** The term 1 in 10,000 messages carry. */
  static final String RARE = "FATAL";

  private static final String[] WORDS = {
    "user=", "session=", "request_id=", "latency_ms=", "region=eu-west-1", "cache=hit", "cache=miss",
    "db_ms=", "items=", "retry=", "status=ok", "tenant=", "shard=", "bytes=", "queue=orders", "attempt="
  };

  private final String[] messages;
  private final int[] bytes;

  private MessagePool(String[] messages) {
    this.messages = messages;
    this.bytes = new int[messages.length];
    for (int i = 0; i < messages.length; i++) {
      bytes[i] = messages[i].getBytes(StandardCharsets.UTF_8).length;
    }
  }

  /** A pool large enough that consecutive batches differ: at least 20,000 messages and 4 batches. */
  static MessagePool generate(LoadSettings s) {
    String[] messages = new String[Math.max(s.batch() * 4, 20_000)];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < messages.length; i++) {
      messages[i] = message(s, random, i % 10_000 == 0);
    }
    return new MessagePool(messages);
  }

  int size() {
    return messages.length;
  }

  String message(int i) {
    return messages[i];
  }

  /** UTF-8 bytes of message {@code i} (what AWS counts, before the 26 bytes of per-event overhead). */
  int bytes(int i) {
    return bytes[i];
  }

  int maxBytes() {
    int max = 0;
    for (int b : bytes) {
      max = Math.max(max, b);
    }
    return max;
  }

  static String message(LoadSettings s, RandomGenerator random, boolean rare) {
    String level = rare ? RARE : random.nextInt(10) == 0 ? "WARN" : "INFO";
    int status = random.nextInt(20) == 0 ? 500 : 200;
    String base = switch (s.shape()) {
      case JSON -> String.format(Locale.ROOT, "{\"level\":\"%s\",\"service\":\"svc-%d\",\"status\":%d,\"latency_ms\":%d,"
          + "\"path\":\"/api/v1/items/%d\",\"msg\":\"", level, random.nextInt(8), status, random.nextInt(900),
          random.nextInt(100_000));
      case ACCESS -> String.format(Locale.ROOT, "10.0.%d.%d - - [21/Nov/2026:12:00:00 +0000] \"GET /api/v1/items/%d HTTP/1.1\" "
          + "%d %d \"-\" \"curl/8.0\" %s ", random.nextInt(256), random.nextInt(256), random.nextInt(100_000), status,
          random.nextInt(5000), level);
      case TEXT -> textPrefix(random, level);
    };
    if (s.shape() == LoadSettings.Shape.JSON) {
      return pad(base, s.messageBytes() - 2, s.wordPadding(), random) + "\"}";
    }
    return pad(base, s.messageBytes(), s.wordPadding(), random);
  }

  /**
   * An application-log line as {@code --shape text} makes it, at {@code level}, of exactly {@code bytes}
   * ASCII bytes; the JMH benchmarks use it so their corpus is the load generator's.
   */
  public static String textLine(RandomGenerator random, String level, int bytes, boolean wordPadding) {
    return pad(textPrefix(random, level), bytes, wordPadding, random);
  }

  private static String textPrefix(RandomGenerator random, String level) {
    return String.format(Locale.ROOT, "2026-11-21T12:00:00.000Z %s [worker-%d] c.e.OrderService - order %d processed for "
        + "customer %d ", level, random.nextInt(16), random.nextInt(1_000_000), random.nextInt(100_000));
  }

  /** {@code base} padded or cut to {@code size} chars with {@code key=value} words or random letters. */
  private static String pad(String base, int size, boolean wordPadding, RandomGenerator random) {
    StringBuilder sb = new StringBuilder(base);
    while (sb.length() < size) {
      if (wordPadding) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(1000)).append(' ');
      } else {
        sb.append((char) ('a' + random.nextInt(26)));
      }
    }
    sb.setLength(size);
    return sb.toString();
  }
}
