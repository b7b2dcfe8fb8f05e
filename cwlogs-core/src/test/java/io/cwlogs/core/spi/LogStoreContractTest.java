package io.cwlogs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link LogStore} must have; each storage backend extends this class.
 *
 * <p>Randomized cases compare the store with a plain in-memory model ({@link Model}). A failure names
 * its seed; rerun one with {@code -Dcwlogs.test.seed=N}. A backend supplies {@link #newStore} and, if it
 * cannot keep data across instances, overrides {@link #persistent()} to skip the reopen cases.
 */
@Timeout(120)
public abstract class LogStoreContractTest {

  private static final long SEED = Long.getLong("cwlogs.test.seed", new Random().nextLong());

  @TempDir protected Path dir;
  protected LogStore store;

  /** A new store over {@code dir}, or over the data already there. */
  protected abstract LogStore newStore(Path dir);

  /** Closes {@code store} and opens it again over the same data, as a process restart would. */
  protected LogStore reopen(LogStore store, Path dir) {
    store.close();
    return newStore(dir);
  }

  /** Whether data survives {@link #reopen}; an in-memory test double returns false. */
  protected boolean persistent() {
    return true;
  }

  @BeforeEach
  void openStore() {
    store = newStore(dir);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** Runs {@code body} with a seeded Random and names the seed if it fails. */
  protected static void seeded(String name, SeededBody body) throws Exception {
    long seed = SEED ^ name.hashCode();
    try {
      body.run(new Random(seed));
    } catch (AssertionError | Exception e) {
      throw new AssertionError(
          name + " failed; reproduce with -Dcwlogs.test.seed=" + SEED + " (case seed " + seed + ")",
          e);
    }
  }

  /** A test body that receives the case's Random. */
  @FunctionalInterface
  protected interface SeededBody {
    void run(Random random) throws Exception;
  }

  // ---- documents ----

  @Test
  void documentsRoundTrip() {
    assertThat(store.get("s", "a")).isEmpty();
    store.put("s", "a", bytes("one"));
    store.put("s", "a", bytes("two"));
    store.put("s", "", bytes("empty id"));
    assertThat(store.get("s", "a")).map(LogStoreContractTest::text).contains("two");
    assertThat(store.get("s", "")).map(LogStoreContractTest::text).contains("empty id");
    assertThat(store.get("t", "a")).isEmpty();
    store.delete("s", "a");
    store.delete("s", "never-there");
    assertThat(store.get("s", "a")).isEmpty();
  }

  @Test
  void putIfAbsentOnlyWritesOnce() {
    assertThat(store.putIfAbsent("s", "k", bytes("first"))).isTrue();
    assertThat(store.putIfAbsent("s", "k", bytes("second"))).isFalse();
    assertThat(store.get("s", "k")).map(LogStoreContractTest::text).contains("first");
    store.delete("s", "k");
    assertThat(store.putIfAbsent("s", "k", bytes("third"))).isTrue();
  }

  @Test
  void listOrdersIdsByUtf8BytesAndIsolatesScopes() throws Exception {
    seeded(
        "list",
        random -> {
          String[] scopes = {"a/group", "a/group2", "a/grou", "a/group/x", "b", "é"};
          String[] alphabet = {"a", "b", "Z", "0", "-", "/", "é", "\uFFFF", "\uD83D\uDE00", "\u0000"};
          Map<String, TreeMap<String, String>> model = new HashMap<>();
          for (int i = 0; i < 300; i++) {
            String scope = scopes[random.nextInt(scopes.length)];
            StringBuilder id = new StringBuilder();
            for (int n = random.nextInt(4); n >= 0; n--) {
              id.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String value = scope + "|" + id + "|" + i;
            model.computeIfAbsent(scope, s -> new TreeMap<>(LogStoreContractTest::byUtf8));
            if (random.nextInt(5) == 0) {
              store.delete(scope, id.toString());
              model.get(scope).remove(id.toString());
            } else {
              store.put(scope, id.toString(), bytes(value));
              model.get(scope).put(id.toString(), value);
            }
          }
          for (String scope : scopes) {
            TreeMap<String, String> expected = model.getOrDefault(scope, new TreeMap<>());
            assertThat(ids(store.list(scope, "", Integer.MAX_VALUE)))
                .as("scope %s", scope)
                .containsExactlyElementsOf(expected.keySet());
            // Pages of a random size, each resuming at the smallest id after the last one seen.
            int pageSize = 1 + random.nextInt(4);
            List<String> paged = new ArrayList<>();
            String from = "";
            while (true) {
              List<StoredDocument> page = store.list(scope, from, pageSize);
              assertThat(page.size()).isLessThanOrEqualTo(pageSize);
              page.forEach(d -> assertThat(text(d.value())).isEqualTo(expected.get(d.id())));
              paged.addAll(ids(page));
              if (page.size() < pageSize) {
                break;
              }
              from = page.get(page.size() - 1).id() + "\u0000";
            }
            assertThat(paged).containsExactlyElementsOf(expected.keySet());
            String probe = alphabet[random.nextInt(alphabet.length)];
            assertThat(ids(store.list(scope, probe, 1000)))
                .containsExactlyElementsOf(expected.tailMap(probe, true).keySet());
          }
          assertThat(store.list("a/group", "", 0)).isEmpty();
          assertThat(store.list("nothing-here", "", 10)).isEmpty();
        });
  }

  @Test
  void putIfAbsentHasExactlyOneWinnerUnderRaces() throws Exception {
    int threads = 4;
    int keys = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Map<String, Integer> winners = new ConcurrentHashMap<>();
      AtomicInteger wins = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int me = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int k = 0; k < keys; k++) {
                    if (store.putIfAbsent("race", "k" + k, bytes("t" + me))) {
                      wins.incrementAndGet();
                      assertThat(winners.put("k" + k, me)).isNull();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
      assertThat(wins.get()).isEqualTo(keys);
      for (int k = 0; k < keys; k++) {
        assertThat(store.get("race", "k" + k))
            .map(LogStoreContractTest::text)
            .contains("t" + winners.get("k" + k));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- events ----

  @Test
  void appendWritesEventsAndDocumentTogether() {
    StreamKey stream = new StreamKey(1, 2);
    store.append(stream, List.of(event(10, 0, "hello")), "g/streams", "s", bytes("doc-1"));
    assertThat(store.get("g/streams", "s")).map(LogStoreContractTest::text).contains("doc-1");
    store.append(stream, List.of(), "g/streams", "s", bytes("doc-2"));
    assertThat(store.get("g/streams", "s")).map(LogStoreContractTest::text).contains("doc-2");
    assertThat(render(scan(stream, ScanRange.all()))).containsExactly("10:0:11:hello");
  }

  @Test
  void scanIsLazyAndCanBeClosedEarly() {
    StreamKey stream = new StreamKey(7, 7);
    List<StoredEvent> batch = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      batch.add(event(i, i, "m" + i));
    }
    store.append(stream, batch, "d", "s", bytes("x"));
    try (EventScan scan = store.scan(stream, ScanRange.backward(10, 20))) {
      assertThat(scan.hasNext()).isTrue();
      assertThat(scan.hasNext()).isTrue();
      assertThat(scan.next().timestamp()).isEqualTo(19);
    }
    try (EventScan scan = store.scan(new StreamKey(7, 8), ScanRange.all())) {
      assertThat(scan.hasNext()).isFalse();
      assertThatThrownBy(scan::next).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void scansMatchTheModel() throws Exception {
    seeded(
        "scans",
        random -> {
          Model model = new Model();
          StreamKey[] streams = streams(random, 6);
          fill(random, model, streams, 3000);
          for (int q = 0; q < 300; q++) {
            StreamKey stream = streams[random.nextInt(streams.length)];
            ScanRange range = randomRange(random, model.events(stream));
            assertThat(render(scan(stream, range)))
                .as("%s %s", stream, range)
                .containsExactlyElementsOf(render(model.scan(stream, range)));
          }
        });
  }

  @Test
  void pagingWithResumeAfterVisitsEveryEventOnce() throws Exception {
    seeded(
        "paging",
        random -> {
          Model model = new Model();
          StreamKey[] streams = streams(random, 2);
          fill(random, model, streams, 800);
          for (StreamKey stream : streams) {
            for (boolean descending : new boolean[] {false, true}) {
              ScanRange range = new ScanRange(-500, 500, descending, Optional.empty());
              List<StoredEvent> pages =
                  readInPages(stream, range, model.events(stream).size(), () -> 1 + random.nextInt(50));
              assertThat(render(pages))
                  .containsExactlyElementsOf(
                      render(model.scan(stream, new ScanRange(-500, 500, descending, Optional.empty()))));
            }
          }
        });
  }

  @Test
  void deleteBeforeReportsWhatItRemoved() throws Exception {
    seeded(
        "deleteBefore",
        random -> {
          Model model = new Model();
          StreamKey[] streams = streams(random, 3);
          fill(random, model, streams, 1500);
          for (int round = 0; round < 10; round++) {
            StreamKey stream = streams[random.nextInt(streams.length)];
            long cutoff = random.nextInt(3) == 0 ? Long.MIN_VALUE + 1 : random.nextLong(-1200, 1200);
            PurgeResult expected = model.deleteBefore(stream, cutoff);
            assertThat(store.deleteBefore(stream, cutoff)).isEqualTo(expected);
          }
          assertThat(store.deleteBefore(new StreamKey(42, 42), 0)).isEqualTo(PurgeResult.NONE);
          for (StreamKey stream : streams) {
            assertThat(render(scan(stream, ScanRange.all())))
                .containsExactlyElementsOf(render(model.events(stream).values()));
          }
        });
  }

  @Test
  void streamAndGroupDeletesTouchNothingElse() throws Exception {
    seeded(
        "groupDelete",
        random -> {
          Model model = new Model();
          // Neighbouring ids, both sides of the sign flip, and the all-ones key prefix.
          long[] groups = {-1, 0, 1, 2, Long.MAX_VALUE, Long.MIN_VALUE};
          List<StreamKey> all = new ArrayList<>();
          for (long g : groups) {
            for (long s : new long[] {-1, 0, Long.MAX_VALUE}) {
              all.add(new StreamKey(g, s));
            }
          }
          StreamKey[] streams = all.toArray(StreamKey[]::new);
          fill(random, model, streams, 1000);
          for (int round = 0; round < 4; round++) {
            if (random.nextBoolean()) {
              long group = groups[random.nextInt(groups.length)];
              store.deleteGroupEvents(group);
              model.deleteGroup(group);
            } else {
              StreamKey stream = streams[random.nextInt(streams.length)];
              store.deleteStreamEvents(stream);
              model.deleteStream(stream);
            }
            for (StreamKey stream : streams) {
              assertThat(render(scan(stream, ScanRange.all())))
                  .as("%s", stream)
                  .containsExactlyElementsOf(render(model.events(stream).values()));
            }
          }
        });
  }

  @Test
  void reopenKeepsEverything() throws Exception {
    assumeTrue(persistent(), "this store does not persist");
    seeded(
        "reopen",
        random -> {
          Model model = new Model();
          StreamKey[] streams = streams(random, 3);
          fill(random, model, streams, 500);
          store.put("scope", "doc", bytes("kept"));
          store.deleteBefore(streams[0], 0);
          model.deleteBefore(streams[0], 0);
          store = reopen(store, dir);
          assertThat(store.get("scope", "doc")).map(LogStoreContractTest::text).contains("kept");
          for (StreamKey stream : streams) {
            assertThat(render(scan(stream, ScanRange.all())))
                .containsExactlyElementsOf(render(model.events(stream).values()));
            assertThat(store.get("streams", Long.toString(stream.streamId()))).isPresent();
          }
        });
  }

  // ---- filtered scans ----

  @Test
  void filteredScansMatchTheModel() throws Exception {
    seeded(
        "filteredScans",
        random -> {
          Model model = new Model();
          StreamKey[] streams = streams(random, 4);
          fill(random, model, streams, 3000);
          for (int q = 0; q < 300; q++) {
            StreamKey stream = streams[random.nextInt(streams.length)];
            ScanRange range = randomRange(random, model.events(stream)).filtered(randomFilter(random));
            assertThat(render(scan(stream, range)))
                .as("%s %s", stream, range)
                .containsExactlyElementsOf(render(model.scan(stream, range)));
          }
        });
  }

  @Test
  void filteredPagingWithResumeAfterVisitsEveryMatchOnce() throws Exception {
    seeded(
        "filteredPaging",
        random -> {
          Model model = new Model();
          StreamKey[] streams = streams(random, 2);
          fill(random, model, streams, 800);
          for (StreamKey stream : streams) {
            for (boolean descending : new boolean[] {false, true}) {
              MessageFilter filter = randomFilter(random);
              ScanRange whole = new ScanRange(-500, 500, descending, Optional.empty()).filtered(filter);
              List<StoredEvent> pages =
                  readInPages(stream, whole, model.events(stream).size(), () -> 1 + random.nextInt(20));
              assertThat(render(pages)).containsExactlyElementsOf(render(model.scan(stream, whole)));
            }
          }
        });
  }

  /**
   * {@link EventScan#advance} with small budgets returns the same events as {@code hasNext}, and each
   * pause names a real position of the range that no earlier event passed and every later one is beyond.
   */
  @Test
  void advanceGivesUpAfterItsBudgetAndSaysHowFarItLooked() throws Exception {
    seeded(
        "advance",
        random -> {
          Model model = new Model();
          StreamKey[] streams = streams(random, 3);
          fill(random, model, streams, 2000);
          for (int q = 0; q < 100; q++) {
            StreamKey stream = streams[random.nextInt(streams.length)];
            ScanRange range = randomRange(random, model.events(stream)).filtered(randomFilter(random));
            List<StoredEvent> everyEvent = model.scan(stream, range.unfiltered());
            List<EventPosition> positions = everyEvent.stream().map(StoredEvent::position).toList();
            int sign = range.descending() ? -1 : 1;
            List<StoredEvent> got = new ArrayList<>();
            EventPosition bound = null;
            EventPosition last = null;
            int budget = 1 + random.nextInt(5);
            try (EventScan scan = store.scan(stream, range)) {
              for (int guard = everyEvent.size() + 2; ; guard--) {
                assertThat(guard).as("advance makes progress").isPositive();
                EventScan.Step step = scan.advance(budget);
                if (step == EventScan.Step.DONE) {
                  assertThat(scan.hasNext()).isFalse();
                  break;
                }
                if (step == EventScan.Step.READY) {
                  StoredEvent e = scan.next();
                  if (bound != null) {
                    assertThat(sign * e.position().compareTo(bound)).as("beyond the pause").isPositive();
                  }
                  got.add(e);
                  last = e.position();
                  continue;
                }
                Optional<EventPosition> examined = scan.examined();
                assertThat(examined).as("a pause says how far it looked").isPresent();
                EventPosition at = examined.get();
                assertThat(positions).as("a position of the range").contains(at);
                if (last != null) {
                  assertThat(sign * at.compareTo(last)).as("pauses move forward").isPositive();
                }
                int examinedNow = positions.indexOf(at) - (last == null ? -1 : positions.indexOf(last));
                assertThat(examinedNow).as("at most the budget").isBetween(1, budget);
                bound = at;
                last = at;
              }
            }
            assertThat(render(got)).as("%s", range).containsExactlyElementsOf(render(model.scan(stream, range)));
          }
        });
  }

  @Test
  void theFilterSeesEachMessageExactly() throws Exception {
    seeded(
        "filterBytes",
        random -> {
          Model model = new Model();
          StreamKey[] streams = streams(random, 2);
          fill(random, model, streams, 500);
          for (StreamKey stream : streams) {
            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            MessageFilter recorder =
                (buf, offset, length) -> {
                  seen.add(new String(buf, offset, length, StandardCharsets.UTF_8));
                  return false;
                };
            boolean descending = random.nextBoolean();
            ScanRange range = new ScanRange(Long.MIN_VALUE, Long.MAX_VALUE, descending, Optional.empty());
            assertThat(scan(stream, range.filtered(recorder))).isEmpty();
            assertThat(new java.util.HashSet<>(seen))
                .isEqualTo(
                    new java.util.HashSet<>(
                        model.scan(stream, range).stream().map(e -> text(e.message())).toList()));
          }
        });
  }

  /** Messages from empty to the 1 MB event limit, so a store's read buffer must grow mid-scan. */
  @Test
  void filteredScansReadValuesOfEverySize() throws Exception {
    seeded(
        "bigValues",
        random -> {
          Model model = new Model();
          StreamKey stream = new StreamKey(random.nextLong(), random.nextLong());
          int[] sizes = {0, 1, 200, 1023, 1024, 1025, 4097, 70_000, 300_000, 1 << 20};
          List<StoredEvent> batch = new ArrayList<>();
          for (int i = 0; i < 60; i++) {
            byte[] message = new byte[sizes[random.nextInt(sizes.length)]];
            for (int b = 0; b < message.length; b++) {
              message[b] = (byte) ('a' + random.nextInt(26));
            }
            if (message.length > 0 && random.nextBoolean()) {
              message[message.length - 1] = 'Z'; // the filter below looks at the very end
            }
            batch.add(new StoredEvent(random.nextInt(100), i, i, message));
            if (batch.size() == 6) {
              store.append(stream, batch, "streams", "big", bytes("doc"));
              batch.forEach(e -> model.add(stream, e));
              batch = new ArrayList<>();
            }
          }
          MessageFilter endsWithZ = (buf, offset, length) -> length > 0 && buf[offset + length - 1] == 'Z';
          for (boolean descending : new boolean[] {false, true}) {
            ScanRange all = new ScanRange(Long.MIN_VALUE, Long.MAX_VALUE, descending, Optional.empty());
            for (ScanRange range : List.of(all, all.filtered(endsWithZ))) {
              List<StoredEvent> got = scan(stream, range);
              List<StoredEvent> expected = model.scan(stream, range);
              assertThat(got).hasSameSizeAs(expected);
              for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).position()).isEqualTo(expected.get(i).position());
                assertThat(got.get(i).message()).isEqualTo(expected.get(i).message());
              }
            }
          }
        });
  }

  /** A close from another thread ends a long filtered scan at once instead of at the end of its range. */
  @Test
  void closeFromAnotherThreadEndsARunningScan() throws Exception {
    StreamKey stream = new StreamKey(5, 5);
    for (int b = 0; b < 10; b++) {
      List<StoredEvent> batch = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        batch.add(event(b * 300 + i, b * 300 + i, "slow"));
      }
      store.append(stream, batch, "d", "s", bytes("x"));
    }
    CountDownLatch inside = new CountDownLatch(1);
    MessageFilter slowAndNeverPasses =
        (buf, offset, length) -> {
          inside.countDown();
          sleepQuietly(2); // 3,000 events: six seconds to the end of the range
          return false;
        };
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      EventScan scan = store.scan(stream, ScanRange.all().filtered(slowAndNeverPasses));
      long start = System.nanoTime();
      Future<Boolean> running = pool.submit(scan::hasNext);
      inside.await();
      scan.close();
      assertThat(running.get()).isFalse();
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the scan ended").isLessThan(3000);
      assertThat(scan.hasNext()).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }

  protected static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Filters of different selectivity, each a function of the message bytes only. */
  private static MessageFilter randomFilter(Random random) {
    byte[] error = bytes("ERROR");
    return switch (random.nextInt(6)) {
      case 0 -> (buf, offset, length) -> true;
      case 1 -> (buf, offset, length) -> false;
      case 2 -> (buf, offset, length) -> length % 3 == 0;
      case 3 -> (buf, offset, length) -> length > 0 && buf[offset] == 'G';
      case 4 -> (buf, offset, length) -> length > 0 && buf[offset + length - 1] == ' ';
      default ->
          (buf, offset, length) -> {
            for (int i = offset; i + error.length <= offset + length; i++) {
              if (Arrays.equals(buf, i, i + error.length, error, 0, error.length)) {
                return true;
              }
            }
            return false;
          };
    };
  }

  // ---- helpers ----

  private static StreamKey[] streams(Random random, int count) {
    StreamKey[] streams = new StreamKey[count];
    long group = random.nextLong();
    for (int i = 0; i < count; i++) {
      if (i == count / 2) {
        group = random.nextLong();
      }
      streams[i] = new StreamKey(group, random.nextLong());
    }
    return streams;
  }

  /** Appends about {@code total} random events in random batches, in random order within a batch. */
  private void fill(Random random, Model model, StreamKey[] streams, int total) {
    Map<StreamKey, Long> sequences = new HashMap<>();
    int written = 0;
    while (written < total) {
      StreamKey stream = streams[random.nextInt(streams.length)];
      List<StoredEvent> batch = new ArrayList<>();
      for (int n = 1 + random.nextInt(100); n > 0; n--) {
        long sequence = sequences.merge(stream, 1L, Long::sum);
        StoredEvent e = new StoredEvent(randomTimestamp(random), sequence, random.nextLong(), bytes(message(random)));
        batch.add(e);
      }
      java.util.Collections.shuffle(batch, random);
      store.append(stream, batch, "streams", Long.toString(stream.streamId()), bytes("doc" + written));
      batch.forEach(e -> model.add(stream, e));
      written += batch.size();
    }
  }

  /** Mostly a narrow range (so timestamps repeat), sometimes extreme values. */
  private static long randomTimestamp(Random random) {
    return switch (random.nextInt(20)) {
      case 0 -> Long.MIN_VALUE;
      case 1 -> Long.MAX_VALUE - 1;
      case 2 -> random.nextLong();
      case 3 -> 1_700_000_000_000L + random.nextInt(1000);
      default -> random.nextInt(-1000, 1000);
    };
  }

  private static ScanRange randomRange(Random random, NavigableMap<EventPosition, StoredEvent> events) {
    long[] bounds = new long[2];
    for (int i = 0; i < 2; i++) {
      bounds[i] =
          switch (random.nextInt(6)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> random.nextLong();
            default -> random.nextInt(-1100, 1100);
          };
    }
    long from = Math.min(bounds[0], bounds[1]);
    long to = random.nextInt(10) == 0 ? from - 1 : Math.max(bounds[0], bounds[1]);
    ScanRange range = new ScanRange(from, to, random.nextBoolean(), Optional.empty());
    if (random.nextInt(3) == 0) {
      EventPosition after;
      if (!events.isEmpty() && random.nextBoolean()) {
        List<EventPosition> positions = new ArrayList<>(events.keySet());
        after = positions.get(random.nextInt(positions.size()));
      } else {
        after = new EventPosition(random.nextInt(-1100, 1100), random.nextInt(200));
      }
      range = range.resumingAfter(after);
    }
    return range;
  }

  private static String message(Random random) {
    String[] words = {"GET", "/index.html", "200", "ERROR", "ü", "日本", "\uD83D\uDE00", " ", ""};
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(6); n > 0; n--) {
      text.append(words[random.nextInt(words.length)]);
    }
    return text.toString();
  }

  private List<StoredEvent> scan(StreamKey stream, ScanRange range) {
    List<StoredEvent> result = new ArrayList<>();
    try (EventScan scan = store.scan(stream, range)) {
      scan.forEachRemaining(result::add);
    }
    return result;
  }

  protected static StoredEvent event(long timestamp, long sequence, String message) {
    return new StoredEvent(timestamp, sequence, timestamp + 1, bytes(message));
  }

  private static List<String> render(Iterable<StoredEvent> events) {
    List<String> lines = new ArrayList<>();
    for (StoredEvent e : events) {
      lines.add(e.timestamp() + ":" + e.sequence() + ":" + e.ingestionTime() + ":" + text(e.message()));
    }
    return lines;
  }

  private static List<String> ids(List<StoredDocument> documents) {
    return documents.stream().map(StoredDocument::id).toList();
  }

  private static int byUtf8(String a, String b) {
    return Arrays.compareUnsigned(bytes(a), bytes(b));
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  protected static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The obvious implementation of the event half of the contract, to compare a store against. */
  private static final class Model {
    private final Map<StreamKey, TreeMap<EventPosition, StoredEvent>> streams = new HashMap<>();

    void add(StreamKey stream, StoredEvent event) {
      streams.computeIfAbsent(stream, s -> new TreeMap<>()).put(event.position(), event);
    }

    NavigableMap<EventPosition, StoredEvent> events(StreamKey stream) {
      return streams.getOrDefault(stream, new TreeMap<>());
    }

    List<StoredEvent> scan(StreamKey stream, ScanRange range) {
      List<StoredEvent> result = new ArrayList<>();
      for (StoredEvent e : events(stream).values()) {
        boolean inRange = e.timestamp() >= range.fromTimestamp() && e.timestamp() < range.toTimestamp();
        boolean afterPosition =
            range.after().isEmpty()
                || (range.descending()
                    ? e.position().compareTo(range.after().get()) < 0
                    : e.position().compareTo(range.after().get()) > 0);
        boolean passes =
            range.filter().isEmpty() || range.filter().get().test(e.message(), 0, e.message().length);
        if (inRange && afterPosition && passes) {
          result.add(e);
        }
      }
      if (range.descending()) {
        java.util.Collections.reverse(result);
      }
      return result;
    }

    PurgeResult deleteBefore(StreamKey stream, long cutoff) {
      long count = 0;
      long bytes = 0;
      var doomed = events(stream).headMap(new EventPosition(cutoff, Long.MIN_VALUE), false);
      for (StoredEvent e : doomed.values()) {
        count++;
        bytes += e.message().length;
      }
      doomed.clear();
      return count == 0 ? PurgeResult.NONE : new PurgeResult(count, bytes);
    }

    void deleteStream(StreamKey stream) {
      streams.remove(stream);
    }

    void deleteGroup(long groupId) {
      streams.keySet().removeIf(s -> s.groupId() == groupId);
    }
  }

  /**
   * Reads a range a page at a time, each page a new scan resuming after the last event of the one before,
   * until a page is empty. Asserts that every resume makes progress (a store that does not resume strictly
   * after the position would loop forever) and keeps the range's filter.
   */
  private List<StoredEvent> readInPages(
      StreamKey stream, ScanRange start, int events, java.util.function.IntSupplier pageSize) {
    ScanRange range = start;
    List<StoredEvent> pages = new ArrayList<>();
    for (int guard = events + 1; guard >= 0; guard--) {
      assertThat(guard).as("resume-after makes progress").isPositive();
      List<StoredEvent> page = new ArrayList<>();
      try (EventScan scan = store.scan(stream, range)) {
        for (int n = pageSize.getAsInt(); n > 0 && scan.hasNext(); n--) {
          page.add(scan.next());
        }
      }
      if (page.isEmpty()) {
        return pages;
      }
      pages.addAll(page);
      range = range.resumingAfter(page.get(page.size() - 1).position());
      assertThat(range.filter()).as("resuming keeps the filter").isEqualTo(start.filter());
    }
    return pages;
  }

}
