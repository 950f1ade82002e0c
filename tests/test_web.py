"""The web page in a real browser: headless Debian Chromium driven by Playwright, against the
app served by uvicorn on 127.0.0.1 over the seeded store. Screenshots are not kept."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

from newsgraph.http import create_app
from newsgraph.workers import Limits

from .conftest import serving

CHROMIUM = os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def base_url(seeded_dir, tmp_path_factory) -> Iterator[str]:
    from newsgraph.store import Store

    copy = tmp_path_factory.mktemp("web") / "store"
    shutil.copytree(seeded_dir, copy)
    store = Store(copy)
    with serving(create_app(store, limits=Limits(workers=2))) as port:
        yield f"http://127.0.0.1:{port}"
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's chromium (apt install "
                    "chromium) or set NEWSGRAPH_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM,
                                                        args=FLAGS, headless=True)
        yield context
        context.close()


@pytest.fixture()
def page(browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    page.close()
    assert not errors, errors


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=15000)
    assert not page.locator(".error").count(), page.locator(".error").all_inner_texts()


def test_a_newcomer_finds_jan_leike_and_sees_his_timeline_and_quotes(page, base_url) -> None:
    open_page(page, base_url + "/")
    page.fill("#find", "Leike")
    page.click("#people >> text=Jan Leike")
    page.wait_for_url("**/people/jan-leike")
    page.wait_for_selector("body[data-ready=true]")
    departure = page.locator("svg.timeline g.event[data-type=Departure]")
    assert departure.count() >= 1
    assert "Anthropic" in [departure.nth(i).get_attribute("data-destination")
                           for i in range(departure.count())]
    joining = page.locator("svg.timeline g.event[data-type=Joining][data-org=Anthropic]")
    assert joining.count() == 1
    assert joining.locator("circle").bounding_box()["width"] > 0  # drawn, not just listed
    quotes = page.locator("#quotes blockquote")
    assert quotes.count() >= 2
    assert quotes.first.locator("a").get_attribute("href").startswith("/articles/")
    names = page.locator("table").first.inner_text()
    assert "簡·萊克" in names and "简·莱克" in names  # every script


def test_a_saved_query_form_returns_rows_with_download_links(page, base_url) -> None:
    open_page(page, base_url + "/")
    form = page.locator("form[data-query=said]")
    form.locator("input[name=person]").fill("Jan Leike")
    form.locator("button").click()
    form.locator("table.results tbody tr").first.wait_for()
    assert form.locator("table.results tbody tr").count() >= 2
    csv = form.locator("a", has_text="CSV").get_attribute("href")
    assert csv.startswith("/queries/said?") and "format=csv" in csv
    form.locator("th", has_text="publisher").click()  # sortable
    assert form.locator("th.sorted-asc").count() == 1


def test_an_article_page_highlights_a_quote_at_its_span(page, base_url) -> None:
    open_page(page, base_url + "/articles/001_3247dade6bf5a2bf")
    quote = page.locator(".article-text mark[data-kinds~=Statement]").first
    assert "加入" in quote.inner_text()
    assert "(" not in page.locator(".article-text").inner_text()[:200]  # pinyin debris gone


def test_the_organization_chart_and_the_graph_view_draw(page, base_url) -> None:
    open_page(page, base_url + "/orgs/openai")
    months = page.locator("svg.chart g.month")
    assert months.count() >= 2
    assert sum(int(months.nth(i).get_attribute("data-departures"))
               for i in range(months.count())) >= 1
    open_page(page, base_url + "/graph?iri=https://w3id.org/newsgraph/id/person/jan-leike")
    assert page.locator("svg.graph g.node[data-kind=Organization]").count() >= 2
    assert page.locator("svg.graph g.node[data-kind=Departure]").count() >= 1


def test_the_sparql_editor_runs_a_query(page, base_url) -> None:
    open_page(page, base_url + "/editor")
    page.fill("#sparql", "SELECT ?name WHERE { GRAPH ?g { ?p a ng:Person ; ng:name ?name } } "
                         "ORDER BY ?name LIMIT 5")
    page.click("#run")
    page.locator("table.results tbody tr").first.wait_for()
    assert page.locator("table.results tbody tr").count() == 5
