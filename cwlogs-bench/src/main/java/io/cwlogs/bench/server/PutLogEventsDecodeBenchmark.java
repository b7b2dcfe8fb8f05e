package io.cwlogs.bench.server;

import io.cwlogs.core.PutLogEventsBatch;
import io.cwlogs.core.PutLogEventsValidator;
import io.cwlogs.core.RequestValidator;
import io.cwlogs.server.JsonCodec;
import io.cwlogs.server.PutLogEventsDecoder;
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
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * What the server does with a PutLogEvents body before storage: a body of {@value #EVENTS} events of
 * {@value #MESSAGE_BYTES}-byte text messages (240 KB, as the load generator sends), decoded and validated
 * the generic way ({@code JsonCodec.decode} into the SDK request through a JSON tree, then
 * {@code RequestValidator}) or the fast way ({@code PutLogEventsDecoder} straight into a
 * {@code PutLogEventsBatch}, then {@code PutLogEventsValidator}). {@code genericToBatch} adds what the
 * SDK path then does before the batch rules: the batch with every message encoded to UTF-8. Scores are
 * events/s (one op per event); {@code -prof gc} gives bytes allocated per event
 * ({@code gc.alloc.rate.norm}).
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q -pl cwlogs-bench -am package -DskipTests
 * java -jar cwlogs-bench/target/benchmarks.jar PutLogEventsDecodeBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class PutLogEventsDecodeBenchmark {

  static final int EVENTS = 1_000;
  static final int MESSAGE_BYTES = 200;

  private final JsonCodec codec = new JsonCodec();
  private final PutLogEventsDecoder decoder = new PutLogEventsDecoder(codec);
  private final RequestValidator model = RequestValidator.load();
  private final PutLogEventsValidator validator = new PutLogEventsValidator(model);
  private byte[] body;

  @Setup
  public void setUp() {
    body = BenchBodies.putLogEvents(EVENTS, MESSAGE_BYTES);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public SdkPojo generic() {
    SdkPojo request = codec.decode(body, PutLogEventsRequest.class);
    model.validate("PutLogEvents", request);
    return request;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public PutLogEventsBatch genericToBatch() {
    SdkPojo request = codec.decode(body, PutLogEventsRequest.class);
    model.validate("PutLogEvents", request);
    return PutLogEventsBatch.of((PutLogEventsRequest) request);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public PutLogEventsBatch fast() {
    PutLogEventsBatch batch = decoder.decode(body);
    validator.validate(batch);
    return batch;
  }
}
