package io.cwlogs.core;

import io.cwlogs.core.spi.LogStore;
import io.cwlogs.core.spi.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The log groups and streams of every tenant, as documents in the {@link LogStore}.
 *
 * <p>Scopes: {@code _tenants} (id {@code account/region}, so background work can find every tenant),
 * {@code <tenant>/group} (id = group name) and {@code <tenant>/stream/<groupId>} (id = stream name).
 * Listing a scope returns names in UTF-8 byte order, which is the order AWS lists them in.
 */
public final class Catalog {

  static final String TENANTS_SCOPE = "_tenants";

  private final LogStore store;

  public Catalog(LogStore store) {
    this.store = store;
  }

  public LogStore store() {
    return store;
  }

  // ---- groups ----

  public Optional<LogGroupMeta> findGroup(Tenant tenant, String name) {
    return store.get(tenant.scope("group"), name).map(b -> DocumentCodec.decode(b, LogGroupMeta.class));
  }

  /** The named group, or AWS's not-found error. */
  public LogGroupMeta group(Tenant tenant, String name) {
    return findGroup(tenant, name)
        .orElseThrow(() -> new ResourceNotFoundException("The specified log group does not exist."));
  }

  /** Creates the group; false when one of that name exists. */
  public boolean createGroup(Tenant tenant, LogGroupMeta group) {
    store.put(TENANTS_SCOPE, tenant.account() + "/" + tenant.region(), new byte[0]);
    return store.putIfAbsent(tenant.scope("group"), group.name(), DocumentCodec.encode(group));
  }

  public void saveGroup(Tenant tenant, LogGroupMeta group) {
    store.put(tenant.scope("group"), group.name(), DocumentCodec.encode(group));
  }

  /** Deletes the group, its streams and all their events. */
  public void deleteGroup(Tenant tenant, LogGroupMeta group) {
    store.delete(tenant.scope("group"), group.name());
    String streamScope = streamScope(tenant, group.id());
    forEachDocument(streamScope, doc -> store.delete(streamScope, doc.id()));
    String filterScope = MetricFilterScopes.scope(tenant, group.id());
    forEachDocument(filterScope, doc -> store.delete(filterScope, doc.id()));
    store.deleteGroupEvents(group.id());
  }

  /** Up to {@code limit} groups whose name is {@code >= fromName}. */
  public List<LogGroupMeta> listGroups(Tenant tenant, String fromName, int limit) {
    List<LogGroupMeta> groups = new ArrayList<>();
    for (StoredDocument doc : store.list(tenant.scope("group"), fromName, limit)) {
      groups.add(DocumentCodec.decode(doc.value(), LogGroupMeta.class));
    }
    return groups;
  }

  // ---- streams ----

  public static String streamScope(Tenant tenant, long groupId) {
    return tenant.scope("stream/" + Long.toUnsignedString(groupId, 36));
  }

  public Optional<LogStreamMeta> findStream(Tenant tenant, LogGroupMeta group, String name) {
    return store
        .get(streamScope(tenant, group.id()), name)
        .map(b -> DocumentCodec.decode(b, LogStreamMeta.class));
  }

  /** The named stream, or AWS's not-found error. */
  public LogStreamMeta stream(Tenant tenant, LogGroupMeta group, String name) {
    return findStream(tenant, group, name)
        .orElseThrow(() -> new ResourceNotFoundException("The specified log stream does not exist."));
  }

  public boolean createStream(Tenant tenant, LogStreamMeta stream) {
    return store.putIfAbsent(
        streamScope(tenant, stream.groupId()), stream.name(), DocumentCodec.encode(stream));
  }

  public void saveStream(Tenant tenant, LogStreamMeta stream) {
    store.put(streamScope(tenant, stream.groupId()), stream.name(), DocumentCodec.encode(stream));
  }

  public void deleteStream(Tenant tenant, LogStreamMeta stream) {
    store.delete(streamScope(tenant, stream.groupId()), stream.name());
    store.deleteStreamEvents(stream.key());
  }

  /** Up to {@code limit} streams of the group whose name is {@code >= fromName}. */
  public List<LogStreamMeta> listStreams(Tenant tenant, long groupId, String fromName, int limit) {
    List<LogStreamMeta> streams = new ArrayList<>();
    for (StoredDocument doc : store.list(streamScope(tenant, groupId), fromName, limit)) {
      streams.add(DocumentCodec.decode(doc.value(), LogStreamMeta.class));
    }
    return streams;
  }

  /** Every stream of the group, in name order, read a page at a time. */
  public void forEachStream(Tenant tenant, long groupId, Consumer<LogStreamMeta> action) {
    forEachDocument(
        streamScope(tenant, groupId), doc -> action.accept(DocumentCodec.decode(doc.value(), LogStreamMeta.class)));
  }

  /** Every group of the tenant, in name order. */
  public void forEachGroup(Tenant tenant, Consumer<LogGroupMeta> action) {
    forEachDocument(tenant.scope("group"), doc -> action.accept(DocumentCodec.decode(doc.value(), LogGroupMeta.class)));
  }

  /** Every tenant that ever created a log group. */
  public List<Tenant> tenants() {
    List<Tenant> tenants = new ArrayList<>();
    forEachDocument(
        TENANTS_SCOPE,
        doc -> {
          int slash = doc.id().indexOf('/');
          tenants.add(new Tenant(doc.id().substring(0, slash), doc.id().substring(slash + 1)));
        });
    return tenants;
  }

  /** Visits every document of a scope, a page at a time, so memory stays bounded. */
  public void forEachDocument(String scope, Consumer<StoredDocument> action) {
    String from = "";
    while (true) {
      List<StoredDocument> page = store.list(scope, from, 500);
      for (StoredDocument doc : page) {
        action.accept(doc);
      }
      if (page.size() < 500) {
        return;
      }
      from = successor(page.get(page.size() - 1).id());
    }
  }

  /** The smallest id that sorts after {@code id} in UTF-8 byte order. */
  static String successor(String id) {
    return id + '\u0000';
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
