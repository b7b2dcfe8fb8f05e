/**
 * Log4j 2 integration: the {@code <CloudWatchLogs>} appender plugin ({@link
 * io.cwlogs.log4j2.CloudWatchLogsAppender}) turns each event, formatted by any layout, into one
 * CloudWatch Logs event and hands it to a {@code LogShipper} from {@code io.cwlogs.client}.
 *
 * <p>The plugin is found through the {@code Log4j2Plugins.dat} index generated at compile time by
 * Log4j's annotation processor (enabled explicitly in this module's pom, since JDK 23 no longer
 * runs processors found on the class path). See {@code docs/client.md} for a configuration.
 */
package io.cwlogs.log4j2;
