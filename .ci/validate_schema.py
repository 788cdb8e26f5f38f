"""Validates SDL files with graphql-core, independently of the project's own checks.

Usage: python3 .ci/validate_schema.py schema/kraken-jp.graphql [...]
(with graphql-core from .ci/requirements.txt installed; `.ci/run` does both). Prints
every error the GraphQL specification's schema validation finds and exits 1 if there
is one.
"""

import sys

from graphql import build_schema, validate_schema


def main(paths):
    failed = False
    for path in paths:
        with open(path, encoding="utf-8") as file:
            schema = build_schema(file.read())
        errors = validate_schema(schema)
        for error in errors:
            print(f"{path}: {error.message}", file=sys.stderr)
        failed = failed or bool(errors)
        types = [name for name in schema.type_map if not name.startswith("__")]
        print(f"{path}: {len(types)} types, {len(errors)} spec validation errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
