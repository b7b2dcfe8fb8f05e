package io.cwlogs.bench.storage;

import io.cwlogs.core.spi.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Event batches and scratch directories for the storage benchmarks. */
final class BenchData {

  static final int MESSAGE_BYTES = 200;
  static final int BATCH = 1000;

  private static final String[] WORDS = {
    "GET", "POST", "/api/v1/orders/", "200", "404", "user", "latency_ms=", "INFO", "WARN", "request",
    "completed", "in", "ms", "id=", "cart", "checkout", "eu-west-1", "session", "ok", "retry"
  };

  private BenchData() {}

  /** {@code count} distinct 200-byte ASCII log-like messages. */
  static byte[][] messages(int count, long seed) {
    Random random = new Random(seed);
    byte[][] messages = new byte[count][];
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder(MESSAGE_BYTES + 20);
      while (text.length() < MESSAGE_BYTES) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(10_000)).append(' ');
      }
      text.setLength(MESSAGE_BYTES);
      messages[i] = text.toString().getBytes(StandardCharsets.US_ASCII);
    }
    return messages;
  }

  /** A batch of {@link #BATCH} events with sequences from {@code firstSequence}, a few ms apart. */
  static List<StoredEvent> batch(byte[][] messages, long firstSequence, long firstTimestamp) {
    List<StoredEvent> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      long timestamp = firstTimestamp + i * 3L;
      batch.add(
          new StoredEvent(timestamp, firstSequence + i, timestamp + 20, messages[i % messages.length]));
    }
    return batch;
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("cwlogs-bench-store");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
