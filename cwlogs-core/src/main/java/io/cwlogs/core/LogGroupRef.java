package io.cwlogs.core;

import java.util.Optional;

/**
 * How a request names its log group: {@code logGroupName}, {@code logGroupIdentifier} (a name or an ARN),
 * or either, with AWS's errors when both or neither are given.
 */
public final class LogGroupRef {

  private LogGroupRef() {}

  /** The group name the request means. */
  public static String resolve(Tenant tenant, String logGroupName, String logGroupIdentifier) {
    Optional<String> name = Optional.ofNullable(logGroupName);
    Optional<String> identifier = Optional.ofNullable(logGroupIdentifier);
    if (name.isPresent() && identifier.isPresent()) {
      // AWS answers this one with ValidationException, unlike the model's own checks.
      throw new ValidationException("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
    }
    if (identifier.isPresent()) {
      return Arns.groupNameOf(tenant, identifier.get());
    }
    return name.orElseThrow(
        () -> new InvalidParameterException("Should provide either name or ARN of the log group."));
  }
}
