package io.cwlogs.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven conformance: every documented example from the semantics reference, one line per
 * case in {@code conformance.tsv} (pattern, message, expected match, expected extracted values).
 */
class ConformanceTest {

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                ConformanceTest.class.getResourceAsStream("conformance.tsv"),
                StandardCharsets.UTF_8))) {
      String section = "";
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.startsWith("# ==")) {
          section = line.substring(5).split(" ")[0];
          continue;
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        Map<String, String> extracted = new LinkedHashMap<>();
        for (int i = 3; i < cols.length; i++) {
          int eq = cols[i].indexOf('=');
          extracted.put(cols[i].substring(0, eq), cols[i].substring(eq + 1));
        }
        out.add(
            Arguments.of(
                section + ":" + lineNo,
                cols[0],
                cols[1].replace('⏎', '\n'),
                cols[2].equals("match"),
                extracted));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1} on {2}")
  @MethodSource("cases")
  void conforms(
      String where, String pattern, String message, boolean expected, Map<String, String> values) {
    FilterPattern p = FilterPattern.compile(pattern);
    assertThat(p.matches(message)).as("matches(String)").isEqualTo(expected);
    byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[utf8.length + 10];
    System.arraycopy(utf8, 0, padded, 5, utf8.length);
    assertThat(p.matches(padded, 5, utf8.length)).as("matches(byte[])").isEqualTo(expected);
    if (expected) {
      assertThat(p.extractedValues(message)).isEqualTo(values);
    } else {
      assertThat(p.extractedValues(message)).isEmpty();
    }
  }
}
