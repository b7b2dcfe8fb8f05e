package io.cwlogs.bench.storage;

import io.cwlogs.bench.MessagePool;
import io.cwlogs.core.LogStreamMeta;
import io.cwlogs.core.spi.LogStore;
import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.core.spi.StreamKey;
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

  /** The first timestamp of {@link #fillGroup}'s events (2025-11-21, 12:00 UTC). */
  private static final long START = 1_763_726_400_000L;

  /** One in this many events of {@link #fillGroup} carries the rare term. */
  static final int RARE_EVERY = 10_000;

  /**
   * {@code count} application-log lines of {@link #MESSAGE_BYTES} bytes, the load generator's
   * {@code --shape text --padding words}; those whose index is a multiple of
   * {@link #RARE_EVERY} have the level {@code rare} instead of INFO or WARN.
   */
  static byte[][] applicationLog(int count, long seed, String rare) {
    Random random = new Random(seed);
    byte[][] messages = new byte[count][];
    for (int i = 0; i < count; i++) {
      String level = i % RARE_EVERY == 0 ? rare : random.nextInt(10) == 0 ? "WARN" : "INFO";
      messages[i] = MessagePool.textLine(random, level, MESSAGE_BYTES, true).getBytes(StandardCharsets.US_ASCII);
    }
    return messages;
  }

  /**
   * Writes {@code perStream} application-log events to each of {@code streams} streams of a group, in
   * interleaved batches whose timestamps overlap across streams (about 25 events per millisecond per
   * stream, as a busy service writes), exactly one in {@link #RARE_EVERY} carrying {@code rare}.
   *
   * @return the streams' metadata, as the catalog would hold it after these writes
   */
  static List<LogStreamMeta> fillGroup(LogStore store, long groupId, int streams, int perStream, String rare) {
    byte[][] pool = applicationLog(2 * RARE_EVERY, 42, rare);
    long sequence = 0;
    for (int written = 0; written < perStream; written += BATCH) {
      for (int s = 0; s < streams; s++) {
        List<StoredEvent> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
          long timestamp = START + (written + i) / 25;
          byte[] message = pool[(int) (sequence % pool.length)];
          batch.add(new StoredEvent(timestamp, sequence++, timestamp + 20, message));
        }
        store.append(new StreamKey(groupId, s + 1), batch, "streams", "s" + s, new byte[1]);
      }
    }
    return groupMeta(groupId, streams, perStream);
  }

  /** The streams' metadata after {@link #fillGroup}, as the catalog would hold it. */
  static List<LogStreamMeta> groupMeta(long groupId, int streams, int perStream) {
    List<LogStreamMeta> metas = new ArrayList<>();
    for (int s = 0; s < streams; s++) {
      metas.add(
          new LogStreamMeta(
              groupId, s + 1, "stream-" + s, START, perStream, START, START + (perStream - 1) / 25,
              START, (long) perStream * MESSAGE_BYTES, (long) streams * perStream));
    }
    return metas;
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
