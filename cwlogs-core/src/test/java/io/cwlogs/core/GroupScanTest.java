package io.cwlogs.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.cwlogs.core.spi.MemoryLogStore;
import io.cwlogs.core.spi.MessageFilter;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredEvent;
import io.cwlogs.core.spi.StreamKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The merge behind FilterLogEvents and Insights, against a plain sort of every stream's events: order,
 * filters, resume positions and tokens, in both directions, on the merging thread and with workers.
 * Randomized; a failure names its seed ({@code -Dcwlogs.test.seed=N} reruns it).
 */
@Timeout(120)
class GroupScanTest {

  private static final long SEED = Long.getLong("cwlogs.test.seed", new Random().nextLong());
  private static final long GROUP = 77;

  private static final ScanWorkers POOL = ScanWorkers.start(3);

  private final MemoryLogStore store = new MemoryLogStore();

  @AfterAll
  static void stopPool() {
    POOL.close();
  }

  @AfterEach
  void everyScanWasClosed() {
    assertThat(store.openScans()).as("storage scans left open").isZero();
  }

  @Test
  void mergeMatchesASortOfEveryStream() throws Exception {
    seeded(
        "merge",
        random -> {
          Group group = Group.fill(store, random, 1 + random.nextInt(6), 2000);
          for (int q = 0; q < 200; q++) {
            ScanRange range = randomRange(random);
            Optional<GroupScan.Resume> after = Optional.empty();
            if (random.nextInt(3) == 0) {
              after = Optional.of(group.randomResume(random));
            }
            List<String> got = new ArrayList<>();
            try (GroupScan scan = open(random, group.streams(), range, after)) {
              while (scan.hasNext()) {
                got.add(render(scan.next()));
              }
            }
            assertThat(got).as("%s after %s", range, after).containsExactlyElementsOf(group.expected(range, after));
          }
        });
  }

  @Test
  void pagesResumingAfterTheirLastItemVisitEveryMatchOnce() throws Exception {
    seeded(
        "pages",
        random -> {
          Group group = Group.fill(store, random, 1 + random.nextInt(5), 1500);
          for (int q = 0; q < 20; q++) {
            ScanRange range = randomRange(random);
            List<String> got = new ArrayList<>();
            Optional<GroupScan.Resume> after = Optional.empty();
            for (int guard = 0; ; guard++) {
              assertThat(guard).as("paging makes progress").isLessThan(5000);
              int pageSize = 1 + random.nextInt(30);
              Optional<GroupScan.Item> last = Optional.empty();
              try (GroupScan scan = open(random, group.streams(), range, after)) {
                for (int n = 0; n < pageSize && scan.hasNext(); n++) {
                  GroupScan.Item item = scan.next();
                  got.add(render(item));
                  last = Optional.of(item);
                }
              }
              if (last.isEmpty()) {
                break;
              }
              boolean more = GroupScan.anyEventAfter(store, group.streams(), range, last.get().resume());
              assertThat(more)
                  .as("a token exactly when any event of the range follows")
                  .isEqualTo(!group.expected(range.unfiltered(), Optional.of(last.get().resume())).isEmpty());
              after = Optional.of(last.get().resume());
            }
            assertThat(got).as("%s", range).containsExactlyElementsOf(group.expected(range, Optional.empty()));
          }
        });
  }

  /** A page filled from one stream must not read the whole of another stream that has no match. */
  @Test
  void aPageFromOneStreamReadsLittleOfAnother() {
    List<LogStreamMeta> streams = new ArrayList<>();
    streams.add(Group.write(store, 1, 20_000, i -> i % 2 == 0 ? "hit " + i : "miss " + i));
    streams.add(Group.write(store, 2, 100_000, i -> "miss " + i));
    AtomicLong tested = new AtomicLong();
    MessageFilter hits =
        (buf, offset, length) -> {
          tested.incrementAndGet();
          return length > 3 && buf[offset] == 'h';
        };
    ScanRange range = ScanRange.all().filtered(hits);
    try (GroupScan scan = new GroupScan(store, streams, range, Optional.empty())) {
      for (int n = 0; n < 100; n++) {
        assertThat(scan.next().stream().id()).isEqualTo(1);
      }
    }
    assertThat(tested.get()).as("messages tested for a page of 100").isLessThan(4 * MergeSettings.DEFAULTS.budget());
  }

  /** The pool's workers stop when a page is done: they do not read on to the end of the range. */
  @Test
  void closingAParallelMergeStopsItsWorkers() {
    List<LogStreamMeta> streams = new ArrayList<>();
    for (long id = 1; id <= 3; id++) {
      streams.add(Group.write(store, id, 50_000, i -> i % 1000 == 0 ? "hit " + i : "miss " + i));
    }
    AtomicLong tested = new AtomicLong();
    MessageFilter slowHits =
        (buf, offset, length) -> {
          tested.incrementAndGet();
          LockSupport.parkNanos(20_000); // 150,000 events: three seconds per worker to the end
          return buf[offset] == 'h';
        };
    ScanRange range = ScanRange.all().filtered(slowHits);
    MergeSettings parallel = MergeSettings.DEFAULTS.withMinParallelBytes(0);
    try (GroupScan scan = new GroupScan(store, streams, range, Optional.empty(), POOL, parallel)) {
      for (int n = 0; n < 3; n++) {
        scan.next();
      }
    }
    long atClose = tested.get();
    LockSupport.parkNanos(300_000_000L);
    assertThat(tested.get() - atClose).as("messages tested after close").isLessThanOrEqualTo(POOL.threads());
    assertThat(atClose).as("messages tested for a page of 3").isLessThan(150_000);
  }

  /** A failure in a worker reaches the merging thread, and every scan is still released. */
  @Test
  void aWorkerFailureReachesTheMerge() {
    List<LogStreamMeta> streams = new ArrayList<>();
    streams.add(Group.write(store, 1, 5000, i -> "ok " + i));
    streams.add(Group.write(store, 2, 5000, i -> i == 4000 ? "boom" : "ok " + i));
    MessageFilter explodes =
        (buf, offset, length) -> {
          if (buf[offset] == 'b') {
            throw new IllegalStateException("filter failed");
          }
          return true;
        };
    ScanRange range = ScanRange.all().filtered(explodes);
    MergeSettings parallel = MergeSettings.DEFAULTS.withMinParallelBytes(0);
    try (GroupScan scan = new GroupScan(store, streams, range, Optional.empty(), POOL, parallel)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> {
                while (scan.hasNext()) {
                  scan.next();
                }
              })
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("filter failed");
    }
  }

  // ---- helpers ----

  /** A merge read on this thread or, as often, on the pool with tiny settings; both must agree. */
  private GroupScan open(Random random, List<LogStreamMeta> streams, ScanRange range, Optional<GroupScan.Resume> after) {
    int budget = 1 + random.nextInt(random.nextBoolean() ? 4 : 2000);
    if (random.nextBoolean()) {
      return new GroupScan(store, streams, range, after, ScanWorkers.none(), MergeSettings.DEFAULTS.withBudget(budget));
    }
    MergeSettings tiny =
        new MergeSettings(
            budget, 1 + random.nextInt(4), 1 + random.nextInt(8), 1 + random.nextInt(300),
            random.nextInt(50_000), 0, 1 + random.nextInt(4), 1);
    return new GroupScan(store, streams, range, after, POOL, tiny);
  }

  private static void seeded(String name, Body body) throws Exception {
    long seed = SEED ^ name.hashCode();
    try {
      body.run(new Random(seed));
    } catch (AssertionError | Exception e) {
      throw new AssertionError(
          name + " failed; reproduce with -Dcwlogs.test.seed=" + SEED + " (case seed " + seed + ")", e);
    }
  }

  @FunctionalInterface
  private interface Body {
    void run(Random random) throws Exception;
  }

  private static ScanRange randomRange(Random random) {
    long a = random.nextInt(10) == 0 ? Long.MIN_VALUE : random.nextInt(-50, 1050);
    long b = random.nextInt(10) == 0 ? Long.MAX_VALUE : random.nextInt(-50, 1050);
    ScanRange range = new ScanRange(Math.min(a, b), Math.max(a, b), random.nextBoolean(), Optional.empty());
    return switch (random.nextInt(4)) {
      case 0 -> range;
      case 1 -> range.filtered((buf, offset, length) -> buf[offset + length - 1] == '7');
      case 2 -> range.filtered((buf, offset, length) -> false);
      default -> range.filtered((buf, offset, length) -> buf[offset + length - 1] % 2 == 0);
    };
  }

  static String render(GroupScan.Item item) {
    return render(item.stream().id(), item.event());
  }

  static String render(long stream, StoredEvent e) {
    return e.timestamp() + ":" + e.sequence() + ":" + stream + ":" + new String(e.message(), StandardCharsets.UTF_8);
  }

  /** Streams written to the store, and their events as a model. */
  record Group(List<LogStreamMeta> streams, List<Entry> entries) {

    record Entry(long stream, StoredEvent event) {}

    /** {@code total} events over {@code count} streams, with timestamps and sequences that often tie. */
    static Group fill(MemoryLogStore store, Random random, int count, int total) {
      List<LogStreamMeta> streams = new ArrayList<>();
      List<Entry> entries = new ArrayList<>();
      for (int s = 0; s < count; s++) {
        long id = random.nextInt(5) == 0 ? random.nextLong() : s * 10L;
        List<StoredEvent> events = new ArrayList<>();
        for (int i = total / count; i > 0; i--) {
          // Sequences are per stream here, so different streams share (timestamp, sequence) pairs.
          long timestamp = random.nextInt(1000);
          StoredEvent e =
              new StoredEvent(timestamp, events.size(), timestamp + 5, ("m" + random.nextInt(100_000)).getBytes(StandardCharsets.UTF_8));
          events.add(e);
          entries.add(new Entry(id, e));
        }
        streams.add(Group.meta(store, id, events));
      }
      return new Group(streams, entries);
    }

    static LogStreamMeta write(MemoryLogStore store, long id, int count, java.util.function.IntFunction<String> message) {
      List<StoredEvent> events = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        events.add(new StoredEvent(i, i, i, message.apply(i).getBytes(StandardCharsets.UTF_8)));
      }
      return meta(store, id, events);
    }

    private static LogStreamMeta meta(MemoryLogStore store, long id, List<StoredEvent> events) {
      store.append(new StreamKey(GROUP, id), events, "streams", Long.toString(id), new byte[1]);
      long first = events.stream().mapToLong(StoredEvent::timestamp).min().orElse(0);
      long last = events.stream().mapToLong(StoredEvent::timestamp).max().orElse(0);
      long bytes = events.stream().mapToLong(e -> e.message().length).sum();
      return new LogStreamMeta(GROUP, id, "s" + id, 0, events.size(), first, last, 0, bytes, events.size());
    }

    GroupScan.Resume randomResume(Random random) {
      if (random.nextBoolean() && !entries.isEmpty()) {
        Entry e = entries.get(random.nextInt(entries.size()));
        return new GroupScan.Resume(e.event().timestamp(), e.event().sequence(), e.stream());
      }
      return new GroupScan.Resume(random.nextInt(1000), random.nextInt(50), streams.get(random.nextInt(streams.size())).id());
    }

    /** The merge's answer, by brute force: filter, sort by (timestamp, sequence, stream), cut after {@code after}. */
    List<String> expected(ScanRange range, Optional<GroupScan.Resume> after) {
      Comparator<Entry> order =
          Comparator.<Entry>comparingLong(e -> e.event().timestamp())
              .thenComparingLong(e -> e.event().sequence())
              .thenComparingLong(Entry::stream);
      if (range.descending()) {
        order = order.reversed();
      }
      List<Entry> kept = new ArrayList<>();
      for (Entry e : entries) {
        StoredEvent ev = e.event();
        boolean inRange = ev.timestamp() >= range.fromTimestamp() && ev.timestamp() < range.toTimestamp();
        boolean passes = range.filter().isEmpty() || range.filter().get().test(ev.message(), 0, ev.message().length);
        if (inRange && passes) {
          kept.add(e);
        }
      }
      kept.sort(order);
      List<String> out = new ArrayList<>();
      for (Entry e : kept) {
        if (after.isPresent()) {
          Entry resume =
              new Entry(after.get().streamId(), new StoredEvent(after.get().timestamp(), after.get().sequence(), 0, new byte[0]));
          if (order.compare(e, resume) <= 0) {
            continue;
          }
        }
        out.add(render(e.stream(), e.event()));
      }
      return out;
    }
  }
}
