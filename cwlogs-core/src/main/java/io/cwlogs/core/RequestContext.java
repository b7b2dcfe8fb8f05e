package io.cwlogs.core;

/**
 * What every operation knows about the call it serves: whose data, which request, and the time it arrived
 * (one instant per request, so every check in it agrees).
 */
public record RequestContext(Tenant tenant, String requestId, long now) {}
