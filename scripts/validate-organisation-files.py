#!/usr/bin/env python3
"""Validates organisation files against schema/organisation-file.schema.json (a CI check).
The schema is split the way the file is: one schema per module's section in schema/sections/,
shared definitions in schema/common.schema.json, combined by the top-level schema."""
import json, sys
from pathlib import Path
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

root = Path(__file__).resolve().parent.parent / "schema"
schemas = [json.loads(path.read_text()) for path in sorted(root.rglob("*.schema.json"))]
for schema in schemas:
    Draft202012Validator.check_schema(schema)
registry = Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in schemas)
top = json.loads((root / "organisation-file.schema.json").read_text())
validator = Draft202012Validator(top, registry=registry)
failed = False
for name in sys.argv[1:]:
    errors = sorted(validator.iter_errors(json.loads(Path(name).read_text())), key=lambda e: list(e.path))
    for error in errors[:10]:
        print(f"{name}: {'/'.join(map(str, error.path)) or '(root)'}: {error.message}")
    failed = failed or bool(errors)
    print(f"{name}: {'INVALID' if errors else 'valid'}")
sys.exit(1 if failed else 0)
