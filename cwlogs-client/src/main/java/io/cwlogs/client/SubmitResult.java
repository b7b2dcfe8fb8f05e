package io.cwlogs.client;

/**
 * The outcome of submitting events: how many the service accepted and why the others were not.
 *
 * <p>{@code tooOld}, {@code tooNew} and {@code expired} come from the service's {@code
 * rejectedLogEventsInfo}; {@code oversize} are events the client refused (see {@link
 * EventSizePolicy}); {@code failed} are events in batches that failed permanently (a 400 other than
 * throttling) or whose retries ran out.
 */
public record SubmitResult(
    int accepted, int tooOld, int tooNew, int expired, int oversize, int failed, int retries) {

  /** Nothing submitted. */
  public static final SubmitResult EMPTY = new SubmitResult(0, 0, 0, 0, 0, 0, 0);

  /** Events the service rejected by timestamp. */
  public int rejected() {
    return tooOld + tooNew + expired;
  }

  /** Sums two results. */
  public SubmitResult plus(SubmitResult o) {
    return new SubmitResult(
        accepted + o.accepted,
        tooOld + o.tooOld,
        tooNew + o.tooNew,
        expired + o.expired,
        oversize + o.oversize,
        failed + o.failed,
        retries + o.retries);
  }
}
