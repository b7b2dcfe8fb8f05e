"""Log groups: CreateLogGroup, DeleteLogGroup, DescribeLogGroups, ListLogGroups, retention, KMS.

Sources: the AWS API reference (botocore's model documentation), and real-AWS responses recorded
in LocalStack's snapshot files (tests/aws/services/logs/test_logs_groups.snapshot.json).
"""

import time

import pytest
from botocore.exceptions import ClientError

from conftest import REGION, assert_error, assert_ok, group_arn, now_ms, unique

ALLOWED_RETENTION = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
                     1827, 2192, 2557, 2922, 3288, 3653]
FAKE_KMS = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab"
FAKE_KMS_2 = "arn:aws:kms:us-east-1:000000000000:key/0987dcba-09fe-87dc-65ba-ab0987654321"


def describe_one(logs, name):
    resp = assert_ok(logs.describe_log_groups(logGroupNamePrefix=name))
    match = [g for g in resp["logGroups"] if g["logGroupName"] == name]
    assert len(match) == 1, resp["logGroups"]
    return match[0]


class TestCreateLogGroup:
    def test_create_and_describe_fields(self, logs):
        name = unique("g")
        before = now_ms()
        resp = logs.create_log_group(logGroupName=name)
        assert_ok(resp)
        g = describe_one(logs, name)
        # arn ends with :*, logGroupArn is the same ARN without it
        assert g["arn"].startswith(f"arn:aws:logs:{REGION}:")
        assert g["arn"].endswith(f":log-group:{name}:*")
        assert g["logGroupArn"] == g["arn"][: -len(":*")]
        assert not g["logGroupArn"].endswith(":*")
        account = g["arn"].split(":")[4]
        assert account.isdigit() and len(account) == 12
        assert before - 5000 <= g["creationTime"] <= now_ms() + 5000
        assert g["storedBytes"] == 0
        assert g["metricFilterCount"] == 0
        assert g["logGroupClass"] == "STANDARD"
        assert "retentionInDays" not in g
        assert "kmsKeyId" not in g
        logs.delete_log_group(logGroupName=name)

    def test_create_with_tags(self, logs):
        name = unique("g")
        logs.create_log_group(logGroupName=name, tags={"env": "testing", "team": "conformance"})
        try:
            tags = assert_ok(logs.list_tags_log_group(logGroupName=name))["tags"]
            assert tags == {"env": "testing", "team": "conformance"}
            arn = group_arn(logs, name)
            assert assert_ok(logs.list_tags_for_resource(resourceArn=arn))["tags"] == tags
        finally:
            logs.delete_log_group(logGroupName=name)

    def test_create_with_kms_key(self, logs):
        name = unique("g")
        logs.create_log_group(logGroupName=name, kmsKeyId=FAKE_KMS)
        try:
            assert describe_one(logs, name)["kmsKeyId"] == FAKE_KMS
        finally:
            logs.delete_log_group(logGroupName=name)

    def test_create_infrequent_access(self, logs):
        name = unique("g")
        logs.create_log_group(logGroupName=name, logGroupClass="INFREQUENT_ACCESS")
        try:
            assert describe_one(logs, name)["logGroupClass"] == "INFREQUENT_ACCESS"
        finally:
            logs.delete_log_group(logGroupName=name)

    def test_already_exists(self, logs, group):
        with pytest.raises(ClientError) as e:
            logs.create_log_group(logGroupName=group)
        assert_error(e, "ResourceAlreadyExistsException", "The specified log group already exists")

    def test_name_too_long(self, logs):
        # Recorded from AWS: its own message, not the generic validation text.
        with pytest.raises(ClientError) as e:
            logs.create_log_group(logGroupName="a" * 513)
        assert_error(e, "InvalidParameterException",
                     "Invalid LogGroup or LogStream, both must have length less than or equal to 512.")

    def test_name_512_is_allowed(self, logs):
        name = unique("g")
        name = name + "x" * (512 - len(name))
        assert_ok(logs.create_log_group(logGroupName=name))
        assert_ok(logs.delete_log_group(logGroupName=name))

    def test_name_bad_characters(self, raw_logs):
        name = unique("bad") + ":name"
        try:
            with pytest.raises(ClientError) as e:
                raw_logs.create_log_group(logGroupName=name)
        finally:
            try:  # a server that wrongly accepted the name must not keep it around
                raw_logs.delete_log_group(logGroupName=name)
            except ClientError:
                pass
        assert_error(e, "InvalidParameterException",
                     f"1 validation error detected: Value '{name}' at 'logGroupName' failed to satisfy "
                     "constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+")

    def test_names_with_all_allowed_characters(self, logs):
        name = "/" + unique("g") + "/a.b-c_d#e"
        assert_ok(logs.create_log_group(logGroupName=name))
        assert describe_one(logs, name)["logGroupName"] == name
        logs.delete_log_group(logGroupName=name)


class TestDeleteLogGroup:
    def test_delete(self, logs):
        name = unique("g")
        logs.create_log_group(logGroupName=name)
        assert_ok(logs.delete_log_group(logGroupName=name))
        resp = logs.describe_log_groups(logGroupNamePrefix=name)
        assert resp["logGroups"] == []

    def test_delete_not_found(self, logs):
        with pytest.raises(ClientError) as e:
            logs.delete_log_group(logGroupName=unique("missing"))
        assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")

    def test_delete_removes_streams_and_name_can_be_reused(self, logs):
        name = unique("g")
        logs.create_log_group(logGroupName=name)
        logs.create_log_stream(logGroupName=name, logStreamName="s1")
        logs.delete_log_group(logGroupName=name)
        logs.create_log_group(logGroupName=name)
        try:
            assert logs.describe_log_streams(logGroupName=name)["logStreams"] == []
        finally:
            logs.delete_log_group(logGroupName=name)


class TestDescribeLogGroups:
    @pytest.fixture(scope="class")
    def family(self, logs):
        """Seven groups under one unique prefix, created out of order."""
        prefix = unique("fam")
        names = [f"{prefix}/{s}" for s in ("b", "a", "c/x", "C", "d", "a.b", "a-b")]
        for n in names:
            logs.create_log_group(logGroupName=n)
        yield prefix, sorted(names)
        for n in names:
            try:
                logs.delete_log_group(logGroupName=n)
            except ClientError:
                pass

    def test_prefix_returns_ascii_sorted(self, logs, family):
        prefix, names = family
        resp = assert_ok(logs.describe_log_groups(logGroupNamePrefix=prefix))
        assert [g["logGroupName"] for g in resp["logGroups"]] == names
        assert "nextToken" not in resp

    def test_prefix_matches_only_prefix(self, logs, family):
        prefix, names = family
        resp = logs.describe_log_groups(logGroupNamePrefix=prefix + "/a")
        assert [g["logGroupName"] for g in resp["logGroups"]] == [n for n in names if n.startswith(prefix + "/a")]

    def test_prefix_no_match_returns_empty_list(self, logs):
        resp = assert_ok(logs.describe_log_groups(logGroupNamePrefix=unique("none")))
        assert resp["logGroups"] == []

    def test_limit_and_next_token(self, logs, family):
        prefix, names = family
        seen, token, pages = [], None, 0
        while True:
            kw = {"logGroupNamePrefix": prefix, "limit": 2}
            if token:
                kw["nextToken"] = token
            resp = assert_ok(logs.describe_log_groups(**kw))
            assert len(resp["logGroups"]) <= 2
            seen += [g["logGroupName"] for g in resp["logGroups"]]
            pages += 1
            token = resp.get("nextToken")
            if not token:
                break
            assert pages < 20
        assert seen == names
        assert pages >= 4

    def test_paginator(self, logs, family):
        prefix, names = family
        pages = list(logs.get_paginator("describe_log_groups").paginate(
            logGroupNamePrefix=prefix, PaginationConfig={"PageSize": 3}))
        assert len(pages) >= 3
        assert [g["logGroupName"] for p in pages for g in p["logGroups"]] == names

    def test_pattern_is_case_sensitive_substring(self, logs, family):
        prefix, names = family
        key = prefix.split("-")[-1]  # the random part
        resp = assert_ok(logs.describe_log_groups(logGroupNamePattern=key))
        got = [g["logGroupName"] for g in resp["logGroups"]]
        assert got == names
        upper = assert_ok(logs.describe_log_groups(logGroupNamePattern=key.upper()))["logGroups"]
        if key.upper() != key:
            assert upper == []
        sub = [g["logGroupName"] for g in logs.describe_log_groups(logGroupNamePattern=key + "/C")["logGroups"]]
        assert sub == [n for n in names if (key + "/C") in n]

    def test_pattern_response_fields(self, logs, family):
        prefix, names = family
        key = prefix.split("-")[-1]
        for g in logs.describe_log_groups(logGroupNamePattern=key)["logGroups"]:
            for field in ("arn", "creationTime", "logGroupName"):
                assert field in g
            # the documentation: only arn, creationTime and logGroupName (AWS adds a few more,
            # but never storedBytes, as recorded)
            assert "storedBytes" not in g

    def test_prefix_and_pattern_are_exclusive(self, logs):
        with pytest.raises(ClientError) as e:
            logs.describe_log_groups(logGroupNamePrefix="abc", logGroupNamePattern="abc")
        assert_error(e, "InvalidParameterException",
                     "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.")

    def test_log_group_class_filter(self, logs):
        prefix = unique("cls")
        logs.create_log_group(logGroupName=prefix + "-std")
        logs.create_log_group(logGroupName=prefix + "-ia", logGroupClass="INFREQUENT_ACCESS")
        try:
            ia = logs.describe_log_groups(logGroupNamePrefix=prefix, logGroupClass="INFREQUENT_ACCESS")
            assert [g["logGroupName"] for g in ia["logGroups"]] == [prefix + "-ia"]
            std = logs.describe_log_groups(logGroupNamePrefix=prefix, logGroupClass="STANDARD")
            assert [g["logGroupName"] for g in std["logGroups"]] == [prefix + "-std"]
        finally:
            logs.delete_log_group(logGroupName=prefix + "-std")
            logs.delete_log_group(logGroupName=prefix + "-ia")

    def test_limit_over_50_rejected(self, logs):
        with pytest.raises(ClientError) as e:
            logs.describe_log_groups(limit=51)
        assert_error(e, "InvalidParameterException",
                     "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: "
                     "Member must have value less than or equal to 50")

    def test_stored_bytes_and_metric_filter_count(self, logs, stream):
        group, s = stream
        logs.put_log_events(logGroupName=group, logStreamName=s,
                            logEvents=[{"timestamp": now_ms(), "message": "hello"}])
        logs.put_metric_filter(logGroupName=group, filterName="f1", filterPattern="hello",
                               metricTransformations=[{"metricName": "m", "metricNamespace": "ns",
                                                       "metricValue": "1"}])
        g = describe_one(logs, group)
        assert g["metricFilterCount"] == 1
        assert isinstance(g["storedBytes"], int) and g["storedBytes"] >= 0


class TestListLogGroups:
    def test_list_with_pattern(self, logs):
        key = unique("lst")
        names = [key + "-b", key + "-a"]
        for n in names:
            logs.create_log_group(logGroupName=n)
        try:
            resp = assert_ok(logs.list_log_groups(logGroupNamePattern=key.split("-")[-1]))
            got = resp["logGroups"]
            assert sorted(g["logGroupName"] for g in got) == sorted(names)
            for g in got:
                assert g["logGroupArn"].endswith(":log-group:" + g["logGroupName"])
                assert g["logGroupClass"] == "STANDARD"
        finally:
            for n in names:
                logs.delete_log_group(logGroupName=n)

    def test_list_no_match(self, logs):
        resp = assert_ok(logs.list_log_groups(logGroupNamePattern="nomatch" + unique("z")[-12:]))
        assert resp["logGroups"] == []

    def test_list_limit_and_token(self, logs):
        key = unique("lst")
        names = [f"{key}-{i}" for i in range(5)]
        for n in names:
            logs.create_log_group(logGroupName=n)
        try:
            seen, token = [], None
            for _ in range(10):
                kw = {"logGroupNamePattern": key.split("-")[-1], "limit": 2}
                if token:
                    kw["nextToken"] = token
                resp = logs.list_log_groups(**kw)
                assert len(resp["logGroups"]) <= 2
                seen += [g["logGroupName"] for g in resp["logGroups"]]
                token = resp.get("nextToken")
                if not token:
                    break
            assert sorted(seen) == names
        finally:
            for n in names:
                logs.delete_log_group(logGroupName=n)


class TestRetention:
    def test_all_allowed_values(self, logs, group):
        for days in ALLOWED_RETENTION:
            assert_ok(logs.put_retention_policy(logGroupName=group, retentionInDays=days))
            assert describe_one(logs, group)["retentionInDays"] == days

    def test_delete_retention(self, logs, group):
        logs.put_retention_policy(logGroupName=group, retentionInDays=7)
        assert_ok(logs.delete_retention_policy(logGroupName=group))
        assert "retentionInDays" not in describe_one(logs, group)

    @pytest.mark.parametrize("days", [0, 2, 4, 366, 3654, -1])
    def test_disallowed_values(self, logs, group, days):
        with pytest.raises(ClientError) as e:
            logs.put_retention_policy(logGroupName=group, retentionInDays=days)
        assert_error(e, "InvalidParameterException",
                     message_contains=(f"Value '{days}' at 'retentionInDays' failed to satisfy constraint",))

    def test_retention_on_missing_group(self, logs):
        with pytest.raises(ClientError) as e:
            logs.put_retention_policy(logGroupName=unique("missing"), retentionInDays=1)
        assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")


class TestKms:
    def test_associate_and_disassociate(self, logs, group):
        assert_ok(logs.associate_kms_key(logGroupName=group, kmsKeyId=FAKE_KMS))
        assert describe_one(logs, group)["kmsKeyId"] == FAKE_KMS
        assert_ok(logs.associate_kms_key(logGroupName=group, kmsKeyId=FAKE_KMS_2))
        assert describe_one(logs, group)["kmsKeyId"] == FAKE_KMS_2
        assert_ok(logs.disassociate_kms_key(logGroupName=group))
        assert "kmsKeyId" not in describe_one(logs, group)

    def test_associate_missing_group(self, logs):
        with pytest.raises(ClientError) as e:
            logs.associate_kms_key(logGroupName=unique("missing"), kmsKeyId=FAKE_KMS)
        assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")
