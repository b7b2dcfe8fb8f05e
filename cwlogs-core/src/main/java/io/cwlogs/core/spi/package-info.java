/**
 * The storage SPI: what the service needs from a place that keeps log data.
 *
 * <p>{@link io.cwlogs.core.spi.LogStore} has two halves. <em>Documents</em> are small opaque byte values
 * (log groups, streams, filters, policies, ...) addressed by a scope and an id; the service owns their
 * encoding, so a storage backend never learns the API's shapes. <em>Events</em> are kept per stream,
 * addressed by {@link io.cwlogs.core.spi.StreamKey} and ordered by (timestamp, sequence); the service reads
 * them forward or backward over a time range, and drops whole time ranges for retention. A scan may carry a
 * {@link io.cwlogs.core.spi.MessageFilter} (FilterLogEvents' pattern) that the store applies to the raw
 * message bytes before it decodes anything, and can pause after a budget of events
 * ({@link io.cwlogs.core.spi.EventScan#advance}) so that a merge of many streams reads no further than its
 * page needs.
 *
 * <p>The access patterns this is laid out for are in docs/architecture.md: PutLogEvents appends a batch to
 * one stream and updates that stream's document in the same atomic write; GetLogEvents reads one stream
 * from either end; FilterLogEvents and Insights merge many streams of a group by time; retention deletes
 * everything before a cut-off.
 *
 * <p>Implementations: {@code cwlogs-storage-rocksdb} (embedded, default). Every implementation passes
 * {@code LogStoreContractTest} from this module's test jar.
 */
package io.cwlogs.core.spi;
