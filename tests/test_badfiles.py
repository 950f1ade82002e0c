"""The bad-file catalogue: each file scraped from the web as it comes, the message it gets,
and the store before and after compared -- nothing already stored is lost or half-written."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from loaders.decode import MAX_BYTES
from newsgraph.export import export
from newsgraph.ingest import load_paths
from newsgraph.store import Store

from .test_store import nquads

ZH = "OpenAI 首席科学家 Ilya Sutskever 宣布离职。他表示：「我相信 OpenAI 会成功。」"
HANT = "OpenAI 首席科學家 Ilya Sutskever 宣布離職。"
EN = "OpenAI hired Jane Roe as chief scientist on Monday, the company said."

# a "billion laughs" page: 10^9 "lol"s if any parser expanded its entities
BOMB = ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n"
        + "".join(f" <!ENTITY lol{i} \"{f'&lol{i - 1};' * 10}\">\n" for i in range(1, 10))
        + f"]>\n<html><body><p>{EN} She said: &#8220;&lol9;&#8221;</p></body></html>"
        ).encode()

# (file name, bytes, None when it loads, else the words its error must hold)
CATALOGUE = [
    ("gbk.txt", ZH.encode("gbk"), None),
    ("big5.txt", HANT.encode("big5"), None),
    ("utf16.txt", EN.encode("utf-16"), None),
    ("utf8-bom.txt", b"\xef\xbb\xbf" + ZH.encode(), None),
    ("page.txt", f"<html><head><title>t</title></head><body><nav>Home | About</nav>"
                 f"<article><p>{EN}</p></article></body></html>".encode(), None),
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b" \n\t\n", "the file is empty"),
    ("binary.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8, "a binary file"),
    ("huge.txt", b"a" * (MAX_BYTES + 1), "over the"),
    ("debris.txt", "扫码关注公众号\n阅读原文\n".encode(), "no"),
    ("bomb.html", BOMB, None),  # read as text: its entities are never expanded
]


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    entries = [{"id": Path(name).stem, "file": name, "published": "2024-05-18"}
               for name, _, _ in CATALOGUE]
    for name, data, _ in CATALOGUE:
        (folder / name).write_bytes(data)
    outside = tmp_path / "secret.txt"
    outside.write_text(EN)
    os.symlink(outside, folder / "link.txt")  # a link pointing out of the folder
    entries.append({"id": "link", "file": "link.txt"})
    (folder / "manifest.json").write_text(json.dumps(entries))
    return folder


def test_each_bad_file_is_named_with_its_fault_and_the_rest_is_loaded(batch, seeded) -> None:
    before = nquads(seeded)
    report = load_paths(seeded, [batch])
    failed = {name: str(exc) for name, exc in report.failed}
    for name, _, fault in CATALOGUE:
        stem = Path(name).stem
        if fault is None:
            assert stem not in failed, failed.get(stem)
        else:
            assert fault in failed[stem] and name in failed[stem], failed.get(stem)
    assert any("outside" in msg for msg in failed.values())  # the link, refused by name
    after = nquads(seeded)
    assert set(before) <= set(after) or _only_inferred_changed(before, after)


def _only_inferred_changed(before: list[str], after: list[str]) -> bool:
    lost = set(before) - set(after)
    return all("/inferred" in line for line in lost)


def test_decoded_text_is_what_evidence_counts_in(batch, tmp_path) -> None:
    """GBK and Big5 come out as the characters written, and every oa:exact is the
    substring of ng:sourceText at its span."""
    store = Store(tmp_path / "store")
    assert not [n for n, _ in load_paths(store, [batch]).failed
                if n in ("gbk", "big5", "utf16", "utf8-bom")]
    texts = {r[0].value.rsplit("/", 1)[-1]: r[1].value for r in store.query(
        "SELECT ?a ?t WHERE { GRAPH ?g { ?a <https://w3id.org/newsgraph/ns#sourceText> ?t } }")}
    assert "首席科学家" in texts["gbk"] and "首席科學家" in texts["big5"]
    assert texts["utf8-bom"].startswith("OpenAI")
    spans = store.query("""
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX ng: <https://w3id.org/newsgraph/ns#>
        SELECT ?t ?s ?e ?x WHERE { GRAPH ?g { ?a ng:sourceText ?t .
          ?ev oa:hasSource ?a ; oa:hasSelector ?p, ?q .
          ?p oa:start ?s ; oa:end ?e . ?q oa:exact ?x } }""")
    checked = 0
    for t, s, e, x in spans:
        assert t.value[int(s.value):int(e.value)] == x.value
        checked += 1
    assert checked > 0
    store.close()


def test_an_emptied_file_never_replaces_a_stored_article(seeded, tmp_path) -> None:
    """The article stays whole when its file comes back empty, blank or debris."""
    before = nquads(seeded)
    folder = tmp_path / "again"
    folder.mkdir()
    seeds = json.loads((Path(__file__).parent.parent / "seeds" / "manifest.json").read_text())
    ids = [e["id"] for e in (seeds if isinstance(seeds, list) else seeds["articles"])][:3]
    for article_id, data in zip(ids, (b"", b"  \n", "阅读原文\n".encode()), strict=True):
        (folder / f"{article_id}.txt").write_bytes(data)
    report = load_paths(seeded, [folder])
    assert {n for n, _ in report.failed} == set(ids)
    assert nquads(seeded) == before


def test_an_entity_bomb_in_a_page_is_text_never_expanded(tmp_path: Path) -> None:
    (tmp_path / "bomb.html").write_bytes(BOMB)
    store = Store(None)
    report = load_paths(store, [tmp_path / "bomb.html"])
    assert report.ok, report.failed
    assert b"lollol" not in export(store, "nquads")
