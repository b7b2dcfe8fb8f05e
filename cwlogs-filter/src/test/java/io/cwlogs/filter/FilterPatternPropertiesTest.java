package io.cwlogs.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: the compiler throws nothing but {@link InvalidFilterPatternException}, and neither
 * compiling nor matching hangs. Tries are bounded so the module's tests stay fast.
 */
class FilterPatternPropertiesTest {
  private static final String SYNTAX_CHARS = "{}[]()%$.*\"'\\|&=!<>?-, \t_aeE019:@#^+";

  @Provide
  Arbitrary<String> syntaxSoup() {
    return Arbitraries.strings().withChars(SYNTAX_CHARS.toCharArray()).ofMaxLength(60);
  }

  @Provide
  Arbitrary<String> shapedSoup() {
    Arbitrary<String> inner = syntaxSoup();
    return Arbitraries.oneOf(
        inner.map(s -> "{" + s + "}"),
        inner.map(s -> "{ $.a" + s + "}"),
        inner.map(s -> "[" + s + "]"),
        inner.map(s -> "%" + s + "%"),
        inner);
  }

  @Property(tries = 2000)
  void compileThrowsOnlyInvalidFilterPattern(@ForAll("shapedSoup") String pattern) {
    compileAndMatch(pattern, "{\"a\":[1,{\"b\":\"x\"}],\"e\":1e3} ERROR x y");
  }

  @Property(tries = 500)
  void anyUnicodeStringIsHandled(
      @ForAll @StringLength(max = 80) String pattern, @ForAll @StringLength(max = 80) String msg) {
    compileAndMatch(pattern, msg);
  }

  @Property(tries = 300)
  void messagesNeverBreakCompiledPatterns(@ForAll("shapedSoup") String message) {
    String[] patterns = {
      "{ $.a[*].b = \"x\" || $.e > 5 }",
      "{ $.a NOT EXISTS && $.* = %x% }",
      "[a, ..., b = 4* || b = %y%, c > 1]",
      "[a, b]",
      "%a*b|^c$%",
      "ERROR ?x -y",
    };
    for (String p : patterns) {
      compileAndMatch(p, message);
    }
  }

  private static void compileAndMatch(String pattern, String message) {
    FilterPattern p;
    try {
      p = FilterPattern.compile(pattern);
    } catch (InvalidFilterPatternException e) {
      return;
    }
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    boolean s = p.matches(message);
    assertThat(p.matches(b, 0, b.length)).isEqualTo(s);
    p.extractedValues(message);
  }

  /** The regex engine agrees with java.util.regex on AWS's subset (ASCII, no line breaks). */
  @Property(tries = 1000)
  void regexAgreesWithJavaRegex(
      @ForAll("regexes") String regex, @ForAll("regexInputs") String input) {
    Regex ours;
    try {
      ours = Regex.compile(regex);
    } catch (InvalidFilterPatternException e) {
      return;
    }
    boolean expected = Pattern.compile(regex).matcher(input).find();
    assertThat(ours.find(input)).as("%s on %s", regex, input).isEqualTo(expected);
    byte[] b = input.getBytes(StandardCharsets.UTF_8);
    assertThat(ours.find(b, 0, b.length)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> regexes() {
    Arbitrary<String> atom =
        Arbitraries.of(
            "a", "b", "c", ".", "\\d", "\\w", "\\s", "[ab]", "[^a]", "[a-c]", "\\.", "x", "1");
    Arbitrary<String> quant = Arbitraries.of("", "", "", "*", "+", "?", "{2}", "{1,3}", "{2,}");
    Arbitrary<String> piece = net.jqwik.api.Combinators.combine(atom, quant).as((a, q) -> a + q);
    Arbitrary<String> seq = piece.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l));
    Arbitrary<String> anchored =
        net.jqwik.api.Combinators.combine(Arbitraries.of("", "^"), seq, Arbitraries.of("", "$"))
            .as((x, y, z) -> x + y + z);
    return anchored.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("|", l));
  }

  @Provide
  Arbitrary<String> regexInputs() {
    return Arbitraries.strings().withChars("abcx1. _é".toCharArray()).ofMaxLength(12);
  }

  /** ByteSearch agrees with String.indexOf around the 8-byte block boundaries. */
  @Property(tries = 1000)
  void byteSearchAgreesWithIndexOf(@ForAll("ab") String haystack, @ForAll("needles") String needle) {
    byte[] h = haystack.getBytes(StandardCharsets.US_ASCII);
    int got = new ByteSearch(needle.getBytes(StandardCharsets.US_ASCII)).indexOf(h, 0, h.length);
    assertThat(got).isEqualTo(haystack.indexOf(needle));
  }

  @Provide
  Arbitrary<String> needles() {
    return Arbitraries.strings().withChars('a', 'A', ' ', '.').ofMaxLength(4);
  }

  @Provide
  Arbitrary<String> ab() {
    return Arbitraries.strings().withChars('a', 'b', 'A', ' ', '.').ofMaxLength(40);
  }

  @Test
  void automataLargerThanOneWordMatchToo() {
    FilterPattern p = FilterPattern.compile("%x|^a{70}b?$%");
    assertThat(p.matches("a".repeat(70))).isTrue();
    assertThat(p.matches("a".repeat(70) + "b")).isTrue();
    assertThat(p.matches("a".repeat(69))).isFalse();
    assertThat(p.matches("a".repeat(71))).isFalse();
    assertThat(p.matches("a".repeat(71).getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(p.matches("ax".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(FilterPattern.compile("%b[^b]{65}b%").matches("xb" + "é".repeat(65) + "b")).isTrue();
  }

  @Test
  void deepNestingIsRejectedNotOverflowed() {
    String deep = "{ " + "(".repeat(100_000) + "$.a = 1" + ")".repeat(100_000) + " }";
    assertThatThrownBy(() -> FilterPattern.compile(deep))
        .isInstanceOf(InvalidFilterPatternException.class);
  }

  @Test
  void deeplyNestedMessagesDoNotMatchOrOverflow() {
    FilterPattern p = FilterPattern.compile("{ $.a = 1 }");
    String msg = "{\"a\":1,\"b\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThat(p.matches(msg)).isFalse();
  }

  @Test
  void hugePatternsCompileOrFailQuickly() {
    assertTimeout(
        () -> {
          String terms = "ERROR ".repeat(50_000);
          assertThat(FilterPattern.compile(terms).matches("ERROR")).isTrue();
          String ors = "{ " + "$.a = 1 || ".repeat(20_000) + "$.a = 2 }";
          assertThat(FilterPattern.compile(ors).matches("{\"a\":2}")).isTrue();
          assertThatThrownBy(() -> FilterPattern.compile("%" + "a{1000}".repeat(100) + "%"))
              .isInstanceOf(InvalidFilterPatternException.class);
        });
  }

  @Test
  void catastrophicRegexesRunInLinearTime() {
    String input = "a".repeat(200_000);
    assertTimeout(
        () -> {
          assertThat(FilterPattern.compile("%a*a*a*a*a*a*a*a*a*a*b%").matches(input)).isFalse();
          assertThat(FilterPattern.compile("%a+a+a+a+b%").matches(input)).isFalse();
          assertThat(FilterPattern.compile("%a{0,50}a{50}b%").matches(input)).isFalse();
          assertThat(FilterPattern.compile("%.*.*.*=.*%").matches(input)).isFalse();
        });
  }

  private static void assertTimeout(Runnable r) {
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), r::run);
  }
}
