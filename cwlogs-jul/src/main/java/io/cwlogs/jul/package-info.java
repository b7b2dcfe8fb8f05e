/**
 * {@code java.util.logging} integration: {@link io.cwlogs.jul.CloudWatchLogsHandler} turns each
 * record, formatted by any {@code Formatter}, into one CloudWatch Logs event and hands it to a
 * {@code LogShipper} from {@code io.cwlogs.client}.
 *
 * <p>Configured in {@code logging.properties}; see {@code docs/client.md}.
 */
package io.cwlogs.jul;
