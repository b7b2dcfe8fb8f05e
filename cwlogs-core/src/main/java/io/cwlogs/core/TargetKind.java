package io.cwlogs.core;

import java.util.Optional;

/**
 * The AWS service a subscription's destination ARN names, which decides the delivery's shape: Lambda gets
 * the {@code awslogs} envelope, Kinesis and Firehose the gzip bytes, and the health-check text differs.
 */
public enum TargetKind {
  KINESIS,
  FIREHOSE,
  LAMBDA,
  /** A CloudWatch Logs destination ({@code arn:aws:logs:...:destination:name}), for cross-account delivery. */
  LOGS_DESTINATION;

  /** The kind of an ARN's service ("vendor" in AWS's messages), or empty for any other service. */
  public static Optional<TargetKind> of(String arn) {
    return switch (vendor(arn)) {
      case "kinesis" -> Optional.of(KINESIS);
      case "firehose" -> Optional.of(FIREHOSE);
      case "lambda" -> Optional.of(LAMBDA);
      case "logs" -> arn.contains(":destination:") ? Optional.of(LOGS_DESTINATION) : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** The service part of an ARN ({@code arn:PARTITION:SERVICE:...}), or "" when it is not an ARN. */
  public static String vendor(String arn) {
    String[] parts = arn.split(":", 4);
    return parts.length >= 3 && parts[0].equals("arn") ? parts[2] : "";
  }
}
