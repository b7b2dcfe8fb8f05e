package io.cwlogs.core;

/**
 * One subscription delivery, ready for a sink.
 *
 * @param kind what the destination ARN names; decides {@link #data()}
 * @param destinationArn the ARN the filter delivers to (after resolving a logs destination: its target)
 * @param partitionKey the source log stream (Kinesis' partition key under {@code ByLogStream})
 * @param json the uncompressed payload (see {@link DeliveryPayload})
 * @param gzip {@code json} gzip-compressed: exactly what Kinesis and Firehose receive as record data
 */
public record DeliveryRecord(
    TargetKind kind, String destinationArn, String partitionKey, byte[] json, byte[] gzip) {

  /** What the AWS target itself would receive: the Lambda envelope for Lambda, the gzip bytes otherwise. */
  public byte[] data() {
    return kind == TargetKind.LAMBDA ? DeliveryPayload.lambdaEnvelope(gzip) : gzip;
  }
}
