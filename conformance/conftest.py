"""Shared fixtures for the cwlogs black-box conformance suite.

The suite talks to ``CWLOGS_ENDPOINT`` (default http://127.0.0.1:4566) with real AWS clients
(boto3, awscli) and raw HTTP. Every assertion encodes what Amazon CloudWatch Logs does, not
what any emulator does. Tests never assume a fresh server: every resource name carries a
random suffix. Set ``CWLOGS_RESET=1`` to reset the server once before the session
(``POST /_cwlogs/reset``, falling back to moto's ``POST /moto-api/reset``).
"""

import json
import os
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import boto3
import botocore.session
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("CWLOGS_ENDPOINT", "http://127.0.0.1:4566").rstrip("/")
REGION = "us-east-1"
ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"  # dummy; never a real credential
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TARGET_PREFIX = "Logs_20140328"
DAY_MS = 24 * 60 * 60 * 1000
HOUR_MS = 60 * 60 * 1000

# Responses without a request id, collected by an event hook on every client; an autouse
# fixture fails the test that produced one.
_MISSING_REQUEST_ID = []


def now_ms():
    return int(time.time() * 1000)


def unique(kind="x"):
    """A name no other test (or earlier run) uses: cwconf-<kind>-<random>."""
    return f"cwconf-{kind}-{uuid.uuid4().hex[:12]}"


def _check_request_id(http_response=None, model=None, **_):
    if http_response is None:
        return
    headers = {k.lower(): v for k, v in http_response.headers.items()}
    if not headers.get("x-amzn-requestid"):
        _MISSING_REQUEST_ID.append(
            f"{model.name if model else '?'} -> HTTP {http_response.status_code} without x-amzn-RequestId"
        )


def make_client(**config):
    cfg = Config(retries={"max_attempts": 1, "mode": "standard"}, **config)
    client = boto3.session.Session().client(
        "logs",
        endpoint_url=ENDPOINT,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=cfg,
    )
    client.meta.events.register("after-call.cloudwatch-logs", _check_request_id)
    return client


def _server_reachable():
    try:
        urllib.request.urlopen(urllib.request.Request(ENDPOINT + "/", method="GET"), timeout=3)
        return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def _reset_server():
    for path in ("/_cwlogs/reset", "/moto-api/reset"):
        try:
            urllib.request.urlopen(
                urllib.request.Request(ENDPOINT + path, data=b"", method="POST"), timeout=10
            )
            return path
        except urllib.error.HTTPError as e:
            if e.code in (404, 405, 501):
                continue
            raise
    return None


@pytest.fixture(scope="session", autouse=True)
def _server():
    if not _server_reachable():
        pytest.exit(f"no server answers at CWLOGS_ENDPOINT={ENDPOINT}", returncode=2)
    if os.environ.get("CWLOGS_RESET") == "1":
        _reset_server()
    yield ENDPOINT


@pytest.fixture(autouse=True)
def _every_response_has_request_id():
    del _MISSING_REQUEST_ID[:]
    yield
    missing = list(_MISSING_REQUEST_ID)
    del _MISSING_REQUEST_ID[:]
    assert not missing, "responses without x-amzn-RequestId: " + "; ".join(missing[:5])


@pytest.fixture(scope="session")
def logs():
    """A boto3 CloudWatch Logs client with client-side validation on (what users run)."""
    return make_client()


@pytest.fixture(scope="session")
def raw_logs():
    """A botocore client that sends whatever it is given (parameter validation off)."""
    return make_client(parameter_validation=False)


@pytest.fixture(scope="session")
def service_model():
    return botocore.session.get_session().get_service_model("logs")


@pytest.fixture
def group(logs):
    """A fresh log group; deleted afterwards."""
    name = unique("g")
    logs.create_log_group(logGroupName=name)
    yield name
    try:
        logs.delete_log_group(logGroupName=name)
    except ClientError:
        pass


@pytest.fixture
def stream(logs, group):
    """A fresh (group, stream) pair."""
    name = unique("s")
    logs.create_log_stream(logGroupName=group, logStreamName=name)
    return group, name


def assert_error(excinfo, code, message=None, status=400, message_contains=()):
    """Check a botocore ClientError: HTTP status, error code and (optionally) exact message."""
    resp = excinfo.value.response
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == status, resp
    assert resp["Error"]["Code"] == code, resp["Error"]
    if message is not None:
        assert resp["Error"].get("Message") == message, resp["Error"]
    for part in message_contains:
        assert part in resp["Error"].get("Message", ""), resp["Error"]
    assert resp["ResponseMetadata"]["HTTPHeaders"].get("x-amzn-requestid"), resp["ResponseMetadata"]
    return resp


def assert_ok(resp):
    """Check a successful boto3 response's metadata."""
    md = resp["ResponseMetadata"]
    assert md["HTTPStatusCode"] == 200, md
    assert md["HTTPHeaders"].get("x-amzn-requestid"), md
    return resp


def group_arn(logs, name):
    """The log group's ARN as DescribeLogGroups reports it (without the trailing :*)."""
    groups = logs.describe_log_groups(logGroupNamePrefix=name)["logGroups"]
    match = [g for g in groups if g["logGroupName"] == name]
    assert match, f"log group {name} not described"
    return match[0]["arn"][: -len(":*")]


def put_events(logs, group, stream, events):
    return assert_ok(logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=events))


# ---------------------------------------------------------------- raw HTTP (no SDK)


def raw_call(target, body, content_type="application/x-amz-json-1.1", sign=True, method="POST",
             path="/", extra_headers=None):
    """Send one request with urllib. ``body`` is bytes, str or a JSON-serialisable object.

    The request is SigV4-signed with the dummy credentials, as every real client does (moto
    routes on the signature's service name). Returns (status, headers-lowercased, body-bytes).
    """
    if isinstance(body, (dict, list)):
        data = json.dumps(body).encode()
    elif isinstance(body, str):
        data = body.encode()
    else:
        data = body
    headers = {}
    if method == "POST":
        headers["Content-Type"] = content_type
        if target is not None:
            headers["X-Amz-Target"] = target
    headers.update(extra_headers or {})
    url = ENDPOINT + path
    if sign:
        req = AWSRequest(method=method, url=url, data=data if method == "POST" else None, headers=headers)
        SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "logs", REGION).add_auth(req)
        headers = dict(req.headers.items())
    request = urllib.request.Request(url, data=data if method == "POST" else None, headers=headers,
                                     method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def op_target(operation):
    return f"{TARGET_PREFIX}.{operation}"


def error_type(raw_type):
    """'com.amazon.coral.service#SerializationException' -> 'SerializationException'."""
    return raw_type.rsplit("#", 1)[-1] if raw_type else raw_type


# ---------------------------------------------------------------- awscli


def aws_cli(*args):
    """Run ``aws logs <args> --endpoint-url`` and return (returncode, parsed-json-or-None, stderr)."""
    env = dict(os.environ)
    env.update(
        AWS_ACCESS_KEY_ID=ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=SECRET_KEY,
        AWS_DEFAULT_REGION=REGION,
        AWS_PAGER="",
        AWS_MAX_ATTEMPTS="1",
    )
    env.pop("AWS_PROFILE", None)
    cmd = ["aws", "logs", *args, "--endpoint-url", ENDPOINT, "--region", REGION, "--output", "json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    out = proc.stdout.strip()
    return proc.returncode, (json.loads(out) if out else None), proc.stderr
