package io.cwlogs.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged append survives kill -9: a child JVM appends and acknowledges batches, the test kills
 * it with SIGKILL mid-stream, reopens the directory and finds every acknowledged batch.
 */
class KillNineTest {

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void acknowledgedAppendsSurviveSigkill() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    int lastAcked = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("acked ")) {
          lastAcked = Integer.parseInt(line.substring(6));
          if (lastAcked == 50) {
            // SIGKILL: no shutdown hooks, no RocksDB close. Keep reading: acks already printed count too.
            child.toHandle().destroyForcibly();
          }
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(lastAcked).as("child output acknowledgements").isGreaterThanOrEqualTo(50);

    try (RocksLogStore store = RocksLogStore.open(dir)) {
      long expected = 0;
      try (EventScan scan = store.scan(CrashingWriter.STREAM, ScanRange.all())) {
        while (scan.hasNext()) {
          StoredEvent event = scan.next();
          assertThat(event.sequence()).isEqualTo(expected);
          assertThat(new String(event.message(), StandardCharsets.UTF_8))
              .isEqualTo(CrashingWriter.message(expected));
          expected++;
        }
      }
      assertThat(expected).isGreaterThanOrEqualTo((lastAcked + 1L) * CrashingWriter.BATCH);
      assertThat(expected % CrashingWriter.BATCH).as("batches are atomic").isZero();
      int docBatch =
          Integer.parseInt(new String(store.get("streams", "s").orElseThrow(), StandardCharsets.UTF_8));
      assertThat(docBatch).isEqualTo(expected / CrashingWriter.BATCH - 1);
    }
  }
}
