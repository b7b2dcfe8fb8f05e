package io.cwlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Utf8Encoder} gives exactly the bytes {@code String.getBytes(UTF_8)} gives, lone surrogates too. */
class Utf8EncoderTest {

  @Provide
  Arbitrary<String> text() {
    Arbitrary<Character> chars = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.chars().ascii()),
        net.jqwik.api.Tuple.of(2, Arbitraries.chars().all()),
        net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\uD800', '\uDFFF')),
        net.jqwik.api.Tuple.of(1, Arbitraries.of('\u007f', '\u0080', '\u07ff', '\u0800', '\uffff', '\u0000')));
    return chars.list().ofMaxSize(40).map(list -> {
      StringBuilder s = new StringBuilder();
      list.forEach(s::append);
      return s.toString();
    });
  }

  @Property(tries = 3000)
  void encodesAsStringGetBytesDoes(@ForAll("text") String text, @ForAll("text") String padding) {
    // The chars sit inside a larger buffer, as they do in Jackson's.
    char[] buffer = (padding + text + padding).toCharArray();
    byte[] encoded = Utf8Encoder.encode(buffer, padding.length(), text.length());
    assertThat(encoded).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }
}
