"""GetLogEvents: time range (startTime inclusive, endTime exclusive), startFromHead, limit,
forward/backward tokens (``f/…``, ``b/…``), the same token back at the end of the stream."""

import pytest
from botocore.exceptions import ClientError

from conftest import assert_error, assert_ok, group_arn, now_ms, unique


@pytest.fixture
def ten(logs, stream):
    """A stream holding e0..e9 at t0, t0+1000, ..."""
    group, s = stream
    t0 = now_ms() - 60_000
    logs.put_log_events(logGroupName=group, logStreamName=s,
                        logEvents=[{"timestamp": t0 + i * 1000, "message": f"e{i}"} for i in range(10)])
    return group, s, t0


def msgs(resp):
    return [e["message"] for e in resp["events"]]


def test_default_returns_latest_in_ascending_order(logs, ten):
    group, s, _ = ten
    resp = assert_ok(logs.get_log_events(logGroupName=group, logStreamName=s, limit=3))
    assert msgs(resp) == ["e7", "e8", "e9"]
    assert resp["nextForwardToken"].startswith("f/")
    assert resp["nextBackwardToken"].startswith("b/")


def test_start_from_head(logs, ten):
    group, s, _ = ten
    resp = logs.get_log_events(logGroupName=group, logStreamName=s, limit=3, startFromHead=True)
    assert msgs(resp) == ["e0", "e1", "e2"]
    resp = logs.get_log_events(logGroupName=group, logStreamName=s, startFromHead=True)
    assert msgs(resp) == [f"e{i}" for i in range(10)]


def test_event_fields(logs, ten):
    group, s, t0 = ten
    e = logs.get_log_events(logGroupName=group, logStreamName=s, startFromHead=True, limit=1)["events"][0]
    assert e["timestamp"] == t0 and e["message"] == "e0" and isinstance(e["ingestionTime"], int)


def test_start_inclusive_end_exclusive(logs, ten):
    group, s, t0 = ten
    resp = logs.get_log_events(logGroupName=group, logStreamName=s, startFromHead=True,
                               startTime=t0 + 2000, endTime=t0 + 5000)
    assert msgs(resp) == ["e2", "e3", "e4"]


def test_forward_paging_and_end_token(logs, ten):
    group, s, _ = ten
    got = []
    resp = logs.get_log_events(logGroupName=group, logStreamName=s, startFromHead=True, limit=4)
    got += msgs(resp)
    for _ in range(10):
        token = resp["nextForwardToken"]
        resp = logs.get_log_events(logGroupName=group, logStreamName=s, startFromHead=True, limit=4,
                                   nextToken=token)
        got += msgs(resp)
        if resp["nextForwardToken"] == token:
            assert resp["events"] == []
            break
    else:
        pytest.fail("the forward token never repeated")
    assert got == [f"e{i}" for i in range(10)]


def test_backward_paging(logs, ten):
    group, s, _ = ten
    resp = logs.get_log_events(logGroupName=group, logStreamName=s, limit=4)
    pages = [msgs(resp)]
    for _ in range(10):
        token = resp["nextBackwardToken"]
        resp = logs.get_log_events(logGroupName=group, logStreamName=s, limit=4, nextToken=token)
        if resp["nextBackwardToken"] == token:
            assert resp["events"] == []
            break
        pages.append(msgs(resp))
    else:
        pytest.fail("the backward token never repeated")
    assert pages[0] == ["e6", "e7", "e8", "e9"]
    assert [m for p in reversed(pages) for m in p] == [f"e{i}" for i in range(10)]


def test_forward_token_at_end_then_new_events_appear(logs, ten):
    group, s, t0 = ten
    resp = logs.get_log_events(logGroupName=group, logStreamName=s, startFromHead=True)
    token = resp["nextForwardToken"]
    again = logs.get_log_events(logGroupName=group, logStreamName=s, startFromHead=True, nextToken=token)
    assert again["events"] == [] and again["nextForwardToken"] == token
    logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[{"timestamp": t0 + 20_000, "message": "late"}])
    more = logs.get_log_events(logGroupName=group, logStreamName=s, startFromHead=True, nextToken=token)
    assert msgs(more) == ["late"]


def test_empty_stream(logs, stream):
    group, s = stream
    resp = assert_ok(logs.get_log_events(logGroupName=group, logStreamName=s))
    assert resp["events"] == []
    assert resp["nextForwardToken"].startswith("f/") and resp["nextBackwardToken"].startswith("b/")


def test_paging_through_25000_events(logs, stream):
    group, s = stream
    t0 = now_ms() - 30 * 60_000
    total = 25_000
    for start in range(0, total, 10_000):
        n = min(10_000, total - start)
        logs.put_log_events(logGroupName=group, logStreamName=s, logEvents=[
            {"timestamp": t0 + (start + i) // 10, "message": f"{start + i:05d}"} for i in range(n)])
    seen = []
    kw = {"logGroupName": group, "logStreamName": s, "startFromHead": True}
    resp = logs.get_log_events(**kw)
    for _ in range(20):
        assert len(resp["events"]) <= 10_000
        seen += msgs(resp)
        token = resp["nextForwardToken"]
        resp = logs.get_log_events(nextToken=token, **kw)
        if resp["nextForwardToken"] == token:
            seen += msgs(resp)
            break
    assert len(seen) == total
    assert seen == [f"{i:05d}" for i in range(total)]
    # and backwards from the tail
    back = []
    kw = {"logGroupName": group, "logStreamName": s, "startFromHead": False}
    resp = logs.get_log_events(**kw)
    for _ in range(20):
        back = msgs(resp) + back
        token = resp["nextBackwardToken"]
        resp = logs.get_log_events(nextToken=token, **kw)
        if resp["nextBackwardToken"] == token:
            break
    assert back == [f"{i:05d}" for i in range(total)]


def test_limit_over_10000(logs, stream):
    group, s = stream
    with pytest.raises(ClientError) as e:
        logs.get_log_events(logGroupName=group, logStreamName=s, limit=10001)
    assert_error(e, "InvalidParameterException",
                 "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: "
                 "Member must have value less than or equal to 10000")


def test_invalid_token(logs, stream):
    group, s = stream
    with pytest.raises(ClientError) as e:
        logs.get_log_events(logGroupName=group, logStreamName=s, nextToken="invalid-token")
    assert_error(e, "InvalidParameterException", "The specified nextToken is invalid.")


def test_missing_group_and_stream(logs, group):
    with pytest.raises(ClientError) as e:
        logs.get_log_events(logGroupName=unique("missing"), logStreamName="s")
    assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")
    with pytest.raises(ClientError) as e:
        logs.get_log_events(logGroupName=group, logStreamName="nope")
    assert_error(e, "ResourceNotFoundException", "The specified log stream does not exist.")


def test_log_group_identifier_name_and_arn(logs, ten):
    group, s, _ = ten
    by_name = logs.get_log_events(logGroupIdentifier=group, logStreamName=s, startFromHead=True)
    arn = group_arn(logs, group)
    by_arn = logs.get_log_events(logGroupIdentifier=arn, logStreamName=s, startFromHead=True)
    assert msgs(by_name) == msgs(by_arn) == [f"e{i}" for i in range(10)]


def test_name_and_identifier_together(logs, ten):
    group, s, _ = ten
    with pytest.raises(ClientError) as e:
        logs.get_log_events(logGroupName=group, logGroupIdentifier=group, logStreamName=s)
    assert_error(e, "ValidationException", "LogGroup name and LogGroup ARN are mutually exclusive parameters.")
