"""Tags: TagLogGroup/UntagLogGroup/ListTagsLogGroup (by name) and TagResource/UntagResource/
ListTagsForResource (by ARN, the log group ARN without the trailing ``:*``). Both APIs see the
same tag set (recorded from AWS in LocalStack's test_logs_groups.snapshot.json)."""

import pytest
from botocore.exceptions import ClientError

from conftest import assert_error, assert_ok, group_arn, unique


def test_tag_untag_log_group(logs, group):
    assert_ok(logs.tag_log_group(logGroupName=group, tags={"k1": "v1"}))
    assert logs.list_tags_log_group(logGroupName=group)["tags"] == {"k1": "v1"}
    logs.tag_log_group(logGroupName=group, tags={"k2": "v2"})
    assert logs.list_tags_log_group(logGroupName=group)["tags"] == {"k1": "v1", "k2": "v2"}
    logs.tag_log_group(logGroupName=group, tags={"k1": "changed"})
    assert logs.list_tags_log_group(logGroupName=group)["tags"] == {"k1": "changed", "k2": "v2"}
    assert_ok(logs.untag_log_group(logGroupName=group, tags=["k1"]))
    assert logs.list_tags_log_group(logGroupName=group)["tags"] == {"k2": "v2"}


def test_list_tags_empty_is_empty_map(logs, group):
    resp = assert_ok(logs.list_tags_log_group(logGroupName=group))
    assert resp.get("tags", {}) == {}
    arn = group_arn(logs, group)
    assert logs.list_tags_for_resource(resourceArn=arn).get("tags", {}) == {}


def test_tag_resource_by_arn_shares_tags_with_log_group_api(logs):
    name = unique("g")
    logs.create_log_group(logGroupName=name, tags={"env": "testing1"})
    try:
        arn = group_arn(logs, name)
        assert not arn.endswith(":*")
        assert_ok(logs.tag_resource(resourceArn=arn, tags={"test1": "val1", "test2": "val2"}))
        want = {"env": "testing1", "test1": "val1", "test2": "val2"}
        assert logs.list_tags_log_group(logGroupName=name)["tags"] == want
        assert assert_ok(logs.list_tags_for_resource(resourceArn=arn))["tags"] == want
        logs.tag_log_group(logGroupName=name, tags={"test3": "val3"})
        want["test3"] = "val3"
        assert logs.list_tags_for_resource(resourceArn=arn)["tags"] == want
        logs.untag_log_group(logGroupName=name, tags=["test3"])
        assert_ok(logs.untag_resource(resourceArn=arn, tagKeys=["env", "test1"]))
        assert logs.list_tags_log_group(logGroupName=name)["tags"] == {"test2": "val2"}
        assert logs.list_tags_for_resource(resourceArn=arn)["tags"] == {"test2": "val2"}
    finally:
        logs.delete_log_group(logGroupName=name)


def test_untag_missing_key_is_noop(logs, group):
    logs.tag_log_group(logGroupName=group, tags={"a": "1"})
    assert_ok(logs.untag_log_group(logGroupName=group, tags=["nope"]))
    assert logs.list_tags_log_group(logGroupName=group)["tags"] == {"a": "1"}


def test_tag_log_group_missing_group(logs):
    with pytest.raises(ClientError) as e:
        logs.tag_log_group(logGroupName=unique("missing"), tags={"a": "b"})
    assert_error(e, "ResourceNotFoundException", "The specified log group does not exist.")


def test_list_tags_for_missing_resource(logs):
    arn = f"arn:aws:logs:us-east-1:000000000000:log-group:{unique('missing')}"
    with pytest.raises(ClientError) as e:
        logs.list_tags_for_resource(resourceArn=arn)
    assert_error(e, "ResourceNotFoundException")
