package io.cwlogs.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * AWS's {@code MalformedQueryException}: HTTP 400, with the model's {@code queryCompileError} member
 * ({@code location.startCharOffset}, {@code location.endCharOffset}, {@code message}) when the
 * problem has a place in the query string.
 */
public final class MalformedQueryException extends LogsException {

  /** Where a query fails to compile: 0-based character offsets, the end inclusive. */
  public record CompileError(String message, int startCharOffset, int endCharOffset) {}

  private final Optional<CompileError> compileError;

  public MalformedQueryException(String message) {
    super(message, 400);
    this.compileError = Optional.empty();
  }

  public MalformedQueryException(CompileError error) {
    super(error.message(), 400);
    this.compileError = Optional.of(error);
  }

  public Optional<CompileError> compileError() {
    return compileError;
  }

  @Override
  public Map<String, Object> extraMembers() {
    if (compileError.isEmpty()) {
      return Map.of();
    }
    CompileError e = compileError.get();
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("startCharOffset", e.startCharOffset());
    location.put("endCharOffset", e.endCharOffset());
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("location", location);
    error.put("message", e.message());
    return Map.of("queryCompileError", error);
  }
}
