/**
 * The cwlogs server: HTTP, the CloudWatch Logs JSON 1.1 protocol, SigV4 and the command line.
 *
 * <p>{@link io.cwlogs.server.Main} parses {@link io.cwlogs.server.ServerOptions} and starts a
 * {@link io.cwlogs.server.CwlogsServer}: the embedded RocksDB store, the {@code LogsService} over it, and
 * Jetty on virtual threads. Each HTTP request goes through {@link io.cwlogs.server.LogsHandler}: the
 * {@link io.cwlogs.server.Authenticator} reads the tenant from the SigV4 signature
 * ({@link io.cwlogs.server.SigV4}), the {@link io.cwlogs.server.JsonCodec} decodes the body into the AWS
 * SDK's request class using the SDK's own field metadata, the service answers with the SDK response class,
 * and the codec encodes it back. PutLogEvents, the ingest hot path, skips the tree and the SDK objects:
 * {@link io.cwlogs.server.PutLogEventsDecoder} streams the body straight into the service's compact batch
 * (timestamps and UTF-8 messages in arrays), with the generic codec's answers for every body. Errors become
 * AWS's {@code {"__type", "message"}} bodies here and nowhere else.
 */
package io.cwlogs.server;
