package io.cwlogs.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random PutLogEvents bodies for the equivalence property: mostly well-formed requests whose members and
 * events vary in every way the decoders treat differently (order, duplicates, nulls, unknown and nested
 * members, values of the wrong kind, numbers as strings or floats, every kind of string escape including
 * lone surrogates, names at and over the limits, timestamps out of order, too old, too new, expired),
 * plus byte-level damage (truncation, trailing garbage, stray bytes that are not UTF-8).
 */
final class PutLogEventsBodies {

  private static final long NOW = IngestPaths.NOW;
  private static final long DAY = 86_400_000L;

  private PutLogEventsBodies() {}

  static Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> requests = requests().map(PutLogEventsBodies::utf8);
    return Arbitraries.frequencyOf(
        Tuple.of(12, requests),
        Tuple.of(3, requests.flatMap(PutLogEventsBodies::damaged)),
        Tuple.of(1, Arbitraries.of("", "  \n", "null", "[]", "[1,", "5", "5x", "\"x\"", "true", "{}", "{", "}", "{}}",
            "{} trailing", "{\"a\":1} {", "\ufeff{}", "{\"logEvents\":", "{,}", "{\"a\" 1}").map(PutLogEventsBodies::utf8)));
  }

  static Arbitrary<String> requests() {
    Arbitrary<List<String>> members = Combinators.combine(
            member("logGroupName", groupName(), 12),
            member("logStreamName", streamName(), 12),
            member("logEvents", logEvents(), 14),
            member("sequenceToken", Arbitraries.of("\"\"", "\"49590000000000000000000000000000000000000000000000000001\"", "null", "7"), 1),
            member("entity", entity(), 1),
            unknownRequestMembers(),
            member("logGroupName", groupName(), 1).flatMap(a -> member("logEvents", logEvents(), 1).map(b -> two(a, b))))
        .as((group, stream, events, token, entity, unknown, duplicates) -> {
          List<String> all = new ArrayList<>();
          group.ifPresent(all::add);
          stream.ifPresent(all::add);
          events.ifPresent(all::add);
          token.ifPresent(all::add);
          entity.ifPresent(all::add);
          all.addAll(unknown);
          all.addAll(duplicates);
          return all;
        });
    return members
        .flatMap(list -> Arbitraries.integers().between(0, 3).flatMap(
            order -> order == 0 ? Arbitraries.shuffle(list) : Arbitraries.just(list)))
        .map(list -> "{" + String.join(",", list) + "}");
  }

  private static List<String> two(Optional<String> a, Optional<String> b) {
    List<String> both = new ArrayList<>();
    a.ifPresent(both::add);
    b.ifPresent(both::add);
    return both;
  }

  /** The member, present {@code weight} times in {@code weight + 1} if weight is 10 or more, else in 10. */
  private static Arbitrary<Optional<String>> member(String name, Arbitrary<String> value, int weight) {
    return Arbitraries.frequencyOf(
        Tuple.of(weight, value.map(v -> Optional.of(key(name) + ":" + v))),
        Tuple.of(weight >= 10 ? 1 : 9, Arbitraries.just(Optional.<String>empty())));
  }

  private static String key(String name) {
    return "\"" + name + "\"";
  }

  private static Arbitrary<String> groupName() {
    return Arbitraries.frequencyOf(
        Tuple.of(16, Arbitraries.just("\"g\"")),
        Tuple.of(3, Arbitraries.just("\"r\"")),
        Tuple.of(1, Arbitraries.of("\"missing\"", "\"\"", "\"a:b*\"", "\"g\\u0000\"", "\"\\u0067\"", "\"caf\\u00e9\"",
            "\"" + "a".repeat(512) + "\"", "\"" + "a".repeat(513) + "\"", "\"" + "é".repeat(257) + "\"",
            "\"" + "\\ud83d".repeat(513) + "\"", "null")),
        Tuple.of(1, wrongKind()));
  }

  private static Arbitrary<String> streamName() {
    return Arbitraries.frequencyOf(
        Tuple.of(18, Arbitraries.just("\"s\"")),
        Tuple.of(1, Arbitraries.of("\"missing\"", "\"\"", "\"a:b\"", "\"x*\"", "\"\\u00e9t\\u00e9\"",
            "\"" + "b".repeat(513) + "\"", "\"" + "é".repeat(257) + "\"", "\"" + "é".repeat(256) + "\"", "null")),
        Tuple.of(1, wrongKind()));
  }

  private static Arbitrary<String> wrongKind() {
    return Arbitraries.of("5", "-1", "1.5", "true", "false", "{}", "[]", "{\"a\":[1,{}]}", "[\"x\"]", "[null]");
  }

  private static Arbitrary<String> entity() {
    return Arbitraries.of(
        "{}", "null", "5", "[]", "{\"keyAttributes\":[1]}", "{\"keyAttributes\":{\"a\":\"\"}}",
        "{\"keyAttributes\":{\"Type\":\"Service\",\"Name\":\"api\",\"Environment\":\"prod\"}}",
        "{\"keyAttributes\":{\"Type\":\"Service\",\"Name\":\"api\"}}",
        "{\"keyAttributes\":{\"Type\":\"Nope\",\"a\":\"b\"},\"attributes\":{\"k\":\"v\"}}",
        "{\"keyAttributes\":{\"Type\":\"Resource\",\"ResourceType\":\"x\",\"Identifier\":\"y\"},\"x\":[{}]}",
        "{\"keyAttributes\":{\"a\":null,\"b\":\"c\"}}", "{\"attributes\":{\"k\":5}}", "{\"keyAttributes\":null}");
  }

  /** Now and then one or two members the request does not have, some spelled like ones it has. */
  private static Arbitrary<List<String>> unknownMembers(String... names) {
    Arbitrary<String> member = Combinators.combine(Arbitraries.of(names), json(3)).as((n, v) -> n + ":" + v);
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just(List.<String>of())),
        Tuple.of(1, member.list().ofMinSize(1).ofMaxSize(2)));
  }

  private static Arbitrary<List<String>> unknownRequestMembers() {
    return unknownMembers("\"foo\"", "\"logevents\"", "\"LogGroupName\"", "\"\"", "\"x\\u0041\"", "\"timestamp\"",
        "\"message\"", "\"nested\"", "\"nested\"", "\"nested\"", "\"log\\u0047roupName\"");
  }

  private static Arbitrary<List<String>> unknownEventMembers() {
    return unknownMembers("\"foo\"", "\"Message\"", "\"time\"", "\"\"", "\"nested\"", "\"nested\"", "\"nested\"",
        "\"logGroupName\"", "\"messag\\u0065\"");
  }

  /** Any JSON value, nested up to {@code depth}. */
  private static Arbitrary<String> json(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "false", "0", "-0", "1e400", "-1.5e-3", "123456789012345678901234567890",
            "\"\"", "\"x\\ud800\"", "\"\\n\""),
        jsonString(8));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> array = json(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> object = Combinators.combine(jsonString(4), json(depth - 1)).as((k, v) -> k + ":" + v)
        .list().ofMaxSize(3).map(l -> "{" + String.join(",", l) + "}");
    return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(1, object));
  }

  private static Arbitrary<String> logEvents() {
    return Arbitraries.frequencyOf(
        Tuple.of(30, eventArray()),
        Tuple.of(1, Arbitraries.just("[]")),
        Tuple.of(1, Arbitraries.just("null")),
        Tuple.of(1, wrongKind()));
  }

  /** An array of event objects (now and then another item), timestamps mostly in order. */
  private static Arbitrary<String> eventArray() {
    Arbitrary<String> item = Arbitraries.frequencyOf(
        Tuple.of(300, event()),
        Tuple.of(1, Arbitraries.of("null", "5", "\"x\"", "[]", "[{}]", "true")));
    return Combinators.combine(item.list().ofMinSize(1).ofMaxSize(12), timestamp().list().ofSize(12),
            Arbitraries.integers().between(0, 9))
        .as((items, timestamps, order) -> {
          List<Long> ts = new ArrayList<>(timestamps);
          if (order < 8) {
            ts.sort(null);
          }
          StringBuilder out = new StringBuilder("[");
          for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(items.get(i).replace("%TS%", Long.toString(ts.get(i))));
          }
          return out.append(']').toString();
        });
  }

  private static Arbitrary<Long> timestamp() {
    return Arbitraries.frequencyOf(
        Tuple.of(200, Arbitraries.longs().between(NOW - 3_600_000, NOW)),
        Tuple.of(1, Arbitraries.longs().between(NOW - 20 * DAY, NOW - 14 * DAY - 1)),
        Tuple.of(1, Arbitraries.longs().between(NOW - 3 * DAY, NOW - DAY - 1)),
        Tuple.of(1, Arbitraries.longs().between(NOW + 2 * 3_600_000 + 1, NOW + 3 * DAY)),
        Tuple.of(1, Arbitraries.of(0L, 1L, NOW - 14 * DAY, NOW + 2 * 3_600_000, NOW - 25 * 3_600_000)));
  }

  /** An event object with {@code %TS%} where its timestamp goes. */
  private static Arbitrary<String> event() {
    Arbitrary<Optional<String>> timestamp = Arbitraries.frequencyOf(
        Tuple.of(400, Arbitraries.just(Optional.of("%TS%"))),
        Tuple.of(8, Arbitraries.of("\"%TS%\"", "\" %TS% \"", "%TS%.0", "%TS%.000e0", "\"%TS%.0\"").map(Optional::of)),
        Tuple.of(2, Arbitraries.of("null", "true", "\"abc\"", "\"\"", "1.5", "\"1.5\"", "1e400", "\"1e400\"", "-1",
            "\"-7\"", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "{}", "[]", "[1]",
            "1e18", "\"NaN\"", "\"0x10\"").map(Optional::of)),
        Tuple.of(2, Arbitraries.just(Optional.<String>empty())));
    Arbitrary<Optional<String>> message = Arbitraries.frequencyOf(
        Tuple.of(400, jsonString(1, 60).map(Optional::of)),
        Tuple.of(4, Arbitraries.of("\"\"", "null", "5", "{}", "[]", "[\"x\"]", "true").map(Optional::of)),
        Tuple.of(1, Arbitraries.just(Optional.<String>empty())));
    Arbitrary<Integer> variant = Arbitraries.frequencyOf(
        Tuple.of(60, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.integers().between(0, 2)));
    return Combinators.combine(timestamp, message, unknownEventMembers(), variant, jsonString(5))
        .as((ts, msg, unknown, shape, extra) -> {
          List<String> members = new ArrayList<>();
          ts.ifPresent(t -> members.add("\"timestamp\":" + t));
          msg.ifPresent(m -> members.add("\"message\":" + m));
          members.addAll(unknown);
          switch (shape) {
            case 0 -> members.add("\"message\":" + extra); // given twice: the last counts
            case 1 -> members.add("\"timestamp\":null");
            case 2 -> java.util.Collections.reverse(members);
            default -> {}
          }
          return "{" + String.join(",", members) + "}";
        });
  }

  /** A JSON string literal of up to {@code max} pieces, each a char written plainly or as an escape. */
  static Arbitrary<String> jsonString(int max) {
    return jsonString(0, max);
  }

  static Arbitrary<String> jsonString(int min, int max) {
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        Tuple.of(30, Arbitraries.chars().range(' ', '~').filter(c -> c != '"' && c != '\\').map(String::valueOf)),
        Tuple.of(3, Arbitraries.of("\\n", "\\t", "\\r", "\\b", "\\f", "\\/", "\\\\", "\\\"")),
        Tuple.of(3, Arbitraries.of("é", "ü", "日本", "\u0080", "\u07ff", "\u0800", "\uffff", "\ufffd", "\u2028",
            "😀", "\uD800\uDC00", "\uDBFF\uDFFF")),
        Tuple.of(2, Arbitraries.chars().all().map(c -> "\\u" + hex(c))),
        Tuple.of(1, Arbitraries.of("\\ud83d\\ude00", "\\uD83D\\uDE00", "\\ud83d", "\\ude00", "\\ude00\\ud83d",
            "\\ud83d\\ud83d\\ude00", "\\udbff", "\\u0000", "\\u00E9")));
    return piece.list().ofMinSize(min).ofMaxSize(max).map(l -> "\"" + String.join("", l) + "\"");
  }

  private static String hex(char c) {
    String h = HexFormat.of().toHexDigits(c);
    return (c % 3 == 0) ? h.toUpperCase(java.util.Locale.ROOT) : h;
  }

  /** The body with bytes cut, added or changed. */
  private static Arbitrary<byte[]> damaged(byte[] body) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, body.length);
    Arbitrary<byte[]> garbage = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(" x", "}", "]", ",", "{", " {\"a\":", "\u0000", "\"", "\\", "  ", "null").map(PutLogEventsBodies::utf8)),
        Tuple.of(1, Arbitraries.bytes().map(b -> new byte[] {b})),
        Tuple.of(1, Arbitraries.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xFF})));
    return Combinators.combine(at, garbage, Arbitraries.integers().between(0, 3))
        .as((position, bytes, kind) -> switch (kind) {
          case 0 -> Arrays.copyOf(body, position); // truncated
          case 1 -> concat(body, bytes); // trailing
          case 2 -> concat(concat(Arrays.copyOf(body, position), bytes), Arrays.copyOfRange(body, position, body.length));
          default -> {
            byte[] changed = body.clone();
            if (position < changed.length) {
              changed[position] = bytes.length == 0 ? 0 : bytes[0];
            }
            yield changed;
          }
        });
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
