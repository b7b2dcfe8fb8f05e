package io.cwlogs.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands group and stream name templates such as {@code app/{env:STAGE}} or {@code
 * {hostname}-{pid}-{date}}.
 *
 * <p>Placeholders: {@code {hostname}}, {@code {pid}}, {@code {uuid}} (random, fixed per
 * expansion), {@code {date}} (UTC, {@code yyyy-MM-dd}), {@code {env:NAME}} and {@code
 * {sysprop:NAME}} (empty when unset). Unknown placeholders stay as written. The result has {@code
 * :} and {@code *} removed, the two characters stream names may not contain. The host name comes
 * from {@code HOSTNAME}, {@code COMPUTERNAME} or {@code /proc/sys/kernel/hostname}, never from a
 * DNS lookup, so expansion does no network I/O.
 */
public final class NameTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)(?::([^}]*))?}");

  private final Function<String, Optional<String>> env;
  private final Function<String, Optional<String>> sysprops;
  private final Clock clock;

  NameTemplate(
      Function<String, Optional<String>> env,
      Function<String, Optional<String>> sysprops,
      Clock clock) {
    this.env = env;
    this.sysprops = sysprops;
    this.clock = clock;
  }

  /** A template expander reading the real environment, system properties and clock. */
  public static NameTemplate system() {
    return new NameTemplate(
        k -> Optional.ofNullable(System.getenv(k)),
        k -> Optional.ofNullable(System.getProperty(k)),
        Clock.systemUTC());
  }

  /** For tests: fixed environment and properties. */
  static NameTemplate of(Map<String, String> env, Map<String, String> sysprops, Clock clock) {
    return new NameTemplate(
        k -> Optional.ofNullable(env.get(k)), k -> Optional.ofNullable(sysprops.get(k)), clock);
  }

  /** Expands {@code template} and removes {@code :} and {@code *}. */
  public String expand(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    String uuid = UUID.randomUUID().toString();
    while (m.find()) {
      String arg = m.group(2) == null ? "" : m.group(2);
      String value =
          switch (m.group(1)) {
            case "hostname" -> hostname();
            case "pid" -> Long.toString(ProcessHandle.current().pid());
            case "uuid" -> uuid;
            case "date" -> LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
            case "env" -> env.apply(arg).orElse("");
            case "sysprop" -> sysprops.apply(arg).orElse("");
            default -> m.group();
          };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().replace(":", "").replace("*", "");
  }

  private String hostname() {
    Optional<String> fromEnv = env.apply("HOSTNAME").or(() -> env.apply("COMPUTERNAME"));
    if (fromEnv.isPresent() && !fromEnv.get().isBlank()) {
      return fromEnv.get().trim();
    }
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
    } catch (IOException | RuntimeException e) {
      return "localhost";
    }
  }
}
