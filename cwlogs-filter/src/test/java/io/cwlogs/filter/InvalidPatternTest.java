package io.cwlogs.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Patterns AWS rejects, and the message each rejection carries. */
class InvalidPatternTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x@y.com", // [GH-cw-181]
        "foo.bar",
        "\"unterminated",
        "ERROR ?",
        "[ip, user",
        "[ip, user,]",
        "[]",
        "[ip, status_code = 4* && bytes > 1000]", // different fields [GH-awsdocs-21]
        "[a > x]",
        "{}",
        "{ $.a }",
        "{ $.a = }",
        "{ $.a = \"x\" && }",
        "{ $.a IS NOT NULL }", // IS NOT is not supported [FPS]
        "{ $.a EXISTS }", // EXISTS is not supported [FPS]
        "{ $.a IS MAYBE }",
        "{ a = 1 }",
        "{ $. = 1 }",
        "{ $.a > \"x\" }",
        "{ $.a > abc }",
        "{ $.a = x@y }",
        "{ ($.a = 1 }",
        "{ $.a[*].b[*] = 1 }", // one wildcard per selector [FPS quotas]
        "{ $.a[*] = 1 && $.b[*] = 1 && $.c[*] = 1 && $.d[*] = 1 }", // three per pattern
        "{ $.a = %x% && $.b = %y% && $.c = %z% }", // two regexes per pattern
        "[a = %x%, b = %y%, c = %z%]",
        "%%",
        "%*a%",
        "%a**%",
        "%a{2,1}%",
        "%a{x}%",
        "%[abc%",
        "%\\b%",
        "%\\x%",
        "%a%b%",
        "%abc% def",
      })
  void rejectsWithAwsGenericMessage(String pattern) {
    assertThatThrownBy(() -> FilterPattern.compile(pattern))
        .isInstanceOf(InvalidFilterPatternException.class)
        .hasMessage("Invalid filter pattern");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%something!%", "%f(x)%", "%\\(%", "%é%", "{ $.a = %(a)% }"})
  void rejectsRegexCharacters(String pattern) {
    // '(' in a regex drew "Invalid character(s) in term" from real AWS.
    assertThatThrownBy(() -> FilterPattern.compile(pattern))
        .isInstanceOf(InvalidFilterPatternException.class)
        .hasMessage("Invalid character(s) in term");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{ $.a = 1", "{", "  { $.a = 1 } x"})
  void rejectsUnclosedBrace(String pattern) {
    assertThatThrownBy(() -> FilterPattern.compile(pattern))
        .isInstanceOf(InvalidFilterPatternException.class)
        .hasMessage("If a filter pattern starts with '{' it must end with '}'");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> FilterPattern.compile(null))
        .isInstanceOf(InvalidFilterPatternException.class);
  }

  @Test
  void reportsKindDimensionsAndRegexCount() {
    assertThat(FilterPattern.compile(" ").kind()).isEqualTo(PatternKind.ALL);
    assertThat(FilterPattern.compile("ERROR").kind()).isEqualTo(PatternKind.TERMS);
    assertThat(FilterPattern.compile("%a%").kind()).isEqualTo(PatternKind.REGEX);
    assertThat(FilterPattern.compile("{ $.a = 1 }").kind()).isEqualTo(PatternKind.JSON);
    assertThat(FilterPattern.compile("[a, b]").kind()).isEqualTo(PatternKind.SPACE_DELIMITED);
    assertThat(FilterPattern.compile("ERROR").supportsDimensions()).isFalse();
    assertThat(FilterPattern.compile("%a%").supportsDimensions()).isFalse();
    assertThat(FilterPattern.compile("{ $.a = 1 }").supportsDimensions()).isTrue();
    assertThat(FilterPattern.compile("[a, b]").supportsDimensions()).isTrue();
    assertThat(FilterPattern.compile("%a%").regexCount()).isEqualTo(1);
    assertThat(FilterPattern.compile("{ $.a = %x% || $.b = %y% }").regexCount()).isEqualTo(2);
    assertThat(FilterPattern.compile("[a = %x%, b]").regexCount()).isEqualTo(1);
    assertThat(FilterPattern.compile("ERROR").regexCount()).isZero();
  }

  @Test
  void tokenModeIsTheSwitchForWholeWordTerms() {
    FilterPattern p = FilterPattern.compile("ERROR", TermMatching.TOKEN);
    assertThat(p.matches("Exiting with ERRORCODE: -1")).isFalse();
    assertThat(p.matches("[ERROR] Caught")).isTrue();
    assertThat(p.matches("x_ERROR")).isFalse();
    assertThat(p.matches("ERRORCODE ERROR")).isTrue();
    assertThat(p.matches("ERRORCODE ERROR".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isTrue();
  }
}
