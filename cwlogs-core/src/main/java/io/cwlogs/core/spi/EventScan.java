package io.cwlogs.core.spi;

import java.util.Iterator;
import java.util.Optional;

/**
 * An open, lazy scan over one stream's events; it holds storage resources until closed.
 *
 * <p>Callers must close it (try-with-resources), including when they stop early. {@link #close} may be
 * called from another thread while a call on the scan is running; that call then ends soon, as if the
 * scan had no more events, and the resources are released before {@code close} returns.
 *
 * <p>With a {@link MessageFilter} in its range, {@link #hasNext} may have to look at many stored events
 * before it finds one that passes. Callers that must not block that long (a merge of many streams that
 * needs only a page) use {@link #advance}, which gives up after a budget of events and says how far it
 * got ({@link #examined}), so the merge can tell that nothing of this stream comes before that position.
 */
public interface EventScan extends Iterator<StoredEvent>, AutoCloseable {

  /** What {@link #advance} found. */
  enum Step {
    /** An event is ready: {@link #next} returns it. */
    READY,
    /** The budget ran out first: {@link #examined} is present and says how far the scan looked. */
    PAUSED,
    /** The scan has no more events. */
    DONE
  }

  /**
   * Looks for the next event, examining at most {@code maxExamined} stored events (at least one).
   *
   * <p>A store that cannot stop part way may look as far as it must and never answer
   * {@link Step#PAUSED}.
   */
  Step advance(int maxExamined);

  /** Whether there is a next event: advances, however far it takes, until one is ready or none is left. */
  @Override
  default boolean hasNext() {
    Step step;
    do {
      step = advance(Integer.MAX_VALUE);
    } while (step == Step.PAUSED);
    return step == Step.READY;
  }

  /**
   * The position of the last stored event this scan examined, whether it passed the filter or not, or
   * empty before the first. After {@link #advance} answered {@link Step#PAUSED}, every event that
   * {@link #next} returns later lies strictly beyond this position in the scan's direction.
   */
  default Optional<EventPosition> examined() {
    return Optional.empty();
  }

  @Override
  void close();
}
