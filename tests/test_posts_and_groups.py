"""Who takes which post at which company: one named who works there already, a post named
after "as", the group a subsidiary belongs to, successions told in a clause of their own;
and the names, dates and marks of the past the rules need for them."""
from __future__ import annotations

from tests.test_extraction import events, extract, named, role_changes, roles, statements


def test_one_named_to_a_post_at_the_company_already_there(tmp_path) -> None:
    """'names CEO X as chairman': a RoleChange, no Joining; 'will return to the role of lead
    independent director': no Return; 'in February 2014, when Y succeeded Z as chairman': the
    succession is dated then, and takes the chair, not the CEO post of the clause before."""
    r = extract(tmp_path, "Quillon Labs names CEO Peter Halm as chairman\n\nQuillon Labs said "
                "on Wednesday that its board had elected chief executive Peter Halm as chairman, "
                "replacing Tom Reyes, who will return to the role of lead independent director."
                "\n\nHalm took over as CEO from Jan Roth in February 2014, when Reyes succeeded "
                "co-founder Lena Ortiz as chairman.", "2021-06-16", "en")
    assert {("RoleChange", "Peter Halm", "Quillon Labs", "2021-06-16"),
            ("RoleChange", "Tom Reyes", "Quillon Labs", "2014-02")} <= events(r)
    assert not {e for e in events(r) if e[0] in ("Joining", "Return")}
    assert ("Tom Reyes", "board-chair") in role_changes(r)
    assert ("Tom Reyes", "ceo") not in role_changes(r)


def test_the_post_after_as_and_the_news_day_said_without_on(tmp_path) -> None:
    """'X names Y's Z as W CEO': Z joins W, not Y; 'X, who helped found Y in 1998, is
    stepping down as chief executive of Z, the company announced Thursday': the Thursday,
    not 1998 (the date of the founding "helped found" tells in the relative clause; and
    "announced Thursday", a weekday with no preposition after a verb of saying, is a day)."""
    r = extract(tmp_path, "Peter Halm names Brightwater Robotics' Lena Ortiz as Quillon Labs "
                "CEO\n\nTom Reyes, who helped found Nova Dynamics in 1998, is stepping down as "
                "chief executive of Quillon Labs, the company announced Thursday.",
                "2024-02-08", "en")
    assert {("Joining", "Lena Ortiz", "Quillon Labs", "2024-02-08"),
            ("Departure", "Tom Reyes", "Quillon Labs", "2024-02-08"),
            ("Founding", "Tom Reyes", "Nova Dynamics", "1998")} <= events(r)
    assert not {e for e in events(r) if e[2] == "Brightwater Robotics"}


def test_the_group_of_a_subsidiary_and_who_replaced_whom(tmp_path) -> None:
    """A report on a subsidiary ('Siemens-Softwaretochter Quillon'): 'Konzernchef X' leads the
    group, 'Quillon-Chef Y' the subsidiary only; 'X hatte Z als Vorstandsvorsitzender
    abgelöst': X took the post (the first name of a German clause the verb ends), at the
    group X leads; 'Der bisherige Finanzvorstand W bleibt im Amt': W's post is held still."""
    r = extract(tmp_path, "Siemens-Softwaretochter Quillon: Chef Jan Roth muss gehen\n\nDer "
                "Siemens-Konzern baut die Führung seiner Softwaretochter Quillon um. Quillon-Chef "
                "Jan Roth verlässt das Unternehmen, wie Siemens am Montag mitteilte.\n\n\"Wir "
                "müssen Quillon neu aufstellen\", sagte Konzernchef Peter Halm. Halm hatte im "
                "vergangenen September Tom Ashby als Vorstandsvorsitzender abgelöst. Der "
                "bisherige Finanzvorstand Martin Vogel bleibt im Amt.", "2023-05-08", "de")
    assert {("Peter Halm", "ceo", "Siemens", False),
            ("Martin Vogel", "cfo", "Quillon", False)} <= roles(r)
    assert {org for person, _, org, _ in roles(r) if person == "Jan Roth"} == {"Quillon"}
    assert ("RoleChange", "Peter Halm", "Siemens", "2022-09") in events(r)
    assert not {e for e in events(r) if e[0] == "RoleChange" and e[1] == "Tom Ashby"}


def test_japanese_names_founders_and_posts_held_long_ago_in_chinese(tmp_path) -> None:
    """'执行长中村健一': a Japanese family name of two characters opens a name; '曾长期担任
    集团首席财务官': an adverb of time between 曾 and the verb, held before; '继星海科技联合
    创始人李大为创办晨光智能后': 后 ends no name, and 联合 is of the title, so 李大为 founded
    晨光智能 alone."""
    r = extract(tmp_path, "华岳科技宣布管理层调整\n\n星海科技执行长中村健一在记者会上表示：「我们非常"
                "失望。」华岳科技执行副主席王立明1999年加入华岳科技，曾长期担任集团首席财务官。"
                "\n\n业内人士指出，继星海科技联合创始人李大为创办晨光智能后，又一位老将投身创业。",
                "2023-06-20", "zh-Hans")
    assert "中村健一" in named(r, "Person")
    assert ("中村健一", "ceo", "星海科技", False) in roles(r)
    assert any(s[0] == "中村健一" for s in statements(r))
    assert {("王立明", "cfo", "华岳科技", True),
            ("李大为", "founder", "晨光智能", False)} <= roles(r)
    assert ("Founding", "李大为", "晨光智能", None) in events(r)
