package io.cwlogs.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.core.spi.StreamKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Measures how much smaller the events column family is on disk than the raw messages it holds, for
 * generated access, application and JSON logs, and holds the store to at least 5x once compacted.
 *
 * <p>It prints the ratio just after a flush (upper levels, ZSTD-3) and after a full compaction (bottommost
 * level, ZSTD-6 with a dictionary: where a long-lived store keeps most of its data). Raise {@code
 * cwlogs.size.mib} for a steadier figure.
 */
class SizeRatioTest {

  private static final long RAW_BYTES = Long.getLong("cwlogs.size.mib", 4) << 20;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(RealisticLogs.Kind.class)
  void compactedEventsAreAtLeastFiveTimesSmallerThanMessages(RealisticLogs.Kind kind) {
    RealisticLogs logs = new RealisticLogs(kind, 42);
    StreamKey stream = new StreamKey(kind.ordinal(), 1);
    long raw = 0;
    long sequence = 0;
    try (RocksLogStore store = RocksLogStore.open(dir)) {
      while (raw < RAW_BYTES) {
        List<StoredEvent> batch = new ArrayList<>(1000);
        for (int i = 0; i < 1000; i++) {
          byte[] message = logs.next().getBytes(StandardCharsets.UTF_8);
          raw += message.length;
          batch.add(new StoredEvent(logs.timestamp(), sequence++, logs.timestamp() + 150, message));
        }
        store.append(stream, batch, "streams", "s", new byte[] {1});
      }
      store.compactEvents(false);
      double flushed = (double) raw / store.eventsDiskBytes();
      store.compactEvents(true);
      double compacted = (double) raw / store.eventsDiskBytes();
      System.out.printf(
          "size ratio %-11s raw %,d bytes in %,d events (%.0f B/event): flushed (ZSTD-3) %.1fx, compacted (ZSTD-6 + dictionary) %.1fx%n",
          kind, raw, sequence, (double) raw / sequence, flushed, compacted);
      assertThat(compacted).isGreaterThanOrEqualTo(5.0);
    }
  }
}
