package io.cwlogs.bench.server;

import io.cwlogs.server.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * The generic JSON 1.1 codec ({@code JsonCodec}, driven by the SDK's field metadata) on the big bodies:
 * decoding a PutLogEvents request of {@value #PUT_EVENTS} events (tree, then SDK builders), and encoding
 * a full GetLogEvents or FilterLogEvents page of {@value #PAGE_EVENTS} events. All messages are
 * {@value #MESSAGE_BYTES}-byte text. Scores are events/s (one op per event); {@code -prof gc} gives bytes
 * allocated per event.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q -pl cwlogs-bench -am package -DskipTests
 * java -jar cwlogs-bench/target/benchmarks.jar JsonCodecBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class JsonCodecBenchmark {

  static final int PUT_EVENTS = 1_000;
  static final int PAGE_EVENTS = 10_000;
  static final int MESSAGE_BYTES = 200;

  private final JsonCodec codec = new JsonCodec();
  private byte[] putBody;
  private GetLogEventsResponse getPage;
  private FilterLogEventsResponse filterPage;

  @Setup
  public void setUp() {
    putBody = BenchBodies.putLogEvents(PUT_EVENTS, MESSAGE_BYTES);
    SplittableRandom random = new SplittableRandom(7);
    List<OutputLogEvent> output = new ArrayList<>(PAGE_EVENTS);
    List<FilteredLogEvent> filtered = new ArrayList<>(PAGE_EVENTS);
    for (int i = 0; i < PAGE_EVENTS; i++) {
      String message = BenchBodies.message(random, MESSAGE_BYTES);
      long ts = BenchBodies.NOW + i;
      output.add(OutputLogEvent.builder().timestamp(ts).ingestionTime(ts + 5).message(message).build());
      filtered.add(FilteredLogEvent.builder().logStreamName("stream-" + (i % 4)).timestamp(ts).ingestionTime(ts + 5)
          .message(message).eventId(String.format("%056d", i)).build());
    }
    String token = "f/" + "3".repeat(56) + "/s";
    getPage = GetLogEventsResponse.builder().events(output).nextForwardToken(token).nextBackwardToken(token).build();
    filterPage = FilterLogEventsResponse.builder().events(filtered).searchedLogStreams(List.of()).nextToken(token).build();
  }

  @Benchmark
  @OperationsPerInvocation(PUT_EVENTS)
  public SdkPojo decodePutLogEvents() {
    return codec.decode(putBody, PutLogEventsRequest.class);
  }

  @Benchmark
  @OperationsPerInvocation(PAGE_EVENTS)
  public byte[] encodeGetLogEvents() {
    return codec.encode(getPage);
  }

  @Benchmark
  @OperationsPerInvocation(PAGE_EVENTS)
  public byte[] encodeFilterLogEvents() {
    return codec.encode(filterPage);
  }
}
