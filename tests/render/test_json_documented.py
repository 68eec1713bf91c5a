"""Every field of every JSON document dateline writes is named in docs/json-schema.md, and
so is every value of the ``kind`` fields (issue 13, item 4)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.builders import ROOT, SYRIA, run_cli

SCHEMA = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")


def _fields(data: Any, found: dict[str, set[str]]) -> dict[str, set[str]]:
    """Field names, and the values of fields named ``kind`` (or ending in ``_kind``)."""
    if isinstance(data, dict):
        for key, value in data.items():
            found.setdefault(key, set())
            if (key == "kind" or key.endswith("_kind")) and isinstance(value, str):
                found[key].add(value)
            _fields(value, found)
    elif isinstance(data, list):
        for value in data:
            _fields(value, found)
    return found


def _documented(word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", SCHEMA) is not None


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    cwd = tmp_path_factory.mktemp("json")
    out = []
    for command in ("timeline", "articles", "quotes", "actors"):
        result = run_cli(command, str(SYRIA), "--format", "json", cwd=cwd)
        assert result.returncode in (0, 1), result.stderr
        out.append(json.loads(result.stdout))
    assert run_cli("brief", str(SYRIA), "-o", str(cwd / "b"), cwd=cwd).returncode in (0, 1)
    out.append(json.loads((cwd / "b" / "briefing.json").read_text(encoding="utf-8")))
    return out


def test_every_field_written_is_documented(documents: list[dict[str, Any]]) -> None:
    found: dict[str, set[str]] = {}
    for document in documents:
        _fields(document, found)
    assert len(found) > 50  # the documents are not empty
    assert not [k for k in found if not _documented(k)], "fields missing from json-schema.md"
    values = {f"{k}={v}" for k, vs in found.items() for v in vs if not _documented(v)}
    assert not values, f"kind values missing from json-schema.md: {sorted(values)}"


def test_every_schema_name_is_documented(documents: list[dict[str, Any]]) -> None:
    for document in documents:
        assert document["schema"].startswith("dateline.") and _documented(document["schema"])
