#!/usr/bin/env python3
"""Extracts the CloudWatch Logs API's validation constraints from botocore's service model.

The AWS SDK for Java's classes carry each member's name and type but not its constraints (lengths,
patterns, enums, ranges, required members). This script keeps only those facts, with no documentation
text, in cwlogs-core/src/main/resources/io/cwlogs/core/logs-constraints.json, which the service's
RequestValidator reads. Rerun it when botocore's model changes:

    python3 scripts/gen_constraints.py
"""
import json
import pathlib

import botocore.session

KEEP = ("type", "min", "max", "pattern", "enum", "required", "sensitive")


def main():
    model = botocore.session.get_session().get_service_model("logs")
    raw = model._service_description
    shapes = {}
    for name, shape in raw["shapes"].items():
        kept = {k: shape[k] for k in KEEP if k in shape}
        if shape["type"] == "structure":
            kept["members"] = {m: spec["shape"] for m, spec in shape.get("members", {}).items()}
        elif shape["type"] == "list":
            kept["member"] = shape["member"]["shape"]
        elif shape["type"] == "map":
            kept["key"] = shape["key"]["shape"]
            kept["value"] = shape["value"]["shape"]
        shapes[name] = kept
    operations = {}
    for op in model.operation_names:
        spec = raw["operations"][op]
        operations[op] = {
            "input": spec.get("input", {}).get("shape"),
            "output": spec.get("output", {}).get("shape"),
        }
    out = {
        "apiVersion": raw["metadata"]["apiVersion"],
        "source": "botocore " + botocore.__version__,
        "operations": operations,
        "shapes": shapes,
    }
    path = pathlib.Path(__file__).resolve().parent.parent / (
        "cwlogs-core/src/main/resources/io/cwlogs/core/logs-constraints.json")
    path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(operations)} operations, {len(shapes)} shapes)")


if __name__ == "__main__":
    main()
