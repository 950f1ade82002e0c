"""Short articles written for these tests (not in the seeds, not in any lexicon): the
loaders must find what a reader finds, through the saved queries, as a user would ask."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import load_paths
from newsgraph.savedqueries import run_saved
from newsgraph.store import Store

from .conftest import rows

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("fresh") / "store")
    assert load_paths(store, [ARTICLES]).ok
    return store


def ask(store, name, **params):
    from newsgraph.savedqueries import SavedQueries
    return rows(run_saved(store, SavedQueries(), name, params))


def test_people_new_to_the_registry_are_found(fresh) -> None:
    people = {r["name"] for r in ask(fresh, "people")}
    assert {"Rebecca Moore", "Thomas Grant", "Omar Haddad", "Jensen Huang",
            "杨震原", "李明哲"} <= people
    assert "Eddie Wu" in people  # 吴泳铭, by the registry's English name
    assert "王涛" not in people  # the reporter of the byline is not in the story


def test_moves_between_companies_with_dates(fresh) -> None:
    events = {(r["type"], r.get("name"), r.get("orgName"), r.get("date"))
              for r in ask(fresh, "events")}
    assert ("Joining", "Rebecca Moore", "NVIDIA", "2025-03-03") in events
    assert ("Departure", "Rebecca Moore", "Intel", "2025-01") in events
    assert ("Departure", "Thomas Grant", "NVIDIA", "2025-02") in events
    assert ("Departure", "杨震原", "ByteDance", "2025-03-07") in events
    assert ("Joining", "杨震原", "Alibaba", "2025-03-07") in events
    assert ("Joining", "杨震原", "ByteDance", "2014") in events


def test_roles_and_quotes(fresh) -> None:
    roles = {(r["name"], r["role"], r.get("orgName")) for r in ask(fresh, "roles")}
    assert ("Jensen Huang", "chief executive officer", "NVIDIA") in roles
    assert ("Omar Haddad", "analyst", "Crestline Securities") in roles
    assert ("杨震原", "chief technology officer", "Alibaba") in roles
    assert ("李明哲", "partner", "晨星资本") in roles
    said = {(r["name"], r["quote"][:12]) for r in ask(fresh, "statements")}
    assert ("Jensen Huang", "Rebecca has ") in said
    assert ("Omar Haddad", "This is a su") in said
    assert ("Eddie Wu", "我们非常欢迎震原的加入。") in said  # 吴泳铭


def test_german_and_traditional_chinese(fresh) -> None:
    events = {(r["type"], r.get("name"), r.get("orgName"), r.get("date"))
              for r in ask(fresh, "events")}
    assert ("Departure", "Philipp Herzig", "SAP", "2025-03") in events
    assert ("Joining", "Philipp Herzig", "Helsing", "2025-03-11") in events
    # the name as written; the head of 鴻海研究院 (a unit of Foxconn, named after it) leaves it
    assert ("Departure", "李維斌", "鴻海研究院", "2025-04") in events
    roles = {(r["name"], r["role"], r.get("orgName")) for r in ask(fresh, "roles")}
    assert ("Christian Klein", "chief executive officer", "SAP") in roles
    said = {r["name"] for r in ask(fresh, "statements")}
    assert {"Philipp Herzig"} <= said


def test_precision_on_tricky_phrasing(fresh) -> None:
    """'names new head of policy as Jack Clark shifts focus': Clark is not the one named;
    'left-leaning think tanks' is no departure."""
    events = {(r["type"], r.get("name")) for r in ask(fresh, "events")
              if r.get("articleId") == "e2"}
    assert ("Joining", "Jack Clark") not in events
    assert ("Departure", "Maya Chen") in events
    assert all(t != "Departure" or n == "Maya Chen" for t, n in events)
    roles = {(r["name"], r["role"], r.get("orgName")) for r in ask(fresh, "roles")}
    assert ("Laura Benitez", "partner", "Harrow & Vance") in roles


def test_wechat_debris_and_recommended_links_are_not_news(fresh) -> None:
    events = {(r["type"], r.get("name"), r.get("orgName"), r["articleId"])
              for r in ask(fresh, "events", article="z2")}
    assert ("Departure", "周昕宇", "Moonshot AI", "z2") in events
    assert ("Joining", "周昕宇", "ByteDance", "z2") in events
    assert not any(t == "Funding" for t, *_ in events)  # "往期推荐: 智谱完成新一轮融资"
    said = {(r["name"], r["quote"]) for r in ask(fresh, "statements", article="z2")}
    assert ("Yang Zhilin", "昕宇的离开是正常的人员流动，我们尊重他的选择。") in said  # 杨植麟


def test_organizations_named_by_their_founding_and_dates_told_by_reference(fresh) -> None:
    """'同年创办了晨光智能' names a company nobody registered, everywhere in the article;
    '同年9月', 'the previous year', 'the same month' and a bare '去年' (when the article
    names one month of that year) take their date from the text around them."""
    events = {(r["type"], r.get("name"), r.get("orgName"), r.get("date"))
              for r in ask(fresh, "events") if r["articleId"] in ("z3", "e3")}
    assert ("Founding", "Daniel Reyes", "晨光智能", "2019") in events
    assert ("Funding", None, "晨光智能", "2019-09") in events
    assert ("Dismissal", "Daniel Reyes", "晨光智能", "2024-11") in events
    assert ("Joining", "Peter Olsen", "晨光智能", "2025-01") in events
    assert ("Founding", "Anna Berg", "Fjordline", "2015") in events
    assert ("Founding", "Anna Berg", "Tessaract", "2019") in events
    assert ("Departure", "Anna Berg", "Microsoft", "2019") in events
    roles = {(r["name"], r["role"], r.get("orgName")) for r in ask(fresh, "roles")}
    assert ("Laura Chen", "chief executive officer", "晨光智能") in roles  # 临时联席首席执行官
    assert ("Peter Olsen", "vice president", "Microsoft") in roles  # 微软全球执行副总裁
    assert ("Peter Olsen", "president", "晨光智能") in roles  # 出任集团总裁兼首席财务官
    assert ("Peter Olsen", "chief financial officer", "晨光智能") in roles
    orgs = {r["orgName"] for r in ask(fresh, "roles") if r.get("articleId") == "z3"}
    assert "芯片公司" not in orgs and "出任集团" not in orgs


def test_names_no_list_holds_are_found_by_their_titles(fresh) -> None:
    """'Radosław Wiśniewski as chief technology officer', 'Tendai Moyo, Quillon's chief
    technology officer', 'chief executive Ngozi Adeyemi-Park': given names in no lexicon,
    one in Latin Extended-A letters, named by the role title beside them. 'Harbor
    Dynamics, an investor in the company' is an organization, not a person."""
    people = {r["name"] for r in ask(fresh, "people") if r["articleId"] == "e4"}
    assert people == {"Radosław Wiśniewski", "Tendai Moyo", "Ngozi Adeyemi-Park"}
    roles = {(r["name"], r["role"], r.get("orgName")) for r in ask(fresh, "roles")
             if r["articleId"] == "e4"}
    assert {("Radosław Wiśniewski", "chief technology officer", "Quillon Systems"),
            ("Tendai Moyo", "chief technology officer", "Quillon Systems"),
            ("Ngozi Adeyemi-Park", "chief executive officer", "Quillon Systems")} <= roles
    said = {r["name"] for r in ask(fresh, "statements") if r["articleId"] == "e4"}
    assert said == {"Ngozi Adeyemi-Park"}


def test_successions_and_departures_told_in_other_words(fresh) -> None:
    """e5: 'has appointed X as chief scientist', 'She succeeds Y, Brightwater's chief
    scientist since 2019, who is leaving to start a company of his own' (the successor's
    change of role; Y's departure dated by the lede, not by 'since 2019'; no company
    founded), 'A and B … also announced their departures', 'the departure of C', 'Samsung
    said that its chief operating officer D', 'E, Brightwater's vice president, is joining
    Carvalho' (no joining of Brightwater)."""
    events = {(r["type"], r["name"], r.get("orgName"), r.get("date"))
              for r in ask(fresh, "events") if r["articleId"] == "e5"}
    assert events == {("RoleChange", "Inês Carvalho", "Brightwater Robotics", "2025-06-09"),
                      ("Departure", "Piotr Nowak", "Brightwater Robotics", "2025-06-09"),
                      ("Departure", "Daniel Okoye", "Brightwater Robotics", "2025-06-10"),
                      ("Departure", "Hanna Lindqvist", "Brightwater Robotics", "2025-06-10"),
                      ("Departure", "Kwame Mensah", "Samsung", "2025-06-09"),
                      ("Departure", "Lena Vogt", "Samsung", "2025-06-09")}
    roles = {(r["name"], r["role"], r.get("orgName")) for r in ask(fresh, "roles")
             if r["articleId"] == "e5"}
    assert ("Kwame Mensah", "chief operating officer", "Samsung") in roles
    assert ("Inês Carvalho", "chief scientist", "Brightwater Robotics") in roles
    assert not {r for r in roles if r[1] == "founder"}
