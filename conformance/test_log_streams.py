"""Log streams: CreateLogStream, DeleteLogStream, DescribeLogStreams.

Messages recorded from AWS (LocalStack test_logs_streams.snapshot.json, Electric Imp's agent tests).
Note: AWS updates lastEventTimestamp eventually (typically within an hour); these tests expect a
compatible server to be immediately consistent, which is allowed by that contract.
"""

import pytest
from botocore.exceptions import ClientError

from conftest import REGION, assert_error, assert_ok, group_arn, now_ms, unique


def names(resp):
    return [s["logStreamName"] for s in resp["logStreams"]]


class TestCreateDelete:
    def test_create_and_describe(self, logs, group):
        before = now_ms()
        assert_ok(logs.create_log_stream(logGroupName=group, logStreamName="s-1"))
        resp = assert_ok(logs.describe_log_streams(logGroupName=group))
        (s,) = resp["logStreams"]
        assert s["logStreamName"] == "s-1"
        assert s["arn"].startswith(f"arn:aws:logs:{REGION}:")
        assert s["arn"].endswith(f":log-group:{group}:log-stream:s-1")
        assert before - 5000 <= s["creationTime"] <= now_ms() + 5000
        for absent in ("firstEventTimestamp", "lastEventTimestamp", "lastIngestionTime"):
            assert absent not in s

    def test_stream_names_allow_any_but_colon_and_star(self, logs, group):
        name = "i-0abc/[$LATEST] weird name é"
        assert_ok(logs.create_log_stream(logGroupName=group, logStreamName=name))
        assert names(logs.describe_log_streams(logGroupName=group)) == [name]

    def test_already_exists(self, logs, stream):
        group, s = stream
        with pytest.raises(ClientError) as e:
            logs.create_log_stream(logGroupName=group, logStreamName=s)
        assert_error(e, "ResourceAlreadyExistsException", "The specified log stream already exists")

    def test_create_in_missing_group(self, logs):
        with pytest.raises(ClientError) as e:
            logs.create_log_stream(logGroupName=unique("missing"), logStreamName="s")
        assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")

    def test_delete(self, logs, stream):
        group, s = stream
        assert_ok(logs.delete_log_stream(logGroupName=group, logStreamName=s))
        assert logs.describe_log_streams(logGroupName=group)["logStreams"] == []

    def test_delete_missing_stream(self, logs, group):
        with pytest.raises(ClientError) as e:
            logs.delete_log_stream(logGroupName=group, logStreamName="nope")
        assert_error(e, "ResourceNotFoundException", "The specified log stream does not exist.")

    def test_delete_stream_in_missing_group(self, logs):
        with pytest.raises(ClientError) as e:
            logs.delete_log_stream(logGroupName=unique("missing"), logStreamName="nope")
        assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")

    def test_stream_name_too_long(self, logs, group):
        with pytest.raises(ClientError) as e:
            logs.create_log_stream(logGroupName=group, logStreamName="s" * 513)
        assert_error(e, "InvalidParameterException",
                     "Invalid LogGroup or LogStream, both must have length less than or equal to 512.")


class TestDescribeLogStreams:
    @pytest.fixture(scope="class")
    def populated(self, logs):
        """Group with streams b, a, c, a2 (name order a, a2, b, c); events make the
        last-event-time order c < a < b, and a2 has no events."""
        group = unique("g")
        logs.create_log_group(logGroupName=group)
        for s in ("b", "a", "c", "a2"):
            logs.create_log_stream(logGroupName=group, logStreamName=s)
        t = now_ms() - 60_000
        for i, s in enumerate(("c", "a", "b")):
            logs.put_log_events(logGroupName=group, logStreamName=s,
                                logEvents=[{"timestamp": t + i * 1000, "message": f"m-{s}"}])
        yield group
        logs.delete_log_group(logGroupName=group)

    def test_default_order_is_name(self, logs, populated):
        assert names(logs.describe_log_streams(logGroupName=populated)) == ["a", "a2", "b", "c"]

    def test_descending_name(self, logs, populated):
        resp = logs.describe_log_streams(logGroupName=populated, orderBy="LogStreamName", descending=True)
        assert names(resp) == ["c", "b", "a2", "a"]

    def test_prefix(self, logs, populated):
        assert names(logs.describe_log_streams(logGroupName=populated, logStreamNamePrefix="a")) == ["a", "a2"]

    def test_prefix_no_match_still_has_log_streams(self, logs, populated):
        resp = assert_ok(logs.describe_log_streams(logGroupName=populated, logStreamNamePrefix="zzz"))
        assert resp["logStreams"] == []

    def test_empty_group_has_log_streams_key(self, logs, group):
        resp = assert_ok(logs.describe_log_streams(logGroupName=group))
        assert resp["logStreams"] == []
        assert "nextToken" not in resp

    def test_order_by_last_event_time(self, logs, populated):
        resp = logs.describe_log_streams(logGroupName=populated, orderBy="LastEventTime")
        with_events = [n for n in names(resp) if n != "a2"]
        assert with_events == ["c", "a", "b"]
        resp = logs.describe_log_streams(logGroupName=populated, orderBy="LastEventTime", descending=True)
        assert [n for n in names(resp) if n != "a2"] == ["b", "a", "c"]

    def test_event_timestamps_after_put(self, logs, populated):
        by_name = {s["logStreamName"]: s for s in logs.describe_log_streams(logGroupName=populated)["logStreams"]}
        b = by_name["b"]
        assert b["firstEventTimestamp"] == b["lastEventTimestamp"]
        assert b["lastIngestionTime"] >= b["lastEventTimestamp"]
        assert by_name["c"]["lastEventTimestamp"] < by_name["a"]["lastEventTimestamp"] < b["lastEventTimestamp"]

    def test_prefix_with_order_by_last_event_time_is_an_error(self, logs, populated):
        with pytest.raises(ClientError) as e:
            logs.describe_log_streams(logGroupName=populated, orderBy="LastEventTime", logStreamNamePrefix="a")
        assert_error(e, "InvalidParameterException", "Cannot order by LastEventTime with a logStreamNamePrefix.")

    def test_limit_and_next_token(self, logs, populated):
        seen, token = [], None
        for _ in range(10):
            kw = {"logGroupName": populated, "limit": 1}
            if token:
                kw["nextToken"] = token
            resp = assert_ok(logs.describe_log_streams(**kw))
            assert "logStreams" in resp and len(resp["logStreams"]) <= 1
            seen += names(resp)
            token = resp.get("nextToken")
            if not token:
                break
        assert seen == ["a", "a2", "b", "c"]

    def test_paginator(self, logs, populated):
        pages = list(logs.get_paginator("describe_log_streams").paginate(
            logGroupName=populated, PaginationConfig={"PageSize": 3}))
        assert [n for p in pages for n in names(p)] == ["a", "a2", "b", "c"]

    def test_limit_over_50_rejected(self, logs, populated):
        with pytest.raises(ClientError) as e:
            logs.describe_log_streams(logGroupName=populated, limit=51)
        assert_error(e, "InvalidParameterException",
                     "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: "
                     "Member must have value less than or equal to 50")

    def test_missing_group(self, logs):
        with pytest.raises(ClientError) as e:
            logs.describe_log_streams(logGroupName=unique("missing"))
        assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")

    def test_log_group_identifier_name_and_arn(self, logs, populated):
        by_name = logs.describe_log_streams(logGroupIdentifier=populated)
        arn = group_arn(logs, populated)
        by_arn = logs.describe_log_streams(logGroupIdentifier=arn)
        assert names(by_name) == names(by_arn) == ["a", "a2", "b", "c"]

    def test_name_and_identifier_together(self, logs, populated):
        with pytest.raises(ClientError) as e:
            logs.describe_log_streams(logGroupName=populated, logGroupIdentifier=populated)
        assert_error(e, "ValidationException", "LogGroup name and LogGroup ARN are mutually exclusive parameters.")
