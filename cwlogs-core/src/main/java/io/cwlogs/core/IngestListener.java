package io.cwlogs.core;

import io.cwlogs.core.spi.StoredEvent;
import java.util.List;

/**
 * Background work that follows ingestion (metric filters, subscriptions): told of every batch right after
 * it is durably stored, on the ingesting thread, so it must hand real work off quickly.
 */
public interface IngestListener {

  void onAppended(Tenant tenant, LogGroupMeta group, LogStreamMeta stream, List<StoredEvent> events);
}
