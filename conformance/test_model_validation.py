"""Model-driven input validation: for every operation in botocore's CloudWatch Logs model and
every constraint on each top-level input member, send a request that breaks exactly that
constraint and expect AWS's validation error.

AWS (Coral) reports validation failures as HTTP 400 ``InvalidParameterException`` with
``<n> validation error(s) detected: Value '<v>' at '<member>' failed to satisfy constraint:
Member must ...``, several failures joined by ``; `` (order not asserted here). A missing
required member is ``Value null at '<member>' failed to satisfy constraint: Member must not be
null`` (seen from AWS in a .NET client's log). Names longer than 512 characters get AWS's own
message "Invalid LogGroup or LogStream, both must have length less than or equal to 512."
(recorded for CreateLogGroup), which is accepted as an alternative for logGroupName and
logStreamName everywhere.

Operations the server answers with HTTP 501 (not implemented) are skipped. For lists and maps
only the ``at '<member>' failed to satisfy constraint: ...`` part is checked, because how AWS
prints a list value is not known.
"""

import json
import re

import botocore.session
import pytest
from botocore.exceptions import ClientError

from conftest import make_client, op_target, raw_call

MODEL = botocore.session.get_session().get_service_model("logs")
# Event-stream operations are not plain JSON request/response calls.
SKIP_OPERATIONS = {"StartLiveTail"}
NAME_MEMBERS = {"logGroupName", "logStreamName"}
NAME_TOO_LONG = "Invalid LogGroup or LogStream, both must have length less than or equal to 512."

STRING_CANDIDATES = [
    "cwconfval", "cwconf-val", "cwconfval123", "CwconfVal",
    "arn:aws:logs:us-east-1:000000000000:log-group:cwconfval",
    "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "cwconfval-0123456789-0123456789-0123456789",
]
BAD_STRINGS = ["bad:*value", "bad value!", "*", ":", "$", "!", " ", "\u00e9", "a b"]


def _regex(pattern):
    try:
        return re.compile(pattern, re.ASCII)
    except re.error:
        return None  # Java-only syntax (\p{L}, ...): treat every candidate as matching


def _length_ok(shape, value):
    md = shape.metadata
    return md.get("min", 0) <= len(value) <= md.get("max", 10 ** 9)


def _pattern_ok(shape, value):
    pattern = shape.metadata.get("pattern")
    if pattern is None:
        return True
    rx = _regex(pattern)
    return True if rx is None else rx.fullmatch(value) is not None


def valid_value(shape, depth=0):
    t = shape.type_name
    md = shape.metadata
    if t == "string":
        if getattr(shape, "enum", None):
            return shape.enum[0]
        for c in STRING_CANDIDATES:
            for v in (c, c + "a" * max(0, md.get("min", 0) - len(c))):
                v = v[: md.get("max", len(v))]
                if _length_ok(shape, v) and _pattern_ok(shape, v):
                    return v
        return None
    if t in ("integer", "long"):
        v = max(md.get("min", 1), 1)
        return min(v, md.get("max", v))
    if t in ("double", "float"):
        return 1.0
    if t == "boolean":
        return True
    if t == "timestamp":
        return 1700000000
    if t == "blob":
        return b"x"
    if t == "list":
        item = valid_value(shape.member, depth + 1)
        return None if item is None else [item] * max(md.get("min", 1), 1)
    if t == "map":
        k, v = valid_value(shape.key, depth + 1), valid_value(shape.value, depth + 1)
        return None if k is None or v is None else {k: v}
    if t == "structure":
        if depth > 6:
            return None
        out = {}
        for name in shape.required_members:
            v = valid_value(shape.members[name], depth + 1)
            if v is None:
                return None
            out[name] = v
        return out
    return None


def string_violations(shape, value):
    md = shape.metadata
    out = []
    if getattr(shape, "enum", None) and value not in shape.enum:
        out.append("Member must satisfy enum value set: [")
    if "min" in md and len(value) < md["min"]:
        out.append(f"Member must have length greater than or equal to {md['min']}")
    if "max" in md and len(value) > md["max"]:
        out.append(f"Member must have length less than or equal to {md['max']}")
    if "pattern" in md and not _pattern_ok(shape, value):
        out.append(f"Member must satisfy regular expression pattern: {md['pattern']}")
    return out


def build_cases():
    cases = []
    for op_name in MODEL.operation_names:
        if op_name in SKIP_OPERATIONS:
            continue
        op = MODEL.operation_model(op_name)
        inp = op.input_shape
        if inp is None:
            continue
        base = valid_value(inp)
        if base is None:
            continue
        for member, shape in inp.members.items():
            md, t = shape.metadata, shape.type_name

            def add(kind, value, fragments, scalar=True, omit=False):
                req = dict(base)
                if omit:
                    req.pop(member, None)
                else:
                    req[member] = value
                cases.append(pytest.param(op_name, member, req, value, fragments, scalar, omit,
                                          id=f"{op_name}.{member}.{kind}"))

            if member in inp.required_members:
                add("required", None, ["Member must not be null"], omit=True)
            if t == "string":
                good = base.get(member) or valid_value(shape)
                if good is None:
                    continue
                if md.get("min", 0) >= 1:
                    v = "" if md["min"] == 1 else good[: md["min"] - 1]
                    add("min", v, string_violations(shape, v))
                if "max" in md:
                    v = None
                    for pad in (good[-1], "a", "1", "/"):
                        cand = good + pad * (md["max"] + 1 - len(good))
                        if _pattern_ok(shape, cand):
                            v = cand
                            break
                    v = v or good + "a" * (md["max"] + 1 - len(good))
                    add("max", v, string_violations(shape, v))
                if "pattern" in md and _regex(md["pattern"]) is not None:
                    for bad in BAD_STRINGS:
                        if _length_ok(shape, bad) and not _pattern_ok(shape, bad):
                            add("pattern", bad, string_violations(shape, bad))
                            break
                if getattr(shape, "enum", None):
                    v = "NOT_A_VALID_VALUE"
                    add("enum", v, string_violations(shape, v))
            elif t in ("integer", "long"):
                if "min" in md:
                    add("min", md["min"] - 1, [f"Member must have value greater than or equal to {md['min']}"])
                if "max" in md:
                    add("max", md["max"] + 1, [f"Member must have value less than or equal to {md['max']}"])
            elif t == "list":
                item = valid_value(shape.member)
                if md.get("min", 0) >= 1:
                    add("min", [], [f"Member must have length greater than or equal to {md['min']}"], scalar=False)
                if "max" in md and item is not None and md["max"] <= 20000:
                    add("max", [item] * (md["max"] + 1),
                        [f"Member must have length less than or equal to {md['max']}"], scalar=False)
            elif t == "map":
                if md.get("min", 0) >= 1:
                    add("min", {}, [f"Member must have length greater than or equal to {md['min']}"], scalar=False)
                val = valid_value(shape.value)
                if "max" in md and val is not None:
                    v = {f"k{i}": val for i in range(md["max"] + 1)}
                    add("max", v, [f"Member must have length less than or equal to {md['max']}"], scalar=False)
    return cases


CASES = build_cases()
_IMPLEMENTED = {}


def implemented(op_name):
    """False when the server answers the operation with HTTP 501 (probed once with ``{}``)."""
    if op_name not in _IMPLEMENTED:
        status, _, _ = raw_call(op_target(op_name), {})
        _IMPLEMENTED[op_name] = status != 501
    return _IMPLEMENTED[op_name]


@pytest.fixture(scope="module")
def client():
    return make_client(parameter_validation=False)


def _py_name(op_name):
    return botocore.xform_name(op_name)


@pytest.mark.parametrize("op_name,member,request_body,value,fragments,scalar,omitted", CASES)
def test_constraint(client, op_name, member, request_body, value, fragments, scalar, omitted):
    if not implemented(op_name):
        pytest.skip(f"{op_name} answers 501 (not implemented)")
    with pytest.raises(ClientError) as e:
        getattr(client, _py_name(op_name))(**request_body)
    resp = e.value.response
    shown = json.dumps(request_body)[:300]
    assert resp["ResponseMetadata"]["HTTPStatusCode"] == 400, (resp, shown)
    assert resp["Error"]["Code"] == "InvalidParameterException", (resp["Error"], shown)
    message = resp["Error"].get("Message", "")
    if (member in NAME_MEMBERS and not omitted and isinstance(value, str) and len(value) > 512
            and message == NAME_TOO_LONG):
        return
    n = len(fragments)
    assert message.startswith(f"{n} validation error{'s' if n > 1 else ''} detected: "), (message, shown)
    for fragment in fragments:
        if omitted:
            want = f"Value null at '{member}' failed to satisfy constraint: {fragment}"
        elif scalar:
            want = f"Value '{value}' at '{member}' failed to satisfy constraint: {fragment}"
        else:
            want = f"at '{member}' failed to satisfy constraint: {fragment}"
        assert want in message, (message, want)
    if any(f.startswith("Member must satisfy enum value set") for f in fragments):
        listed = message.split("Member must satisfy enum value set: [", 1)[1].split("]", 1)[0]
        assert set(listed.split(", ")) == set(MODEL.operation_model(op_name).input_shape.members[member].enum)


def test_cases_cover_every_operation_with_constraints():
    ops = {p.values[0] for p in CASES}
    assert len(CASES) > 400
    assert {"CreateLogGroup", "PutLogEvents", "GetLogEvents", "FilterLogEvents",
            "DescribeLogStreams", "PutRetentionPolicy"} <= ops
