package io.cwlogs.insights;

import java.util.Locale;
import java.util.Optional;

/** The non-aggregating functions of the language (FUNCS page), with their argument counts. */
enum ScalarFunction {
  // numeric
  ABS(1, 1),
  CEIL(1, 1),
  FLOOR(1, 1),
  GREATEST(1, Integer.MAX_VALUE),
  LEAST(1, Integer.MAX_VALUE),
  LOG(1, 1),
  SQRT(1, 1),
  // general
  ISPRESENT(1, 1),
  COALESCE(1, Integer.MAX_VALUE),
  // string
  ISEMPTY(1, 1),
  ISBLANK(1, 1),
  CONCAT(1, Integer.MAX_VALUE),
  LTRIM(1, 2),
  RTRIM(1, 2),
  TRIM(1, 2),
  STRLEN(1, 1),
  TOUPPER(1, 1),
  TOLOWER(1, 1),
  SUBSTR(2, 3),
  REPLACE(3, 3),
  STRCONTAINS(2, 2),
  // datetime
  BIN(1, 1),
  DATEFLOOR(2, 2),
  DATECEIL(2, 2),
  FROMMILLIS(1, 1),
  TOMILLIS(1, 1),
  // IP
  ISVALIDIP(1, 1),
  ISVALIDIPV4(1, 1),
  ISVALIDIPV6(1, 1),
  ISIPINSUBNET(2, 2),
  ISIPV4INSUBNET(2, 2),
  ISIPV6INSUBNET(2, 2),
  // data protection
  UNMASK(1, 1);

  final int minArgs;
  final int maxArgs;

  ScalarFunction(int minArgs, int maxArgs) {
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
  }

  /** The function of that name, case-insensitively. */
  static Optional<ScalarFunction> of(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    for (ScalarFunction f : values()) {
      if (f.name().equals(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
