package io.cwlogs.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles FilterLogEvents' {@code filterPattern} into an {@link EventFilter}.
 *
 * <p>Interim: plain terms and quoted phrases, all of which must appear (case-sensitive substrings). The
 * full pattern language comes from the cwlogs-filter module.
 */
public final class EventFilters {

  private EventFilters() {}

  public static EventFilter compile(String pattern) {
    List<String> terms = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(pattern);
    while (m.find()) {
      terms.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    if (terms.isEmpty()) {
      return message -> true;
    }
    return message -> {
      String text = new String(message, StandardCharsets.UTF_8);
      for (String term : terms) {
        if (!text.contains(term)) {
          return false;
        }
      }
      return true;
    };
  }
}
