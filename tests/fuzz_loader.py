"""A coverage-guided fuzz of the loader entry point (atheris/libFuzzer), seeded with the
articles in seeds/ and tests/articles/. Each input is written as an article file and
processed: it must give facts or a NewsgraphError that names the file; any other
exception is a crash and libFuzzer saves the input (crash-*) to reproduce it.

    python tests/fuzz_loader.py CORPUS_DIR -max_total_time=60

`make stress` runs it for 60 s (tests/test_stress.py).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["loaders"]):
    from loaders.manifest import Source
    from loaders.pipeline import process
from newsgraph.errors import NewsgraphError
from newsgraph.store import Store, article_graph

FOLDER = Path(tempfile.mkdtemp(prefix="newsgraph-fuzz-"))
ARTICLE = FOLDER / "fuzzed.txt"
STORE = Store(None)
PUBLISHED = ("2024-05-18", "2019", "2023-11", None)


def one_input(data: bytes) -> None:
    ARTICLE.write_bytes(data)
    source = Source(id="fuzzed", path=ARTICLE, published=PUBLISHED[len(data) % 4])
    try:
        result = process(source)
    except NewsgraphError as exc:
        if str(ARTICLE) not in exc.message:
            raise AssertionError(f"an error that does not name the file: {exc.message}") from exc
        return
    STORE.replace_graph(article_graph(source.id), result.quads)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
