package io.cwlogs.server;

import static io.cwlogs.server.PutLogEventsBodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Data;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.FromData;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Table;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The PutLogEvents fast path ({@link PutLogEventsDecoder} and the batch validation) answers every body
 * exactly as the generic codec and validation do: the same answer, or the same error code and message,
 * and the same events stored. Each body goes to two identical services on a fixed clock, one per path
 * ({@link IngestPaths}); a table of named cases, then random bodies ({@link PutLogEventsBodies}). Neither
 * path may fail with anything but an AWS error.
 */
class PutLogEventsEquivalenceTest {

  private static final long NOW = IngestPaths.NOW;
  private static IngestPaths paths;

  @BeforeContainer
  static void open() throws Exception {
    paths = new IngestPaths();
  }

  @AfterContainer
  static void close() throws Exception {
    paths.close();
  }

  /** After each property, the two stores hold the same events and the same stream statistics. */
  @AfterProperty
  void sameStoredState() {
    String[] describe = paths.describe();
    assertThat(describe[1]).isEqualTo(describe[0]);
    String[] events = paths.events();
    assertThat(events[1]).isEqualTo(events[0]);
  }

  private static IngestPaths.Answer sameAnswer(byte[] body) {
    IngestPaths.Answer generic = paths.viaGeneric(body);
    IngestPaths.Answer fast = paths.viaFast(body);
    assertThat(fast).isEqualTo(generic);
    return generic;
  }

  // Edge cases off: combined, they would make nearly every body fail validation; the table has them.
  @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
  void anyBodyGetsTheSameAnswer(@ForAll("bodies") byte[] body) {
    IngestPaths.Answer answer = sameAnswer(body);
    // The report shows how the random bodies spread over answers, so a generator that stopped reaching
    // the interesting ones would show.
    String kind = answer.ok() ? "ok" : answer.code() + ": " + answer.text().replaceAll("[0-9]+", "N");
    Statistics.collect(kind.length() > 70 ? kind.substring(0, 70) : kind);
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return PutLogEventsBodies.bodies();
  }

  @Data
  Iterable<Tuple2<String, String>> cases() {
    String ok = "\"logGroupName\":\"g\",\"logStreamName\":\"s\"";
    List<Tuple2<String, String>> cases = new ArrayList<>(List.of(
        Tuple.of("plain", "{" + ok + ",\"logEvents\":[{\"timestamp\":" + NOW + ",\"message\":\"hello\"}]}"),
        Tuple.of("escapes", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"a\\nb\\t\\\"q\\\" \\\\ \\/ \\u00e9 \\u00E9\"") + "]}"),
        Tuple.of("surrogate pair escaped", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"\\ud83d\\ude00\"") + "]}"),
        Tuple.of("lone high surrogate", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"x\\ud83dy\"") + "]}"),
        Tuple.of("lone low surrogate", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"\\ude00\"") + "]}"),
        Tuple.of("reversed pair", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"\\ude00\\ud83d\"") + "]}"),
        Tuple.of("non-ASCII literal", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"café 日本 😀 \u0080\u07ff\u0800\uffff\"") + "]}"),
        Tuple.of("NUL escaped", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"\\u0000\"") + "]}"),
        Tuple.of("empty message", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"\"") + "]}"),
        Tuple.of("missing timestamp", "{" + ok + ",\"logEvents\":[{\"message\":\"m\"}]}"),
        Tuple.of("missing message", "{" + ok + ",\"logEvents\":[{\"timestamp\":" + NOW + "}]}"),
        Tuple.of("timestamp as string", "{" + ok + ",\"logEvents\":[{\"timestamp\":\"" + NOW + "\",\"message\":\"m\"}]}"),
        Tuple.of("timestamp as padded string", "{" + ok + ",\"logEvents\":[{\"timestamp\":\" " + NOW + " \",\"message\":\"m\"}]}"),
        Tuple.of("timestamp as float", "{" + ok + ",\"logEvents\":[{\"timestamp\":" + NOW + ".0,\"message\":\"m\"}]}"),
        Tuple.of("timestamp not integral", "{" + ok + ",\"logEvents\":[{\"timestamp\":1.5,\"message\":\"m\"}]}"),
        Tuple.of("timestamp beyond double", "{" + ok + ",\"logEvents\":[{\"timestamp\":1e400,\"message\":\"m\"}]}"),
        Tuple.of("timestamp beyond long", "{" + ok + ",\"logEvents\":[{\"timestamp\":99999999999999999999,\"message\":\"m\"}]}"),
        Tuple.of("timestamp not a number", "{" + ok + ",\"logEvents\":[{\"timestamp\":\"soon\",\"message\":\"m\"}]}"),
        Tuple.of("timestamp negative", "{" + ok + ",\"logEvents\":[{\"timestamp\":-1,\"message\":\"m\"}]}"),
        Tuple.of("timestamp negative, message empty", "{" + ok + ",\"logEvents\":[{\"timestamp\":-1,\"message\":\"\"}]}"),
        Tuple.of("timestamp smallest long", "{" + ok + ",\"logEvents\":[{\"timestamp\":-9223372036854775808,\"message\":\"m\"}]}"),
        Tuple.of("timestamp bool and message number", "{" + ok + ",\"logEvents\":[{\"message\":5,\"timestamp\":true}]}"),
        Tuple.of("message as number", "{" + ok + ",\"logEvents\":[{\"timestamp\":" + NOW + ",\"message\":5}]}"),
        Tuple.of("message as object", "{" + ok + ",\"logEvents\":[{\"timestamp\":" + NOW + ",\"message\":{\"a\":1}}]}"),
        Tuple.of("logEvents as object", "{" + ok + ",\"logEvents\":{\"timestamp\":1}}"),
        Tuple.of("logEvents as string", "{" + ok + ",\"logEvents\":\"x\"}"),
        Tuple.of("logEvents empty", "{" + ok + ",\"logEvents\":[]}"),
        Tuple.of("logEvents null", "{" + ok + ",\"logEvents\":null}"),
        Tuple.of("null item", "{" + ok + ",\"logEvents\":[null]}"),
        Tuple.of("null item after an event", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"a\"") + ",null]}"),
        Tuple.of("item of the wrong kind", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"a\"") + ",5,[]]}"),
        Tuple.of("null members", "{\"logGroupName\":null,\"logStreamName\":null,\"logEvents\":null,\"sequenceToken\":null,\"entity\":null}"),
        Tuple.of("sequence token null", "{" + ok + ",\"sequenceToken\":null,\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("sequence token empty", "{" + ok + ",\"sequenceToken\":\"\",\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("unknown members", "{\"zzz\":1," + ok + ",\"logEvents\":[{\"timestamp\":" + NOW + ",\"x\":[1,{\"y\":null}],\"message\":\"m\"}],\"more\":{\"a\":[[],{}]}}"),
        Tuple.of("members in any order", "{\"logEvents\":[{\"message\":\"m\",\"timestamp\":" + NOW + "}],\"logStreamName\":\"s\",\"logGroupName\":\"g\"}"),
        Tuple.of("member given twice", "{" + ok + ",\"logGroupName\":5,\"logGroupName\":\"g\",\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("member name escaped", "{\"log\\u0047roupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("wrong kinds in two members", "{\"logEvents\":{},\"logGroupName\":5}"),
        Tuple.of("wrong kind then bad JSON", "{\"logGroupName\":5,\"logEvents\":[}"),
        Tuple.of("out of order", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"b\"") + "," + event(NOW - 1, "\"a\"") + "]}"),
        Tuple.of("too old, too new", "{" + ok + ",\"logEvents\":[" + event(NOW - 15 * 86_400_000L, "\"old\"") + ","
            + event(NOW, "\"ok\"") + "," + event(NOW + 3 * 3_600_000L, "\"new\"") + "]}"),
        Tuple.of("expired by retention", "{\"logGroupName\":\"r\",\"logStreamName\":\"s\",\"logEvents\":["
            + event(NOW - 2 * 86_400_000L, "\"expired\"") + "," + event(NOW, "\"ok\"") + "]}"),
        Tuple.of("span over 24 hours", "{" + ok + ",\"logEvents\":[" + event(NOW - 25 * 3_600_000L, "\"a\"") + "," + event(NOW, "\"b\"") + "]}"),
        Tuple.of("unknown group", "{\"logGroupName\":\"nope\",\"logStreamName\":\"s\",\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("unknown stream", "{\"logGroupName\":\"g\",\"logStreamName\":\"nope\",\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("invalid names", "{\"logGroupName\":\"\",\"logStreamName\":\"a:b\",\"logEvents\":[" + event(-1, "\"\"") + "]}"),
        Tuple.of("name over 512 bytes", "{\"logGroupName\":\"" + "é".repeat(257) + "\",\"logStreamName\":\"s\",\"logEvents\":[]}"),
        Tuple.of("stream name over 512 bytes", "{\"logGroupName\":\"g\",\"logStreamName\":\"" + "x".repeat(513) + "\"}"),
        Tuple.of("entity", "{" + ok + ",\"entity\":{\"keyAttributes\":{\"Type\":\"Service\",\"Name\":\"a\"}},\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("entity invalid", "{" + ok + ",\"entity\":{\"keyAttributes\":{\"a\":\"\"}},\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("entity wrong kind", "{" + ok + ",\"entity\":{\"keyAttributes\":[1]},\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("empty body", ""),
        Tuple.of("whitespace body", " \n "),
        Tuple.of("null body", "null"),
        Tuple.of("array body", "[]"),
        Tuple.of("malformed array body", "[1,"),
        Tuple.of("malformed JSON", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"a\"") + "]"),
        Tuple.of("bad escape", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"\\x\"") + "]}"),
        Tuple.of("bad escape in an unknown member", "{" + ok + ",\"x\":[{\"y\":\"\\q\"}],\"logEvents\":[" + event(NOW, "\"a\"") + "]}"),
        Tuple.of("bad escape in an unknown event member", "{" + ok + ",\"logEvents\":[{\"x\":\"\\u12\",\"timestamp\":1,\"message\":\"m\"}]}"),
        Tuple.of("raw control char", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"a\u0001\"") + "]}"),
        Tuple.of("trailing garbage", "{" + ok + ",\"logEvents\":[" + event(NOW, "\"a\"") + "]} garbage {"),
        Tuple.of("nested too deep", "{\"x\":" + "[".repeat(120) + "]".repeat(120) + "}"),
        Tuple.of("number too long", "{\"x\":1" + "0".repeat(1200) + "}")));
    cases.add(Tuple.of("10,000 events", events(10_000)));
    cases.add(Tuple.of("10,001 events", events(10_001)));
    cases.add(Tuple.of("10,001 events, one with a lone surrogate", events(10_001).replace("\"m9\"", "\"m\\ud83d\"")));
    return Table.of(cases.toArray(Tuple2[]::new));
  }

  @Property
  @FromData("cases")
  void namedCasesGetTheSameAnswer(@ForAll String name, @ForAll String body) {
    sameAnswer(utf8(body));
  }

  /** Raw bytes that are not UTF-8 inside a message or an unknown member. */
  @Example
  void invalidUtf8GetsTheSameAnswer() {
    String event = "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[{\"timestamp\":" + NOW;
    sameAnswerWithBadBytes(event + ",\"message\":\"", "\"}]}");
    sameAnswerWithBadBytes(event + ",\"x\":\"", "\",\"message\":\"m\"}]}");
  }

  private static void sameAnswerWithBadBytes(String before, String after) {
    for (byte[] bad : List.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xC0, (byte) 0x80},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82})) {
      byte[] head = utf8(before);
      byte[] tail = utf8(after);
      byte[] body = new byte[head.length + bad.length + tail.length];
      System.arraycopy(head, 0, body, 0, head.length);
      System.arraycopy(bad, 0, body, head.length, bad.length);
      System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
      sameAnswer(body);
    }
  }

  /** 1,048,576 bytes counted as UTF-8 plus 26 per event is accepted; one byte more is not. */
  @Example
  void batchSizeIsCountedInUtf8BytesExactly() {
    // Per message: U+1F600 (4 bytes), é (2), a lone surrogate (stored as '?', 1), then ASCII to fill.
    String special = "\\ud83d\\ude00\\u00e9\\ud83d";
    int events = 4;
    int perEvent = (1_048_576 - 26 * events) / events; // 262,118 bytes each
    assertThat(sameAnswer(utf8(batchOf(events, special + "a".repeat(perEvent - 7), ""))).ok()).isTrue();
    String over = batchOf(events, special + "a".repeat(perEvent - 7), "a");
    IngestPaths.Answer answer = sameAnswer(utf8(over));
    assertThat(answer.text()).isEqualTo("Upload too large: 1048577 bytes exceeds limit of 1048576");
  }

  /** Bodies that made the generic path fail with a 500 before; now both give an AWS error. */
  @Example
  void formerServerErrorsAreAwsErrors() {
    IngestPaths.Answer nullItem = sameAnswer(utf8(
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[null]}"));
    assertThat(nullItem.code()).isEqualTo("InvalidParameterException");
    assertThat(nullItem.text()).isEqualTo(
        "1 validation error detected: Value null at 'logEvents.1.member' failed to satisfy constraint: Member must not be null");
    IngestPaths.Answer infinite = sameAnswer(utf8(
        "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[{\"timestamp\":1e400,\"message\":\"m\"}]}"));
    assertThat(infinite.code()).isEqualTo("SerializationException");
    assertThat(infinite.text()).isEqualTo("Numeric value (Infinity) out of range of double.");
  }

  /** {@code count} events with the same message, the last one with {@code extra} appended. */
  private static String batchOf(int count, String message, String extra) {
    StringBuilder out = new StringBuilder("{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[");
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append(event(NOW, "\"" + message + (i == count - 1 ? extra : "") + "\""));
    }
    return out.append("]}").toString();
  }

  private static String event(long timestamp, String messageJson) {
    return "{\"timestamp\":" + timestamp + ",\"message\":" + messageJson + "}";
  }

  private static String events(int count) {
    StringBuilder out = new StringBuilder("{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":[");
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",").append(event(NOW - 60_000 + i, "\"m" + i + "\""));
    }
    return out.append("]}").toString();
  }
}
