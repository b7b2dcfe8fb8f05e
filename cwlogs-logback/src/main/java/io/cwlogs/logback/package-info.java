/**
 * Logback integration: {@link io.cwlogs.logback.CloudWatchLogsAppender} turns each logging event,
 * formatted by any encoder, into one CloudWatch Logs event and hands it to a {@code LogShipper}
 * from {@code io.cwlogs.client}, which batches and sends it on its own thread.
 *
 * <p>Configured in {@code logback.xml} like any appender; group and stream names accept the
 * templates of {@code NameTemplate}. See {@code docs/client.md} for a copy-paste configuration.
 */
package io.cwlogs.logback;
