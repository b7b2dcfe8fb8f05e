"""The same behaviour through the AWS CLI (``aws logs ... --endpoint-url``), a representative subset."""

import json

from conftest import aws_cli, now_ms, unique


def test_group_stream_events_round_trip():
    group, stream = unique("cli"), "s1"
    rc, out, err = aws_cli("create-log-group", "--log-group-name", group, "--tags", "env=cli")
    assert rc == 0, err
    try:
        rc, out, err = aws_cli("describe-log-groups", "--log-group-name-prefix", group)
        assert rc == 0, err
        (g,) = out["logGroups"]
        assert g["logGroupName"] == group and g["arn"].endswith(":*")
        assert aws_cli("list-tags-log-group", "--log-group-name", group)[1]["tags"] == {"env": "cli"}

        assert aws_cli("create-log-stream", "--log-group-name", group, "--log-stream-name", stream)[0] == 0
        t = now_ms()
        events = json.dumps([{"timestamp": t, "message": "one"}, {"timestamp": t + 1, "message": "two"}])
        rc, out, err = aws_cli("put-log-events", "--log-group-name", group, "--log-stream-name", stream,
                               "--log-events", events)
        assert rc == 0, err
        assert out["nextSequenceToken"]

        rc, out, err = aws_cli("get-log-events", "--log-group-name", group, "--log-stream-name", stream,
                               "--start-from-head")
        assert rc == 0, err
        assert [e["message"] for e in out["events"]] == ["one", "two"]
        assert out["nextForwardToken"].startswith("f/")

        rc, out, err = aws_cli("filter-log-events", "--log-group-name", group, "--filter-pattern", "two")
        assert rc == 0, err
        assert [e["message"] for e in out["events"]] == ["two"]

        rc, out, err = aws_cli("describe-log-streams", "--log-group-name", group)
        assert [s["logStreamName"] for s in out["logStreams"]] == [stream]

        assert aws_cli("put-retention-policy", "--log-group-name", group, "--retention-in-days", "14")[0] == 0
        rc, out, _ = aws_cli("describe-log-groups", "--log-group-name-prefix", group)
        assert out["logGroups"][0]["retentionInDays"] == 14
    finally:
        aws_cli("delete-log-group", "--log-group-name", group)


def test_cli_auto_pagination_of_describe_log_groups():
    prefix = unique("clip")
    names = [f"{prefix}-{i}" for i in range(5)]
    for n in names:
        aws_cli("create-log-group", "--log-group-name", n)
    try:
        rc, out, err = aws_cli("describe-log-groups", "--log-group-name-prefix", prefix, "--page-size", "2")
        assert rc == 0, err
        assert [g["logGroupName"] for g in out["logGroups"]] == names
    finally:
        for n in names:
            aws_cli("delete-log-group", "--log-group-name", n)


def test_cli_already_exists_error():
    group = unique("cli")
    assert aws_cli("create-log-group", "--log-group-name", group)[0] == 0
    try:
        rc, _, err = aws_cli("create-log-group", "--log-group-name", group)
        assert rc != 0
        assert "(ResourceAlreadyExistsException)" in err
        assert "The specified log group already exists" in err
    finally:
        aws_cli("delete-log-group", "--log-group-name", group)


def test_cli_not_found_error():
    rc, _, err = aws_cli("delete-log-group", "--log-group-name", unique("missing"))
    assert rc != 0
    assert "(ResourceNotFoundException)" in err and "The specified log group does not exist." in err


def test_cli_chronological_order_error():
    group = unique("cli")
    aws_cli("create-log-group", "--log-group-name", group)
    aws_cli("create-log-stream", "--log-group-name", group, "--log-stream-name", "s")
    try:
        t = now_ms()
        events = json.dumps([{"timestamp": t, "message": "b"}, {"timestamp": t - 1000, "message": "a"}])
        rc, _, err = aws_cli("put-log-events", "--log-group-name", group, "--log-stream-name", "s",
                             "--log-events", events)
        assert rc != 0
        assert "(InvalidParameterException)" in err
        assert "Log events in a single PutLogEvents request must be in chronological order." in err
    finally:
        aws_cli("delete-log-group", "--log-group-name", group)


def test_cli_order_by_with_prefix_error():
    group = unique("cli")
    aws_cli("create-log-group", "--log-group-name", group)
    try:
        rc, _, err = aws_cli("describe-log-streams", "--log-group-name", group, "--order-by", "LastEventTime",
                             "--log-stream-name-prefix", "x")
        assert rc != 0
        assert "Cannot order by LastEventTime with a logStreamNamePrefix." in err
    finally:
        aws_cli("delete-log-group", "--log-group-name", group)
