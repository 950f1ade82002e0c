"""Manifests and plain folders: what is read, and bad input named by file and entry."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.manifest import read_sources
from newsgraph.errors import ManifestError

from .conftest import SEEDS


def write(folder: Path, entries) -> Path:
    (folder / "a.txt").write_text("OpenAI 首席科学家 Ilya Sutskever 宣布离职。", encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps(entries), encoding="utf-8")
    return folder


def test_the_seed_manifest_reads_every_article() -> None:
    sources, errors = read_sources([SEEDS])
    assert not errors
    assert [s.id for s in sources][:2] == ["000_bd36855ec95a093e", "001_3247dade6bf5a2bf"]
    assert sources[4].language == "de" and sources[4].published == "2024-08-06"


def test_a_folder_without_manifest_uses_file_names(tmp_path: Path) -> None:
    (tmp_path / "x1.txt").write_text("text", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\0")
    sources, errors = read_sources([tmp_path])
    assert [s.id for s in sources] == ["x1"] and not errors
    assert sources[0].published is None


@pytest.mark.parametrize("entry, message", [
    ({"file": "a.txt"}, "'id' is missing"),
    ({"id": "a"}, "'file' is missing"),
    ({"id": "a", "file": "../../etc/passwd"}, "outside the manifest's folder"),
    ({"id": "a", "file": "/etc/passwd"}, "outside the manifest's folder"),
    ({"id": "a", "file": "missing.txt"}, "does not exist"),
    ({"id": "a", "file": "a.txt", "published": "May 2024"}, "not YYYY"),
    ({"id": "a", "file": "a.txt", "published": "2024-02-31"}, "not YYYY"),  # found by
    ({"id": "a", "file": "a.txt\u0000"}, "not a usable path"),  # test_properties
    ({"id": "a b", "file": "a.txt"}, "spaces or slashes"),
])
def test_bad_entries_are_named_and_skipped(tmp_path: Path, entry, message) -> None:
    good = {"id": "good", "file": "a.txt", "published": "2024-05"}
    sources, errors = read_sources([write(tmp_path, [entry, good])])
    assert [s.id for s in sources] == ["good"]
    assert len(errors) == 1 and message in str(errors[0]) and "entry 0" in str(errors[0])


def test_repeated_ids_are_refused(tmp_path: Path) -> None:
    entries = [{"id": "a", "file": "a.txt"}, {"id": "a", "file": "a.txt"}]
    sources, errors = read_sources([write(tmp_path, entries)])
    assert len(sources) == 1 and "already used" in str(errors[0])


def test_a_manifest_that_is_not_json_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text('[{"id": "a",\n "file": }]', encoding="utf-8")
    with pytest.raises(ManifestError, match=r"manifest.json:2:\d+: not valid JSON"):
        read_sources([tmp_path])


def test_extra_keys_are_ignored_and_subfolders_allowed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("text", encoding="utf-8")
    entries = [{"id": "b", "file": "sub/b.txt", "whatever": 1, "published": None}]
    (tmp_path / "manifest.json").write_text(json.dumps(entries), encoding="utf-8")
    sources, errors = read_sources([tmp_path])
    assert not errors and sources[0].path.name == "b.txt"
