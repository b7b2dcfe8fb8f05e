package io.cwlogs.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.LogStore;
import io.cwlogs.core.spi.LogStoreContractTest;
import io.cwlogs.core.spi.MessageFilter;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.core.spi.StreamKey;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The storage contract, run against RocksDB in a temporary directory, plus RocksDB-only behaviour. */
class RocksLogStoreTest extends LogStoreContractTest {

  @Override
  protected LogStore newStore(Path dir) {
    return RocksLogStore.open(dir, RocksStoreOptions.defaults().withBlockCacheBytes(8 << 20));
  }

  @Test
  void closingTheStoreReleasesOpenScansAndRejectsLaterCalls() {
    StreamKey stream = new StreamKey(3, 4);
    store.append(stream, List.of(event(1, 1, "a"), event(2, 2, "b")), "d", "s", bytes("x"));
    EventScan scan = store.scan(stream, ScanRange.all());
    assertThat(scan.next().timestamp()).isEqualTo(1);
    store.close();
    assertThatThrownBy(scan::hasNext).isInstanceOf(IllegalStateException.class);
    scan.close();
    assertThatThrownBy(() -> store.get("d", "s")).isInstanceOf(IllegalStateException.class);
    store.close(); // idempotent
  }

  @Test
  void closingTheStoreEndsARunningFilteredScan() throws Exception {
    StreamKey stream = new StreamKey(3, 5);
    List<StoredEvent> batch = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      batch.add(event(i, i, "slow"));
    }
    store.append(stream, batch, "d", "s", bytes("x"));
    CountDownLatch inside = new CountDownLatch(1);
    MessageFilter slowAndNeverPasses =
        (buf, offset, length) -> {
          inside.countDown();
          sleepQuietly(2); // six seconds to the end of the range
          return false;
        };
    EventScan scan = store.scan(stream, ScanRange.all().filtered(slowAndNeverPasses));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      long start = System.nanoTime();
      Future<Boolean> running = pool.submit(scan::hasNext);
      inside.await();
      store.close();
      assertThatThrownBy(running::get).hasCauseInstanceOf(IllegalStateException.class);
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the scan ended").isLessThan(3000);
      assertThatThrownBy(scan::hasNext).isInstanceOf(IllegalStateException.class);
      scan.close();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFails() {
    assertThatThrownBy(() -> RocksLogStore.open(dir)).isInstanceOf(UncheckedIOException.class);
  }
}
