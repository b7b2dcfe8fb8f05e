package io.cwlogs.storage.rocksdb;

import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.core.spi.StreamKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for {@link KillNineTest}: appends numbered batches forever, printing "acked N" after
 * each append returns, until it is killed.
 */
public final class CrashingWriter {

  static final StreamKey STREAM = new StreamKey(11, 22);
  static final int BATCH = 100;

  private CrashingWriter() {}

  public static void main(String[] args) {
    RocksLogStore store = RocksLogStore.open(Path.of(args[0]));
    for (int batch = 0; ; batch++) {
      List<StoredEvent> events = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        long sequence = (long) batch * BATCH + i;
        events.add(
            new StoredEvent(1_000 + sequence, sequence, 2_000, message(sequence).getBytes(StandardCharsets.UTF_8)));
      }
      store.append(STREAM, events, "streams", "s", Integer.toString(batch).getBytes(StandardCharsets.UTF_8));
      System.out.println("acked " + batch);
      System.out.flush();
    }
  }

  static String message(long sequence) {
    return "event " + sequence + " of a process that is about to die";
  }
}
