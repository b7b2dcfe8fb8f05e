package io.cwlogs.core;

import io.cwlogs.core.spi.EventPosition;
import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * GetLogEvents: one stream's events over {@code [startTime, endTime)}, a page at a time in either
 * direction.
 *
 * <p>Tokens are {@code f/<56 digits>/s} and {@code b/<56 digits>/s}, like AWS's: the digits hold the
 * (timestamp, sequence) of the page's last (forward) or first (backward) event. A forward token resumes
 * after that event, a backward one before it. At the end of the stream the caller gets its own token back,
 * which is how clients know to stop. Without a token the page is the newest events, or the oldest with
 * {@code startFromHead}; events within a page are always oldest first.
 */
public final class EventReads {

  private static final Pattern TOKEN = Pattern.compile("([fb])/(\\d{19})(\\d{19})(\\d{18})/s");
  private static final EventPosition START = new EventPosition(0, 0);
  private static final EventPosition END = new EventPosition(Long.MAX_VALUE, Long.MAX_VALUE);

  private final Catalog catalog;

  public EventReads(Catalog catalog) {
    this.catalog = catalog;
  }

  public void register(OperationTable table) {
    table.on(GetLogEventsRequest.class, this::get);
  }

  GetLogEventsResponse get(RequestContext ctx, GetLogEventsRequest request) {
    String groupName = LogGroupRef.resolve(ctx.tenant(), request.logGroupName(), request.logGroupIdentifier());
    Optional<Token> token = Optional.ofNullable(request.nextToken()).map(EventReads::parse);
    LogGroupMeta group = catalog.group(ctx.tenant(), groupName);
    LogStreamMeta stream = catalog.stream(ctx.tenant(), group, request.logStreamName());
    long from = Optional.ofNullable(request.startTime()).orElse(Long.MIN_VALUE);
    long to = Optional.ofNullable(request.endTime()).orElse(Long.MAX_VALUE);
    int limit = Optional.ofNullable(request.limit()).orElse(Limits.MAX_EVENTS_PER_PAGE);
    boolean forward = token.map(Token::forward).orElse(Boolean.TRUE.equals(request.startFromHead()));

    ScanRange range = new ScanRange(from, to, !forward, Optional.empty());
    if (token.isPresent()) {
      range = range.resumingAfter(token.get().position());
    }
    List<StoredEvent> page = new ArrayList<>();
    long bytes = 0;
    try (EventScan scan = catalog.store().scan(stream.key(), range)) {
      while (page.size() < limit && scan.hasNext()) {
        StoredEvent event = scan.next();
        bytes += event.message().length + Limits.EVENT_OVERHEAD_BYTES;
        if (bytes > Limits.MAX_PAGE_BYTES && !page.isEmpty()) {
          break;
        }
        page.add(event);
      }
    }
    if (!forward) {
      Collections.reverse(page);
    }

    GetLogEventsResponse.Builder response = GetLogEventsResponse.builder().events(toOutput(page));
    if (page.isEmpty()) {
      // An empty stream's tokens cover all of it; at the end of a stream the caller's own token returns.
      EventPosition forwardFrom = token.map(Token::position).orElse(START);
      EventPosition backwardFrom = token.map(Token::position).orElse(END);
      return response
          .nextForwardToken(format(true, forwardFrom))
          .nextBackwardToken(format(false, backwardFrom))
          .build();
    }
    return response
        .nextForwardToken(format(true, page.get(page.size() - 1).position()))
        .nextBackwardToken(format(false, page.get(0).position()))
        .build();
  }

  private static List<OutputLogEvent> toOutput(List<StoredEvent> events) {
    List<OutputLogEvent> out = new ArrayList<>(events.size());
    for (StoredEvent e : events) {
      out.add(
          OutputLogEvent.builder()
              .timestamp(e.timestamp())
              .message(new String(e.message(), StandardCharsets.UTF_8))
              .ingestionTime(e.ingestionTime())
              .build());
    }
    return out;
  }

  private record Token(boolean forward, EventPosition position) {}

  private static Token parse(String token) {
    Matcher m = TOKEN.matcher(token);
    if (!m.matches()) {
      throw PageTokens.invalid();
    }
    try {
      return new Token(
          m.group(1).equals("f"),
          new EventPosition(Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
    } catch (NumberFormatException e) {
      throw PageTokens.invalid();
    }
  }

  private static String format(boolean forward, EventPosition p) {
    return String.format("%s/%019d%019d%018d/s", forward ? "f" : "b", p.timestamp(), p.sequence(), 0);
  }
}
