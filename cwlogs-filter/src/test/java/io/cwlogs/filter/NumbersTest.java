package io.cwlogs.filter;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Numbers#parse}: the literal syntax it accepts, and agreement with the JDK on values. */
class NumbersTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0.0",
        "-5|-5.0",
        "+5|5.0",
        ".5|0.5",
        "5.|5.0",
        "0.001|0.001",
        "1e3|1000.0",
        "10E-3|0.01",
        "-1.5e+2|-150.0",
        "123456789012345678901234|1.2345678901234568E23",
        "0.12345678901234567890123|0.12345678901234568",
      })
  void parsesNumberLiterals(String text, double expected) {
    assertThat(Numbers.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"''", ".", "-", "e5", "1e", "1e+", "1.2.3", "1..2", "5x", "0x10", "'1 '", "NaN", "Infinity"})
  void rejectsOtherText(String text) {
    assertThat(Numbers.parse(text)).isNaN();
  }

  @Provide
  Arbitrary<String> literals() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25);
    return Combinators.combine(
            Arbitraries.of("", "-", "+"),
            digits,
            Arbitraries.oneOf(Arbitraries.just(""), digits.map(d -> "." + d)),
            Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.integers().between(-330, 330).map(e -> "e" + e)))
        .as((s, i, f, e) -> s + i + f + e);
  }

  @Property(tries = 2000)
  void agreesWithTheJdk(@ForAll("literals") String text) {
    assertThat(Numbers.parse(text)).isEqualTo(Double.parseDouble(text));
  }
}
