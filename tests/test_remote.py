"""A real Oxigraph server as the store: the seeds loaded through newsgraph answer every saved
query with the embedded store's rows; reloads are idempotent; a server that is down, fails
or wants credentials gives a clear error and nothing half-written."""
from __future__ import annotations

import base64
import http.server
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from newsgraph.errors import QueryError, StoreError
from newsgraph.export import export
from newsgraph.http import create_app
from newsgraph.ingest import load_paths
from newsgraph.remote import Endpoint, RemoteStore
from newsgraph.savedqueries import run_saved
from newsgraph.store import Store, article_graph

from .conftest import SEEDS, free_port

pytestmark = pytest.mark.slow


def ng(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], capture_output=True,
                          text=True, timeout=300)


def said(done: subprocess.CompletedProcess) -> str:
    """What the command wrote to stderr, with Rich's line wrapping undone."""
    return " ".join(done.stderr.split())


def answer(store, queries, name: str, params: dict[str, str]) -> list:
    """A saved query's answer as a sorted list of rows (or of triples), terms as N-Triples."""
    result = run_saved(store, queries, name, params)
    if isinstance(result, ox.QuerySolutions):
        names = result.variables
        return sorted(tuple(str(s[v]) for v in names) for s in result)
    return sorted(str(t) for t in result)


def cases(queries) -> Iterator[tuple[str, dict[str, str]]]:
    """Every saved query with its defaults, and with its examples."""
    for q in queries:
        examples = {p.name: p.example for p in q.parameters if p.example}
        if not any(p.required and p.default is None for p in q.parameters):
            yield q.name, {}
        if examples:
            yield q.name, examples


@pytest.fixture()
def embedded(seeded_dir: Path) -> Store:
    return Store.open_read_only(seeded_dir)


def test_every_saved_query_answers_as_the_embedded_store(remote_seeded, embedded, queries):
    remote = RemoteStore(Endpoint.of(remote_seeded))
    checked = 0
    for name, params in cases(queries):
        expected = answer(embedded, queries, name, params)
        assert answer(remote, queries, name, params) == expected, (name, params)
        checked += bool(expected)
    assert checked >= len(queries.names())  # the comparisons were not all empty


def test_the_server_holds_the_embedded_dataset_byte_for_byte(remote_seeded, embedded):
    """Canonical N-Quads of every data graph: the same bytes from the server."""
    remote = RemoteStore(Endpoint.of(remote_seeded))
    assert export(remote, "nquads") == export(embedded, "nquads")


def test_a_reload_is_idempotent_there_too(oxigraph, embedded):
    remote = RemoteStore(Endpoint.of(oxigraph), schema=True)
    load_paths(remote, [SEEDS])
    first, count = export(remote, "nquads"), len(remote)
    load_paths(remote, [SEEDS])
    assert export(remote, "nquads") == first == export(embedded, "nquads")
    assert len(remote) == count


def test_graph_store_protocol_writes_the_same_graphs(oxigraph, embedded):
    done = ng("--store", oxigraph, "--remote-write", "gsp", "load", str(SEEDS))
    assert done.returncode == 0, done.stderr
    assert export(RemoteStore(Endpoint.of(oxigraph)), "nquads") == export(embedded, "nquads")


def test_values_reach_the_server_as_terms(remote_seeded, queries):
    """Hostile text in a string parameter matches nothing and changes nothing."""
    remote = RemoteStore(Endpoint.of(remote_seeded))
    before = len(remote)
    for value in ['x" } ; DROP ALL ; #', "x\\u0022 } DROP ALL", "a'''b", "}\n}\nDROP ALL",
                  "<urn:x>", "x\" . ?s ?p ?o"]:
        assert answer(remote, queries, "statements", {"article": value}) == []
    assert len(remote) == before


def test_an_update_sent_as_a_query_is_refused(remote_seeded):
    remote = RemoteStore(Endpoint.of(remote_seeded))
    before = len(remote)
    with pytest.raises(QueryError):
        remote.query("DROP ALL")
    assert len(remote) == before


def test_serve_is_a_front_end_for_the_server(remote_seeded, seeded_dir):
    remote_app = create_app(RemoteStore(Endpoint.of(remote_seeded)))
    local_app = create_app(Store.open_read_only(seeded_dir))
    try:
        with TestClient(remote_app) as there, TestClient(local_app) as here:
            for path in ("/queries/people?format=csv", "/queries/timeline?person=Jan%20Leike&format=csv",
                         "/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%20%3Fs%20a"
                         "%20ng%3APerson%20%7D&format=csv"):
                a, b = there.get(path), here.get(path)
                assert a.status_code == b.status_code == 200, (path, a.text)
                assert sorted(a.text.splitlines()) == sorted(b.text.splitlines()), path
            assert there.get("/health").json()["articles"] == 5
            for page in ("/people/jan-leike", "/orgs/openai", "/.well-known/void"):
                assert there.get(page).status_code == 200, page
    finally:
        local_app.state.runner.close()


# ---------------------------------------------------------------- failures
def test_a_server_that_is_down_gives_a_clear_error(seeded_dir):
    """...and the embedded store beside it is untouched."""
    before = export(Store.open_read_only(seeded_dir), "nquads")
    url = f"http://127.0.0.1:{free_port()}"
    for args in (["load", str(SEEDS)], ["query", "people"], ["export", "-f", "nquads"]):
        done = ng("--store", url, *args)
        assert done.returncode == 2, args
        assert f"cannot reach the store at {url}" in said(done), done.stderr
        assert "Traceback" not in done.stderr
    assert export(Store.open_read_only(seeded_dir), "nquads") == before


class _Proxy(http.server.BaseHTTPRequestHandler):
    """In front of a real Oxigraph server: forwards requests, but wants credentials, or
    answers 503 to every update after the first `updates_allowed`."""

    target = ""
    auth: str | None = None
    updates_allowed = 10**9
    updates = 0

    def log_message(self, *args) -> None:
        return None

    def _forward(self) -> None:
        cls = type(self)
        if cls.auth and self.headers.get("Authorization") != f"Basic {cls.auth}":
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="x"')
            self.end_headers()
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith(("/update", "/store")):
            cls.updates += 1
            if cls.updates > cls.updates_allowed:
                self.send_response(503)
                self.end_headers()
                self.wfile.write(b"overloaded, try later\n")
                return
        request = urllib.request.Request(cls.target + self.path, data=body or None,
                                         method=self.command, headers={
                                             k: v for k, v in self.headers.items()
                                             if k.lower() in ("content-type", "accept")})
        try:
            with urllib.request.urlopen(request) as response:
                status, headers, data = response.status, response.headers, response.read()
        except urllib.error.HTTPError as exc:
            status, headers, data = exc.code, exc.headers, exc.read()
        self.send_response(status)
        self.send_header("Content-Type", headers.get("Content-Type", "text/plain"))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = _forward


@contextmanager
def proxy(target: str, **settings) -> Iterator[str]:
    handler = type("Proxy", (_Proxy,), {"target": target, **settings})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def test_a_failing_server_leaves_every_article_whole(oxigraph, embedded):
    """The server starts answering 503 in the middle of a load: the load stops with the
    server's answer; each graph there is absent or whole; the next load completes it."""
    with proxy(oxigraph, updates_allowed=6) as url:
        done = ng("--store", url, "load", str(SEEDS))
    assert done.returncode == 2
    assert "failed (HTTP 503): overloaded, try later" in said(done), done.stderr
    remote = RemoteStore(Endpoint.of(oxigraph))
    stored = remote.article_graphs()
    assert 0 < len(stored) < 5
    for graph in stored:
        assert set(remote.quads(graph)) == set(embedded.quads(graph)), graph
    assert ng("--store", oxigraph, "load", str(SEEDS)).returncode == 0
    assert export(remote, "nquads") == export(embedded, "nquads")


def test_credentials_come_from_the_environment(oxigraph, monkeypatch):
    secret = base64.b64encode(b"analyst:s3cret").decode()
    with proxy(oxigraph, auth=secret) as url:
        refused = ng("--store", url, "query", "people")
        assert refused.returncode == 2
        assert "NEWSGRAPH_STORE_USER" in said(refused)
        monkeypatch.setenv("NEWSGRAPH_STORE_USER", "analyst")
        monkeypatch.setenv("NEWSGRAPH_STORE_PASSWORD", "s3cret")
        done = ng("--store", url, "load", str(SEEDS / "001_3247dade6bf5a2bf.txt"))
        assert done.returncode == 0, done.stderr
        assert RemoteStore(Endpoint.of(url)).article_graphs() == [
            article_graph("001_3247dade6bf5a2bf")]


def test_unknown_engine_is_named():
    done = ng("--store", "http://127.0.0.1:1", "--engine", "nosuch", "query", "people")
    assert done.returncode == 2
    assert "--engine: unknown engine 'nosuch'" in said(done)
    assert "oxigraph" in said(done)


def test_store_error_from_a_read_names_the_url():
    remote = RemoteStore(Endpoint.of(f"http://127.0.0.1:{free_port()}"))
    with pytest.raises(StoreError, match="cannot reach the store"):
        remote.version()


def test_one_update_request_is_one_transaction_on_oxigraph(oxigraph):
    """What the per-article replace relies on: a request that fails at its last operation
    leaves the graph as it was (no drop without the insert)."""
    remote = RemoteStore(Endpoint.of(oxigraph))
    graph = article_graph("x")
    remote.update(f'INSERT DATA {{ GRAPH {graph} {{ <urn:a> <urn:b> "old" }} }}')
    with pytest.raises((QueryError, StoreError)):
        remote.update(f'DROP SILENT GRAPH {graph} ; INSERT DATA {{ GRAPH {graph} {{ <urn:a> '
                      f'<urn:b> "new" }} }} ; LOAD <http://127.0.0.1:1/x.ttl> INTO GRAPH <urn:h>')
    assert [q.object.value for q in remote.quads(graph)] == ["old"]


def test_a_store_that_fails_in_a_load_stops_it_and_keeps_the_batches_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The server going down after the first batch is in stops the load with the
    StoreError of the next write, and the first batch stays whole."""
    import newsgraph.ingest
    from benchmarks.servers import launched, oxigraph_binary
    monkeypatch.setattr(newsgraph.ingest, "BATCH_QUADS", 1)  # a batch per article
    port = free_port()
    argv = [oxigraph_binary(), "serve", "--location", str(tmp_path / "ox"),
            "--bind", f"127.0.0.1:{port}"]
    with launched(argv, port, "oxigraph serve") as server:
        remote = RemoteStore(Endpoint.of(f"http://127.0.0.1:{port}"), schema=True)
        first = article_graph(sorted(p.stem for p in SEEDS.glob("*.txt"))[0])

        def stop_after_the_first(source, total) -> None:  # noqa: ANN001 - progress's
            if source is not None and server.poll() is None and remote.quads(first):
                server.terminate()
                server.wait(timeout=10)
        with pytest.raises(StoreError):
            load_paths(remote, [SEEDS], progress=stop_after_the_first, jobs=1)
    with launched(argv, port, "oxigraph serve"):
        stored = set(RemoteStore(Endpoint.of(f"http://127.0.0.1:{port}")).quads(first))
    local = Store(None)
    load_paths(local, [SEEDS])
    assert stored and stored == set(local.quads(first))
