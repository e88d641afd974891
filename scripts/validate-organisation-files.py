#!/usr/bin/env python3
"""Validates organisation files against schema/organisation-file.schema.json (a CI check)."""
import json, sys
from pathlib import Path
from jsonschema import Draft202012Validator

schema = json.loads((Path(__file__).resolve().parent.parent / "schema/organisation-file.schema.json").read_text())
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
failed = False
for name in sys.argv[1:]:
    errors = sorted(validator.iter_errors(json.loads(Path(name).read_text())), key=lambda e: list(e.path))
    for error in errors[:10]:
        print(f"{name}: {'/'.join(map(str, error.path)) or '(root)'}: {error.message}")
    failed = failed or bool(errors)
    print(f"{name}: {'INVALID' if errors else 'valid'}")
sys.exit(1 if failed else 0)
