"""PutLogEvents batch rules (the 2024 API reference, seeds/004) and responses.

* nextSequenceToken is always returned; sequenceToken is accepted and ignored (since 2023).
* Batch-level violations fail the whole request with InvalidParameterException.
* Events too far in the future / past / before retention are *not* errors: the request succeeds,
  the rest of the batch is stored, and rejectedLogEventsInfo reports index ranges:
  tooNewLogEventStartIndex (inclusive: first too-new event), tooOldLogEventEndIndex (exclusive:
  one past the last too-old event; Electric Imp's agent tests expect 1 for a single old event),
  expiredLogEventEndIndex (assumed exclusive, like tooOld).
"""

import pytest
from botocore.exceptions import ClientError

from conftest import DAY_MS, HOUR_MS, assert_error, assert_ok, now_ms, unique


def get_all(logs, group, stream):
    return logs.get_log_events(logGroupName=group, logStreamName=stream, startFromHead=True)["events"]


def test_put_and_read_back(logs, stream):
    group, s = stream
    t = now_ms()
    resp = logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[
        {"timestamp": t, "message": "hello"}, {"timestamp": t, "message": "world"}])
    assert_ok(resp)
    assert isinstance(resp["nextSequenceToken"], str) and resp["nextSequenceToken"]
    assert "rejectedLogEventsInfo" not in resp
    events = get_all(logs, group, s)
    assert [e["message"] for e in events] == ["hello", "world"]
    assert all(e["timestamp"] == t for e in events)
    assert all(e["ingestionTime"] >= t - 60_000 for e in events)


def test_unicode_message_round_trip(logs, stream):
    group, s = stream
    msg = "🙀 - 参よ - 日本語 \"quoted\" \\ back\nnew line\ttab"
    logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[{"timestamp": now_ms(), "message": msg}])
    assert get_all(logs, group, s)[0]["message"] == msg


def test_sequence_token_is_ignored(logs, stream):
    group, s = stream
    t = now_ms()
    r1 = logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[{"timestamp": t, "message": "1"}])
    # a stale, a bogus and the right token are all accepted
    r2 = logs.put_log_events(logGroupName=group, logStreamName=s, sequenceToken="49039859bogus",
                             logEvents=[{"timestamp": t, "message": "2"}])
    r3 = logs.put_log_events(logGroupName=group, logStreamName=s, sequenceToken=r1["nextSequenceToken"],
                             logEvents=[{"timestamp": t, "message": "3"}])
    r4 = logs.put_log_events(logGroupName=group, logStreamName=s, sequenceToken=r3["nextSequenceToken"],
                             logEvents=[{"timestamp": t, "message": "4"}])
    for r in (r2, r3, r4):
        assert_ok(r)
        assert r["nextSequenceToken"]
    assert [e["message"] for e in get_all(logs, group, s)] == ["1", "2", "3", "4"]


def test_equal_timestamps_keep_request_order(logs, stream):
    group, s = stream
    t = now_ms()
    logs.put_log_events(logGroupName=group, logStreamName=s,
                        logEvents=[{"timestamp": t, "message": str(i)} for i in range(50)])
    assert [e["message"] for e in get_all(logs, group, s)] == [str(i) for i in range(50)]


def test_events_from_later_calls_may_be_older(logs, stream):
    group, s = stream
    t = now_ms()
    logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[{"timestamp": t, "message": "new"}])
    assert_ok(logs.put_log_events(logGroupName=group, logStreamName=s,
                                  logEvents=[{"timestamp": t - HOUR_MS, "message": "old"}]))
    # the stream is read in timestamp order
    assert [e["message"] for e in get_all(logs, group, s)] == ["old", "new"]


def test_not_chronological(logs, stream):
    group, s = stream
    t = now_ms()
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[
            {"timestamp": t, "message": "0"}, {"timestamp": t - 2 * DAY_MS, "message": "1"}])
    assert_error(e, "InvalidParameterException",
                 "Log events in a single PutLogEvents request must be in chronological order.")
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[
            {"timestamp": t, "message": "0"}, {"timestamp": t - 1, "message": "1"}])
    assert_error(e, "InvalidParameterException",
                 "Log events in a single PutLogEvents request must be in chronological order.")
    assert get_all(logs, group, s) == []


def test_more_than_10000_events(logs, stream):
    group, s = stream
    t = now_ms()
    events = [{"timestamp": t, "message": "x"} for _ in range(10_001)]
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=events)
    assert_error(e, "InvalidParameterException", message_contains=(
        "1 validation error detected: ",
        "at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to 10000"))


def test_exactly_10000_events(logs, stream):
    group, s = stream
    t = now_ms()
    resp = logs.put_log_events(logGroupName=group, logStreamName=s,
                               logEvents=[{"timestamp": t, "message": "x"} for _ in range(10_000)])
    assert_ok(resp)
    assert "rejectedLogEventsInfo" not in resp


def _batch(total_bytes, t):
    """Events whose size (UTF-8 message bytes + 26 each) is exactly total_bytes."""
    n = 8
    body = total_bytes - 26 * n
    sizes = [body // n] * n
    sizes[-1] += body - sum(sizes)
    return [{"timestamp": t, "message": "m" * k} for k in sizes]


def test_batch_of_exactly_1048576_bytes_is_accepted(logs, stream):
    group, s = stream
    assert_ok(logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=_batch(1_048_576, now_ms())))


def test_batch_over_1048576_bytes(logs, stream):
    group, s = stream
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=_batch(1_048_577, now_ms()))
    # e.g. "Upload too large: 1049882 bytes exceeds limit of 1048576" (reported from AWS)
    assert_error(e, "InvalidParameterException", "Upload too large: 1048577 bytes exceeds limit of 1048576")


def test_batch_spanning_more_than_24_hours(logs, stream):
    group, s = stream
    t = now_ms() - 2 * HOUR_MS
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[
            {"timestamp": t - DAY_MS - 60_000, "message": "a"}, {"timestamp": t, "message": "b"}])
    assert_error(e, "InvalidParameterException")
    assert get_all(logs, group, s) == []


def test_too_new_events_are_rejected_rest_stored(logs, stream):
    group, s = stream
    t = now_ms()
    resp = logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[
        {"timestamp": t, "message": "ok0"},
        {"timestamp": t + HOUR_MS, "message": "ok1"},
        {"timestamp": t + 3 * HOUR_MS, "message": "new2"},
        {"timestamp": t + 4 * HOUR_MS, "message": "new3"}])
    assert_ok(resp)
    assert resp["rejectedLogEventsInfo"] == {"tooNewLogEventStartIndex": 2}
    assert resp["nextSequenceToken"]
    assert [e["message"] for e in get_all(logs, group, s)] == ["ok0", "ok1"]


def test_too_old_events_are_rejected_rest_stored(logs, stream):
    group, s = stream
    base = now_ms() - 14 * DAY_MS
    resp = logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[
        {"timestamp": base - 3 * HOUR_MS, "message": "old0"},
        {"timestamp": base - 2 * HOUR_MS, "message": "old1"},
        {"timestamp": base + 2 * HOUR_MS, "message": "ok2"}])
    assert_ok(resp)
    assert resp["rejectedLogEventsInfo"] == {"tooOldLogEventEndIndex": 2}
    assert [e["message"] for e in get_all(logs, group, s)] == ["ok2"]


def test_single_old_event_end_index_is_one(logs, stream):
    # Electric Imp's agent test: a timestamp in seconds instead of ms is "too old", index 1.
    group, s = stream
    resp = logs.put_log_events(logGroupName=group, logStreamName=s,
                               logEvents=[{"timestamp": now_ms() // 1000, "message": "seconds"}])
    assert_ok(resp)
    assert resp["rejectedLogEventsInfo"]["tooOldLogEventEndIndex"] == 1
    assert get_all(logs, group, s) == []


def test_expired_events_by_retention(logs, stream):
    group, s = stream
    logs.put_retention_policy(logGroupName=group, retentionInDays=1)
    t = now_ms() - 3 * DAY_MS
    resp = logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[
        {"timestamp": t, "message": "exp0"}, {"timestamp": t + HOUR_MS, "message": "exp1"}])
    assert_ok(resp)
    assert resp["rejectedLogEventsInfo"] == {"expiredLogEventEndIndex": 2}
    assert get_all(logs, group, s) == []


def test_empty_message_rejected(raw_logs, stream):
    group, s = stream
    with pytest.raises(ClientError) as e:
        raw_logs.put_log_events(logGroupName=group, logStreamName=s,
                                logEvents=[{"timestamp": now_ms(), "message": ""}])
    assert_error(e, "InvalidParameterException",
                 message_contains=("Member must have length greater than or equal to 1",))


def test_empty_event_list_rejected(raw_logs, stream):
    group, s = stream
    with pytest.raises(ClientError) as e:
        raw_logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[])
    assert_error(e, "InvalidParameterException", message_contains=(
        "at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1",))


def test_missing_stream(logs, group):
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=group, logStreamName="nope",
                            logEvents=[{"timestamp": now_ms(), "message": "x"}])
    assert_error(e, "ResourceNotFoundException", "The specified log stream does not exist.")


def test_missing_group(logs):
    with pytest.raises(ClientError) as e:
        logs.put_log_events(logGroupName=unique("missing"), logStreamName="nope",
                            logEvents=[{"timestamp": now_ms(), "message": "x"}])
    assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")


def test_stream_event_timestamps_after_put(logs, stream):
    group, s = stream
    logs.put_log_events(logGroupName=group, logStreamName=s,
                        logEvents=[{"timestamp": now_ms(), "message": "x" * 1000}])
    st = logs.describe_log_streams(logGroupName=group)["logStreams"][0]
    assert st["firstEventTimestamp"] <= st["lastEventTimestamp"]
    assert "lastIngestionTime" in st
