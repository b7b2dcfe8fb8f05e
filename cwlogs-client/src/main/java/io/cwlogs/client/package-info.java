/**
 * A Java client for CloudWatch Logs: events, streams, the service's batch rules, and an
 * asynchronous shipper that appenders build on.
 *
 * <p>Layers, bottom up:
 *
 * <ul>
 *   <li>{@link io.cwlogs.client.LogEvent} is a message and a millisecond timestamp; {@link
 *       io.cwlogs.client.EventSizePolicy} truncates or rejects oversize ones; every quota lives in
 *       {@link io.cwlogs.client.Limits}.
 *   <li>{@link io.cwlogs.client.Batcher} sorts stably by timestamp and cuts batches by count,
 *       bytes (26 per event included) and the 24-hour span.
 *   <li>{@link io.cwlogs.client.LogStream} is a blocking handle on one stream over the SDK's
 *       asynchronous client ({@link io.cwlogs.client.ClientConfig}). Its {@code submit} returns a
 *       {@link io.cwlogs.client.SubmitResult}; it retries throttling, 5xx and I/O errors with
 *       jittered exponential backoff, recreates a deleted stream, and never retries other 4xx.
 *       {@link io.cwlogs.client.LogResources} creates and deletes groups and streams.
 *   <li>{@link io.cwlogs.client.LogShipper} is what appenders call on every log record: a bounded
 *       queue with an {@link io.cwlogs.client.OverflowPolicy}, one named worker thread, an optional
 *       on-disk spool ({@code Spool}, format in {@code SpoolCodec}) and counters exposed as {@link
 *       io.cwlogs.client.ShipperMetrics} and over JMX.
 * </ul>
 *
 * <p>Appenders also use {@link io.cwlogs.client.NameTemplate} for group and stream names and
 * {@link io.cwlogs.client.FeedbackGuard} to keep the SDK's own logging out of the shipper.
 */
package io.cwlogs.client;
