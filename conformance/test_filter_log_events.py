"""FilterLogEvents (cloudwatch-semantics.md §6 and the API reference): startTime inclusive,
endTime inclusive ("events with a timestamp later than this time are not returned"),
logStreamNames xor logStreamNamePrefix, limit + nextToken, events interleaved by time,
term patterns, ``searchedLogStreams`` always an empty list (since 2020-05-15)."""

import pytest
from botocore.exceptions import ClientError

from conftest import assert_error, assert_ok, group_arn, now_ms, unique


@pytest.fixture
def three_streams(logs, group):
    """Streams a, b, other with interleaved events: a has even ticks, b odd ticks, other 100+."""
    t0 = now_ms() - 10 * 60_000
    for s in ("a", "b", "other"):
        logs.create_log_stream(logGroupName=group, logStreamName=s)
    logs.put_log_events(logGroupName=group, logStreamName="a", logEvents=[
        {"timestamp": t0 + i * 1000, "message": f"a{i} ERROR disk" if i == 2 else f"a{i} INFO ok"}
        for i in (0, 2, 4, 6)])
    logs.put_log_events(logGroupName=group, logStreamName="b", logEvents=[
        {"timestamp": t0 + i * 1000, "message": f"b{i} ERROR net" if i == 3 else f"b{i} INFO ok"}
        for i in (1, 3, 5, 7)])
    logs.put_log_events(logGroupName=group, logStreamName="other", logEvents=[
        {"timestamp": t0 + 100_000, "message": "other WARN"}])
    return group, t0


def msgs(resp):
    return [e["message"].split()[0] for e in resp["events"]]


def test_all_events_merged_by_time(logs, three_streams):
    group, _ = three_streams
    resp = assert_ok(logs.filter_log_events(logGroupName=group))
    assert msgs(resp) == ["a0", "b1", "a2", "b3", "a4", "b5", "a6", "b7", "other"]
    assert resp["searchedLogStreams"] == []
    assert "nextToken" not in resp
    for e in resp["events"]:
        assert set(e) >= {"logStreamName", "timestamp", "message", "ingestionTime", "eventId"}


def test_time_range_start_and_end_inclusive(logs, three_streams):
    group, t0 = three_streams
    resp = logs.filter_log_events(logGroupName=group, startTime=t0 + 2000, endTime=t0 + 5000)
    assert msgs(resp) == ["a2", "b3", "a4", "b5"]


def test_log_stream_names(logs, three_streams):
    group, _ = three_streams
    resp = logs.filter_log_events(logGroupName=group, logStreamNames=["b", "other"])
    assert msgs(resp) == ["b1", "b3", "b5", "b7", "other"]
    assert {e["logStreamName"] for e in resp["events"]} == {"b", "other"}


def test_log_stream_name_prefix(logs, three_streams):
    group, _ = three_streams
    resp = logs.filter_log_events(logGroupName=group, logStreamNamePrefix="o")
    assert msgs(resp) == ["other"]


def test_names_and_prefix_together(logs, three_streams):
    group, _ = three_streams
    with pytest.raises(ClientError) as e:
        logs.filter_log_events(logGroupName=group, logStreamNames=["a"], logStreamNamePrefix="a")
    assert_error(e, "InvalidParameterException")


def test_term_pattern(logs, three_streams):
    group, _ = three_streams
    assert msgs(logs.filter_log_events(logGroupName=group, filterPattern="ERROR")) == ["a2", "b3"]
    assert msgs(logs.filter_log_events(logGroupName=group, filterPattern="ERROR disk")) == ["a2"]
    assert msgs(logs.filter_log_events(logGroupName=group, filterPattern='"ERROR net"')) == ["b3"]
    assert msgs(logs.filter_log_events(logGroupName=group, filterPattern="?disk ?net")) == ["a2", "b3"]
    assert msgs(logs.filter_log_events(logGroupName=group, filterPattern="error")) == []  # case-sensitive
    assert msgs(logs.filter_log_events(logGroupName=group, filterPattern="")) == msgs(
        logs.filter_log_events(logGroupName=group))


def test_limit_and_next_token(logs, three_streams):
    group, _ = three_streams
    seen, token = [], None
    for _ in range(30):
        kw = {"logGroupName": group, "limit": 2}
        if token:
            kw["nextToken"] = token
        resp = assert_ok(logs.filter_log_events(**kw))
        assert len(resp["events"]) <= 2
        seen += msgs(resp)
        token = resp.get("nextToken")
        if not token:
            break
    assert seen == ["a0", "b1", "a2", "b3", "a4", "b5", "a6", "b7", "other"]


def test_paginator(logs, three_streams):
    group, _ = three_streams
    pages = list(logs.get_paginator("filter_log_events").paginate(
        logGroupName=group, PaginationConfig={"PageSize": 4}))
    assert [m for p in pages for m in msgs(p)] == ["a0", "b1", "a2", "b3", "a4", "b5", "a6", "b7", "other"]


def test_invalid_next_token(logs, three_streams):
    group, _ = three_streams
    with pytest.raises(ClientError) as e:
        logs.filter_log_events(logGroupName=group, nextToken="not-a-token")
    assert_error(e, "InvalidParameterException", "The specified nextToken is invalid.")


def test_limit_over_10000(logs, group):
    with pytest.raises(ClientError) as e:
        logs.filter_log_events(logGroupName=group, limit=10001)
    assert_error(e, "InvalidParameterException",
                 "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: "
                 "Member must have value less than or equal to 10000")


def test_missing_group(logs):
    with pytest.raises(ClientError) as e:
        logs.filter_log_events(logGroupName=unique("missing"))
    assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")


def test_log_group_identifier_name_and_arn(logs, three_streams):
    group, _ = three_streams
    want = msgs(logs.filter_log_events(logGroupName=group))
    assert msgs(logs.filter_log_events(logGroupIdentifier=group)) == want
    assert msgs(logs.filter_log_events(logGroupIdentifier=group_arn(logs, group))) == want


def test_name_and_identifier_together(logs, three_streams):
    group, _ = three_streams
    with pytest.raises(ClientError) as e:
        logs.filter_log_events(logGroupName=group, logGroupIdentifier=group)
    assert_error(e, "ValidationException", "LogGroup name and LogGroup ARN are mutually exclusive parameters.")


def test_neither_name_nor_identifier(raw_logs):
    with pytest.raises(ClientError) as e:
        raw_logs.filter_log_events()
    resp = e.value.response
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert resp["Error"]["Code"] in ("InvalidParameterException", "ValidationException")
