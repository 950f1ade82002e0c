"""Wordings found in fresh news articles (written for these tests, with made-up people and
companies): each case checks what the loaders find, and what they must not find, in a
sentence or two shaped like the one that taught the rule."""
from __future__ import annotations

import pytest

from loaders.clean import clean
from loaders.rdf import NG, RDF_TYPE
from loaders.sentences import sentences
from tests.test_extraction import (
    events,
    extract,
    named,
    role_changes,
    roles,
    statements,
    surfaces,
)


def test_a_chinese_name_after_its_title_before_an_adverb_of_time(tmp_path) -> None:
    """'首席执行官吴泽明曾表示', '董事长程立上月表示': the name ends where 曾 / 上月 starts;
    '公司今年资本支出' holds no organization '公司今年资本'."""
    r = extract(tmp_path, "此前，华岳科技首席执行官吴泽明曾表示，公司将加大投入。"
                "星海集团董事长程立上月表示，公司今年资本支出维持不变。", "2025-06-04",
                "zh-Hans")
    assert {("吴泽明", "ceo", "华岳科技", False),
            ("程立", "board-chair", "星海集团", False)} <= roles(r)
    assert "华岳科技" in named(r, "Organization")
    assert not {n for n in named(r, "Organization") if n.startswith("公司")}


def test_a_person_owning_the_company_is_not_who_left(tmp_path) -> None:
    """'X, a co-founder of Y's startup Z, has left the company to join W': X left Z (the
    startup written after a noun that introduces it), not Y, who owns it."""
    r = extract(tmp_path, "Tom Ashby, a co-founder of Mira Murati's artificial intelligence "
                "startup Quillon Labs, has left the company to join Brightwater Robotics, a "
                "spokesperson said on Saturday.", "2025-10-11", "en")
    people = {e[1] for e in events(r)}
    assert people == {"Tom Ashby"}
    assert ("Tom Ashby", "co-founder", "Quillon Labs", False) in roles(r)


def test_an_event_noun_after_the_article_was_told_before(tmp_path) -> None:
    """'X told employees about the departure', 'The departure comes at a time …': no
    Departure of the sentence's subject, nor of the last person named."""
    r = extract(tmp_path, "Lena Ortiz, the chief executive of Quillon Labs, said on Monday "
                "that Tom Ashby had resigned. Ortiz told employees about the departure in a "
                "message on Friday. The departure comes at a time of rapid change.",
                "2025-10-11", "en")
    assert {(e[0], e[1]) for e in events(r)} == {("Departure", "Tom Ashby")}


@pytest.mark.parametrize("text, expected, absent", [
    # "eingestellt" of a person is a hiring, not the closing of the company
    ("Die Kölner Firma Lintra hat einen neuen Chef. Erst im Dezember hatte Lintra Steve "
     "Rotter als neuen Marketingchef eingestellt.",
     ("Joining", "Steve Rotter", "Lintra", "2024-12"), "Dissolution"),
    # "sammelte das Unternehmen … ein": the company meant raised it (German puts it after)
    ("Die Kölner Firma Lintra hat einen neuen Chef. Im vergangenen Jahr sammelte das "
     "Unternehmen 300 Millionen Dollar ein, angeführt von Index Ventures.",
     ("Funding", None, "Lintra", "2024"), None),
])
def test_german_verbs_read_by_their_objects(tmp_path, text, expected, absent) -> None:
    r = extract(tmp_path, text, "2025-01-15", "de")
    assert expected in events(r)
    assert absent is None or not {e for e in events(r) if e[0] == absent}


def test_one_founder_named_twice_is_no_co_founder(tmp_path) -> None:
    """'Lintra war 2017 von Kutylowski gegründet worden und beschäftigt mehr als 1000
    Mitarbeiter': one founder (found by two rules); 'Mitarbeiter' is no 'Mit-'."""
    r = extract(tmp_path, "Die Kölner Firma Lintra wächst. Lintra war 2017 von Markus "
                "Kutylowski in Köln gegründet worden und beschäftigt inzwischen mehr als 1000 "
                "Mitarbeiter.", "2025-01-15", "de")
    held = {x[1] for x in roles(r) if x[0] == "Markus Kutylowski"}
    assert held == {"founder"}


def test_the_startup_that_raised_money_and_the_one_invested_in(tmp_path) -> None:
    """'The startup, which is valued at …, raised $2 billion': the company meant; 'the
    company invested $14bn in X': X raised it, and "its chief executive, Y," is X's."""
    r = extract(tmp_path, "Quillon Labs was founded in February. The startup, which is "
                "valued at $12 billion, raised $2 billion in a seed round in July.",
                "2025-10-11", "en")
    assert ("Funding", None, "Quillon Labs", "2025-07") in events(r)
    r = extract(tmp_path, "Brightwater Robotics is hiring. Last month the company invested "
                "$14.3 billion in Quillon Labs and brought in its chief executive, Nora "
                "Lindahl, who now runs a new lab.", "2025-07-08", "en")
    assert {e[2] for e in events(r) if e[0] == "Funding"} == {"Quillon Labs"}
    assert ("Nora Lindahl", "ceo", "Quillon Labs", False) in roles(r)


def test_where_a_chinese_verb_of_study_or_work_is_done(tmp_path) -> None:
    """'毕业于北京师范大学' (the name starts after 于 and keeps its city), '曾在阿里巴巴
    工作' in the next clause: no degree from Alibaba, where she worked."""
    r = extract(tmp_path, "DeepSeek研究员罗思雨加入小米。罗思雨本科毕业于北京师范大学，"
                "硕士就读于北京大学，曾在阿里巴巴工作。",
                "2025-11-12", "zh-Hans")
    alumnus = {x[2] for x in roles(r) if x[1] == "alumnus"}
    assert alumnus == {"北京师范大学", "Peking University"}
    assert ("罗思雨", "employee", "Alibaba", True) in roles(r)


def test_an_event_told_in_the_present_takes_no_earlier_date(tmp_path) -> None:
    """'Ashby joined Quillon Labs in 2021. … He is leaving for …': the leaving is news of
    now, not of 2021."""
    r = extract(tmp_path, "Tom Ashby, a distinguished engineer, joined Quillon Labs in 2021 "
                "and managed a team of 100. He is leaving the company, the people said.",
                "2025-07-08", "en")
    dates = {e[3] for e in events(r) if e[0] == "Departure"}
    assert dates and "2021" not in dates


def changes(result) -> set[tuple]:
    """(person, new role, organization) of each RoleChange."""
    return {(f.person.name, f.role, f.org.name if f.org else None) for f in result.facts
            if f.kind == "event" and f.type == "RoleChange"}


def test_chinese_names_found_by_what_follows_them(tmp_path) -> None:
    """'副总经理陈冠宇为总经理' (为 and a title), '董事长蔡明远仍将' (仍), '财务长顾大为将于'
    (为 inside a given name), '由朱文杰负责' (led by): each name is found; the title after
    为 is the post taken, not the one held before the name; 接任 takes the post of the one
    who leaves."""
    r = extract(tmp_path, "星海科技今天召开董事会，任命资深副总经理陈冠宇为总经理。"
                "董事长蔡明远仍将带领董事会。此外，星海科技财务长顾大为将于本月底退休，"
                "由财务处副总经理李宗明接任。此前，Nova团队由朱文杰负责。",
                "2025-06-03", "zh-Hant")
    assert {("陈冠宇", "managing-director", "星海科技", False),
            ("蔡明远", "board-chair", "星海科技", False),
            ("顾大为", "cfo", "星海科技", False)} <= roles(r)
    assert any(p == "朱文杰" and role == "head" for p, role, _, _ in roles(r))
    assert changes(r) == {("陈冠宇", "managing-director", "星海科技"),
                          ("李宗明", "cfo", "星海科技")}
    assert ("Departure", "顾大为", "星海科技", "2025-06") in events(r)


def test_a_vice_chair_is_no_chair(tmp_path) -> None:
    """'副董事长暨执行长X': vice chair and CEO, not the board's chair."""
    r = extract(tmp_path, "星海科技宣布由副董事长暨执行长蔡明远续任执行长。", "2025-06-03",
                "zh-Hans")
    held = {role for p, role, _, _ in roles(r) if p == "蔡明远"}
    assert {"vice-chair", "ceo"} <= held and "board-chair" not in held


def test_who_is_hired_from_where(tmp_path) -> None:
    """'该公司从阿里巴巴挖来X': X joins the company meant and leaves Alibaba, where the
    title written after it is held; '前谷歌DeepMind副总裁X加盟': the organizations of X's
    title are not what X joins."""
    r = extract(tmp_path, "星海科技在人工智能领域持续加大投入。去年11月，该公司曾从阿里巴巴"
                "挖来通义千问技术负责人周明轩。前谷歌DeepMind研究副总裁吴泽宇近日加盟，"
                "出任基础研究负责人。", "2025-02-21", "zh-Hans")
    assert {("Joining", "周明轩", "星海科技", "2024-11"),
            ("Departure", "周明轩", "Alibaba", "2024-11")} <= events(r)
    assert ("周明轩", "head", "Alibaba", False) in roles(r)
    assert {e[2] for e in events(r) if e[1] == "吴泽宇"} == {"星海科技"}
    assert ("吴泽宇", "head", "星海科技", False) in roles(r)


@pytest.mark.parametrize("text, expected, absent", [
    # a passive of appointing is a copula; the title's organization is the one after it
    ("Anna Roe, a Quillon engineer, was appointed chief executive of Brightwater Robotics.",
     ("Anna Roe", "ceo", "Brightwater Robotics"), ("Anna Roe", "ceo", "Quillon")),
    ("Brightwater Robotics said Sean Ortiz had been named its new chief executive.",
     ("Sean Ortiz", "ceo", "Brightwater Robotics"), None),
    # "appointed X, a co-founder of Y, as Z": the post taken is Z, not the co-founder's
    ("Quillon Systems has appointed Tom Ashby, a co-founder of Brightwater Robotics, as "
     "executive vice president.", ("Tom Ashby", "vice-president", "Quillon Systems"),
     ("Tom Ashby", "co-founder", "Brightwater Robotics")),
    # German: "wurde zum … ernannt", an English title in a German text
    ("Quillon Systems baut um. Anna Roe wurde zum Chief Technology Officer ernannt.",
     ("Anna Roe", "cto", "Quillon Systems"), None),
])
def test_who_is_appointed_to_what(tmp_path, text, expected, absent) -> None:
    r = extract(tmp_path, text, "2025-03-19", "de" if " wurde " in text else "en")
    assert expected in changes(r)
    assert absent not in changes(r)


def test_titles_after_other_and_report_to(tmp_path) -> None:
    """'X, Y's other co-founder', 'X, Y's chief scientist and another co-founder', 'report
    to chief executive X', 'a co-founder of Google's DeepMind' (the organization owned),
    German 'war seit 2019 Mitglied des Vorstands' (a post she held: "war")."""
    r = extract(tmp_path, "Quillon Labs has hired Tom Ashby, a co-founder of Google's "
                "DeepMind. Lena Ortiz, Quillon Labs' other co-founder, will become president. "
                "Maya Chen, Quillon Labs' chief scientist and another co-founder, stays. "
                "Ashby will report directly to chief executive Sean Roe.", "2025-03-19", "en")
    assert {("Tom Ashby", "co-founder", "DeepMind", False),
            ("Lena Ortiz", "co-founder", "Quillon Labs", False),
            ("Maya Chen", "co-founder", "Quillon Labs", False),
            ("Sean Roe", "ceo", "Quillon Labs", False)} <= roles(r)
    r = extract(tmp_path, "Quillon Systems trennt sich von Anna Roe. Anna Roe war seit 2019 "
                "Mitglied des Vorstands.", "2024-02-14", "de")
    assert ("Anna Roe", "board-member", "Quillon Systems", True) in roles(r)


def test_whom_a_who_clause_and_its_dates_are_about(tmp_path) -> None:
    """'under X, the former … chief executive who now leads Y': X leads Y, not the
    sentence's subject; 'he will take over …, the startup he co-founded last year, after X
    stepped down to join Z': last year dates the founding, not X's leaving; 'X, who
    co-founded Y, was appointed … in 2021' dates the appointment, not Y's founding."""
    r = extract(tmp_path, "Lena Ortiz said on Thursday she will take over as chief executive "
                "of Quillon Labs, the startup she co-founded last year, after Tom Ashby "
                "stepped down to join Brightwater Robotics. At Brightwater Robotics, Ashby "
                "will work under Sean Roe, the former Quillon Labs chief executive who now "
                "leads Brightwater Robotics.", "2025-07-03", "en")
    assert ("Departure", "Tom Ashby", "Quillon Labs", "2025-07-03") in events(r)
    leads = {p for p, role, org, _ in roles(r) if role == "head"}
    assert leads == {"Sean Roe"}
    r = extract(tmp_path, "Maya Chen, who co-founded Quillon Labs, was appointed chief analyst "
                "in January 2021.", "2021-03-13", "en")
    assert ("Founding", "Maya Chen", "Quillon Labs", None) in events(r)


def test_a_sentence_may_open_with_a_lower_case_name(tmp_path) -> None:
    """'… im Juli 2019. xAI teilte am 5. Juni 2019 mit, dass …': two sentences."""
    text = ("Tom Ashby verließ Quillon im Juli 2019. xAI teilte am 5. Juni 2019 mit, dass "
            "Vorsitzender Sean Roe zurückgetreten sei.")
    assert len(sentences(text)) == 2
    r = extract(tmp_path, text, "2019-11-09", "de")
    assert ("Departure", "Sean Roe", "xAI", "2019-06-05") in events(r)


def test_who_leaves_when_a_speaker_names_them(tmp_path) -> None:
    """'X said that A and B, …, were also leaving': A and B leave, not the speaker X; a
    chief research officer is a title; 'will step down … and retire' is a departure."""
    r = extract(tmp_path, "Hours later, chief executive Sean Roe said that chief research "
                "officer Tom Ashby and Maya Chen, a vice president of research, were also "
                "leaving Quillon Labs. Brightwater Robotics said on Monday that Lena Ortiz, "
                "its senior vice president for AI strategy, will step down from her position "
                "and retire in the spring of 2026.", "2025-12-01", "en")
    left = {(e[1], e[2]) for e in events(r) if e[0] == "Departure"}
    assert left == {("Tom Ashby", "Quillon Labs"), ("Maya Chen", "Quillon Labs"),
                    ("Lena Ortiz", "Brightwater Robotics")}
    assert ("Tom Ashby", "chief-research-officer", "Quillon Labs", False) in roles(r)


def test_an_apposition_with_a_who_clause_before_the_post_taken(tmp_path) -> None:
    """'X, a prominent AI researcher who most recently served as corporate vice president
    at Y, has joined Z as vice president': both posts are X's (Y's one before, 'served as'
    telling a post of the past); 'Y's X joins' does not join
    Y; 'at Y, where he was head of …' is Y's; a chief executive named in the paragraph after
    is not of the organization someone's title was held at."""
    r = extract(tmp_path, "Quillon Labs names new AI chief, Brightwater's Tom Ashby joins as "
                "vice president\n\nTom Ashby, a prominent AI researcher who most recently "
                "served as corporate vice president of AI at Brightwater Robotics, has joined "
                "Quillon Labs as vice president of AI. Ashby previously spent 16 years at "
                "Nova Dynamics, where he was head of engineering for its assistant.\n\n"
                "\"We are pleased to welcome Tom,\" chief executive Sean Roe said.",
                "2025-12-01", "en")
    assert {("Tom Ashby", "vice-president", "Brightwater Robotics", True),
            ("Tom Ashby", "vice-president", "Quillon Labs", False),
            ("Tom Ashby", "head", "Nova Dynamics", True),
            ("Sean Roe", "ceo", "Quillon Labs", False)} <= roles(r)
    assert {e[2] for e in events(r) if e[0] == "Joining"} == {"Quillon Labs"}


def test_who_takes_the_post_of_the_one_replaced(tmp_path) -> None:
    """'接替创办人X出任董事长': the sentence's subject takes the post, X held it; a
    RoleChange dated otherwise than the joining of its sentence is kept; '根据…的计划' is
    no hedge; '接任集团首席执行官' takes the title written after the verb."""
    r = extract(tmp_path, "2023年9月10日，星海集团完成管理层交接。根据此前公布的计划，集团"
                "董事会主席兼首席执行官顾明轩正式卸任，星海集团联合创始人蔡明远接任集团"
                "董事会主席，华岳科技董事长吴泽宇接任集团首席执行官。\n\n顾明轩于2007年"
                "加入星海集团，2015年出任星海集团首席执行官，2019年接替创办人程立担任"
                "董事会主席。", "2023-09-10", "zh-Hans")
    assert changes(r) >= {("蔡明远", "board-chair", "星海集团"),
                          ("吴泽宇", "ceo", "星海集团"),
                          ("顾明轩", "ceo", "星海集团"),
                          ("顾明轩", "board-chair", "星海集团")}
    assert not {c for c in changes(r) if c[0] == "程立"}
    assert ("Departure", "顾明轩", "星海集团", "2023-09-10") in events(r)


def test_a_chinese_headline_and_a_time_clause(tmp_path) -> None:
    """'X卸任Y董事会主席兼CEO A、B接棒': a space parts the headline's clauses, the titles
    are X's; '卸任后将专注于Z的工作': X leaves Y, not Z; '长期担任集团执行副主席': a vice
    chair, and '长期担任集团' is no organization."""
    r = extract(tmp_path, "顾明轩卸任星海集团董事会主席兼CEO 蔡明远、吴泽宇接棒\n\n"
                "星海集团董事会主席兼首席执行官顾明轩正式卸任，联合创始人蔡明远接任董事会主席。"
                "蔡明远于1999年加入星海集团，长期担任集团执行副主席。\n\n顾明轩此前表示，"
                "卸任后将专注于华岳科技的工作。", "2023-09-10", "zh-Hans")
    held = {(p, role) for p, role, _, _ in roles(r)}
    assert {("顾明轩", "board-chair"), ("顾明轩", "ceo"), ("蔡明远", "vice-chair")} <= held
    assert ("蔡明远", "ceo") not in held
    assert {e[2] for e in events(r) if e[0] == "Departure"} == {"星海集团"}
    assert not {o for _, _, o, _ in roles(r) if o and "担任" in o}


def test_a_board_is_no_organization_and_chefin_der_is_one_head(tmp_path) -> None:
    """'X, der unabhängige Vorsitzende des Verwaltungsrats': the company's board chair;
    'A und B, bisher Chefin der Produktsparte': B headed the unit until now (bisher: a post
    the change ends), A is no co-lead."""
    r = extract(tmp_path, "Der Chiphersteller Quillon Systems steht ohne Chef da. Übergangsweise "
                "übernehmen Finanzchef Tom Ashby und Lena Ortiz, bisher Chefin der "
                "Produktsparte, gemeinsam die Führung. Sean Roe, der unabhängige Vorsitzende "
                "des Verwaltungsrats, wird Interimsvorsitzender.", "2024-12-02", "de")
    assert {("Lena Ortiz", "head", "Quillon Systems", True),
            ("Sean Roe", "board-chair", "Quillon Systems", False)} <= roles(r)
    assert not {x for x in roles(r) if x[1] == "co-lead"}


def test_a_relative_clause_a_month_and_verbs_joined_by_and(tmp_path) -> None:
    """'X, who left Y earlier this year, was named chief scientist of the new lab in July':
    no organization 'July', nor Y's post; 'X, who had been Y's vice president': X's, a
    former one; 'X departed in May and later joined Z as its chief AI officer': X's; 'X, who
    took over as Y's CEO from W in November 2021, joined the company in 2018': X joined, W
    did not."""
    r = extract(tmp_path, "Quillon Labs reorganized its research last year. Tom Ashby, who left "
                "Brightwater Robotics earlier this year, was named chief scientist of the new "
                "lab in July.\n\nMaya Chen, who had been Quillon's vice president of AI "
                "research, departed in May and later joined Nova Dynamics as its chief AI "
                "officer.\n\nLena Ortiz, who took over as Nova Dynamics's CEO from Sean Roe in "
                "November 2021, joined the company in 2018.", "2025-11-12", "en")
    assert {("Tom Ashby", "chief-scientist", "Quillon Labs", False),
            ("Maya Chen", "vice-president", "Quillon Labs", True),
            ("Maya Chen", "chief-ai-officer", "Nova Dynamics", False)} <= roles(r)
    assert not {x for x in roles(r) if x[2] in ("July", "Brightwater Robotics")}
    assert {e[1] for e in events(r) if e[0] == "Joining"} == {"Maya Chen", "Lena Ortiz"}
    assert ("RoleChange", "Lena Ortiz", "Nova Dynamics", "2021-11") in events(r)


def test_german_title_before_copula_and_name_and_a_given_name_before_a_company(tmp_path
                                                                               ) -> None:
    """'Neuer Vorstandsvorsitzender der X AG wird zum 1. Januar 2026 Y': Y's post and
    change; 'war bis 2024 Vorstandschef des … Z': Y's too; 'den Abgang von Finanzchef W':
    W leaves; 'Aufsichtsratschef Stefan Porsche' is a person, not the company Porsche."""
    r = extract(tmp_path, "Neuer Vorstandsvorsitzender der Quillon AG wird zum 1. Januar 2026 "
                "Tom Ashby, wie das Unternehmen am Freitag mitteilte. Tom Ashby war bis 2024 "
                "Vorstandschef des britischen Sportwagenherstellers Nova Dynamics. Bereits im "
                "Februar hatte die Quillon AG den Abgang von Finanzchef Sean Roe "
                "bekanntgegeben, sagte Aufsichtsratschef Stefan Porsche.", "2025-10-17", "de")
    assert {("Tom Ashby", "ceo", "Quillon AG", False),
            ("Tom Ashby", "ceo", "Nova Dynamics", True)} <= roles(r)  # "war bis 2024"
    assert ("Stefan Porsche", "board-chair") in {(p, role) for p, role, _, _ in roles(r)}
    assert "Porsche" not in {o for _, _, o, _ in roles(r)}
    assert {("RoleChange", "Tom Ashby", "Quillon AG", "2026-01-01"),
            ("Departure", "Sean Roe", "Quillon AG", "2025-02")} <= events(r)


def test_chinese_names_by_succession_and_a_post_kept(tmp_path) -> None:
    """'由X接任', 'X1997年加入Y', 'CEO X也…', '接替此前卸任的W': names found by these; W
    left and took no post; '将继续担任' is no change; '曾任Y无线网络产品线总裁' is a post
    at Y; '2019年起，X担任' is dated by its clause of 起 (2019), not by an earlier date
    of its paragraph."""
    r = extract(tmp_path, "星海集团终端业务换帅：顾明轩不再担任终端业务CEO，由何立明接任。"
                "顾明轩将继续担任星海集团常务董事。\n\n何立明1997年加入星海集团，曾任星海"
                "集团无线网络产品线总裁。2019年起，何立明担任星海集团终端手机产品线总裁。\n\n"
                "星海集团汽车业务CEO靳海涛也获得任命，接替此前卸任的王立。", "2023-11-24",
                "zh-Hans")
    assert {("何立明", "president", "星海集团", False),
            ("靳海涛", "ceo", "星海集团", False)} <= roles(r)
    assert ("Joining", "何立明", "星海集团", "1997") in events(r)
    assert ("Departure", "王立", "星海集团", None) in {e[:3] + (None,) for e in events(r)}
    assert not {e for e in events(r) if e[0] == "RoleChange" and e[1] in ("王立", "顾明轩")}
    assert {f.date.value if f.date else None for f in r.facts if f.type == "RoleChange"
            and f.person.name == "何立明" and f.role == "president"} == {"2019"}
    assert ("何立明", "ceo") in role_changes(r)  # "顾明轩不再担任终端业务CEO，由何立明接任"
    assert ("Departure", "顾明轩", "星海集团", None) in events(r)


def test_english_posts_after_a_who_and_a_modifier_and_the_date_of_the_second_verb(tmp_path
                                                                                  ) -> None:
    """'X, who rejoined Y as CEO': X's post; 'became Y's first CTO': a modifier between
    the owner and the title; 'ran Z from 2009 to 2021 and left Y's board last August': the
    leaving's date is August, after the 'and', not 2021."""
    r = extract(tmp_path, "Tom Ashby, who rejoined Quillon Labs as CEO in February 2021, "
                "had led a turnaround. Lena Ortiz became Quillon Labs' first chief technology "
                "officer in 2001. Sean Roe ran Nova Dynamics from 2009 to 2021 and left "
                "Quillon Labs' board last August.", "2025-03-12", "en")
    assert {("Tom Ashby", "ceo", "Quillon Labs", False),
            ("Lena Ortiz", "cto", "Quillon Labs", False)} <= roles(r)
    assert ("RoleChange", "Lena Ortiz", "Quillon Labs", "2001") in events(r)
    assert ("Departure", "Sean Roe", "Quillon Labs", "2024-08") in events(r)


def test_german_board_portfolio_the_chief_post_taken_and_a_post_held_until_now(tmp_path
                                                                              ) -> None:
    """'Produktionsvorstand Milan X übernimmt den Chefposten zum DATE': a board member (an
    unlisted given name found by the title) who becomes CEO on that date; 'Y, bisher Leiter
    des …': a former head, the new post is the one taken."""
    r = extract(tmp_path, "Produktionsvorstand Milan Horvat übernimmt den Chefposten zum 14. "
                "Mai 2026, wie die Quillon AG am Donnerstag mitteilte. Neuer Produktionsvorstand "
                "wird Sean Roe, bisher Leiter des Produktionsnetzwerks.", "2025-12-11", "de")
    assert {("Milan Horvat", "board-member", "Quillon AG", False),
            ("Sean Roe", "head", "Quillon AG", True)} <= roles(r)
    assert {("RoleChange", "Milan Horvat", "Quillon AG", "2026-05-14"),
            ("RoleChange", "Sean Roe", "Quillon AG", "2025-12-11")} <= events(r)
    assert ("Milan Horvat", "ceo", "Quillon AG", False) in roles(r)
    assert not {e for e in events(r) if e[1] == "Sean Roe" and e[0] != "RoleChange"}


def test_chinese_names_before_huo_and_yin_and_a_post_held_before(tmp_path) -> None:
    """'总经理X获委任为…': X is found and appointed (委任); '总裁Y因个人原因离职': Y is found
    and leaves; '宣布集团合伙人' holds no organization; '曾担任Z中国区总裁' is a former post,
    no change of role; '将于…起卸任集团总裁一职' is no organization '日起卸任集团'."""
    r = extract(tmp_path, "星海集团10月31日发布公告，宣布集团合伙人、品牌总经理卢海涛获委任为"
                "集团总裁。原集团总裁王立将于2023年11月1日起卸任集团总裁一职。此外，星海集团"
                "宣布手机部总裁曾文忠因个人原因离职。\n\n王立于2015年7月加入星海集团，此前曾"
                "担任华岳科技中国区总裁。", "2023-10-31", "zh-Hans")
    assert {("卢海涛", "president", "星海集团", False),
            ("曾文忠", "president", "星海集团", False),
            ("王立", "president", "华岳科技", True)} <= roles(r)
    assert {("RoleChange", "卢海涛", "星海集团", "2023-10-31"),
            ("Departure", "曾文忠", "星海集团", "2023-10-31")} <= events(r)
    assert not {e for e in events(r) if e[0] == "RoleChange" and e[2] == "华岳科技"}
    assert {o for _, _, o, _ in roles(r)} <= {"星海集团", "华岳科技"}


def test_taiwanese_dates_a_post_kept_and_titles_after_a_school(tmp_path) -> None:
    """'今(23)日', '昨(22)日': the day in brackets; '已提出辭呈' a Departure; '將於明年1月1日
    起卸任執行長，由A接任執行長': A's change is dated when it takes effect; '由A接任執行長，
    B續任副董事長': B keeps his post (no change, not A's); '畢業於X大學…加入Y，歷任…營運長':
    the posts are Y's, not the school's; '升任總經理' and '接任執行長' are two changes."""
    r = extract(tmp_path, "華岳科技今（23）日召開董事會，通過人事案。現任副董事長暨執行長蔡文德"
                "將於明年1月1日起卸任執行長，由總經理陳立群接任執行長，蔡文德續任副董事長。\n\n"
                "陳立群畢業於清華大學電機系，2001年加入華岳科技，歷任事業部總經理、營運長等職務，"
                "2021年升任總經理。\n\n另外，華岳科技財務長顧明為昨（22）日已提出辭呈。",
                "2025-07-23", "zh-Hant")
    assert {("Departure", "顧明為", "華岳科技", "2025-07-22"),
            ("RoleChange", "陳立群", "華岳科技", "2026-01-01"),  # when it takes effect
            ("RoleChange", "陳立群", "華岳科技", "2021")} <= events(r)
    assert not {e for e in events(r) if e[0] == "RoleChange" and e[1] == "蔡文德"}
    assert ("陳立群", "coo", "華岳科技", False) in roles(r)
    assert not {x for x in roles(r) if x[0] == "陳立群" and x[1] == "vice-chair"}
    assert {x[2] for x in roles(r) if x[1] != "alumnus"} == {"華岳科技"}
    changes = {o for s, p, o in r.triples if p.value.endswith("#newRole")}
    assert {c.value.rsplit("/", 1)[-1] for c in changes} >= {"ceo", "managing-director"}


def test_german_office_laid_down_a_post_until_now_and_a_move_left_behind(tmp_path) -> None:
    """'wird sein Amt zum 30. September niederlegen': a Departure on the next 30 September;
    'Chef der Digitalsparte X' names no person X; 'bislang Vorstandsmitglied' a former
    post; the CFO of a paragraph without a company is not of the company left in the one
    before ('von Y zu Z gewechselt'); 'Ende des Jahres' this year; '„…“, schrieb er'."""
    r = extract(tmp_path, "Roland Vogt wird sein Amt zum 30. September niederlegen, wie die "
                "Quillon AG am Mittwoch mitteilte. Nachfolger wird Cedrik Hahn, bislang "
                "Vorstandsmitglied und Chef der Digitalsparte Smart Industries.\n\nHahn war "
                "2017 von Nova Dynamics zur Quillon AG gewechselt.\n\nAuch im Finanzressort "
                "gibt es Veränderungen: Finanzvorstand Ralf Berger scheidet Ende des Jahres "
                "aus dem Vorstand aus.\n\nVogt erklärte, er wolle sich neuen Aufgaben widmen. "
                "„Es war mir eine Ehre“, schrieb er.", "2025-06-18", "de")
    assert {("Departure", "Roland Vogt", "Quillon AG", "2025-09-30"),
            ("Departure", "Ralf Berger", "Quillon AG", "2025")} <= events(r)
    assert {("Cedrik Hahn", "board-member", "Quillon AG", True),
            ("Ralf Berger", "cfo", "Quillon AG", False)} <= roles(r)
    assert not {n for n in named(r, "Person") if "Industries" in n}
    assert ("Roland Vogt", "Es war mir eine Ehre") in statements(r)


def test_english_company_by_industry_suffix_initials_and_a_shared_first_word(tmp_path
                                                                            ) -> None:
    """'Quillon Automotive said … its chief operating officer, X, has left': a company by
    its suffix, named again as 'Quillon'; 'chief executive RJ Vance': a first name in
    initials; 'Nova Corporation' and 'Nova Foundation': 'Nova' alone is the first named."""
    r = extract(tmp_path, "Quillon Automotive said on Tuesday that its chief operating officer, "
                "Frank Klein, has left the company. Klein joined Quillon in 2022. \"We are "
                "grateful,\" Quillon founder and chief executive RJ Vance said.\n\nNova "
                "Corporation chief executive Mia Stone is stepping down. Nova Foundation head "
                "Tom Reed praised her. Stone joined Nova's board in 2019.", "2023-10-10", "en")
    assert {("Departure", "Frank Klein", "Quillon Automotive", "2023-10-10"),
            ("Joining", "Frank Klein", "Quillon Automotive", "2022"),
            ("Joining", "Mia Stone", "Nova Corporation", "2019")} <= events(r)
    assert ("RJ Vance", "ceo", "Quillon Automotive", False) in roles(r)
    assert ("RJ Vance", "We are grateful,") in statements(r)


def test_chinese_rare_surname_a_part_founded_and_an_executive_is_no_name(tmp_path) -> None:
    """'景X': a surname now listed; '创立了Y智能硬件品牌Z': a part of Y was founded, no
    Founding of Y (nor a date for Y's founder); '首位离职的高管' names no one."""
    r = extract(tmp_path, "星海集团副总裁、小星科技CEO景明已于近日正式离职。景明于2014年加入"
                "星海集团。2018年，他牵头创立了星海集团智能硬件品牌小星。\n\n星海集团创始人"
                "李海表示感谢。这并非星海集团今年首位离职的高管。", "2023-05-12", "zh-Hans")
    assert ("Joining", "景明", "星海集团", "2014") in events(r)
    assert not {e for e in events(r) if e[0] == "Founding" and e[3] is not None}
    assert not {e for e in events(r) if e[0] == "Founding" and e[1] == "景明"}
    assert "景明" in named(r, "Person") and "高管" not in named(r, "Person")


def test_english_plans_to_leave_a_future_told_in_the_past_and_seasons(tmp_path) -> None:
    """'plans to leave' is an announced Departure, 'said X would retire in March' the next
    March (no hedge after a verb of saying); 'will return to his previous role' is no
    Return; 'remains chief technology officer' a post; 'this summer' dates the year."""
    r = extract(tmp_path, "Quillon Labs said Tom Ashby, its chief operating officer, would "
                "retire in March after a decade at the company. Ashby will return to his "
                "previous role as a senior adviser until a successor is found.\n\nMia Stone, "
                "who leads its robotics unit, plans to leave Quillon Labs at the end of the "
                "year. Quillon Labs co-founder RJ Vance remains chief technology officer. "
                "Lena Ortiz, who left Nova Dynamics this summer, joined Quillon Labs in "
                "August.", "2025-09-03", "en")
    assert {("Departure", "Tom Ashby", "Quillon Labs", "2026-03"),
            ("Departure", "Mia Stone", "Quillon Labs", "2025"),
            ("Departure", "Lena Ortiz", "Nova Dynamics", "2025")} <= events(r)
    assert not {e for e in events(r) if e[0] == "Return"}
    assert ("RJ Vance", "cto", "Quillon Labs", False) in roles(r)


def test_german_post_given_up_and_taken_over_an_age_for_a_name(tmp_path) -> None:
    """'gibt den Vorstandsvorsitz ab': a RoleChange of the one giving it up; 'übernimmt X
    den Chefposten von Y': X takes Y's post; 'Der 54-Jährige war zuletzt Vorstandschef des
    britischen Sportwagenbauers Z': X's past post at Z (no company 'Sportwagenbauers Z'),
    left 'im Sommer'; 'steht an der Spitze des Konzerns'; 'Danach wechselte er zu W'."""
    r = extract(tmp_path, "Roland Vogt gibt den Vorstandsvorsitz bei der Quillon AG ab. Wie der "
                "Aufsichtsrat am Freitag mitteilte, übernimmt Cedrik Hahn zum 1. Januar 2026 "
                "den Chefposten von Roland Vogt. Der 54-Jährige war zuletzt Vorstandschef des "
                "britischen Sportwagenbauers Nova Automotive, den er im Sommer verlassen "
                "hatte.\n\nVogt steht seit 2015 an der Spitze des Konzerns. Hahn arbeitete "
                "bis 2013 bei der Quillon AG. Danach wechselte er zu Nova Automotive.", "2025-10-17",
                "de")
    assert {("RoleChange", "Cedrik Hahn", "Quillon AG", "2026-01-01"),
            ("Departure", "Cedrik Hahn", "Nova Automotive", "2025"),
            ("Joining", "Cedrik Hahn", "Nova Automotive", "2013")} <= events(r)
    changes = role_changes(r)
    assert changes == {("Roland Vogt", "ceo"), ("Cedrik Hahn", "ceo")}
    assert {("Cedrik Hahn", "ceo", "Nova Automotive"), ("Roland Vogt", "head", "Quillon AG")
            } <= {x[:3] for x in roles(r)}
    assert not {x for x in roles(r) if "Sportwagenbauers" in (x[2] or "")}


def test_chinese_post_named_before_its_taker_and_a_startup_joined(tmp_path) -> None:
    """'X CEO一职由Y接任': Y takes the CEO post ('他此前担任…总裁' is Y's past one); 许 is a
    surname; '加盟一家人工智能创业公司' founds nothing."""
    r = extract(tmp_path, "5月9日，星海集团宣布，集团CEO李海将卸任。星海集团CEO一职由许文博"
                "接任，他此前担任星海集团中国区总裁。同月，前华岳科技总裁周立宣布离职，加盟"
                "一家人工智能创业公司。", "2022-05-09", "zh-Hans")
    changes = {(f.person.name, f.role, f.org.name) for f in r.facts if f.type == "RoleChange"}
    assert changes == {("许文博", "ceo", "星海集团")}
    assert ("许文博", "president", "星海集团", True) in roles(r)
    assert ("Departure", "周立", "华岳科技", "2022-05") in events(r)
    assert not {e for e in events(r) if e[0] == "Founding"}


def test_taiwanese_retirement_effective_next_year_and_a_current_title(tmp_path) -> None:
    """'…退休，自明年1月1日起生效': the Departure is dated when it takes effect, not the
    board meeting's day; '由現任…總經理X升任營運長': 現任 is of X's title, X is promoted."""
    r = extract(tmp_path, "華岳科技昨（13）日召開董事會，通過人事案，共同執行長胡立德因屆齡退休，"
                "自明年1月1日起生效。董事會同時通過，由現任個人電腦事業群總經理許文博升任"
                "營運長。", "2024-11-14", "zh-Hant")
    assert ("Departure", "胡立德", "華岳科技", "2025-01-01") in events(r)
    assert ("許文博", "coo") in role_changes(r)


def test_english_hired_its_chief_executive_named_after_the_title(tmp_path) -> None:
    """'Nova invested in Quillon Labs and hired its chief executive, X': X joins Nova (the
    subject, not the organization after 'in'); the title and comma between the verb and
    X do not part them."""
    r = extract(tmp_path, "In June, Nova Dynamics invested $14.3 billion in Quillon Labs and "
                "hired its chief executive, Tom Ashby, to lead a new unit.", "2025-11-12", "en")
    assert ("Joining", "Tom Ashby", "Nova Dynamics", "2025-06") in events(r)
    assert ("Tom Ashby", "ceo", "Quillon Labs", False) in roles(r)


@pytest.mark.parametrize("lang, text", [
    ("en", "Quillon Labs chief executive Roland Vogt will step down. His successor, Cedrik "
           "Hahn, will take office on January 1."),
    ("en", "Quillon Labs chief executive Roland Vogt will step down. He will be succeeded by "
           "Cedrik Hahn on January 1."),
    ("en", "Quillon Labs chief executive Roland Vogt will step down. Cedrik Hahn will "
           "succeed him on January 1."),
    ("de", "Der Vorstandschef der Quillon Labs, Roland Vogt, tritt ab. Sein Nachfolger Cedrik "
           "Hahn wird das Amt am 1. Januar antreten."),
    ("de", "Der Vorstandschef der Quillon Labs, Roland Vogt, tritt ab. Nachfolger von Vogt "
           "wird am 1. Januar Cedrik Hahn."),
    ("de", "Der Vorstandschef der Quillon Labs, Roland Vogt, tritt ab. Cedrik Hahn wird ihm "
           "am 1. Januar nachfolgen."),
    ("zh-Hans", "星海集团首席执行官罗兰·沃格特将卸任。他的继任者为塞德里克·哈恩，将于1月1日"
                "上任。"),
    ("zh-Hans", "星海集团首席执行官罗兰·沃格特将卸任。塞德里克·哈恩将于1月1日接替他。"),
])
def test_a_successor_takes_the_title_told_in_the_sentence_before(tmp_path, lang, text) -> None:
    """'His successor, X', 'He will be succeeded by X', 'X will succeed him', 'Sein
    Nachfolger X', 'Nachfolger von Y wird X', 'X folgt ihm nach', '他的继任者为X', 'X接替他':
    X takes the title the one replaced was given before (named, or a pronoun standing for
    them), at its organization."""
    r = extract(tmp_path, text, "2025-12-10", lang)
    changes = {(f.person.name, f.role, f.org.name, f.date.value if f.date else None)
               for f in r.facts if f.type == "RoleChange"}
    successor, org = ("塞德里克·哈恩", "星海集团") if lang == "zh-Hans" else (
        "Cedrik Hahn", "Quillon Labs")
    assert changes == {(successor, "ceo", org, "2026-01-01")}


def test_a_successor_not_yet_named_takes_nothing(tmp_path) -> None:
    """'Her successor has not been named': no one after the noun, no RoleChange."""
    r = extract(tmp_path, "Quillon Labs chief executive Lena Ortiz resigned on Monday. Her "
                "successor has not been named. Tom Ashby, the chief financial officer, said "
                "the search had begun.", "2025-12-10", "en")
    assert not {f for f in r.facts if f.type == "RoleChange"}


def test_a_ceo_named_from_another_company_replacing_one_who_left(tmp_path) -> None:
    """'Nova names Quillon's X as CEO, replacing Y': Y, named by ', who' with no given name
    any list holds, is replaced, not hired; 'will become its chairman' is Nova's (the
    subject's), not the apposition's company; 'Quillon said Z would succeed X': X's post at
    Quillon, the company the sentence names."""
    r = extract(tmp_path, "Nova Dynamics names Quillon Labs' Tom Ashby as CEO, replacing "
                "Laxman Narasimhan\nNova Dynamics said on Tuesday that Tom Ashby, the chief "
                "executive of Quillon Labs, will become its chairman and chief executive on "
                "September 9. He replaces Laxman Narasimhan, who stepped down immediately.\n"
                "Quillon Labs said its chief operating officer Sean Roe would succeed Ashby.",
                "2024-08-14", "en")
    assert ("Departure", "Laxman Narasimhan", "Nova Dynamics", "2024-08-13") not in events(r)
    assert {e[:3] for e in events(r) if e[0] in ("Joining", "Departure")} == {
        ("Joining", "Tom Ashby", "Nova Dynamics"),
        ("Departure", "Laxman Narasimhan", "Nova Dynamics")}
    changes = {(f.person.name, f.role, f.org.name) for f in r.facts if f.type == "RoleChange"}
    assert changes == {("Tom Ashby", "ceo", "Nova Dynamics"),
                       ("Tom Ashby", "board-chair", "Nova Dynamics"),
                       ("Sean Roe", "ceo", "Quillon Labs")}


@pytest.mark.parametrize("lang, text, expected", [
    # reported speech of another person, named, is narration: its event and date count
    ("zh-Hans", "星海集团首席执行官李海卸任\n4月6日晚间，星海集团发布公告称，李海因家庭原因"
                "卸任集团首席执行官一职。",
     ("Departure", "李海", "星海集团", "2025-04-06")),
    # a day's dot between a German verb and its particle ends no clause
    ("de", "Der Vorstandschef der Quillon AG, Roland Vogt, trat am 1. Juli zurück.",
     ("Departure", "Roland Vogt", "Quillon AG", "2025-07-01")),
])
def test_events_told_in_reported_speech_and_around_a_day(tmp_path, lang, text, expected) -> None:
    assert expected in events(extract(tmp_path, text, "2025-12-10", lang))


def test_a_retirement_effective_on_a_day_told_after_the_reporting_day(tmp_path) -> None:
    """'said on Monday that X had retired …, effective December 1' (in March): the day it
    took effect, the nearest December 1 before the published day; 'started his career at
    Intel' founds nothing; interim co-chief executives are named chief executives."""
    r = extract(tmp_path, "Nova Dynamics said on Monday that chief executive Tom Ashby had "
                "retired from the company and stepped down from its board, effective December "
                "1. Chief financial officer Sean Roe and Lena Ortiz were named interim "
                "co-chief executives. Ashby had started his career at Nova Dynamics in 1989.",
                "2025-03-20", "en")
    assert ("Departure", "Tom Ashby", "Nova Dynamics", "2024-12-01") in events(r)
    assert not {e for e in events(r) if e[0] == "Founding"}
    assert role_changes(r) == {
        ("Sean Roe", "ceo"), ("Lena Ortiz", "ceo")}


@pytest.mark.parametrize("text, published, date", [
    ("Tom Ashby steps down as Nova Dynamics chief executive effective January 1.",
     "2024-12-03", "2025-01-01"),  # effective: the nearer January 1, to come
    ("Tom Ashby joined Nova Dynamics in 2019 and will step down effective January 1.",
     "2024-12-03", "2025-01-01"),
])
def test_effective_dates_without_a_year(tmp_path, text, published, date) -> None:
    found = {e for e in events(extract(tmp_path, text, published, "en"))}
    assert ("Departure", "Tom Ashby", "Nova Dynamics", date) in found
    assert all(e[3] != date for e in found if e[0] == "Joining")


def test_a_german_resignation_reported_in_the_subjunctive(tmp_path) -> None:
    """'Vorstandschef X trete zurück, teilte Y am Donnerstagabend mit': a Departure, on
    that Thursday."""
    r = extract(tmp_path, "Vorstandschef Roland Vogt trete zurück, teilte die Quillon AG am "
                "Donnerstagabend mit.", "2024-08-23", "de")
    assert ("Departure", "Roland Vogt", "Quillon AG", "2024-08-22") in events(r)


def _changes(r) -> set[tuple]:
    return {(f.person.name, f.role, f.org.name if f.org else None,
             f.date.value if f.date else None) for f in r.facts if f.type == "RoleChange"}


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Sean Roe will serve as interim chief executive of Nova Dynamics.",
     ("Sean Roe", "ceo", "Nova Dynamics", None)),
    ("en", "Sean Roe stepped in as interim CEO of Nova Dynamics in March.",
     ("Sean Roe", "ceo", "Nova Dynamics", "2025-03")),
    ("en", "Nova Dynamics' board has chosen Sean Roe as its new chief executive.",
     ("Sean Roe", "ceo", "Nova Dynamics", None)),
    ("en", "Sean Roe was elevated to chief executive of Nova Dynamics in March.",
     ("Sean Roe", "ceo", "Nova Dynamics", "2025-03")),
    # German puts the verb last, the title and "zum" before it
    ("de", "Der Aufsichtsrat hat Roland Vogt zum Vorstandschef der Quillon AG bestellt.",
     ("Roland Vogt", "ceo", "Quillon AG", None)),
    ("de", "Der Aufsichtsrat hat Roland Vogt mit Wirkung zum 1. Juli zum neuen "
     "Vorstandsvorsitzenden der Quillon AG berufen.",
     ("Roland Vogt", "ceo", "Quillon AG", "2025-07-01")),
    ("de", "Anke Moll, Mitgründerin von Lintra, wurde im März zur Finanzchefin der Quillon AG "
     "ernannt.", ("Anke Moll", "cfo", "Quillon AG", "2025-03")),
    ("zh-Hans", "华岳科技宣布，由首席财务官吴泽明暂代首席执行官一职。",
     ("吴泽明", "ceo", "华岳科技", None)),
])
def test_appointments_told_by_other_verbs(tmp_path, lang, text, expected) -> None:
    """'will serve as', 'stepped in as', 'has chosen … as', 'was elevated to'; German 'hat X
    zum Vorstandschef bestellt / berufen' (a date between the name and 'zum' no distance),
    'wurde … zur Finanzchefin ernannt' after an apposition; 暂代: a RoleChange each."""
    assert expected in _changes(extract(tmp_path, text, "2025-06-10", lang))


def test_the_one_whose_succession_is_taken_keeps_no_new_role(tmp_path) -> None:
    """'X tritt die Nachfolge von Y als Vorstandschefin an': X takes the post, Y does not."""
    r = extract(tmp_path, "Roland Vogt tritt im Juli die Nachfolge von Anke Moll als "
                "Vorstandschef der Quillon AG an.", "2025-06-10", "de")
    assert {c[:3] for c in _changes(r)} == {("Roland Vogt", "ceo", "Quillon AG")}
    assert not {x for x in roles(r) if x[0] == "Anke Moll" and not x[3]}


def test_the_companys_officer_and_the_head_of_a_companys_unit(tmp_path) -> None:
    """'X, the company's chief operating officer,': the company the article is about;
    'Y, the head of Nova's commercial unit,': head at Nova, not at the company of the
    paragraph before."""
    r = extract(tmp_path, "Nova Dynamics said on Monday that it would change its leaders, "
                "after a failure on a Brightwater Robotics line in January.\n\nSean Roe, the "
                "head of Nova Dynamics' commercial airplanes unit, is leaving the company "
                "immediately. Lena Ortiz, the company's chief operating officer, will take "
                "over the unit.", "2025-03-25", "en")
    assert {("Sean Roe", "head", "Nova Dynamics", False),
            ("Lena Ortiz", "coo", "Nova Dynamics", False)} <= roles(r)


def test_the_company_a_titled_person_leaves_is_where_the_title_is(tmp_path) -> None:
    """'Der bisherige Konzernchef X verlässt das Unternehmen' after 'Quillon-Chef Y wird …':
    X leaves the company of his title, not Quillon, which opened the sentence before;
    '华岳科技工程师X已于…离开公司': 华岳科技; 'Pfizer analyst X announced that he was leaving
    the company', 'X, Forscherin bei Henkel, verließ das Unternehmen': Pfizer, Henkel."""
    r = extract(tmp_path, "Die Lintra AG bekommt einen neuen Chef. Quillon-Chef Roland "
                "Vogt wird zum 1. September Vorstandsvorsitzender der Lintra AG, wie der "
                "Konzern mitteilte. Der bisherige Konzernchef Anke Moll verlässt das "
                "Unternehmen.", "2025-07-23", "de")
    assert {(e[1], e[2]) for e in events(r) if e[0] == "Departure"} == {
        ("Anke Moll", "Lintra AG")}
    r = extract(tmp_path, "星海集团宣布裁员。华岳科技工程师吴泽明已于2025年3月离开公司。",
                "2025-07-23", "zh-Hans")
    assert ("Departure", "吴泽明", "华岳科技", "2025-03") in events(r)
    # the title before the clause of the verb, or in apposition after the name
    r = extract(tmp_path, "Tencent cut jobs. Pfizer analyst Tom Ashby announced on May 17, "
                "2024 that he was leaving the company.", "2024-07-23", "en")
    assert ("Departure", "Tom Ashby", "Pfizer", "2024-05-17") in events(r)
    r = extract(tmp_path, "Tencent baut Stellen ab. Anke Moll, Forscherin bei Henkel, verließ "
                "das Unternehmen im Mai 2024.", "2024-07-23", "de")
    assert ("Departure", "Anke Moll", "Henkel", "2024-05") in events(r)


def test_posts_and_letters_are_no_releases_and_a_name_before_jianren(tmp_path) -> None:
    """'发布内部信宣布': no Release; '由財務長X兼任發言人': X is found, the CFO and spokesperson."""
    r = extract(tmp_path, "5月20日，华岳科技创始人吴泽明发布内部信宣布，他将卸任公司CEO一职。"
                "华岳科技同日宣布，由財務長程立兼任發言人。", "2025-05-20", "zh-Hant")
    assert not {e for e in events(r) if e[0] == "Release"}
    assert {("程立", "cfo", "华岳科技", False), ("程立", "spokesperson", "华岳科技", False)} \
        <= roles(r)


def test_a_return_announced_late_on_a_day_ousting_the_successor(tmp_path) -> None:
    """'said late Sunday that X would return as chief executive, …, ousting Y': X's Return
    and Y's Dismissal, both that Sunday; 'joined ABC in 1974': ABC (the registry's)."""
    r = extract(tmp_path, "Nova Dynamics said late Sunday that Tom Ashby would return as "
                "chief executive, effective immediately, ousting Sean Roe less than three years "
                "after he was handed the top job. Tom Ashby joined ABC in 1974.",
                "2022-11-21", "en")
    assert {("Return", "Tom Ashby", "Nova Dynamics", "2022-11-20"),
            ("Dismissal", "Sean Roe", "Nova Dynamics", "2022-11-20"),
            ("Joining", "Tom Ashby", "ABC", "1974")} <= events(r)


def test_a_german_title_taken_after_wird_and_a_legal_form(tmp_path) -> None:
    """'Quillon-Chef X wird zum 1. September Vorstandsvorsitzender der Siemens AG': a RoleChange
    on that day, at Siemens (the registry's: 'AG' is a legal form, not a unit); 'Er wird …
    verlassen, sagte Vorstandschef Y', 'Finanzchef Y hat 100 Züge bestellt': no change of
    Y's."""
    r = extract(tmp_path, "Quillon-Chef Roland Vogt wird zum 1. September Vorstandsvorsitzender "
                "der Siemens AG, wie der Konzern am Freitag mitteilte. Anke Moll wird das "
                "Unternehmen verlassen, sagte Finanzchef Ralf Berger. Finanzchef Ralf Berger "
                "hat 100 Züge bei Siemens bestellt.", "2025-07-23", "de")
    assert _changes(r) == {("Roland Vogt", "ceo", "Siemens", "2025-09-01")}


def test_a_compound_title_before_an_unknown_given_name_and_former_words(tmp_path) -> None:
    """'Der frühere Henkel-Chef Bjørn Tallaksen': a person (the compound's last part is a
    title), whose Henkel post is past; 'X war zuvor Vorstandschefin von Y', 'He was the
    chief executive of Y': past posts too; 'X folgt auf Y, der das Unternehmen vorzeitig
    verlässt': Y leaves the article's company, not the one of Y's past post."""
    r = extract(tmp_path, "Bjørn Tallaksen wird neuer Lintra-Chef\n\nDer frühere Henkel-Chef "
                "Bjørn Tallaksen übernimmt zum 1. Januar 2026 den Vorstandsvorsitz bei der "
                "Lintra AG. Er folgt auf Anke Moll, die das Unternehmen vorzeitig verlässt. "
                "Moll war zuvor Vorstandschefin von Nova Dynamics.", "2025-11-04", "de")
    assert {("Bjørn Tallaksen", "ceo", "Henkel", True),
            ("Anke Moll", "ceo", "Nova Dynamics", True)} <= roles(r)
    assert ("Bjørn Tallaksen", "ceo", "Lintra AG", "2026-01-01") in _changes(r)
    assert {(e[0], e[1], e[2]) for e in events(r) if e[1] == "Anke Moll"} == {
        ("Departure", "Anke Moll", "Lintra AG")}
    r = extract(tmp_path, "Tom Ashby left Lintra. He was the chief executive of Quillon Labs.",
                "2025-11-04", "en")
    assert ("Tom Ashby", "ceo", "Quillon Labs", True) in roles(r)


def test_who_speaks_when_a_comma_follows_the_verb_and_a_colon_opens_a_quote(tmp_path) -> None:
    """'Aufsichtsratschef X sagte, Y sei „…“': X says it, Y is spoken of; '董事局主席X在内部信中
    表示:“Y为…”': X (董事局主席: the board's chair), and Y holds no post from a list."""
    r = extract(tmp_path, "Lintra ernennt Anke Moll zur Vorstandschefin. Aufsichtsratschef Ralf "
                "Berger sagte, Anke Moll sei „die perfekte Wahl“.", "2025-11-04", "de")
    assert statements(r) == {("Ralf Berger", "die perfekte Wahl")}
    r = extract(tmp_path, "华岳科技董事局主席程立在内部信中表示:“吴泽明为公司的发展做出了巨大贡献。”",
                "2025-11-04", "zh-Hans")
    assert ("程立", "board-chair", "华岳科技", False) in roles(r)
    assert not {x for x in roles(r) if x[0] == "吴泽明"}


def test_dates_of_the_present_abbreviated_months_the_same_day_and_said_on(tmp_path) -> None:
    """'said on Thursday that X will retire … on Oct. 13': that day, not Thursday, and the
    successor takes both posts; 'takes over … on Oct. 14', 'Ende Juni verlässt' (the present, the
    nearer date: to come); 'leaving in 2009' after 'CTO in 2001': 2009; '于同日' after a
    year-only '去年': the day of the news; 'X, a veteran who retired in 2020': X only."""
    r = extract(tmp_path, "Quillon Labs said on Thursday that Tom Ashby will retire as "
                "president and chief executive officer on Oct. 13, and that Sean Roe, a "
                "longtime executive who retired in 2020, will succeed him. Lena Ortiz takes "
                "over as chief financial officer on Oct. 14.", "2024-09-19", "en")
    assert {("Departure", "Tom Ashby", "Quillon Labs", "2024-10-13"),
            ("Departure", "Sean Roe", "Quillon Labs", "2020")} <= events(r)
    assert not {e for e in events(r) if e[1] == "Tom Ashby" and e[3] == "2020"}
    assert {("Sean Roe", "president"), ("Sean Roe", "ceo")} <= {c[:2] for c in _changes(r)}
    assert ("Lena Ortiz", "cfo", "Quillon Labs", "2024-10-14") in _changes(r)
    r = extract(tmp_path, "Tom Ashby started at Quillon Labs in 1979 and became its chief "
                "technology officer in 2001 before leaving in 2009.", "2024-12-02", "en")
    assert ("Departure", "Tom Ashby", "Quillon Labs", "2009") in events(r)
    r = extract(tmp_path, "Die Lintra AG bekommt einen neuen Chef. Roland Vogt folgt auf Anke "
                "Moll, die den Konzern Ende Juni verlässt.", "2025-05-02", "de")
    assert ("Departure", "Anke Moll", "Lintra AG", "2025-06") in events(r)
    r = extract(tmp_path, "4月7日，华岳科技宣布，吴泽明卸任首席执行官。程立于2018年加入华岳科技，"
                "去年被任命为首席财务官。星海物流CEO余睿也于同日宣布调整，由胡伟接任星海物流CEO。",
                "2022-04-07", "zh-Hans")
    assert ("胡伟", "ceo", "2022-04-07") in {(c[0], c[1], c[3]) for c in _changes(r)}


def test_an_independent_chair_and_a_bisheriger_chief_leaving_the_company(tmp_path) -> None:
    """'X, the independent chair of Y's board, will serve as interim executive chair',
    'to succeed Z as independent chair': board chairs ('chair' is a title, 'independent' a
    modifier); 'Der bisherige Konzernchef X verlässt das Unternehmen': a past post (bisher),
    and still the company X leaves."""
    r = extract(tmp_path, "Ralf Berger, the independent chair of Quillon Labs' board, will "
                "serve as interim executive chair. The board elected Sean Roe to succeed "
                "Berger as independent chair.", "2024-12-02", "en")
    assert {("Ralf Berger", "board-chair", "Quillon Labs", False),
            ("Sean Roe", "board-chair", "Quillon Labs", False)} <= roles(r)
    r = extract(tmp_path, "Die Lintra AG bekommt einen neuen Chef. Quillon-Chef Roland Vogt "
                "wird Vorstandsvorsitzender der Lintra AG. Der bisherige Konzernchef Anke "
                "Moll verlässt das Unternehmen.", "2025-07-23", "de")
    assert ("Anke Moll", "ceo", "Lintra AG", True) in roles(r)
    assert ("Departure", "Anke Moll", "Lintra AG") in {e[:3] for e in events(r)}


def test_its_after_a_title_before_the_name_and_a_chain_of_titles(tmp_path) -> None:
    """'appointed Quillon Labs CEO X as its chairman and chief executive officer': 'its' is
    the subject's (not the organization of X's title), and both titles of the chain are
    taken, the second more than 60 characters after the verb."""
    r = extract(tmp_path, "Nova Dynamics said on Tuesday it had appointed Quillon Labs CEO "
                "Sean Roe as its chairman and chief executive officer.", "2024-08-13", "en")
    assert {("Sean Roe", "board-chair", "Nova Dynamics", "2024-08-13"),
            ("Sean Roe", "ceo", "Nova Dynamics", "2024-08-13")} == _changes(r)
    assert ("Sean Roe", "ceo", "Quillon Labs", False) in roles(r)


def test_a_name_in_its_own_apposition_before_would_become(tmp_path) -> None:
    """'its chief operating officer, X, would become interim CEO': the comma closing X's
    apposition stands between the name and the copula; 'lead independent director' is a
    board seat."""
    r = extract(tmp_path, "Quillon Labs said its chief operating officer, Sean Roe, would "
                "become interim CEO. Lena Ortiz will become lead independent director.",
                "2024-08-13", "en")
    assert ("Sean Roe", "ceo", "Quillon Labs", None) in _changes(r)
    assert ("Lena Ortiz", "board-member", "Quillon Labs", False) in roles(r)


def test_effective_immediately_is_the_day_it_was_told(tmp_path) -> None:
    """'stepped down, effective immediately': the published day, or the day the sentence
    names ('said late Sunday that …, effective immediately'), not a date of the sentence
    before; 'The appointments take effect on …' after a sentence of changes dates them."""
    r = extract(tmp_path, "Sean Roe will join Quillon Labs on Sept. 9. Tom Ashby stepped down "
                "as CEO, effective immediately, the company said.", "2024-08-13", "en")
    assert ("Departure", "Tom Ashby", "Quillon Labs", "2024-08-13") in events(r)
    r = extract(tmp_path, "Quillon Labs said late Sunday that Sean Roe would return as chief "
                "executive, effective immediately, ousting Tom Ashby.", "2022-11-21", "en")
    assert ("Dismissal", "Tom Ashby", "Quillon Labs", "2022-11-20") in events(r)
    r = extract(tmp_path, "6月20日，华岳科技发布公告。\n根据公告，华岳科技执行副主席程立将接任董事会"
                "主席，星海集团董事长吴泽明将接任华岳科技首席执行官。上述任命将于2023年9月10日生效。",
                "2023-06-20", "zh-Hans")
    assert {("程立", "board-chair", "华岳科技", "2023-09-10"),
            ("吴泽明", "ceo", "华岳科技", "2023-09-10")} == _changes(r)


def test_who_takes_which_post_in_a_chinese_list_and_a_handover(tmp_path) -> None:
    """'由A接任董事长、B出任总裁': B is president, not A; '台积电进入…时代' after a space in
    a headline: the company is the subject, no one joins; '卸任，专任Y董事长' leaves the
    post the sentence names first, not Y; 'den Vorstandsvorsitz an … X übergeben': X takes
    it."""
    r = extract(tmp_path, "吴泽明退休 华岳科技进入双首长时代\n华岳科技今日召开股东会，创办人吴泽明在会后"
                "正式退休，由程立接任董事长、胡伟出任总裁。", "2018-06-05", "zh-Hans")
    assert {("程立", "board-chair", "华岳科技", "2018-06-05"),
            ("胡伟", "president", "华岳科技", "2018-06-05")} == _changes(r)
    assert not {e for e in events(r) if e[0] == "Joining"}
    r = extract(tmp_path, "6月20日，华岳科技发布公告称，华岳科技董事会主席程立将卸任，专任星海集团董事长。",
                "2023-06-20", "zh-Hans")
    assert ("Departure", "程立", "华岳科技", "2023-06-20") in events(r)
    assert not {e for e in events(r) if e[0] == "Departure" and e[2] == "星海集团"}
    r = extract(tmp_path, "Bei der Lintra AG ist der Wechsel vollzogen. Anke Moll hat am "
                "Mittwoch den Vorstandsvorsitz an ihren bisherigen Stellvertreter Roland Vogt "
                "übergeben.", "2021-02-03", "de")
    assert ("Roland Vogt", "ceo", "Lintra AG", "2021-02-03") in _changes(r)


def test_taking_over_from_a_titled_predecessor(tmp_path) -> None:
    """'X, a former Y executive, took over from interim chief executive Z in March 2023': X
    takes Z's post at the article's company; X was an executive of Y."""
    r = extract(tmp_path, "Quillon Labs has a new boss.\n\nSean Roe, a former Nova Dynamics "
                "executive, took over from interim chief executive Tom Ashby in March 2023.",
                "2024-08-13", "en")
    assert _changes(r) == {("Sean Roe", "ceo", "Quillon Labs", "2023-03")}
    assert ("Sean Roe", "executive", "Nova Dynamics", True) in roles(r)


def test_a_name_before_a_quote_after_said_is_spoken_of(tmp_path) -> None:
    """'The board said X "was not consistently candid"': X is spoken of, not the speaker;
    'the company that created ChatGPT' forms nothing (its object follows), so a founder's
    title keeps the founding's own date; 'Chief Science Officer' names no person."""
    r = extract(tmp_path, "The board of Quillon Labs, the company that created Brightbot, "
                "fired Sean Roe. The board said Roe \"was not consistently candid.\" Roe "
                "co-founded Quillon Labs in 2015. Quillon Labs co-founder Tom Ashby quit. "
                "Lena Ortiz, the Chief Science Officer, stayed.", "2023-11-17", "en")
    assert not statements(r)
    assert ("Founding", "Tom Ashby", "Quillon Labs", "2015") in events(r)
    assert not {f for f in r.facts if f.person is not None and "Officer" in f.person.name}


def test_a_title_taken_in_addition_and_a_succession_told_before_the_teller(tmp_path) -> None:
    """'X wird zusätzlich COO': the title after a copula and an adverb of addition is
    taken; 'X werde zum 1. September die Nachfolge von Y antreten, teilte der Aufsichtsrat
    mit': X takes Y's post from the headline, on September 1 (the board, in the clause
    after, is not the post)."""
    r = extract(tmp_path, "Die Lintra AG tauscht den Chef aus: Anke Moll folgt auf Roland Vogt\n\n"
                "Nova-Chefin Anke Moll werde zum 1. September die Nachfolge von Roland Vogt "
                "antreten, teilte der Aufsichtsrat am Freitagabend mit. Finanzvorstand Jonas "
                "Weber wird zusätzlich Chief Operating Officer des Konzerns.",
                "2022-07-22", "de")
    changes = _changes(r)
    assert ("Anke Moll", "ceo", "Lintra AG", "2022-09-01") in changes
    assert ("Jonas Weber", "coo", "Lintra AG", "2022-07-22") in changes
    assert not {c for c in changes if c[0] == "Anke Moll" and c[3] != "2022-09-01"}


def test_a_decision_told_in_the_present_perfect_is_news(tmp_path) -> None:
    """'He remained executive chairman until December 2021. He has agreed to serve as CEO
    for two years': the change is the news of the lede's day, not of a date told before."""
    r = extract(tmp_path, "Quillon Labs said late Sunday that Tom Ashby would return as chief "
                "executive officer, effective immediately.\n\nAshby ran Quillon for 15 years. "
                "He remained executive chairman until December 2021. He has agreed to serve "
                "as CEO for two years, the company said.", "2022-11-21", "en")
    assert {c[3] for c in _changes(r) if c[0] == "Tom Ashby"} == {"2022-11-20"}


def test_handing_the_top_job_to_a_titled_successor(tmp_path) -> None:
    """'X stepped down as chief executive, handing the top job to chief technology officer
    Y': Y takes X's post (Y's own title, after 'to', is not the one handed); 'an
    independent director' sits on the board."""
    r = extract(tmp_path, "Quillon Labs co-founder Tom Ashby stepped down as chief executive "
                "on Monday, handing the top job to chief technology officer Sean Roe. Lena "
                "Ortiz, an independent director, will become chairman of the board.",
                "2021-11-29", "en")
    assert ("Sean Roe", "ceo", "Quillon Labs", "2021-11-29") in _changes(r)
    assert not {c for c in _changes(r) if c[0] == "Sean Roe" and c[1] == "cto"}
    assert ("Lena Ortiz", "board-member", "Quillon Labs", False) in roles(r)
    assert not {x for x in roles(r) if x[0] == "Lena Ortiz" and x[1] == "head"}


def test_a_chaebol_chairman_and_a_korean_name_in_chinese(tmp_path) -> None:
    """'副會長李在民升任會長': 會長/副會長 are a chairman's and a vice chairman's titles; 在
    fills a given name after the surname; a name after its title may be followed by a
    year ('已故會長金正熙2020年10月去世'); '27日宣布' is the 27th nearest the published day;
    '自2012年起擔任…副會長': the role taken is dated by its "since"."""
    r = extract(tmp_path, "星河集團27日宣布，董事會通過副會長李在民升任會長的案子。"
                "已故會長金正熙2020年10月去世後，星河集團睽違兩年再度出現會長。\n\n"
                "李在民自2012年起擔任星河集團副會長，2014年父親病倒後實際掌管集團。",
                "2022-10-27", "zh-Hant")
    assert {("李在民", "board-chair", "星河集團", False), ("李在民", "vice-chair", "星河集團", False),
            ("金正熙", "board-chair", "星河集團", False)} <= roles(r)
    changes = _changes(r)
    assert ("李在民", "board-chair", "星河集團", "2022-10-27") in changes
    assert ("李在民", "vice-chair", "星河集團", "2012") in changes


def test_a_news_agency_credit_is_no_company_of_the_story(tmp_path) -> None:
    """'华岳科技讯 6月20日上午消息，星海集团今日发布公告称…集团执行副主席X': the credited
    outlet is no organization, so 集团 is 星海集团; '今年3月起出任…董事长' is dated March."""
    r = extract(tmp_path, "华岳科技讯 6月20日上午消息，星海集团今日发布公告称，董事会主席张伟将卸任。"
                "届时，集团执行副主席蔡文信将接任董事会主席。\n\n"
                "吴立铭曾任星海数据总裁，今年3月起出任星海云科技董事长。", "2023-06-20", "zh-Hans")
    assert not {x for x in roles(r) if x[2] == "华岳科技"}
    assert ("蔡文信", "vice-chair", "星海集团", False) in roles(r)
    assert ("吴立铭", "board-chair", "星海云科技", "2023-03") in _changes(r)


def test_a_copula_title_after_a_titled_object(tmp_path) -> None:
    """'Quillon said it had appointed Nova Dynamics Holdings chief executive officer X as
    its new chairman and CEO': X's change is to Quillon's posts (the title after 'as',
    counted from X's name), not to the one held at Nova."""
    r = extract(tmp_path, "SEATTLE, Aug 13 (Reuters) - Quillon Labs said on Tuesday it had "
                "appointed Nova Dynamics Holdings chief executive officer Sean Roe as its new "
                "chairman and CEO. The company's chief financial officer, Lena Ortiz, will "
                "serve as interim chief executive.", "2024-08-13", "en")
    changes = _changes(r)
    assert {("Sean Roe", "board-chair", "Quillon Labs", "2024-08-13"),
            ("Sean Roe", "ceo", "Quillon Labs", "2024-08-13")} <= changes
    assert not {c for c in changes if c[2] == "Nova Dynamics Holdings"}
    assert ("Lena Ortiz", "cfo", "Quillon Labs", False) in roles(r)


def test_a_sole_chief_and_a_month_of_last_year(tmp_path) -> None:
    """'X wird alleiniger Vorstandschef': a modifier of the title; 'im Oktober vergangenen
    Jahres' is October of the year before."""
    r = extract(tmp_path, "Lintra: Anke Moll verlässt den Konzern, Jonas Weber wird alleiniger "
                "Vorstandschef\n\nWeber war im Oktober vergangenen Jahres zum Finanzchef der "
                "Lintra AG ernannt worden.", "2020-04-20", "de")
    changes = _changes(r)
    assert ("Jonas Weber", "ceo", "Lintra AG") in {c[:3] for c in changes}
    assert ("Jonas Weber", "cfo", "Lintra AG", "2019-10") in changes


def test_a_speaker_after_a_quote_with_a_title_in_apposition(tmp_path) -> None:
    """'"…," Lena Ortiz, Quillon Labs' independent chair, said in a statement': the bare
    apostrophe of a plural-looking name is a possessive, so the name is found by its title;
    she chairs Quillon's board and said the quote (the title set off by commas stands
    between her name and the verb)."""
    r = extract(tmp_path, "\"I have been impressed with his track record,\" Lena Ortiz, Quillon "
                "Labs' independent chair, said in a statement.", "2024-08-13", "en")
    assert ("Lena Ortiz", "board-chair", "Quillon Labs", False) in roles(r)
    assert ("Lena Ortiz", "I have been impressed with his track record,") in statements(r)


def test_the_same_adjectives_after_a_copula_and_after_an_owner(tmp_path) -> None:
    """'wird designierte Vorstandschefin', 'ist scheidende Chefin', 'was appointed incoming
    chief executive', 'Quillon Labs' joint chief executive, X': an adjective that may stand
    between an owner and its title may also stand between a copula and it, and the other
    way round; the role is the title's. The bare apostrophe of 'Quillon Labs'' owns the
    title as "'s" does."""
    r = extract(tmp_path, "Nora Vell wird designierte Vorstandschefin von Quillon Labs. Tom "
                "Ashby ist scheidender Finanzchef von Quillon Labs.", "2024-03-05", "de")
    assert {("Nora Vell", "ceo", "Quillon Labs", False),
            ("Tom Ashby", "cfo", "Quillon Labs", False)} <= roles(r)
    r = extract(tmp_path, "Nora Vell was appointed incoming chief executive of Quillon Labs on "
                "Monday. Quillon Labs' joint chief executive, Tom Ashby, said the deal was "
                "done.", "2024-03-05", "en")
    assert {("Nora Vell", "ceo", "Quillon Labs", False),
            ("Tom Ashby", "ceo", "Quillon Labs", False)} <= roles(r)
    assert ("RoleChange", "Nora Vell", "Quillon Labs", "2024-03-04") in events(r)


def test_a_legal_form_after_a_known_company_is_part_of_its_name(tmp_path) -> None:
    """'Former General Electric Co chief executive X': the known company's mention covers
    'General Electric Co' (Reuters writes the legal form without a full stop), so 'Former'
    stands right before the organization and X's post there is a former one."""
    r = extract(tmp_path, "Former General Electric Co chief executive Tom Ashby had also been "
                "a candidate for the job. Volkswagen AG chief financial officer Nora Vell said "
                "on Monday that she was pleased.", "2017-08-29", "en")
    assert {("Tom Ashby", "ceo", "General Electric", True),
            ("Nora Vell", "cfo", "Volkswagen", False)} <= roles(r)
    assert {"General Electric Co", "Volkswagen AG"} <= surfaces(r)


def test_chinese_relieved_of_a_post_no_longer_holding_one_and_once_at_a_company(tmp_path
                                                                               ) -> None:
    """'董事會解除X的董事長職務': a Dismissal (and '討論解除' a hedged one: none); '將不再擔任
    上述職務': a Departure on the lede's day; '曾在Y擔任' and '在Y也曾擔任': a post held before
    at Y (no RoleChange; '也曾擔任' is no field of Y's)."""
    r = extract(tmp_path, "星海集團22日召開臨時董事會，一致通過解除顧明為的董事長職務。"
                "華岳科技也表示，將討論解除程立的董事職務。\n\n5月18日，華岳科技宣布，總裁吳立銘"
                "將不再擔任上述職務。吳立銘曾在星海科技擔任高級副總裁。陳立群在星海科技也曾擔任"
                "副總裁。", "2018-11-22", "zh-Hant")
    assert {("Dismissal", "顧明為", "星海集團", "2018-11-22"),
            ("Departure", "吳立銘", "華岳科技", "2018-05-18")} <= events(r)
    assert not {e for e in events(r) if e[1] == "程立" or e[0] == "RoleChange"}
    assert {("吳立銘", "vice-president", "星海科技", True),
            ("陳立群", "vice-president", "星海科技", True)} <= roles(r)


def test_an_organization_after_of_ends_before_its_possessive(tmp_path) -> None:
    """'chair of the Quillon Forum's task force': the organization is Quillon Forum, not
    "Quillon Forum's"."""
    r = extract(tmp_path, "Nora Vell joined Brightwater Robotics in 2011. She has served as "
                "chair of the Quillon Forum's task force on the future of work.", "2023-05-12",
                "en")
    assert "Quillon Forum" in named(r, "Organization")
    assert not {n for n in named(r, "Organization") if n.endswith("'s")}


def test_a_former_word_before_the_copula(tmp_path) -> None:
    """'X previously served as senior vice president of Y': the former word stands before
    the copula, not before the title; the post is a former one."""
    r = extract(tmp_path, "Quillon Labs named Tom Ashby chief executive on Monday. Ashby "
                "previously served as senior vice president of Brightwater Robotics.",
                "2024-03-05", "en")
    assert ("Tom Ashby", "vice-president", "Brightwater Robotics", True) in roles(r)
    assert ("Tom Ashby", "vice-president", "Brightwater Robotics", False) not in roles(r)


def releases(result) -> set[tuple]:
    return {(f.org.name, f.product, f.date.value if f.date else None)
            for f in result.facts if f.type == "Release"}


@pytest.mark.parametrize(("text", "published", "language", "expected"), [
    # the name after a noun of its kind, not the noun ("生成式AI产品文心一言"); a headline's
    # name after its colon is none of the release's
    ("星海科技正式发布文心图灵 顾明：不是中国的ChatGPT\n\n3月16日，星海科技正式发布大语言模型、"
     "生成式AI产品文心图灵。", "2023-03-16", "zh-Hans", {("星海科技", "文心图灵", "2023-03-16")}),
    # a Latin name of several words after the noun; a Chinese word after the Latin one is not
    # part of it
    ("2015年，星海科技发布语音识别系统Deep Voice 2。去年11月星海科技推出的QuillChat迅速爆红。",
     "2016-05-01", "zh-Hans", {("星海科技", "Deep Voice 2", "2015"),
                               ("星海科技", "QuillChat", "2015-11")}),
    # German, the verb closing its clause: the name before it, or the relative pronoun's
    # antecedent (not the person named after the clause)
    ("Kritiker sagten, dass Quillon Labs GPT-7 direkt veröffentlichte, ohne das Problem zu "
     "lösen. Er war an QLlama beteiligt, das Quillon Labs im Februar vorgestellt hat; Vell ist "
     "Technikchef.", "2023-06-13", "de", {("Quillon Labs", "GPT-7", None),
                                         ("Quillon Labs", "QLlama", "2023-02")}),
    # English: a participle after the product, not the month after it
    ("The push comes after a lukewarm reception for Quillon Labs' Atlas 4 models, released "
     "in April.", "2025-06-30", "en", {("Quillon Labs", "Atlas 4", "2025-04")}),
])
def test_the_product_a_release_names(tmp_path, text, published, language, expected) -> None:
    r = extract(tmp_path, text, published, language)
    assert releases(r) == expected


def test_an_organization_event_of_organizations_joined_by_and(tmp_path) -> None:
    """'sued Quillon and Brightwater': a Lawsuit against each; 'filed a similar suit against
    X in September': one more, its plaintiff the person before it."""
    r = extract(tmp_path, "The Northgate Herald sued Quillon Labs and Brightwater Robotics on "
                "Wednesday. Novelists including Tom Ashby filed a similar suit against Quillon "
                "Labs in September.", "2023-12-27", "en")
    assert {("Lawsuit", None, "Quillon Labs", "2023-12-27"),
            ("Lawsuit", None, "Brightwater Robotics", "2023-12-27"),
            ("Lawsuit", "Tom Ashby", "Quillon Labs", "2023-09")} <= events(r)


def test_a_return_to_a_post_and_money_invested_in_a_start_up(tmp_path) -> None:
    """'將自6月起重新兼任執行長': a Return, dated by the month it begins; 'investiert
    Milliarden in das Start-up X': X is funded, not the investor."""
    r = extract(tmp_path, "星海科技11日宣布，董事長顧明為將自6月起重新兼任執行長。",
                "2009-06-11", "zh-Hant")
    assert ("Return", "顧明為", "星海科技", "2009-06") in events(r)
    r = extract(tmp_path, "Zugleich investiert Quillon Labs Milliarden in das Start-up "
                "Brightwater Robotics.", "2023-03-14", "de")
    assert {e[2] for e in events(r) if e[0] == "Funding"} == {"Brightwater Robotics"}
    assert named(r, "Organization") == {"Quillon Labs", "Brightwater Robotics"}  # "Labs
    # Milliarden": the noun ending a name introduces no organization


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("An Quillon Labs spokeswoman, Dana Whitfield, said the company was disappointed.", "en",
     ("Dana Whitfield", "spokesperson", "Quillon Labs", False)),
    ("The lawsuit is baseless, said a Brightwater Robotics spokesperson, Omar Haddad.", "en",
     ("Omar Haddad", "spokesperson", "Brightwater Robotics", False)),
    ("Die Kölner Firma Lintra hat einen neuen Chef. Ein Lintra-Sprecher, Marc Weber, "
     "sagte, man begrüße die Wahl.", "de",
     ("Marc Weber", "spokesperson", "Lintra", False)),
])
def test_a_name_in_commas_after_an_organization_s_title_with_an_article(
        tmp_path, text, language, expected) -> None:
    """'An OpenAI spokeswoman, Lindsey Held, said': the article before the organization
    makes the title its, as a possessive does ('OpenAI's chief executive, Sam Altman,')."""
    assert expected in roles(extract(tmp_path, text, "2025-06-04", language))


@pytest.mark.parametrize(("text", "expected", "joining"), [
    ("Brightwater Robotics names Quillon Labs founder Lena Ortiz chief AI officer.",
     {("Lena Ortiz", "chief-ai-officer", "Brightwater Robotics", False),
      ("Lena Ortiz", "founder", "Quillon Labs", False)},
     ("Joining", "Lena Ortiz", "Brightwater Robotics", None)),
    ("Brightwater Robotics on Monday named Lena Ortiz its chief executive.",
     {("Lena Ortiz", "ceo", "Brightwater Robotics", False)},
     ("Joining", "Lena Ortiz", "Brightwater Robotics", "2025-06-02")),
])
def test_a_title_right_after_the_object_of_a_verb_of_appointing(tmp_path, text, expected,
                                                                 joining) -> None:
    """'Meta names Scale AI founder Alexandr Wang chief AI officer': the title after the
    named person is theirs, at the company that names them (not the one before the name)."""
    r = extract(tmp_path, text, "2025-06-04", "en")
    assert roles(r) == expected
    assert joining in events(r)


@pytest.mark.parametrize(("text", "language", "expected", "event"), [
    ("Tom Ashby, the retiring chief executive of Brightwater Robotics, said he was proud.",
     "en", ("Tom Ashby", "ceo", "Brightwater Robotics", False), None),
    ("Tom Ashby, the outgoing chief executive of Brightwater Robotics, said he was proud.",
     "en", ("Tom Ashby", "ceo", "Brightwater Robotics", False), None),
    ("Tom Ashby, der scheidende Chef von Lintra, sagte, er sei stolz.", "de",
     ("Tom Ashby", "ceo", "Lintra", False), None),
    ("Brightwater Robotics said Tom Ashby is retiring as chief executive at the end of June.",
     "en", ("Tom Ashby", "ceo", "Brightwater Robotics", False),
     ("Departure", "Tom Ashby", "Brightwater Robotics", "2025-06")),
])
def test_a_retiring_or_outgoing_title_holder(tmp_path, text, language, expected,
                                             event) -> None:
    """'X, the retiring/outgoing chief executive of Y': X holds the title until leaving;
    'X is retiring' is a Departure."""
    r = extract(tmp_path, text, "2025-06-04", language)
    assert expected in roles(r)
    assert event is None or event in events(r)


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Kölner Firma Lintra hat Verluste gemeldet. Der Rücktritt des Lintra-Chefs Marc Weber "
     "kam überraschend.",
     {("Marc Weber", "ceo", "Lintra", False)}),
    ("Die Kölner Firma Lintra hat Verluste gemeldet. Die Rede des Präsidenten von Lintra, Jürgen "
     "Koller, war kurz.",
     {("Jürgen Koller", "president", "Lintra", False)}),
    ("Die Kölner Firma Lintra hat Verluste gemeldet. Nach Angaben des Lintra-Analysten Marc "
     "Weber sinkt der Umsatz.", {("Marc Weber", "analyst", "Lintra", False)}),
    ("Marc Weber und Anna Berg werden Interims-Chefs von Lintra.",
     {("Marc Weber", "ceo", "Lintra", False), ("Anna Berg", "ceo", "Lintra", False)}),
    ("Marc Weber wurde zum Interimschef von Lintra ernannt.",
     {("Marc Weber", "ceo", "Lintra", False)}),
])
def test_a_german_title_in_the_genitive_or_plural(tmp_path, text, expected) -> None:
    """'des Intel-Chefs Pat Gelsinger', 'des Präsidenten', 'werden Interims-Chefs': a German
    one-word title with its genitive ending (which most share with the plural) is the title."""
    assert expected <= roles(extract(tmp_path, text, "2025-06-04", "de"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Kölner Firma Lintra teilte mit, Marc Weber sei mit Wirkung zum 1. Dezember in den "
     "Ruhestand getreten.", "2025-12-01"),
    ("Die Kölner Firma Lintra teilte mit, Marc Weber werde mit Wirkung zum 1. Dezember "
     "zurücktreten.", "2026-12-01"),
])
def test_mit_wirkung_zum_says_when_not_whether_to_come(tmp_path, text, expected) -> None:
    """'mit Wirkung zum 1. Dezember' is 'effective December 1': the day of that name nearest
    the published one, unless a word of the future (wird, reported werde) is in the clause."""
    assert {e[3] for e in events(extract(tmp_path, text, "2025-12-02", "de"))} == {expected}


def test_the_one_replaced_is_not_who_takes_the_post(tmp_path) -> None:
    """'他…，2018年接替创办人吴泽明出任董事长': the one after 接替 is replaced; the post goes
    to the clause's subject, whom the pronoun stands for."""
    r = extract(tmp_path, "星海集团董事长程立将于明年退休。他于1993年加入星海集团，2018年接替"
                "创办人吴泽明出任董事长。", "2025-06-04", "zh-Hans")
    changes = {e for e in events(r) if e[0] == "RoleChange"}
    assert changes == {("RoleChange", "程立", "星海集团", "2018")}
    assert ("吴泽明", "board-chair", "星海集团", False) not in roles(r)


def test_a_title_sought_is_no_one_s(tmp_path) -> None:
    """'will lead the search for Brightwater's next CEO': no one takes that post."""
    r = extract(tmp_path, "Brightwater Robotics elected Lena Ortiz as chair. Ortiz will lead "
                "the search for Brightwater's next CEO.", "2025-06-04", "en")
    assert [x for x in roles(r) if x[1] == "ceo"] == []
    assert [f for f in r.facts if f.kind == "event" and f.role == "ceo"] == []


def test_the_founding_team_is_no_team_of_its_own(tmp_path) -> None:
    """'创始团队成员', '管理团队': every company's founding or leading team, not a named unit."""
    r = extract(tmp_path, "吴泽明同样是星海集团的创始团队成员，曾担任集团首席技术官。",
                "2025-06-04", "zh-Hans")
    assert named(r, "Team") == set()


def test_an_introduced_name_ends_at_its_last_capitalized_word(tmp_path) -> None:
    """'Die Kölner Firma Lintra hat Verluste gemeldet': the introducing noun may be written
    in any case, the name's words only capitalized ('hat' is no part of it)."""
    r = extract(tmp_path, "Die Kölner Firma Lintra hat Verluste gemeldet.", "2025-06-04", "de")
    assert named(r, "Organization") == {"Lintra"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Thomas Berger wechselt von Quillon Labs zu Brightwater Robotics.",
     {("Joining", "Thomas Berger", "Brightwater Robotics", None),
      ("Departure", "Thomas Berger", "Quillon Labs", None)}),
    ("Der frühere Manager Thomas Berger wechselt zum französischen KI-Unternehmen "
     "Brightwater Robotics.", {("Joining", "Thomas Berger", "Brightwater Robotics", None)}),
])
def test_where_a_german_move_goes(tmp_path, text, expected) -> None:
    """'wechselt von X zu Y': Y is joined, X left; 'wechselt zum französischen
    KI-Unternehmen Y': a word describing the company may stand between verb and name."""
    assert events(extract(tmp_path, text, "2025-06-04", "de")) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Lena Ortiz left Quillon Labs in 2020 and founded Brightwater Robotics the following "
     "year.", "en", ("Founding", "Lena Ortiz", "Brightwater Robotics", "2021")),
    ("Lena Ortiz joined Quillon Labs in 2015. Two years later she became its chief "
     "executive.", "en", ("RoleChange", "Lena Ortiz", "Quillon Labs", "2017")),
    ("Marc Weber verließ 2015 Google. Im Jahr darauf gründete er Brightwater Robotics.", "de",
     ("Founding", "Marc Weber", "Brightwater Robotics", "2016")),
    ("星海科技首席执行官程立于2012年加入星海科技，次年离开星海科技。", "zh-Hans",
     ("Departure", "程立", "星海科技", "2013")),
])
def test_years_after_the_last_one_told(tmp_path, text, language, expected) -> None:
    """'the following year', 'two years later', 'im Jahr darauf', 次年: counted from the
    year of the event told before, as 'the previous year' counts back."""
    assert expected in events(extract(tmp_path, text, "2025-06-04", language))


def test_the_next_year_ahead_is_no_year_after_an_event(tmp_path) -> None:
    """'over the next year' looks ahead from now: it dates nothing told before."""
    r = extract(tmp_path, "Lena Ortiz joined Quillon Labs in 2015. She will step down as chief "
                "executive over the next year.", "2025-06-04", "en")
    assert ("Departure", "Lena Ortiz", "Quillon Labs", "2026") in events(r)


def test_a_dotted_name_and_its_surname_alone_are_one_person(tmp_path) -> None:
    """'首席设计长强尼·艾夫…艾夫于1992年加入': the part after the dot is that person's short
    form, not a Chinese name of its own (艾 is a surname too); 强 and 夫 transliterate."""
    r = extract(tmp_path, "星海科技首席设计长强尼·艾夫将于今年稍晚离职。艾夫于1992年加入星海科技。",
                "2025-06-04", "zh-Hans")
    assert named(r, "Person") == {"强尼·艾夫"}
    assert ("Joining", "强尼·艾夫", "星海科技", "1992") in events(r)


def test_a_former_mark_inside_a_chain_of_titles(tmp_path) -> None:
    """'星海科技创始人、前CEO程立': the founder title is current and the company's, the CEO
    title after 前 is past (and the company's too, not the one named after the name)."""
    r = extract(tmp_path, "星海科技创始人、前CEO程立宣布成立人工智能公司晨光智能。", "2025-06-04",
                "zh-Hans")
    assert {("程立", "founder", "星海科技", False), ("程立", "ceo", "星海科技", True)} <= roles(r)
    assert ("程立", "ceo", "晨光智能", True) not in roles(r)


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("4月10日，程立宣布成立人工智能公司晨光智能。", "zh-Hans",
     {("Founding", "程立", "晨光智能", "2025-04-10")}),
    ("Lena Ortiz set up Brightwater Robotics in 2019.", "en",
     {("Founding", "Lena Ortiz", "Brightwater Robotics", "2019")}),
    ("Lena Ortiz co-created Google's payments project in 2019.", "en", set()),
    ("Lena Ortiz was named to the newly created post of chief executive of Brightwater "
     "Robotics.", "en", set()),
])
def test_a_person_who_forms_a_company_founds_it(tmp_path, text, language, expected) -> None:
    """'X宣布成立…公司Y', 'X set up Y': a company formed by a person is their Founding; not a
    project of a company ("Y's project"), nor a post that was created."""
    found = {e for e in events(extract(tmp_path, text, "2025-06-04", language))
             if e[0] == "Founding"}
    assert found == expected


def test_the_one_replaced_named_in_both_scripts(tmp_path) -> None:
    """'接替韩默（Tom Ashby）出任执行长': the Chinese name before the bracket is Ashby's too,
    and he is the one replaced, not the new chief executive."""
    r = extract(tmp_path, "吴泽明2014年接替韩默（Tom Ashby）出任星海科技执行长。", "2025-06-04",
                "zh-Hans")
    assert {e for e in events(r) if e[0] == "RoleChange"} == {
        ("RoleChange", "吴泽明", "星海科技", "2014")}
    assert ("Tom Ashby", "ceo", "星海科技", False) not in roles(r)


def test_a_rarer_surname_after_a_title(tmp_path) -> None:
    """'首席运营官茹立云将加入': 茹 is a Chinese surname too."""
    r = extract(tmp_path, "星海科技首席运营官茹立云将加入晨光智能。", "2025-06-04", "zh-Hans")
    assert ("茹立云", "coo", "星海科技", False) in roles(r)


def test_a_potential_successor_takes_no_post(tmp_path) -> None:
    """'seen as a potential successor to Chief Executive X': a hedge; X holds the post, and
    no one takes it."""
    r = extract(tmp_path, "Lena Ortiz was named chief operating officer of Quillon Labs in 2015. "
                "She has been widely seen as a potential successor to Chief Executive Tom "
                "Ashby.", "2025-06-04", "en")
    assert {e for e in events(r) if e[0] == "RoleChange"} == {
        ("RoleChange", "Lena Ortiz", "Quillon Labs", "2015")}


def test_its_after_an_organization_owning_a_title(tmp_path) -> None:
    """'X, Quillon Labs's chief executive, and Y, its president': with no other organization
    named before it in the sentence, its is that of the title before (not the one of the
    paragraph before)."""
    r = extract(tmp_path, "Lena Ortiz and Tom Ashby, who left Brightwater Robotics in 2021, are "
                "returning to the company.\n\nOrtiz, Quillon Labs's chief executive, and Ashby, "
                "its president, will join Brightwater Robotics.", "2025-06-04", "en")
    assert {("Lena Ortiz", "ceo", "Quillon Labs", False),
            ("Tom Ashby", "president", "Quillon Labs", False)} <= roles(r)


def test_who_after_two_names_is_both(tmp_path) -> None:
    """'X and Y, who left Z in 2021 to start W, are returning to the search giant': both
    left Z, and both return to Z (where they left), not to W."""
    r = extract(tmp_path, "Lena Ortiz and Tom Ashby, who left Brightwater Robotics in 2021 to "
                "start the chatbot company Quillon Labs, are returning to the search giant.",
                "2025-06-04", "en")
    assert events(r) == {(t, p, "Brightwater Robotics", d) for p in ("Lena Ortiz", "Tom Ashby")
                         for t, d in (("Departure", "2021"), ("Return", None))}


def test_a_date_after_the_verb_before_the_and_is_that_verb_s(tmp_path) -> None:
    """'joined X in 2000 and worked there … before leaving': 2000 dates the joining, not the
    leaving; 'In 2020, X left Y and founded Z': a date before both verbs dates both."""
    r = extract(tmp_path, "Lena Ortiz heads research. She joined Quillon Labs in 2000 and worked "
                "there for two decades before leaving. In 2020, Tom Ashby left Quillon Labs and "
                "founded Brightwater Robotics.", "2025-06-04", "en")
    assert {("Joining", "Lena Ortiz", "Quillon Labs", "2000"),
            ("Departure", "Lena Ortiz", "Quillon Labs", None),
            ("Departure", "Tom Ashby", "Quillon Labs", "2020"),
            ("Founding", "Tom Ashby", "Brightwater Robotics", "2020")} <= events(r)
    assert ("Departure", "Lena Ortiz", "Quillon Labs", "2000") not in events(r)


@pytest.mark.parametrize("text", [
    "Die Kölner Firma Lintra bekommt einen neuen Chef. Lena Ortiz werde zum 1. Januar 2026 die "
    "Nachfolge von Volkmar Weber antreten, teilte das Unternehmen mit.",
    "Die Kölner Firma Lintra bekommt einen neuen Vorsitzenden der Geschäftsführung. Volkmar "
    "Weber werde sein Amt zum 31. Dezember 2025 niederlegen. Sein Nachfolger wird zum 1. Januar "
    "2026 Produktionsvorstand Lena Ortiz.",
])
def test_the_post_a_lead_announces_is_the_successor_s(tmp_path, text) -> None:
    """'Lintra bekommt einen neuen Chef. X werde die Nachfolge von Y antreten': the post the
    lead says is to be filled is the one the successor takes (not the title written before
    the successor's name, 'Produktionsvorstand', which is theirs now); the one replaced
    takes none."""
    r = extract(tmp_path, text, "2025-06-04", "de")
    assert {e for e in events(r) if e[0] == "RoleChange"} == {
        ("RoleChange", "Lena Ortiz", "Lintra", "2026-01-01")}
    assert [f.role for f in r.facts if f.type == "RoleChange"] == ["ceo"]


def test_a_german_start_at_a_company_is_a_joining(tmp_path) -> None:
    """'hatte im Jahr 1986 bei Siemens angefangen': began working there."""
    r = extract(tmp_path, "Volkmar Weber hatte im Jahr 1986 bei Siemens angefangen.",
                "2025-06-04", "de")
    assert events(r) == {("Joining", "Volkmar Weber", "Siemens", "1986")}


def test_taking_over_as_a_title(tmp_path) -> None:
    """'with operations head X taking over as COO': X takes the post."""
    r = extract(tmp_path, "Quillon Labs said chief operating officer Tom Ashby will step down, "
                "with operations head Lena Ortiz taking over as COO.", "2025-06-04", "en")
    assert ("RoleChange", "Lena Ortiz", "Quillon Labs", None) in events(r)


def test_a_name_before_its_bracket_starts_after_de(tmp_path) -> None:
    """'接替自2014年起担任董事长的汤普森（Tom Ashby）': the Chinese name is 汤普森, not 的汤普森;
    '汤普森将转任首席独立董事': his new post."""
    r = extract(tmp_path, "星海科技今天宣布，董事会推选吴泽明出任董事长，接替自2014年起担任董事长的"
                "汤普森（Tom Ashby）。汤普森将转任首席独立董事。", "2025-06-04", "zh-Hans")
    assert "的汤普森" not in surfaces(r)
    assert ("RoleChange", "Tom Ashby", "星海科技", "2025-06-04") in events(r)


def test_chinese_names_listed_after_a_title(tmp_path) -> None:
    """'另外两位副总裁分别是胡厚崑和徐直军', '联合创始人包括张立新、王海和陈东': each name
    of the list after the title is a person holding it."""
    r = extract(tmp_path, "星海科技联合创始人包括张立新、王海和陈东。星海科技另外两位副总裁分别是"
                "胡厚崑和徐直军。", "2025-06-04", "zh-Hans")
    assert {("张立新", "co-founder", "星海科技", False), ("王海", "co-founder", "星海科技", False),
            ("陈东", "co-founder", "星海科技", False),
            ("胡厚崑", "vice-president", "星海科技", False),
            ("徐直军", "vice-president", "星海科技", False)} <= roles(r)


def test_a_post_handed_over_after_a_phrase_with_an(tmp_path) -> None:
    """'Nach 13 Jahren an der Spitze von Lintra hat X den Vorstandsvorsitz an Y übergeben':
    the 'an' of 'an der Spitze' hands nothing to X; Y takes the post, dated by 'seit
    Mittwoch' (a weekday after 'seit' is a date)."""
    r = extract(tmp_path, "Nach mehr als 13 Jahren an der Spitze von Siemens hat Volkmar Weber "
                "den Vorstandsvorsitz an Lena Ortiz übergeben. Sie ist seit Mittwoch Chefin des "
                "Konzerns.", "2025-06-04", "de")
    assert ("RoleChange", "Lena Ortiz", "Siemens", "2025-06-04") in events(r)
    assert not {e for e in events(r) if e[1] == "Volkmar Weber" and e[0] == "RoleChange"}


def test_a_successor_takes_the_title_written_after_the_verb(tmp_path) -> None:
    """'陈东…接替吴泽明出任首席执行官': the successor takes that title, not the one the
    replaced person was last told to hold (a board seat). 'X, who joined Y in 1997, will
    succeed him': a change not dated then is no title of that joining."""
    r = extract(tmp_path, "星海科技创始人吴泽明将继续作为公司董事会成员。联合创始人陈东2020年7月"
                "接替吴泽明出任首席执行官。", "2025-06-04", "zh-Hans")
    changes = role_changes(r)
    assert changes == {("陈东", "ceo")}


def test_a_successor_takes_the_post_the_other_steps_down_from(tmp_path) -> None:
    """'X will step down as chief executive … X will become executive chair … Y will succeed
    him': Y takes the chief executive's post, not the chair X moves to."""
    r = extract(tmp_path, "Quillon Labs founder Tom Ashby will step down as chief executive "
                "later this year. Ashby will become executive chair of the board. Lena Ortiz, "
                "who joined Quillon Labs in 1997, will succeed him.", "2025-06-04", "en")
    changes = role_changes(r)
    assert ("Lena Ortiz", "ceo") in changes
    assert ("Lena Ortiz", "board-chair") not in changes


@pytest.mark.parametrize(("text", "lang"), [
    ("3月17日，星海科技发布2024年第四季度及全年财报，同时宣布创始人吴泽明将卸任董事长。", "zh-Hans"),
    ("Quillon Labs said in its 2024 annual report that chairman Tom Ashby would step down.",
     "en"),
])
def test_a_report_s_period_dates_no_event(tmp_path, text, lang) -> None:
    """'发布2024年第四季度及全年财报，同时宣布…卸任', 'its 2024 annual report': the year a
    report covers is no event's date; the day the sentence names is."""
    r = extract(tmp_path, text, "2025-03-17", lang)
    dates = {e[3] for e in events(r) if e[0] == "Departure"}
    assert dates and "2024" not in dates


def test_a_chinese_since_clause_dates_the_change_after_it(tmp_path) -> None:
    """'2011年起，她出任星海科技首席财务官': the change began then, not in the paragraph's
    earlier '1993年加入'."""
    r = extract(tmp_path, "吴晓梅1993年加入星海科技。2011年起，她出任星海科技首席财务官。",
                "2025-06-04", "zh-Hans")
    assert ("RoleChange", "吴晓梅", "星海科技", "2011") in events(r)


def test_a_suffix_before_a_sector_word_names_no_organization(tmp_path) -> None:
    """'震惊科技业界': the tech industry, no organization '震惊科技'."""
    r = extract(tmp_path, "星海科技首席技术官吴晓梅宣布离职，震惊科技业界。数小时后，研究副总裁"
                "陈东也宣布离开公司。", "2025-06-04", "zh-Hans")
    assert named(r, "Organization") == {"星海科技"}
    assert ("陈东", "vice-president", "星海科技", False) in roles(r)


def test_a_suffix_before_its_own_shares_or_business_names_one(tmp_path) -> None:
    """'北京星海科技股份有限公司', '华岳集团业务负责人', '星海科技股东': 股份, 业务 and 股东 are
    the organization's own, no sector."""
    r = extract(tmp_path, "北京星海科技股份有限公司今天宣布，华岳集团业务负责人吴晓梅将加入公司。"
                "星海科技股东大会同日召开。", "2025-06-04", "zh-Hans")
    assert {"星海科技", "华岳集团"} <= named(r, "Organization")


def test_a_chinese_name_before_once_at(tmp_path) -> None:
    """'吴泽明曾在谷歌担任工程师': the name ends before 曾."""
    r = extract(tmp_path, "公开资料显示，吴泽明曾在谷歌担任工程师。", "2025-06-04", "zh-Hans")
    assert "吴泽明曾" not in surfaces(r)
    assert ("吴泽明", "engineer", "Google", True) in roles(r)


def test_people_with_bracketed_names_joined_by_yu_all_leave(tmp_path) -> None:
    """'研究副总裁麦格鲁（Tom Ashby）与研究副总裁佐夫（Lena Ortiz）也宣布离开公司': both left
    (a name's bracketed form does not break the list)."""
    r = extract(tmp_path, "星海科技技术长吴晓梅宣布离职。数小时后，研究副总裁麦格鲁（Tom Ashby）与"
                "研究副总裁佐夫（Lena Ortiz）也宣布离开公司。", "2025-06-04", "zh-Hans")
    assert {e[1] for e in events(r) if e[0] == "Departure"} == {"吴晓梅", "Tom Ashby",
                                                                "Lena Ortiz"}


def test_former_and_legal_names_of_registry_companies(tmp_path) -> None:
    """'Daimler' (Mercedes-Benz's name until 2022) and 'Amazon.com Inc' are the registry's
    companies, not organizations of their own; 'Daimler Truck' is another company."""
    r = extract(tmp_path, "Amazon.com Inc founder Jeff Bezos met Daimler chief executive Ola "
                "Källenius and Daimler Truck's Martin Daum.", "2019-06-04", "en")
    assert named(r, "Organization") == {"Amazon", "Mercedes-Benz", "Daimler Truck"}


def test_a_title_of_the_firm_named_after_it(tmp_path) -> None:
    """'Zuvor war er Chef der Biotechfirma Genentech': the title is at the firm named (the
    article of 'Chef der' places it), not at the company of the sentence before."""
    r = extract(tmp_path, "Volkmar Weber leitet Siemens. Zuvor war er Chef der Biotechfirma "
                "Genentech.", "2025-06-04", "de")
    assert ("Volkmar Weber", "head", "Genentech", True) in roles(r)
    assert ("Volkmar Weber", "head", "Siemens", True) not in roles(r)


def test_co_founders_before_names_and_the_posts_they_step_down_from(tmp_path) -> None:
    """'Quillon co-founders A and B are stepping down from their executive roles at parent
    company Y, handing control to Quillon chief executive C': both co-founded Quillon and
    leave Y (the posts are there); C's own title is no post handed to him."""
    r = extract(tmp_path, "Quillon Labs co-founders Lena Ortiz and Tom Ashby are stepping down "
                "from their executive roles at parent company Brightwater Robotics, handing "
                "control to Quillon Labs chief executive Ngozi Okafor, the company said on "
                "Tuesday.", "2025-06-04", "en")
    assert {("Lena Ortiz", "co-founder", "Quillon Labs", False),
            ("Tom Ashby", "co-founder", "Quillon Labs", False)} <= roles(r)
    assert {e[:3] for e in events(r)} == {("Departure", "Lena Ortiz", "Brightwater Robotics"),
                                          ("Departure", "Tom Ashby", "Brightwater Robotics")}


def test_founding_a_new_company_is_not_of_the_founder_s_titled_one(tmp_path) -> None:
    """'星海科技联合创始人吴晓梅…说：“我正在创办一家新公司。”': the new company is not 星海科技,
    where her founder title is; 'warum sie sich entschieden, ein Unternehmen zu gründen'
    (no new one) still is the titled company's founding."""
    r = extract(tmp_path, "星海科技联合创始人吴晓梅在社群平台X发文说：“我正在创办一家新公司。”",
                "2025-06-04", "zh-Hans")
    assert not {e for e in events(r) if e[0] == "Founding"}


def test_a_reshuffle_of_titles_names_and_verbs_in_chinese(tmp_path) -> None:
    """'共同執行長吳曉梅自2月1日起升任執行長，原共同執行長李建國轉任副董事長，董事長陳立明則續任
    董事長', published on 31 January: 吳 becomes CEO on 1 February to come (the name ends
    before 自, and 自…起 places the day nearest); 李 becomes vice-chair (a title before a
    comma lists nothing with the next one); 陳 keeps his post, no change."""
    r = extract(tmp_path, "星海科技董事會昨日通過人事案，共同執行長吳曉梅自2月1日起升任執行長，"
                "原共同執行長李建國轉任副董事長，董事長陳立明則續任董事長。", "2025-01-31",
                "zh-Hant")
    assert role_changes(r) == {("吳曉梅", "ceo"), ("李建國", "vice-chair")}
    assert {e[3] for e in events(r) if e[1] == "吳曉梅"} == {"2025-02-01"}
    assert ("陳立明", "vice-chair", "星海科技", False) not in roles(r)


def test_the_company_founded_after_a_latin_word_and_a_founder_one_of_several(tmp_path) -> None:
    """'创办AI公司晨光智能': the company is 晨光智能 (a Latin word before the noun for a company
    is no name); '是星海科技的共同创办人之一': co-founder of 星海科技 (a name right after the
    copula 是), no company '人之一'."""
    r = extract(tmp_path, "吴晓梅宣布创办AI公司晨光智能。吴晓梅是星海科技的共同创办人之一。",
                "2025-06-04", "zh-Hans")
    assert {e[2] for e in events(r) if e[0] == "Founding"} == {"晨光智能"}
    assert ("吴晓梅", "co-founder", "星海科技", False) in roles(r)
    assert not {n for n in named(r, "Organization") if "人之一" in n or "AI" in n}


def test_a_german_quote_closed_by_a_straight_mark(tmp_path) -> None:
    """'„Sie ist die richtige Wahl", sagte Aufsichtsratschef X': a German quote typed with a
    straight closing mark is X's statement, the words inside the marks."""
    r = extract(tmp_path, "Lena Ortiz wird Chefin von Quillon Labs. „Sie ist die richtige Wahl "
                "für das Unternehmen\", sagte Aufsichtsratschef Volkmar Weber.", "2025-06-04",
                "de")
    assert statements(r) == {("Volkmar Weber", "Sie ist die richtige Wahl für das Unternehmen")}


def test_a_name_no_list_knows_beside_a_chief_officer_title(tmp_path) -> None:
    """'Anshul Bedekar, the company's chief accounting officer, was named the new CFO': a
    title of that shape, though no role of the ontology, names a person beside it (not an
    organization 'Anshul Bedekar, the company'); so does 'Chief Growth Officer Ikenna Obi'."""
    r = extract(tmp_path, "Anshul Bedekar, the company's chief accounting officer, was named "
                "the new CFO of Quillon Labs. Chief Growth Officer Ikenna Obi will report to "
                "him.", "2025-06-04", "en")
    assert {"Anshul Bedekar", "Ikenna Obi"} <= named(r, "Person")
    assert ("Anshul Bedekar", "cfo") in role_changes(r)
    assert named(r, "Organization") == {"Quillon Labs"}


def test_a_post_taken_before_the_title_of_who_says_so(tmp_path) -> None:
    """'X will take over as chief operating officer, Chief Executive Y said': X takes the
    post; Y's capitalized title starts no list with it, and the title of who says so is no
    post taken."""
    r = extract(tmp_path, "Tariq Olumide, the company's head of growth, will take over as chief "
                "operating officer, Chief Executive Lena Ortiz said in a post on LinkedIn.",
                "2025-06-04", "en")
    assert role_changes(r) == {("Tariq Olumide", "coo")}
    held = {(person, key) for person, key, _, _ in roles(r)}
    assert {("Lena Ortiz", "ceo"), ("Tariq Olumide", "coo")} <= held
    assert ("Lena Ortiz", "coo") not in held


def test_a_german_succession_told_with_a_meeting_and_a_relative_clause(tmp_path) -> None:
    """'X wird nach der Hauptversammlung am 25. April Vorstandsvorsitzender': X takes the
    post on that day (the meeting stands between the copula and the title); 'folgt auf Y,
    der seit 2018 an der Spitze des Ludwigshafener Unternehmens steht': Y (whom the relative
    pronoun stands for, not X) heads the company the town's adjective does not hide."""
    r = extract(tmp_path, "Quillon Labs hat einen neuen Chef gefunden: Lena Ortiz wird nach der "
                "Hauptversammlung am 25. April Vorstandsvorsitzende. Die 53-Jährige folgt auf "
                "Volkmar Weber, der seit 2018 an der Spitze des Ludwigshafener Unternehmens "
                "steht.", "2025-02-23", "de")
    assert ("RoleChange", "Lena Ortiz", "Quillon Labs", "2025-04-25") in events(r)
    assert ("Volkmar Weber", "head", "Quillon Labs", False) in roles(r)
    assert ("Lena Ortiz", "head", "Quillon Labs", False) not in roles(r)


def test_a_board_seat_taken_after_leaving_is_not_the_post_left(tmp_path) -> None:
    """'Y replaces X, who stepped down last month to join the board of Z': X (whom 'who'
    stands for) takes the seat at Z, and left the company of the article, not Z."""
    r = extract(tmp_path, "Quillon Labs said it had hired Lena Ortiz as its chief operating "
                "officer. Ortiz replaces Tom Ashby, who stepped down last month to join the "
                "board of Brightwater Robotics.", "2025-03-04", "en")
    assert ("Tom Ashby", "board-member", "Brightwater Robotics", False) in roles(r)
    assert ("Lena Ortiz", "board-member", "Brightwater Robotics", False) not in roles(r)
    assert {e[:3] for e in events(r) if e[1] == "Tom Ashby"} == {
        ("Departure", "Tom Ashby", "Quillon Labs"), ("Joining", "Tom Ashby", "Brightwater Robotics")}


def test_a_seat_on_a_named_board_and_a_post_held_where_one_came_from(tmp_path) -> None:
    """'will remain on Quillon Labs' board': a board member of it (the name before 's);
    'joined X from Y in March 2008, where she had been vice president': a former vice
    president of Y, the place the relative clause is about."""
    r = extract(tmp_path, "Lena Ortiz, the chief operating officer of Quillon Labs, said she would "
                "step down. Ortiz will remain on Quillon Labs' board of directors. Ortiz joined "
                "Quillon Labs from Brightwater Robotics in March 2008, where she had been vice "
                "president of global sales.", "2022-06-02", "en")
    assert {("Lena Ortiz", "board-member", "Quillon Labs", False),
            ("Lena Ortiz", "vice-president", "Brightwater Robotics", True)} <= roles(r)
    assert not {x for x in roles(r) if x[1] == "vice-president" and x[2] == "Quillon Labs"}


def test_a_registry_name_declined_after_a_german_article(tmp_path) -> None:
    """'seit 1989 bei der Deutschen Bank': the registry's Deutsche Bank, not an
    organization 'Deutschen Bank'."""
    r = extract(tmp_path, "Volkmar Weber ist seit 1989 bei der Deutschen Bank und war zuletzt "
                "Finanzvorstand der Deutschen Telekom.", "2025-06-04", "de")
    assert named(r, "Organization") == {"Deutsche Bank", "Deutsche Telekom"}


def test_a_company_replacing_its_chief_in_german(tmp_path) -> None:
    """'Die Quillon Labs hat ihren Vorstandschef X nach drei Jahren abgelöst': the company is
    the subject, X the one replaced, not a successor to the post the headline gives Y
    ('Chef aus: Y folgt auf X', still Y's change)."""
    r = extract(tmp_path, "Quillon Labs tauscht Chef aus: Lena Ortiz folgt auf Tom Ashby\n\n"
                "Die Quillon Labs hat ihren Vorstandschef Tom Ashby nach knapp drei Jahren "
                "abgelöst.", "2025-06-04", "de")
    assert role_changes(r) == {("Lena Ortiz", "ceo")}


def test_a_company_whose_name_opens_with_shi(tmp_path) -> None:
    """'吴晓梅曾任是方科技副总裁': 是 opening a company's name is the name's (not the copula
    of "吴晓梅是星海科技的工程师"): no company '方科技'; the registry's 是德科技 is Keysight."""
    r = extract(tmp_path, "吴晓梅曾任是方科技副总裁，此前在是德科技工作。", "2025-06-04", "zh-Hans")
    assert "方科技" not in named(r, "Organization")
    assert "Keysight Technologies" in named(r, "Organization")


def test_had_been_appointed_is_a_post_taken_not_a_former_one(tmp_path) -> None:
    """'had been' marks a post held before ('where she had been vice president'), but not
    one an appointment gave: 'X had been named chief executive' is X's post now."""
    r = extract(tmp_path, "Quillon Labs said Lena Ortiz had been named chief executive.",
                "2025-06-04", "en")
    assert roles(r) == {("Lena Ortiz", "ceo", "Quillon Labs", False)}
    assert role_changes(r) == {("Lena Ortiz", "ceo")}


def test_german_pluperfect_joinings_and_an_office_taken_before_its_verb(tmp_path) -> None:
    """'war 2015 bei X eingetreten', 'war 2020 als Ingenieur zu X gekommen' are joinings;
    'hatte den Vorsitz des Vorstands der X 2019 von Y übernommen' is the subject's change to
    the office before the verb (not Y's), each dated by the year before its own verb (none
    for Y's move in the relative clause, which has no date of its own)."""
    r = extract(tmp_path, "Anna Berger war 2015 bei Quillon Labs eingetreten und hatte den "
                "Vorsitz des Vorstands der Quillon Labs 2019 von Peter Kurz übernommen, der "
                "zu Zentrix Labs gewechselt war. Jonas Wolf war 2020 als Ingenieur zu "
                "Brightwater Robotics gekommen.", "2024-04-25", "de")
    assert {("Joining", "Anna Berger", "Quillon Labs", "2015"),
            ("RoleChange", "Anna Berger", "Quillon Labs", "2019"),
            ("Joining", "Peter Kurz", "Zentrix Labs", None),
            ("Joining", "Jonas Wolf", "Brightwater Robotics", "2020")} <= events(r)
    assert role_changes(r) == {("Anna Berger", "ceo")}


def test_came_to_a_conclusion_joins_nothing(tmp_path) -> None:
    """'ist zu dem Schluss gekommen', 'kam zu dem Ergebnis': no joining of the company the
    article is about."""
    r = extract(tmp_path, "Quillon Labs wächst\n\nAnna Berger ist zu dem Schluss gekommen, "
                "dass Quillon Labs wachsen muss. Peter Kurz kam zu dem Ergebnis, dass "
                "Quillon Labs sparen muss.", "2024-04-25", "de")
    assert not {e for e in events(r) if e[0] == "Joining"}


def test_a_post_to_be_taken_after_soll_and_the_lead_of_a_company(tmp_path) -> None:
    """'soll im kommenden Jahr Vorsitzender des Aufsichtsrats werden' is a change (dated by
    'im kommenden Jahr'); 'soll … Chef bleiben' a post held; 'an die Spitze der X gerückt'
    and 'took the helm of X' make their subject its head."""
    r = extract(tmp_path, "Thomas Rieger soll im kommenden Jahr Vorsitzender des "
                "Aufsichtsrats von Quillon Labs werden. Anna Berger soll Finanzchefin von "
                "Quillon Labs bleiben. Jonas Wolf war im Juli 2015 an die Spitze von "
                "Brightwater Robotics gerückt.", "2024-04-25", "de")
    assert {("RoleChange", "Thomas Rieger", "Quillon Labs", "2025"),
            ("RoleChange", "Jonas Wolf", "Brightwater Robotics", "2015-07")} <= events(r)
    assert role_changes(r) == {("Thomas Rieger", "board-chair"), ("Jonas Wolf", "head")}
    r = extract(tmp_path, "Lena Ortiz took the helm of Quillon Labs in January 2020.",
                "2024-04-25", "en")
    assert events(r) == {("RoleChange", "Lena Ortiz", "Quillon Labs", "2020-01")}
    assert role_changes(r) == {("Lena Ortiz", "head")}


def test_a_title_held_since_a_day_or_now(tmp_path) -> None:
    """'ist seit Montag Chefin von X', 'ist derzeit Leiter des Privatkundengeschäfts der
    X': titles held now, at X (the field between the title and X no organization)."""
    r = extract(tmp_path, "Anna Berger ist seit Montag Chefin von Quillon Labs. Jonas Wolf "
                "ist derzeit Leiter des Privatkundengeschäfts der Brightwater Robotics.",
                "2024-04-25", "de")
    assert {("Anna Berger", "ceo", "Quillon Labs", False),
            ("Jonas Wolf", "head", "Brightwater Robotics", False)} <= roles(r)


def test_a_line_naming_deutsch_twice_is_no_language_bar(tmp_path) -> None:
    """'der Deutschen Bank in Deutschland' is article text, not a bar of languages
    ('English | Deutsch | 中文') the cleaner drops with its line."""
    r = extract(tmp_path, "Anna Berger ist derzeit Leiterin des Privatkundengeschäfts der "
                "Deutschen Bank in Deutschland.\nEnglish | Deutsch | 中文", "2024-04-25", "de")
    assert ("Anna Berger", "head", "Deutsche Bank", False) in roles(r)
    assert "English" not in clean(r.source.path.read_text(encoding="utf-8")).text


def test_an_age_stands_for_the_one_named_last(tmp_path) -> None:
    """'X hat den Vorsitz an Y übergeben. Der 49-jährige Schwede ist seit Mittwoch Chef':
    the age is Y's (named last), not the topic X's."""
    r = extract(tmp_path, "Nach zehn Jahren hat Peter Kurz den Vorstandsvorsitz an Jonas "
                "Wolf übergeben. Der 49-jährige Schwede ist seit Mittwoch Chef von Quillon "
                "Labs.", "2024-04-25", "de")
    assert ("Jonas Wolf", "ceo", "Quillon Labs", False) in roles(r)
    assert not {x for x in roles(r) if x[0] == "Peter Kurz" and x[1] == "ceo" and not x[3]}


def test_on_may_the_first_is_a_date(tmp_path) -> None:
    """'on May 1' is a day (the month after 'on' written capitalized), not the verb may."""
    r = extract(tmp_path, "Lena Ortiz left Quillon Labs on May 1. She may 3 times return.",
                "2024-06-15", "en")
    assert events(r) == {("Departure", "Lena Ortiz", "Quillon Labs", "2024-05-01")}


def test_an_officer_after_a_possessive_names_an_organization(tmp_path) -> None:
    """"Zentrix's chief product officer" names an organization Zentrix (found again
    elsewhere, "the head of Zentrix"); "Ortiz's chief of staff" none (a word of a person's
    name), nor "China's president" (a place); "Quillon's CTO" is Quillon Labs's."""
    r = extract(tmp_path, "Tom Ashby, Zentrix's chief product officer, will become the new "
                "head of Zentrix. Lena Ortiz of Quillon Labs said Ortiz's chief of staff "
                "and Quillon's CTO Ben Kale stay. China's president was told.", "2024-06-15",
                "en")
    assert named(r, "Organization") == {"Zentrix", "Quillon Labs"}
    assert ("Tom Ashby", "head", "Zentrix", False) in roles(r)
    assert ("Ben Kale", "cto", "Quillon Labs", False) in roles(r)


def test_returning_to_roots_and_raising_a_forecast(tmp_path) -> None:
    """'return to my entrepreneurial roots' is no Return; 'raised its revenue forecast' no
    Funding; 'served as chairman' (not 'has served') a post held before."""
    r = extract(tmp_path, "Lena Ortiz will leave Quillon Labs to return to her "
                "entrepreneurial roots. Quillon Labs raised its revenue forecast. She "
                "served as chairman of Brightwater Robotics. Tom Ashby has served as "
                "chairman of Zentrix Labs since 2021.", "2024-06-15", "en")
    assert {e[0] for e in events(r)} == {"Departure"}
    assert {("Lena Ortiz", "board-chair", "Brightwater Robotics", True),
            ("Tom Ashby", "board-chair", "Zentrix Labs", False)} <= roles(r)


def test_a_rarer_chinese_surname(tmp_path) -> None:
    """'联合创始人宿华将卸任首席执行官': 宿 opens a name."""
    r = extract(tmp_path, "星海科技联合创始人宿华将卸任首席执行官。", "2024-06-15", "zh-Hans")
    assert "宿华" in named(r, "Person")


def test_a_compound_descriptor_after_an_article_introduces_a_name(tmp_path) -> None:
    """'Der Logistikkonzern Nordhafen Post AG' names an organization (only a bare noun after
    an article is 'the company', 'das Unternehmen Ende März'), called by its first two words
    elsewhere ('die Nordhafen Post', not 'Nordhafen'); 'Kessel+Brandt' is one name; a
    headline ending in a title names no one in the lead ('Beim Industriekonzern Veltrax');
    'schrieb der Autokonzern Verluste' names none (one plain word after a German article and
    a compound is a noun)."""
    r = extract(tmp_path, "Veltrax holt Jonas Wolf als neuen Vorstandschef\n\nBeim "
                "Industriekonzern Veltrax steht ein Führungswechsel an. Der Logistikkonzern "
                "Nordhafen Post AG bekommt einen neuen Chef. Ralf Beck leitet die Nordhafen "
                "Post seit 2019. Anke Moll führt bislang den Filterhersteller Kessel+Brandt. "
                "Im dritten Quartal schrieb der Autokonzern Verluste.",
                "2024-06-15", "de")
    assert named(r, "Organization") == {"Veltrax", "Nordhafen Post AG", "Kessel+Brandt"}
    assert named(r, "Person") == {"Jonas Wolf", "Ralf Beck", "Anke Moll"}
    assert ("Ralf Beck", "head", "Nordhafen Post AG", False) in roles(r)
    r = extract(tmp_path, "Nordhafen Post: Ralf Beck wird Vorstandschef\n\nDer "
                "Logistikkonzern Nordhafen Post AG bekommt einen neuen Chef. Beck war bisher "
                "Finanzchef der Nordhafen Bank.", "2024-06-15", "de")
    assert ("Ralf Beck", "ceo", "Nordhafen Post AG", False) in roles(r)
    assert "Nordhafen Post" in surfaces(r) and "Nordhafen" not in surfaces(r)


def test_a_surname_opening_with_a_particle(tmp_path) -> None:
    """'Aufsichtsratschef Henrik von Brandis', 'Director Henri de Valcourt', 'Ursula von der
    Lahn': a given name, a particle, a surname; not 'Jonas von Anfang' (a common word) nor
    'Anna von Siemens' (a known organization)."""
    r = extract(tmp_path, "Neuer Aufsichtsrat\n\n\"Wir haben den richtigen Mann gefunden\", "
                "sagte Aufsichtsratschef Henrik von Brandis. Das hat Jonas von Anfang an "
                "gewusst. Ursula\u00a0von der Lahn ist Vorstandsmitglied der Quillon AG. Anna von "
                "Siemens sagte nichts.", "2024-06-15", "de")
    assert named(r, "Person") == {"Henrik von Brandis", "Ursula von der Lahn"}
    assert ("Henrik von Brandis", "Wir haben den richtigen Mann gefunden") in statements(r)
    r = extract(tmp_path, "Board clash\n\n\"Different views have emerged,\" said Senior "
                "Independent Director Henri de Valcourt of Quillon Labs.", "2024-06-15", "en")
    assert ("Henri de Valcourt", "Different views have emerged,") in statements(r)


def test_giving_up_the_office_and_a_name_with_a_middle_name(tmp_path) -> None:
    """'gibt ihr Amt vorzeitig ab' is a Departure (the longer phrase before the handover
    'gibt … ab'); 'Miguel Ángel Torres Vega' is the 'Miguel Torres' of the headline; '"…",
    sagte er. Torres war …': the speaker is the one 'er' stands for, not the name of the
    next sentence."""
    r = extract(tmp_path, "Quillon holt Miguel Torres als neuen Chef\n\nVorstandschefin Lena "
                "Ortiz gibt ihr Amt vorzeitig ab, wie die Quillon AG am Freitag mitteilte. Ihr "
                "Nachfolger wird zum 1. Juni Miguel Ángel Torres Vega. Aufsichtsratschef Jonas "
                "Wolf dankte Ortiz. \"Sie hat Quillon stabilisiert\", sagte er. Torres war "
                "zuvor Finanzvorstand bei Siemens.", "2023-05-12", "de")
    assert named(r, "Person") == {"Lena Ortiz", "Miguel Torres", "Jonas Wolf"}
    assert {("Departure", "Lena Ortiz", "Quillon AG", "2023-05-12"),
            ("RoleChange", "Miguel Torres", "Quillon AG", "2023-06-01")} <= events(r)
    assert not {e for e in events(r) if e[0] == "RoleChange" and e[1] == "Lena Ortiz"}
    assert statements(r) == {("Jonas Wolf", "Sie hat Quillon stabilisiert")}


def test_joining_a_described_company_and_taking_charge(tmp_path) -> None:
    """'joined the Swiss robotics giant in 2017' joins the article's company; 'started her
    career at X in 1986' joins X; 'took charge of X when it was formed in January 2021'
    heads it from then."""
    r = extract(tmp_path, "Quillon Labs names new CEO\n\nQuillon Labs said on Thursday that "
                "Chief Executive Tom Ashby would step down. Ashby, 58, joined the Swiss "
                "robotics giant in 2017 from Zentrix Labs. Lena Ortiz, 62, started her career "
                "at Quillon Labs in 1986. Ben Kale took charge of Brightwater Robotics when it "
                "was formed in January 2021.", "2024-08-22", "en")
    assert {("Joining", "Tom Ashby", "Quillon Labs", "2017"),
            ("Joining", "Lena Ortiz", "Quillon Labs", "1986"),
            ("RoleChange", "Ben Kale", "Brightwater Robotics", "2021-01")} <= events(r)
    assert ("Ben Kale", "head", "Brightwater Robotics", False) in roles(r)
    r = extract(tmp_path, "Quillon Labs hires\n\nBen Kale joined the chip manufacturer "
                "Zentrix Labs in 2019.", "2024-08-22", "en")  # a name after it: not a stand-in
    assert events(r) == {("Joining", "Ben Kale", "Zentrix Labs", "2019")}


def test_chinese_names_with_ling_and_a_name_before_brackets_found_again(tmp_path) -> None:
    """'总经理顾麒令升任副董事长': 令 ends a given name; '李文现任公司董事长' names 李文, no
    organization '李文现任公司'; '的柯林斯（Peter Collins）。柯林斯将转任…': one person;
    '周一辞任' names no one 周一 (a weekday)."""
    r = extract(tmp_path, "华岳科技人事调整\n\n华岳科技昨日宣布，总经理顾麒令升任副董事长。"
                "李文现任公司董事长兼首席执行官。公司接替自2014年起担任董事长的柯林斯"
                "（Peter Collins）。柯林斯将转任首席独立董事。公司表示，周一辞任的董事程明已离开。",
                "2023-03-14", "zh-Hans")
    assert named(r, "Organization") == {"华岳科技"}
    assert named(r, "Person") == {"顾麒令", "李文", "Peter Collins", "程明"}  # not 周一
    assert {("李文", "board-chair", "华岳科技", False), ("李文", "ceo", "华岳科技", False),
            ("顾麒令", "vice-chair", "华岳科技", False)} <= roles(r)
    assert ("Peter Collins", "board-member") in role_changes(r)


def test_a_carmaker_by_its_suffix_a_destination_and_a_quoted_pronoun(tmp_path) -> None:
    """'星海汽车总裁周立卸任': 汽车 ends a company's name (not '电动汽车', a kind of car);
    '辞去首席执行官职务赴美国斯坦福大学攻读' leaves the company, not the university gone to;
    '海明远表示：「…由她担任执行长…」': 她 is the one the quote named, not the speaker (海, a
    surname; 海外 no name)."""
    r = extract(tmp_path, "星海汽车总裁周立卸任\n\n星海汽车今日宣布，总裁周立因个人原因卸任，"
                "营运长王芳接任总裁。电动汽车销量下滑，海外将成为增长来源。公司创始人程明2006年辞去"
                "首席执行官职务赴美国斯坦福大学攻读博士。董事长海明远表示：“王芳带领的团队表现"
                "亮眼，由她担任执行长是水到渠成。”", "2022-09-05", "zh-Hans")
    assert named(r, "Organization") == {"星海汽车", "Stanford University"}
    assert named(r, "Person") == {"周立", "程明", "海明远", "王芳"}
    assert {("Departure", "周立", "星海汽车", "2022-09-05"),
            ("Departure", "程明", "星海汽车", "2006")} <= events(r)
    assert ("王芳", "ceo", "星海汽车", False) in roles(r)
    assert not {x for x in roles(r) if x[0] == "海明远" and x[1] == "ceo"}


def test_left_for_another_company_and_becoming_cfo(tmp_path) -> None:
    """'Anna Berg left for Brightwater Robotics': she left the company of the article, not the
    one she went to (also after a description: 'left for the rival start-up X'); 'before
    becoming CFO in 2024' is a RoleChange of that year; 'RBC Capital Markets' is one name."""
    r = extract(tmp_path, "Quillon Labs names new CEO\n\nQuillon Labs said on Tuesday that Ben "
                "Kale would succeed Tom Ashby. Kale joined Quillon Labs in 1989 and ran its "
                "robotics business before becoming CFO in 2024. In 2021, research chief Anna "
                "Berg left for Brightwater Robotics. \"It is a surprise,\" said Lena Ortiz, an "
                "analyst at RBC Capital Markets.", "2025-02-25", "en")
    assert {("Joining", "Ben Kale", "Quillon Labs", "1989"),
            ("RoleChange", "Ben Kale", "Quillon Labs", "2024"),
            ("Departure", "Anna Berg", "Quillon Labs", "2021")} <= events(r)
    assert not {e for e in events(r) if e[2] == "Brightwater Robotics" and e[0] == "Departure"}
    assert ("Lena Ortiz", "analyst", "RBC Capital Markets", False) in roles(r)
    r = extract(tmp_path, "Quillon Labs loses its CTO\n\nIn January, research chief Ben Kale "
                "left for the rival start-up Zentrix Labs.", "2025-02-25", "en")  # a description
    assert events(r) == {("Departure", "Ben Kale", "Quillon Labs", "2025-01")}


def test_a_successor_described_by_a_former_post_and_a_board_member_title(tmp_path) -> None:
    """'Nachfolger wird der frühere Ferrari-Chef X, der sein Amt am 1. Januar antreten soll':
    X takes the post of the one leaving, from that day; 'Personalvorständin Y' sits on the
    board; 'ist seit September 2022 zugleich Konzernchef von Z' heads Z; a chair's company
    is not a consultancy another came 'von der Unternehmensberatung' from."""
    r = extract(tmp_path, "Neuer Chef bei Quillon\n\nStuttgart (dpa) - Jonas Wolf werde seine "
                "Funktion als Vorstandsvorsitzender der Quillon AG zum 31. Dezember niederlegen, "
                "teilte das Unternehmen am Freitag mit. Nachfolger wird der frühere Ferrari-Chef "
                "Anton Keller, der sein Amt am 1. Januar antreten soll. Wolf ist seit September "
                "2022 zugleich Konzernchef von Volkswagen. Seine Aufgaben übernimmt "
                "Personalvorständin Vera Sander. Keller kam 2013 von der Unternehmensberatung "
                "Brightwater Partners zu Quillon.\n\n\"Keller ist der Richtige\", sagte "
                "Aufsichtsratschef Paul Brandt.", "2025-10-17", "de")
    assert {("Departure", "Jonas Wolf", "Quillon AG", "2025-12-31"),
            ("RoleChange", "Anton Keller", "Quillon AG", "2026-01-01")} <= events(r)
    assert {("Jonas Wolf", "ceo", "Volkswagen", False),
            ("Vera Sander", "board-member", "Quillon AG", False),
            ("Paul Brandt", "board-chair", "Quillon AG", False)} <= roles(r)


def test_a_day_of_the_lede_and_an_added_item_after_background(tmp_path) -> None:
    """'昨（5）日' dates the lede's news, so an undated item told after it; a paragraph
    opening with 此外 carries a day over from the one before, not a year told as
    background ('…於1971年創立公司。\\n\\n此外，董事會也通過任命X為營運長')."""
    r = extract(tmp_path, "華岳科技宣布接班\n\n【記者 李文／台北報導】電源大廠華岳科技昨（5）日"
                "召開董事會，宣布由營運長周立升任執行長，董事長續任，新人事自明年1月1日起生效。"
                "\n\n華岳科技創辦人暨榮譽董事長程明於1971年創立公司，帶領公司從一家小型零組件廠"
                "成長為全球電源大廠。\n\n此外，董事會也通過任命王芳為營運長，接替周立原有職務，"
                "全面負責公司在台灣與海外的生產營運。",
                "2022-12-06", "zh-Hant")
    assert {("RoleChange", "周立", "華岳科技", "2023-01-01"),  # taking effect
            ("RoleChange", "王芳", "華岳科技", "2022-12-05"),
            ("Founding", "程明", "華岳科技", "1971")} <= events(r)


def test_a_company_before_its_ceo_and_the_company_meant_not_a_former_one(tmp_path) -> None:
    """'Zentrix CEO Anna Berg' names the company Zentrix; '… Boots Alliance' is one name;
    'the company's executive chairman' is not of a former employer ('a former Zentrix Labs
    operating chief') nor of one after 'Before'; Ginger is a given name."""
    r = extract(tmp_path, "Zentrix CEO Anna Berg sees growth\n\nZentrix CEO Anna Berg said on "
                "Monday that sales rose. Global CEO Lena Ortiz agreed.", "2023-09-02", "en")
    assert named(r, "Organization") == {"Zentrix"}  # not Global
    assert ("Anna Berg", "ceo", "Zentrix", False) in roles(r)
    r = extract(tmp_path, "Quillon Boots Alliance CEO steps down\n\nQuillon Boots Alliance said on "
                "Friday that Chief Executive Ben Kale was stepping down. Ginger Hale will serve "
                "as interim CEO.\n\nKale, a former Zentrix Labs operating chief, joined the "
                "company in 2021. Before Brightwater Robotics, he ran a chain of stores.\n\n"
                "\"We thank Ben,\" said Tom Ashby, the company's executive chairman.",
                "2023-09-02", "en")
    assert "Quillon Boots Alliance" in named(r, "Organization")
    assert not {n for n in named(r, "Organization") if n.startswith("Before")}
    assert {"Ben Kale", "Ginger Hale", "Tom Ashby"} <= named(r, "Person")
    assert ("Tom Ashby", "board-chair", "Quillon Boots Alliance", False) in roles(r)
    assert ("Ginger Hale", "ceo", "Quillon Boots Alliance", False) in roles(r)


def test_a_name_before_an_adverb_a_son_of_a_founder_and_a_dax_company(tmp_path) -> None:
    """'董事长兼首席执行官陈睿直接管理': 陈睿, and 直接管理 holds no 接管 (no RoleChange);
    '创办人林耀英之子': 林耀英 is the founder, not the son; 'den Dax-Konzern' names no
    organization; '董事长王正式宣布' names no one (正式, formally), nor '国产电脑' a company."""
    r = extract(tmp_path, "星海科技COO李旎离职\n\n星海科技3月18日发布公告称，首席运营官李旎辞去"
                "职务。李旎负责的业务将由董事长兼首席执行官陈睿直接管理。执行长林恩平表示，公司营运"
                "稳健。林恩平是星海科技创办人林耀英之子。", "2024-03-18", "zh-Hans")
    assert named(r, "Person") == {"李旎", "陈睿", "林耀英", "林恩平"}
    assert not {e for e in events(r) if e[1] == "陈睿"}
    assert ("林耀英", "founder", "星海科技", False) in roles(r)
    assert not {x for x in roles(r) if x[0] == "林恩平" and x[1] == "founder"}
    r = extract(tmp_path, "Quillon-Chef Wolf muss gehen\n\nVorstandschef Jonas Wolf leitet den "
                "Dax-Konzern seit Dezember 2020.", "2024-06-11", "de")
    assert "Dax-Konzern" not in named(r, "Organization")
    r = extract(tmp_path, "星海科技人事\n\n星海科技董事长王正式宣布辞职。总经理李主要负责研发。"
                "国产电脑崛起。", "2024-03-01", "zh-Hans")  # 正式, 主要: adverbs, no names
    assert named(r, "Person") == set() and named(r, "Organization") == {"星海科技"}


def test_chinese_company_labels_that_are_not_parts_of_common_words(tmp_path) -> None:
    """A registry label matches anywhere in Chinese text, so the companies whose short name
    sits inside common words are known by a longer one: '中国巨头' holds no 国巨 (Yageo),
    'AI新浪潮' no 新浪 (Sina), '数万科技人才' no 万科 (Vanke), '当日立即' no 日立 (Hitachi),
    '放松下来' no 松下 (Panasonic)."""
    r = extract(tmp_path, "星海科技人事\n\n星海科技董事长周立表示，中国巨头纷纷布局，AI新浪潮来临，"
                "公司吸引数万科技人才，新规当日立即生效，员工可以放松下来。", "2024-03-01",
                "zh-Hans")
    assert named(r, "Organization") == {"星海科技"}


def test_german_verbs_of_coming_to_a_company_and_a_recall(tmp_path) -> None:
    """'kam 2022 von der Quillon AG zur Brightwater Robotics GmbH', 'stieß 2010 zu', 'ist …
    zu … gestoßen': Joinings of the company after zu/zur/zum, further in the clause than
    a particle at its end ('kam … zur', extract.toml `particle_prepositions`); 'kam es zu
    Protesten' joins nothing; 'wurde … abberufen' is a Dismissal."""
    r = extract(tmp_path, "Neue Chefin bei Brightwater\n\nAnna Berg kam 2022 von den Pariser "
                "Verkehrsbetrieben zur Brightwater Robotics GmbH. Jonas Wolf stieß 2010 zu "
                "Quillon Labs. Lena Kurz ist 2015 zur Zentrix Labs gestoßen. Bei der Quillon AG "
                "kam es 2019 zu Protesten gegen Tom Esser.\n\nEsser war im Mai vom Aufsichtsrat "
                "der Quillon AG abberufen worden.", "2024-06-11", "de")
    assert {("Joining", "Anna Berg", "Brightwater Robotics GmbH", "2022"),
            ("Joining", "Jonas Wolf", "Quillon Labs", "2010"),
            ("Joining", "Lena Kurz", "Zentrix Labs", "2015"),
            ("Dismissal", "Tom Esser", "Quillon AG", "2024-05")} <= events(r)
    assert not {e for e in events(r) if e[0] == "Joining" and e[1] == "Tom Esser"}


def test_a_post_taken_from_its_holder_and_a_post_taken_beside_one_held(tmp_path) -> None:
    """'X übernimmt den Posten im Mai 2026 von Y, der seit 2019 an der Spitze des Konzerns
    steht': X's RoleChange to Y's post, dated May 2026, none for Y. 兼任 takes a post beside
    one held: '董事长井立将兼任首席执行官' is a RoleChange to CEO (井, 肖: surnames);
    '拔擢…為總經理' one to managing director;
    '职务由董事长肖川暂时兼任' none to chair; '任命首席运营官X兼任公司副董事长' one to
    vice-chair, not to COO; '首席执行官顾问' is the CEO's adviser, no CEO."""
    r = extract(tmp_path, "Quillon AG: Jonas Wolf folgt auf Tom Esser\n\nJonas Wolf übernimmt den "
                "Posten im Mai 2026 von Tom Esser, der seit August 2019 an der Spitze des Konzerns "
                "Quillon AG steht.", "2025-12-11", "de")
    assert ("RoleChange", "Jonas Wolf", "Quillon AG", "2026-05") in events(r)
    assert not {e for e in events(r) if e[1] == "Tom Esser" and e[0] == "RoleChange"}
    r = extract(tmp_path, "星海科技人事调整\n\n星海科技3月12日宣布，首席执行官李明辞去职务，董事长"
                "井立将兼任首席执行官。华岳科技执行长陈光请辞，职务由董事长肖川暂时兼任。星海科技"
                "同时任命首席运营官周敏兼任公司副董事长，首席财务官王涛兼任首席执行官顾问。",
                "2021-03-12", "zh-Hans")
    assert {"井立", "肖川", "周敏", "王涛"} <= named(r, "Person")
    changes = role_changes(r)
    assert {("井立", "ceo"), ("周敏", "vice-chair"), ("王涛", "advisor")} <= changes
    assert not {c for c in changes if c in {("肖川", "board-chair"), ("周敏", "coo"),
                                             ("王涛", "ceo")}}
    assert not {x for x in roles(r) if x[0] == "王涛" and x[1] == "ceo"}
    r = extract(tmp_path, "華岳科技人事\n\n華岳科技同日通過，拔擢資深副總經理邱玉琦為總經理。",
                "2023-06-30", "zh-Hant")  # 拔擢: promotes
    assert ("邱玉琦", "managing-director") in role_changes(r)


def test_a_platform_a_past_employer_after_a_joining_and_an_insider_named(tmp_path) -> None:
    """'在微博上称', 'wrote on LinkedIn': where it was said, not the company '公司执行董事',
    '该公司' or 'the company' means; '加入联想，此前曾在德意志银行和花旗集团任职': those were
    employers before, not the one joined (联想: no label, no Joining);
    'named X, head of its international operations, as the new chief executive': X worked
    there already, a RoleChange and no Joining; 'Brothers' ends a company's name."""
    r = extract(tmp_path, "星海汽车人事\n\n星海汽车宣布，王凤来加入星海汽车，担任公司总裁。\n\n"
                "何小飞在微博上称：“凤来是最资深的专业人士之一。”\n\n此外，星海汽车联合创始人夏珩"
                "将继续担任公司执行董事。郑明于2019年加入联想，此前曾在德意志银行和花旗集团任职。",
                "2023-01-31", "zh-Hans")
    assert ("夏珩", "board-member", "星海汽车", False) in roles(r)
    assert not {x for x in roles(r) if x[2] == "Weibo"}
    assert not {e for e in events(r) if e[0] == "Joining" and e[2] in {"Deutsche Bank",
                                                                      "Citigroup"}}
    r = extract(tmp_path, "星海汽车人事\n\n星海汽车宣布，王凤来担任总裁。\n\n何小飞在微博上称，凤来是"
                "最资深的专业人士之一。该公司联合创始人夏珩将继续担任执行董事。", "2023-01-31",
                "zh-Hans")  # 该公司: not Weibo either
    assert ("夏珩", "co-founder", "星海汽车", False) in roles(r)
    r = extract(tmp_path, "星海汽车人事\n\n王凤来在华为上班。\n\n该公司联合创始人夏珩将继续担任"
                "执行董事。", "2023-01-31", "zh-Hans")  # 上班: at work there, no platform
    assert ("夏珩", "co-founder", "Huawei", False) in roles(r)
    r = extract(tmp_path, "Quillon Labs hires\n\nQuillon Labs named Anna Berg president.\n\nTom "
                "Ashby wrote on LinkedIn that he was proud. The company's co-founder Lena Kurz "
                "will remain a director.", "2023-01-31", "en")
    assert ("Lena Kurz", "co-founder", "Quillon Labs", False) in roles(r)
    r = extract(tmp_path, "Quillon Labs names new CEO\n\nIn August, Quillon Labs named Maziar "
                "Doustdar, head of its international operations, as the new chief executive, "
                "effective Aug. 7. Tom Ashby joined Zentrix Brothers in 1983.", "2025-08-16", "en")
    assert ("RoleChange", "Maziar Doustdar", "Quillon Labs", "2025-08-07") in events(r)
    assert not {e for e in events(r) if e[0] == "Joining" and e[1] == "Maziar Doustdar"}
    assert ("Joining", "Tom Ashby", "Zentrix Brothers", "1983") in events(r)


def test_a_title_of_a_described_company_and_a_successor_of_one_who_led_it(tmp_path) -> None:
    """'Der Co-Chef des Onlinehändlers X, Name,': Name's title at X (the describing word
    before the company: names.toml `org_descriptor_endings`, händler); 'folgt auf Y, der
    den Konzern seit 2017 geleitet hatte': Y led the company meant (the anaphor before the
    German verb at the clause's end), and the successor takes that post, unless the
    article tells the title taken ("wird im Mai Vorstandsvorsitzende": a month between
    the copula and the title, as "wurde im Juli 2022 zum … ernannt")."""
    r = extract(tmp_path, "Quillon AG: Wechsel an der Spitze\n\nDer Co-Chef des Onlinehändlers "
                "Quillon AG, Jonas Wolf, will das Unternehmen verlassen.\n\nDie Quillon AG "
                "ordnet ihre Führung neu. Anna Berg folgt auf Tom Esser, der den Konzern seit 2017 "
                "geleitet hatte.", "2020-11-29", "de")
    assert ("Jonas Wolf", "ceo", "Quillon AG", False) in roles(r)
    assert ("Tom Esser", "head", "Quillon AG", True) in roles(r)
    assert ("Anna Berg", "head") in role_changes(r)
    r = extract(tmp_path, "Quillon AG: Wechsel an der Spitze\n\nAnna Berg wird im Mai "
                "Vorstandsvorsitzende der Quillon AG. Sie folgt auf Tom Esser, der den Konzern seit "
                "2017 geleitet hatte.", "2020-11-29", "de")  # one change: to chief executive
    changes = {o.value.rsplit("/", 1)[-1] for s, p, o in r.triples if p.value.endswith("#newRole")}
    assert changes == {"ceo"}
    r = extract(tmp_path, "Quillon AG\n\nTom Esser, Mitgründer von Quillon AG, wurde im Juli "
                "2022 zum stellvertretenden Aufsichtsratsvorsitzenden ernannt.", "2024-06-15", "de")
    assert ("RoleChange", "Tom Esser", "Quillon AG", "2022-07") in events(r)  # wurde: became


def test_a_chinese_report_names_its_company_before_its_day(tmp_path) -> None:
    """'面板大廠星岳今（9）日宣布': the words opening a paragraph right before the day it
    tells of name the company reporting (after its description, 大廠), wherever written
    again; not a person's name ('王明今日表示'), nor a run opening with a name found
    ('王文傑熟悉公司營運')."""
    r = extract(tmp_path, "星岳董事長李明華交棒\n\n面板大廠星岳今（9）日宣布，董事長李明華將於6月"
                "股東會後卸任，由總經理王文傑接任董事長。\n\n星岳指出，王文傑熟悉公司營運。",
                "2024-05-09", "zh-Hant")
    assert ("RoleChange", "王文傑", "星岳", "2024-06") in events(r)
    assert named(r, "Organization") == {"星岳"}
    r = extract(tmp_path, "台灣星通人事\n\n台灣星通今（1）日宣布，由創新長王之晨接任總經理。\n\n"
                "王之晨2018年加入台灣星通擔任董事。", "2022-06-01", "zh-Hant")
    assert ("王之晨", "managing-director", "台灣星通", False) in roles(r)
    r = extract(tmp_path, "星海科技人事\n\n王明今日表示，首席执行官李华将离职。", "2022-06-01",
                "zh-Hans")
    assert "王明" not in named(r, "Organization")
    r = extract(tmp_path, "星海科技人事\n\n气温今（1）日回升，外资今（1）日卖超台股。\n\n立委今（1）日"
                "表示，首席执行官李华将离职。", "2022-06-01", "zh-Hans")  # no verb of telling
    assert not {"气温", "外资", "立委"} & named(r, "Organization")  # after; a legislator


def test_german_offices_taken_as_objects_and_successors_named_after(tmp_path) -> None:
    """'werde … den Vorsitz des Vorstands übernehmen' (the office, an object before the
    verb); 'Seine Nachfolge als Finanzchef tritt X an' (no one named replaced: the title
    after "als" is taken; Seine opens no name); 'Vorsitzende der Geschäftsleitung' is the
    chief executive; 'der Quillon AG seit 2016 führt': heads it now; 'wechselt als Chef zum
    … Kabelnetzbetreiber X': a chief of X (a noun ending in betreiber introduces it), not
    of the company left before."""
    r = extract(tmp_path, "Quillon AG: Tom Esser folgt auf Jonas Wolf\n\nFinanzvorstand Tom Esser "
                "werde zum 1. Januar 2014 den Vorsitz des Vorstands übernehmen, teilte die Quillon "
                "AG mit. Er löst Jonas Wolf ab, der das Unternehmen auf eigenen Wunsch verlässt.\n\n"
                "Wolf wechselt als "
                "Chef zum niederländischen Kabelnetzbetreiber Zentrix.\n\nEsser ist seit 2009 "
                "Finanzvorstand der Quillon AG. Seine Nachfolge als Finanzchef tritt Lena Kurz an.",
                "2013-06-24", "de")
    assert ("RoleChange", "Tom Esser", "Quillon AG", "2014-01-01") in events(r)
    assert ("Lena Kurz", "cfo") in role_changes(r)
    assert {e[:3] for e in events(r) if e[1] == "Jonas Wolf"} == {
        ("Departure", "Jonas Wolf", "Quillon AG"), ("Joining", "Jonas Wolf", "Zentrix")}
    assert ("Jonas Wolf", "ceo", "Zentrix", False) in roles(r)
    assert named(r, "Person") == {"Tom Esser", "Jonas Wolf", "Lena Kurz"}
    r = extract(tmp_path, "Quillon AG\n\nAnna Berg werde am 1. Mai die Nachfolge von Tom Esser als "
                "Vorsitzende der Geschäftsleitung antreten, teilte die Quillon AG mit. Esser, der "
                "die Quillon AG seit 2016 führt, wird das Unternehmen verlassen.", "2021-02-04", "de")
    assert ("RoleChange", "Anna Berg", "Quillon AG", "2021-05-01") in events(r)
    assert ("Anna Berg", "ceo") in role_changes(r)
    assert ("Tom Esser", "head", "Quillon AG", False) in roles(r)
    assert "Geschäftsleitung" not in named(r, "Organization")
    r = extract(tmp_path, "Quillon AG\n\nAnna Berg führt Gespräche mit der Quillon AG.",
                "2021-02-04", "de")  # talks with it: no head
    assert not roles(r)
    r = extract(tmp_path, "Quillon AG\n\nJonas Wolf ist Vorstandschef der Quillon AG. Tom Esser ist "
                "Finanzvorstand der Quillon AG.\n\nEsser und Anna Berg hatten im Oktober die "
                "Nachfolge von Jonas Wolf angetreten.", "2020-04-21", "de")  # Wolf's post,
    assert ("Anna Berg", "ceo") in role_changes(r)  # not her partner's
    assert ("Anna Berg", "cfo") not in role_changes(r)
    r = extract(tmp_path, "Quillon Labs\n\nQuillon Labs said on Tuesday that Maya Chen will "
                "become its head of policy. She replaces co-founder Jack Clark.", "2024-10-08",
                "en")
    assert ("Maya Chen", "co-founder") not in role_changes(r)  # Clark's title, before him


def test_an_acronym_a_day_to_come_and_a_clause_after_a_semicolon(tmp_path) -> None:
    """'International Business Machines Corp … IBM': one company (the initials of the
    name's capitalized words); 'will succeed X as president and chief executive officer on
    Oct. 1' (a word of the future 70 characters before the day) is of the coming October;
    'named X as CEO; Y will step down': Y was not named."""
    r = extract(tmp_path, "IBM names Tom Ashby CEO\n\nInternational Business Machines Corp said "
                "on Thursday that Tom Ashby would replace Anna Berg as chief executive officer. "
                "IBM named Tom Ashby as CEO; Anna Berg will step down.", "2020-01-30", "en")
    assert named(r, "Organization") == {"IBM"}
    assert not {e for e in events(r) if e[0] == "Joining" and e[1] == "Anna Berg"}
    r = extract(tmp_path, "Quillon Labs names Tom Ashby CEO\n\nQuillon Labs said on Tuesday that "
                "Tom Ashby, its chief operating officer, will succeed Anna Berg as president and "
                "chief executive officer on Oct. 1.", "2020-08-04", "en")
    assert ("RoleChange", "Tom Ashby", "Quillon Labs", "2020-10-01") in events(r)


def test_chinese_elections_posts_given_by_an_agent_and_things_once_done(tmp_path) -> None:
    """'选举X为…董事局主席、首席执行官' (选举, 推选, 当选: changes); '推选执行长X出任董事长':
    执行长 is held, only 董事长 taken; '新任总经理则由副总经理X升任': X's post, given by the
    verb after (由 marks its agent, not 新任's subject); '接替陆兆禧出任': a name after 接替;
    '此前曾任盛大网络首席财务官': past, an unknown company between the verb and the title;
    '他曾创办X，并担任该公司董事长': undated (not the paragraph's year before), 该公司 is X;
    '于2月创办光年之外，但在6月…退出公司管理': the company left is the one founded."""
    r = extract(tmp_path, "星海集团换届\n\n11月5日，星海集团召开职工代表大会，选举周云来为星海集团"
                "董事局主席、首席执行官。", "2021-11-05", "zh-Hans")
    assert {("周云来", "board-chair"), ("周云来", "ceo")} <= role_changes(r)
    r = extract(tmp_path, "星海科技人事\n\n星海科技今天宣布，董事会一致推选执行长王凤来出任董事长。",
                "2021-06-17", "zh-Hans")
    assert role_changes(r) == {("王凤来", "board-chair")}
    r = extract(tmp_path, "微软人事\n\n微软今天宣布，董事会一致推选执行长纳德拉（Satya Nadella）出任"
                "董事长。", "2021-06-17", "zh-Hant")  # the name glossed in brackets
    assert role_changes(r) == {("Satya Nadella", "board-chair")}
    r = extract(tmp_path, "华岳航空人事\n\n华岳航空今（10）日召开董事会，通过董事长谢世谦退休案，由"
                "总经理高星潢接任董事长，新任总经理则由副总经理张有衡升任。", "2024-05-10", "zh-Hans")
    assert ("张有衡", "managing-director") in role_changes(r)
    assert ("谢世谦", "managing-director") not in role_changes(r)
    assert not {x for x in roles(r) if x[0] == "谢世谦" and x[1] == "managing-director"}
    r = extract(tmp_path, "星海科技人事\n\n2015年5月，张凤勇接替陆兆禧出任星海科技首席执行官。"
                "张凤勇于2007年加入星海科技，此前曾任盛大网络首席财务官。", "2019-09-10", "zh-Hans")
    assert "陆兆禧" in named(r, "Person")
    assert {x[3] for x in roles(r) if x[0] == "张凤勇" and x[1] == "cfo"} == {True}
    r = extract(tmp_path, "星海科技人事\n\n王之晨2018年加入星海科技担任董事。他曾创办之初创投，并"
                "担任该公司董事长。", "2022-06-01", "zh-Hans")
    assert ("Founding", "王之晨", "之初创投", None) in events(r)
    assert not {e for e in events(r) if e[0] == "RoleChange" and e[2] == "星海科技"}
    r = extract(tmp_path, "大模型创业潮\n\n此前，星海科技联合创始人王慧来也宣布进军大模型领域。王慧来"
                "于2月创办光年之外，但在6月因健康原因退出公司管理。", "2023-11-06", "zh-Hans")
    assert ("Departure", "王慧来", "光年之外", "2023-06") in events(r)


def test_an_insider_named_to_a_post_and_time_away_told_as_leaves(tmp_path) -> None:
    """'named X as its next chief executive' of one another sentence says joined the company
    decades before: a change to that post, not a hiring (so too when the headline names
    her and the body says she 'started at' it); 'during Y's medical leaves' is no
    Departure; a dateline under a headline ending in 'automaker' is no organization; 'Dan'
    starts a name ('will succeed Dan Akerson'), not the short form of another Dan's."""
    r = extract(tmp_path, "Quillon Labs picks Lena Ortiz to lead the carmaker\n\nDETROIT "
                "(Reuters) - Quillon "
                "Labs on Tuesday named Lena Ortiz as its next chief executive. Ortiz will succeed "
                "Dan Akerson on Jan. 15, Quillon Labs said. Akerson is stepping down early. Quillon "
                "Labs also said Dan Ammann, its chief financial officer, will become president."
                "\n\nOrtiz has spent her career at Quillon Labs, which she joined in "
                "1980. She ran the company during Akerson's medical leaves in 2009.",
                "2013-12-10", "en")
    assert ("RoleChange", "Lena Ortiz", "Quillon Labs", "2013-12-10") in events(r)
    assert ("Joining", "Lena Ortiz", "Quillon Labs", "1980") in events(r)
    assert ("Departure", "Dan Akerson", "Quillon Labs", "2013-12-10") in events(r)
    assert ("Lena Ortiz", "ceo") in role_changes(r)
    assert not {e for e in events(r) if e[1] == "Lena Ortiz" and e[0] == "Departure"}
    assert "DETROIT" not in named(r, "Organization")
    assert {"Dan Akerson", "Dan Ammann"} <= named(r, "Person")
    r = extract(tmp_path, "Quillon Labs names Tom Ashby CEO\n\nQuillon Labs said on Monday that "
                "Tom Ashby, the head of its Canadian operations, will become chief executive on "
                "Feb. 1.\n\nAshby started at Quillon Labs as a summer associate in 1984.",
                "2013-11-25", "en")
    assert ("Joining", "Tom Ashby", "Quillon Labs", "1984") in events(r)
    assert not {e for e in events(r) if e[0] == "Joining" and e[3] != "1984"}
    assert ("Tom Ashby", "head", "Quillon Labs", False) in roles(r)
    assert "Canadian" not in named(r, "Organization")


def test_english_chairs_kept_and_board_seats_in_apposition(tmp_path) -> None:
    """'X, 56, who co-founded Y in 1976 and returned to it in 1997, will remain at Y as
    chairman of the board': the relative clause closed, the copula is X's; 'a member of
    Y's board' is a board seat."""
    r = extract(tmp_path, "Quillon Labs said Tom Ashby had resigned as chief executive.\n\nAshby, "
                "56, who co-founded Quillon Labs in 1976 and returned to the company in 1997, "
                "will remain at Quillon Labs as chairman of the board.\n\n\"Tom has made "
                "countless contributions,\" said Anna Berg, chairman of Brightwater Robotics "
                "and a member of Quillon Labs' board.", "2011-08-24", "en")
    assert {("Tom Ashby", "board-chair", "Quillon Labs", False),
            ("Anna Berg", "board-chair", "Brightwater Robotics", False),
            ("Anna Berg", "board-member", "Quillon Labs", False)} <= roles(r)
    r = extract(tmp_path, "Quillon Labs adds directors\n\nQuillon Labs chairman Art Levinson "
                "backed the plan. Art Peck, a retail executive, disagreed.", "2011-08-24", "en")
    assert "Art" not in surfaces(r)  # a given name before another surname is no short form
    r = extract(tmp_path, "Quillon Labs replaces CEO\n\nTom Ashby stepped down as CEO and as a "
                "member of the board of Quillon Labs, effective immediately.", "2024-08-13", "en")
    assert ("Tom Ashby", "board-member", "Quillon Labs", True) in roles(r)


def test_german_moves_between_companies_and_offices_taken_after_a_title(tmp_path) -> None:
    """'kam 2012 von der Commerzbank zu RWE': joins RWE; 'wechselt … zum Konkurrenten
    Adidas': Adidas; 'der aus persönlichen Gründen ausscheidet': a Departure; 'übernimmt
    Finanzvorstand X den Vorstandsvorsitz': X's new post is the one after his name; a
    board chair of the paragraph after 'arbeitete für L'Oréal, bevor er zu Beiersdorf
    wechselte' chairs the article's Beiersdorf, not L'Oréal (in an article of another
    company, that one: the one he went to is not the topic); 'Seine Nachfolge … soll X
    antreten' is news of now."""
    r = extract(tmp_path, "Markus Brandt wird Vorstandschef\n\nBeim Energiekonzern "
                "Quillon AG übernimmt Finanzvorstand Markus Brandt den Vorstandsvorsitz. Er löst "
                "Stefan De Loecker ab, der aus persönlichen Gründen ausscheidet.\n\nBrandt kam "
                "2012 von der Commerzbank zu Quillon und war zunächst Chef der Handelstochter. "
                "Seine Nachfolge als Finanzchef soll Anna Reuter antreten.\n\nDe Loecker wechselt "
                "nach Angaben aus Branchenkreisen zum Konkurrenten Adidas.", "2020-10-30", "de")
    assert ("Markus Brandt", "ceo") in role_changes(r)
    assert ("Markus Brandt", "cfo") not in role_changes(r)
    assert {("Joining", "Markus Brandt", "Quillon AG", "2012"),
            ("Departure", "Stefan De Loecker", "Quillon AG", None),
            ("Joining", "Stefan De Loecker", "Adidas", None),
            ("RoleChange", "Anna Reuter", "Quillon AG", None)} <= events(r)
    moved = ("Der Franzose Vincent Marchal arbeitete mehr als 20 Jahre für den Kosmetikkonzern "
             "L'Oréal, bevor er 2016 zu Beiersdorf wechselte.\n\nAufsichtsratschef Reinhard "
             "Pollak sagte am Mittwoch, Marchal sei der Richtige.")
    r = extract(tmp_path, "Beiersdorf: Vincent Marchal wird Chef\n\n" + moved, "2021-03-10",
                "de")
    assert ("Reinhard Pollak", "board-chair", "Beiersdorf", False) in roles(r)
    r = extract(tmp_path, "Quillon AG holt Vincent Marchal\n\n" + moved, "2021-03-10", "de")
    assert ("Reinhard Pollak", "board-chair", "Quillon AG", False) in roles(r)


def test_chinese_posts_no_longer_held_honorary_chairs_and_handovers(tmp_path) -> None:
    """'王立不再担任执行副总裁' (a name before 不再, the post over); '…，王石不再担任董事会
    主席，成为星海名誉主席': the clause with no subject has the last one's, and an honorary
    chair is no board chair; '董事長X交棒' gives X no post; '總經理職務則由副總經理X接棒':
    X takes it; '並續任Y董事長' is kept, no change."""
    r = extract(tmp_path, "星海科技换届\n\n星海科技董事会选举周云来为董事会主席，王石来不再担任董事会"
                "主席，成为星海科技名誉主席。祝九来出任公司首席执行官，王文来不再担任执行副总裁兼"
                "首席财务官。", "2017-06-30", "zh-Hans")
    assert {("王石来", "board-chair", "星海科技", True),
            ("王石来", "honorary-chair", "星海科技", False),
            ("王文来", "cfo", "星海科技", True)} <= roles(r)
    assert not {x for x in roles(r) if x[0] == "周云来" and x[1] == "honorary-chair"}
    r = extract(tmp_path, "星岳董事長李明華交棒 王文傑接任\n\n星岳今（14）日宣布，董事長李明華將卸任，"
                "由總經理王文傑接任董事長；總經理職務則由執行副總經理黃柏漙接棒。李明華未來將擔任"
                "星岳榮譽董事長，並續任旗下星通科技董事長。", "2023-03-15", "zh-Hant")
    assert ("黃柏漙", "managing-director") in role_changes(r)
    assert ("李明華", "honorary-chair") in role_changes(r)
    assert not {x for x in role_changes(r) if x[0] == "李明華" and x[1] == "board-chair"}
    assert ("李明華", "board-chair", "星通科技", False) in roles(r)


def test_chinese_dates_of_careers_told_now_and_at_that_time(tmp_path) -> None:
    """'X1990年进入星海科技' (进入 after a name and a year: a name, a Joining); '1994年出任
    经营部部长，2001年起任总经理': each clause's own post and year (部长 heads; 起任 takes);
    '此次当选董事长后，她将同时兼任总裁': not the year told before; '…将于9月10日卸任。届时，
    Y将接任': that day; '业界预料，总经理一职将由X升任': a guess, no change."""
    r = extract(tmp_path, "星海科技换届\n\n星海科技5月25日召开股东大会，董明来当选为星海科技董事长。"
                "现年58岁的董明来1990年进入星海科技，1994年出任经营部部长，2001年起任星海科技"
                "总经理。此次当选董事长后，她将同时兼任总裁。\n\n业界预料，总经理一职将由副总经理"
                "黄辉来升任。", "2012-05-26", "zh-Hans")
    assert ("Joining", "董明来", "星海科技", "1990") in events(r)
    changes = {(f.role, f.date.value if f.date else None) for f in r.facts
               if f.type == "RoleChange" and f.person.name == "董明来"}
    assert ("head", "1994") in changes and ("managing-director", "2001") in changes
    assert ("managing-director", "1994") not in changes
    assert not {c for c in changes if c[0] in ("board-chair", "president") and c[1] == "1994"}
    assert not {x for x in role_changes(r) if x[0] == "黄辉来"}
    r = extract(tmp_path, "星海集团管理层调整\n\n星海集团今日发布公告称，董事会主席张凤勇将于今年9月10日"
                "卸任。届时，集团执行副主席蔡崇来将接任董事会主席。", "2023-06-20", "zh-Hans")
    assert ("RoleChange", "蔡崇来", "星海集团", "2023-09-10") in events(r)


def test_surnames_that_are_words_and_organizations_listed_after_a_title(tmp_path) -> None:
    """'Brian West, the chief financial officer': West is a surname after a given name,
    but 'Mark May 5' is a date; 'a former chief executive of X and Y': both posts, not
    'the CEO of X, Y said'."""
    r = extract(tmp_path, "Quillon Labs reports a loss\n\nBrian West, the chief financial "
                "officer, said costs rose. Garth Ritchie will lead the trading unit.\n\nMark "
                "May 5 in your diary, Tom Ashby said.", "2024-07-31", "en")
    assert ("Brian West", "cfo", "Quillon Labs", False) in roles(r)
    assert {"Brian West", "Garth Ritchie"} <= named(r, "Person")
    assert not {n for n in named(r, "Person") if "May" in n}
    r = extract(tmp_path, "Quillon Labs hires\n\nTom Ashby, a former chief executive of Nova "
                "Dynamics and Brightwater Robotics, joined Quillon Labs.", "2024-07-31", "en")
    assert {("Tom Ashby", "ceo", "Nova Dynamics", True),
            ("Tom Ashby", "ceo", "Brightwater Robotics", True)} <= roles(r)
    r = extract(tmp_path, "Quillon Labs keeps its chief\n\nMaya Chen, the CEO of Quillon Labs, "
                "Nova Dynamics said, will stay.", "2024-07-31", "en")
    assert not {x for x in roles(r) if x[2] == "Nova Dynamics"}  # a list ends in 'and'


def test_departures_told_without_a_company_and_a_returning_veteran(tmp_path) -> None:
    """'… later served on the board of RTX. He retired in 2021': from the post the
    paragraph names last; 'sagte Kaeser zum Abschied. Er bleibt Aufsichtsratsvorsitzender
    von Siemens Energy': not from the post kept; 'X will retire …, and that Y, a veteran
    who left in 2020, will return': Y returns, X does not."""
    r = extract(tmp_path, "Quillon Labs names CEO\n\nQuillon Labs named Tom Ashby, the former "
                "head of Nova Dynamics, as chief executive.\n\nAshby ran Nova Dynamics from "
                "2013 until 2018 and later served on the board of RTX. He retired in 2021.",
                "2024-07-31", "en")
    assert ("Departure", "Tom Ashby", "RTX", "2021") in events(r)
    assert ("Tom Ashby", "board-member", "RTX", False) in roles(r)
    r = extract(tmp_path, "Siemens hat einen neuen Chef\n\nJoe Kaeser hat den Vorstandsvorsitz "
                "von Siemens an Roland Busch übergeben.\n\n„Wir haben die Weichen gestellt“, "
                "sagte Kaeser zum Abschied. Er bleibt Aufsichtsratsvorsitzender von Siemens "
                "Energy.", "2021-02-04", "de")
    assert {e[2] for e in events(r) if e[:2] == ("Departure", "Joe Kaeser")} == {"Siemens"}
    r = extract(tmp_path, "Quillon Labs names CEO\n\nQuillon Labs said on Thursday that Sean "
                "Roe will retire as chief executive on Oct. 13, and that Tom Ashby, a company "
                "veteran who left in 2020, will return to succeed him.", "2024-09-20", "en")
    assert {e[1] for e in events(r) if e[0] == "Return"} == {"Tom Ashby"}


def test_successors_named_after_a_bare_noun_and_the_company_of_a_later_paragraph(tmp_path
                                                                                 ) -> None:
    """'Die X hat ihren Vorstandschef Y abgelöst. Nachfolger wird … Z': Z takes Y's post;
    'war er von BMW zu Volkswagen gewechselt … Chief Operating Officer des Konzerns': the
    company he moved to; '董事長兼執行長A請辭獲准，董事會推舉創辦人B回任董事長，並暫代執行長':
    B takes the post, the subject of the clause before."""
    r = extract(tmp_path, "Quillon AG wechselt den Chef\n\nDie Quillon AG hat ihren Vorstandschef "
                "Stefan Roth abgelöst. Nachfolger wird mit sofortiger Wirkung Markus Brandt, wie "
                "das Unternehmen mitteilte.", "2018-04-09", "de")
    assert ("Markus Brandt", "ceo") in role_changes(r)
    r = extract(tmp_path, "Volkswagen tauscht den Chef aus\n\nPorsche-Chef Oliver Blume übernimmt "
                "zum 1. September den Vorstandsvorsitz von Herbert Diess.\n\nDiess steht seit "
                "April 2018 an der Spitze des Autobauers. Zuvor war er 2015 von BMW zu "
                "Volkswagen gewechselt, wo er zunächst die Marke VW leitete.\n\nBlume soll "
                "zugleich Vorstandschef der Porsche AG bleiben. Finanzvorstand Arno Antlitz wird "
                "zusätzlich Chief Operating Officer des Konzerns.", "2022-07-23", "de")
    assert ("Arno Antlitz", "coo", "Volkswagen", False) in roles(r)
    assert not {x for x in roles(r) if x[0] == "Arno Antlitz" and x[2] == "BMW"}
    r = extract(tmp_path, "星海科技董事長請辭\n\n星海科技5日召開臨時董事會，董事長兼執行長王振明請辭"
                "獲准，董事會推舉創辦人施文華回任董事長，並暫代執行長。", "2013-11-05", "zh-Hant")
    assert ("施文華", "ceo") in role_changes(r)
    assert not {x for x in role_changes(r) if x[0] == "王振明"}


def test_names_that_are_words_and_organizations_after_a_nation(tmp_path) -> None:
    """'曾长期担任' is 'long served as' (held before), no person 曾长期; 'the chief executive of Dutch
    dairy cooperative X' is X's; 'activist Nelson Peltz' is a person; 'Der Stuttgarter
    Autobauer X AG' is X AG."""
    r = extract(tmp_path, "星海集团人事变动\n\n6月20日，星海集团宣布人事变动。集团执行副主席陈立将接任董事会"
                "主席。\n\n陈立是星海集团的联合创始人之一，1999年加入星海集团，曾长期担任集团首席财务官。",
                "2023-06-20", "zh-Hans")
    assert "曾长期" not in named(r, "Person")
    assert ("陈立", "cfo", "星海集团", True) in roles(r)  # held long, before
    r = extract(tmp_path, "Quillon Labs names CEO\n\nQuillon Labs said on Monday it had appointed "
                "Hein Vermeer, the chief executive of Dutch dairy cooperative Brightwater, as its "
                "next chief executive. He came under pressure from investors, including activist "
                "Nelson Peltz of Trian Partners, who joined the board last year.",
                "2023-01-30", "en")
    assert ("Hein Vermeer", "ceo", "Brightwater", False) in roles(r)
    assert not {x for x in roles(r) if x[2] == "Dutch"}
    assert "Nelson Peltz" in named(r, "Person")
    r = extract(tmp_path, "Neuer Chef\n\nDer Stuttgarter Autobauer Quillon AG hat einen neuen Chef. "
                "Jonas Brandt übernimmt den Vorstandsvorsitz.", "2019-05-22", "de")
    assert ("Jonas Brandt", "ceo", "Quillon AG", False) in roles(r)


def test_the_post_taken_from_a_predecessor_and_the_company_of_another_post(tmp_path) -> None:
    """'X hat den Vorstandsvorsitz von Y übernommen': X takes it, not Y; 'Z, the CFO' after
    'Y, who ran A before joining <the company>': Z's post is the company's, not A's; 'X, the
    chief executive of B, will become …, replacing Y, who is stepping down': Y leaves the
    company, not B; '推选总裁X出任董事长，并兼任总裁': X keeps 总裁, taken by no one."""
    r = extract(tmp_path, "Neuer Chef\n\nDie Quillon AG hat einen neuen Chef. Jonas Brandt hat am "
                "Mittwoch nach der Hauptversammlung den Vorstandsvorsitz von Peter Halm "
                "übernommen, der das Unternehmen 13 Jahre lang geführt hatte.", "2019-05-22", "de")
    assert role_changes(r) == {("Jonas Brandt", "ceo")}
    r = extract(tmp_path, "Quillon Labs names CEO\n\nQuillon Labs said on Tuesday that Jonas "
                "Brandt, the chief executive of Nova Dynamics, will become its chief executive on "
                "Sept. 9, replacing Peter Halm, who is stepping down.\n\nHalm, a former Apple "
                "executive who ran Brightwater Robotics before joining Quillon Labs in 2022, will "
                "leave the company immediately. Rachel Ruggeri, the chief financial officer, will "
                "serve as interim chief executive until Brandt arrives.", "2024-08-13", "en")
    assert ("Rachel Ruggeri", "cfo", "Quillon Labs", False) in roles(r)
    assert {e[2] for e in events(r) if e[:2] == ("Departure", "Peter Halm")} == {"Quillon Labs"}
    r = extract(tmp_path, "星岳科技股東會\n\n星岳科技今天舉行股東常會，董事長王大明正式退休，董事會隨後推選總裁"
                "陳立出任董事長，並兼任總裁。", "2024-06-04", "zh-Hant")
    assert not {x for x in roles(r) if x[0] == "王大明" and x[1] == "president"}
    assert ("陳立", "president") not in role_changes(r)
    assert ("陳立", "board-chair") in role_changes(r)


def test_the_company_of_a_title_where_the_paragraph_names_none(tmp_path) -> None:
    """A title with no organization of its own is not held at the company someone went to
    in the paragraph before ("der zum Softwareanbieter Y gewechselt war"), nor at one bought
    ("die Übernahme des Saatgutherstellers Y", "when it bought his startup Y"); of the
    companies of the paragraph before, the article's own comes first."""
    r = extract(tmp_path, "Quillon AG: Anna Berg verlässt den Konzern\n\nDie Quillon AG trennt "
                "sich von ihrer Co-Vorstandschefin Anna Berg.\n\nBerg hatte die Führung im "
                "Oktober von Peter Halm übernommen, der zum Softwareanbieter Brightwater "
                "gewechselt war.\n\n„Die Entscheidung ist richtig“, sagte Aufsichtsratschef "
                "Hans Vogt.", "2020-04-20", "de")
    assert ("Hans Vogt", "board-chair", "Quillon AG", False) in roles(r)
    r = extract(tmp_path, "Quillon AG holt neuen Chef\n\nDer Konzern Quillon AG bekommt einen "
                "neuen Vorstandschef: Jonas Brandt.\n\nBrandt leitete zuletzt die Sparte von "
                "Nova Dynamics. Er soll am 1. April in den Vorstand der Quillon AG eintreten."
                "\n\nHalm stand wegen der Übernahme des US-Saatgutherstellers Brightwater unter "
                "Druck. Aufsichtsratschef Hans Vogt sagte: „Jonas Brandt ist die ideale "
                "Besetzung.“", "2023-04-05", "de")
    assert ("Hans Vogt", "board-chair", "Quillon AG", False) in roles(r)
    assert "Brightwater" in named(r, "Organization")  # a describing noun in the genitive
    r = extract(tmp_path, "Quillon Labs co-CEO to leave\n\nQuillon Labs said on Wednesday "
                "co-Chief Executive Jonas Brandt would step down at the end of January.\n\n"
                "Brandt, who joined Quillon Labs in 2016 when it bought his startup "
                "Brightwater, was named co-CEO in November last year.", "2022-11-30", "en")
    assert not {x for x in roles(r) if x[2] == "Brightwater"}
    assert ("RoleChange", "Jonas Brandt", "Quillon Labs", "2021-11") in events(r)
    r = extract(tmp_path, "Quillon Labs names CEO\n\nQuillon Labs said on Monday that Jonas "
                "Brandt, who studied at Brightwater University, was named chief executive.",
                "2024-05-06", "en")  # nor where the apposition says someone studied
    assert ("Jonas Brandt", "ceo", "Quillon Labs", False) in roles(r)
    assert ("Jonas Brandt", "ceo", "Brightwater University", False) not in roles(r)


def test_who_a_clause_is_about_and_when(tmp_path) -> None:
    """'He will replace X, who resigned in June': the last June, the relative clause tells
    its own time; after a colon, the one named after it takes the post; 'X, the chief
    executive of Y, …' picked by another company keeps Y's post, takes none there; in a
    Chinese headline a space parts two clauses ('X接任執行長 Y續任董事長': Y replaced by no
    one); '共同執行長A及B退任': both leave."""
    r = extract(tmp_path, "Quillon Labs names new chief\n\nQuillon Labs has chosen Jonas "
                "Brandt, the chief executive of online travel company Brightwater Inc., to lead "
                "the firm.\n\nHe will replace co-founder Peter Halm, who resigned as CEO in June "
                "under pressure from investors.", "2017-08-29", "en")
    assert ("Departure", "Peter Halm", "Quillon Labs", "2017-06") in events(r)
    assert ("Jonas Brandt", "ceo") not in role_changes(r)
    r = extract(tmp_path, "Quillon Labs names CEO\n\nQuillon Labs named Jonas Brandt chief "
                "executive. Brandt will replace Peter Halm, who announced in March that he "
                "would step down by the end of the year.", "2024-07-31", "en")
    assert ("Departure", "Peter Halm", "Quillon Labs", "2024-03") in events(r)
    r = extract(tmp_path, "Quillon holt neuen Chef\n\nDer Maschinenbauer Quillon AG hat einen "
                "Nachfolger für Peter Halm gefunden: Jonas Brandt, bisher Chef des Konkurrenten "
                "Brightwater, soll zum 1. Januar 2023 den Vorstandsvorsitz übernehmen.",
                "2022-11-04", "de")
    assert role_changes(r) == {("Jonas Brandt", "ceo")}
    r = extract(tmp_path, "星海科技宣布王大明接任執行長　陳立續任董事長\n\n星海科技今日召開董事會，"
                "由副董事長王大明接任執行長，董事長陳立將續任董事長。", "2021-08-23", "zh-Hant")
    assert ("王大明", "board-chair") not in role_changes(r)
    assert not {x for x in roles(r) if x[:2] == ("王大明", "board-chair")}
    r = extract(tmp_path, "星海科技人事\n\n星海科技今日召開董事會，決議由共同執行長王大明及陳立退任。",
                "2021-08-23", "zh-Hant")
    assert {e[:2] for e in events(r)} == {("Departure", "王大明"), ("Departure", "陳立")}


def test_whom_someone_reports_to_and_what_a_board_does(tmp_path) -> None:
    """'report directly to chief executive X', '向首席执行官X汇报', 'an X berichten': X keeps
    a title, takes none, and is not 'Die 39-jährige Französin' after it; 'der Verwaltungsrat
    X entlassen hatte': the board, no member X; 'Vizepräsident für Forschung, das
    Unternehmen …': a field, no company; 'des Lieferdienstes Y': Y."""
    r = extract(tmp_path, "Quillon Labs hires Tom Ashby\n\nQuillon Labs said it had hired Tom "
                "Ashby. Ashby will become an executive vice president and report directly to "
                "chief executive Sean Roe.", "2024-03-19", "en")
    assert ("Tom Ashby", "vice-president") in role_changes(r)
    assert ("Sean Roe", "ceo") not in role_changes(r)
    r = extract(tmp_path, "星海科技人事\n\n星海科技宣布，王大明将担任汽车业务副总裁，向创始人兼首席执行官"
                "陈立汇报。", "2023-08-08", "zh-Hans")
    assert role_changes(r) == {("王大明", "vice-president")}
    r = extract(tmp_path, "Quillon AG holt Anna Berg\n\nDie Quillon AG holt Anna Berg, bisher "
                "Vorstandsvorsitzende des Lieferdienstes Brightwater. Berg soll direkt an "
                "Vorstandschef Peter Halm berichten. Die 39-jährige Französin sitzt bereits seit "
                "2024 im Aufsichtsrat der Quillon AG.", "2025-05-07", "de")
    assert {("Anna Berg", "ceo", "Brightwater", True),
            ("Anna Berg", "board-member", "Quillon AG", False)} <= roles(r)
    assert not {x for x in roles(r) if x[:2] == ("Peter Halm", "board-member")}
    r = extract(tmp_path, "Quillon AG setzt Chef ab\n\nDer Verwaltungsrat der Quillon AG hat "
                "Firmenchef Peter Halm entlassen. Technikchefin Anna Berg übernimmt vorläufig "
                "die Leitung des Unternehmens. Wenige Stunden später gab Halm bekannt, dass auch "
                "Forschungschef Tom Weber und Jan Roth, Vizepräsident für Forschung, das "
                "Unternehmen verlassen. Berg war schon 2022 kurz Chefin, nachdem der "
                "Verwaltungsrat Peter Halm entlassen hatte.", "2023-11-17", "de")
    assert {("Peter Halm", "ceo", "Quillon AG", False),
            ("Anna Berg", "cto", "Quillon AG", False)} <= roles(r)
    assert not {x for x in roles(r) if x[:2] == ("Peter Halm", "board-member")}
    assert ("Anna Berg", "ceo") in role_changes(r)
    assert "Forschung" not in named(r, "Organization")
    assert {e[:3] for e in events(r) if e[0] == "Departure"} == {
        ("Departure", "Tom Weber", "Quillon AG"), ("Departure", "Jan Roth", "Quillon AG")}


def test_who_founded_with_whom_and_who_went_where(tmp_path) -> None:
    """'gemeinsam mit A, B und C gegründet und war seit 2019 Vorstandschef': the subject and
    each of the list founded it, the chief is the subject; 'before founding X with A and B
    in 2022' (a date of the founding only), 'was founded with A, who …, and B', not a
    'founding member'; 'joins from X': X is left; '在微博宣布，公司副总裁X即将离职，加入Y':
    X joins, from no platform; '回到美国': no return; '從X跳槽至Y'; '挖角'; '其團隊將由X
    接手': X takes the post of the one who left."""
    r = extract(tmp_path, "Quillon AG trennt sich von Peter Halm\n\n„Ich habe es geliebt“, "
                "schrieb Halm. Der 38-Jährige hatte die Quillon AG 2015 gemeinsam mit Anna Berg, "
                "Tom Weber und Jan Roth gegründet und war seit 2019 Vorstandschef.",
                "2023-11-17", "de")
    assert {e[1] for e in events(r) if e[0] == "Founding"} == {
        "Peter Halm", "Anna Berg", "Tom Weber", "Jan Roth"}
    assert not {x for x in roles(r) if x[1] == "ceo" and x[0] != "Peter Halm"}
    r = extract(tmp_path, "Nova Dynamics hires Tom Ashby\n\nTom Ashby left DeepMind in 2019 and "
                "joined Google as a vice president before founding Quillon Labs with Sean Roe "
                "and Lena Ortiz in 2022. Ashby was a founding partner at Nova Dynamics. Ortiz was "
                "a founding investor in Brightwater Robotics.",
                "2024-03-19", "en")
    assert {e for e in events(r) if e[0] == "Founding"} == {
        ("Founding", p, "Quillon Labs", "2022") for p in ("Tom Ashby", "Sean Roe", "Lena Ortiz")}
    assert ("Joining", "Tom Ashby", "Google", "2022") not in events(r)
    r = extract(tmp_path, "Tom Ashby starts a company\n\nTom Ashby said he was starting a new "
                "company. The company, Quillon Labs, was founded with Sean Roe, who previously "
                "led AI efforts at Brightwater Inc., and Lena Ortiz, a former researcher.",
                "2024-06-19", "en")
    assert {("Sean Roe", "Quillon Labs"), ("Lena Ortiz", "Quillon Labs")} <= {
        e[1:3] for e in events(r) if e[0] == "Founding"}
    r = extract(tmp_path, "Quillon Labs AI chief to step down\n\nQuillon Labs said on Monday "
                "its AI chief Sean Roe would retire. Tom Ashby joins from Brightwater Inc.",
                "2025-12-01", "en")
    assert {e[:3] for e in events(r) if e[1] == "Tom Ashby"} == {
        ("Joining", "Tom Ashby", "Quillon Labs"), ("Departure", "Tom Ashby", "Brightwater Inc.")}
    r = extract(tmp_path, "Quillon Labs rehires\n\nTom Ashby will return to Home Depot Inc. "
                "in May. Lena Ortiz will return to the U.S. next year.", "2024-03-19", "en")
    assert events(r) == {("Return", "Tom Ashby", "Home Depot Inc.", "2024-05")}  # "Inc. in
    # May" goes on with the clause of "will": the coming May
    r = extract(tmp_path, "星海科技自动驾驶负责人王大明离职 将加入华岳科技\n\n8月7日晚，星海科技董事长陈立在"
                "微博宣布，公司自动驾驶副总裁王大明即将离职，加入华岳科技。陈立表示，王大明因家庭原因将"
                "回到美国。", "2023-08-08", "zh-Hans")
    assert {e[:3] for e in events(r)} == {("Departure", "王大明", "星海科技"),
                                          ("Joining", "王大明", "华岳科技")}
    r = extract(tmp_path, "星海科技重金挖角蘋果AI模型主管王大明\n\n王大明於2018年從Google跳槽至蘋果。"
                "王大明離職後，其團隊將由副總裁陳立接手。分析人士指出，此舉被視為重整AI團隊的一步。",
                "2025-07-08", "zh-Hant")
    assert {("Joining", "王大明", "星海科技"), ("Joining", "王大明", "Apple"),
            ("Departure", "王大明", "Google")} <= {e[:3] for e in events(r)}
    assert ("王大明", "head", "Apple", False) in roles(r)
    assert ("陳立", "head") in role_changes(r)
    assert not {s for s in surfaces(r) if s.startswith("I")}  # "AI團隊" is no team "I團隊"


def reported(result, cls: str) -> list[dict[str, str]]:
    """The graph's one report of each happening of an event class (Departure, RoleChange):
    its properties by local name ("date", "destination") and their values."""
    nodes = {s for s, p, o in result.triples if p == RDF_TYPE and o.value == NG + cls}
    return [{p.value.removeprefix(NG): o.value for s, p, o in result.triples if s == node}
            for node in sorted(nodes, key=str)]


def test_what_the_company_means_who_founded_the_startup_and_who_retired(tmp_path) -> None:
    """'X, the startup founded by former Y CTO Z': Z founded X alone ('a person familiar
    with the matter' is no partner); 'A, who joined rival B last August, has left the
    company': B; 'to return to hands-on work at B': no Return; 'another Y co-founder';
    'who have led it since C retired': C retired; 'will remain CFO'; 'a member of Y's
    board': a board member; 'replaces D, who will remain chairman' and 'D will remain
    chairman': the successor takes no chair."""
    r = extract(tmp_path, "Quillon Labs co-founder Tom Ashby leaves Brightwater\n\nTom Ashby, a "
                "co-founder of Quillon Labs who joined rival Brightwater Inc. last August, has "
                "left the company, Brightwater confirmed on Thursday. Ashby said in August that "
                "he was leaving Quillon Labs to return to hands-on technical work at Brightwater "
                "Inc.\n\nAshby is joining Nova Dynamics, the new startup founded by former "
                "Quillon Labs chief technology officer Lena Ortiz, according to a person "
                "familiar with the matter. Quent Marlow, another Quillon Labs co-founder, "
                "joined Brightwater Inc. in October.", "2025-02-06", "en")
    assert {e for e in events(r) if e[1] == "Tom Ashby" and e[0] != "Joining"} == {
        ("Departure", "Tom Ashby", "Brightwater Inc.", "2025-02-06"),
        ("Departure", "Tom Ashby", "Quillon Labs", "2024-08")}
    assert {e[:3] for e in events(r) if e[0] == "Founding"} == {
        ("Founding", "Lena Ortiz", "Nova Dynamics")}
    assert ("Lena Ortiz", "founder", "Nova Dynamics", False) in roles(r)
    assert ("Quent Marlow", "co-founder", "Quillon Labs", False) in roles(r)
    r = extract(tmp_path, "Quillon Labs names Tom Ashby CEO\n\nTom Ashby succeeds interim "
                "co-CEOs Sean Roe and Lena Ortiz, who have led the company since Kara Holm "
                "retired in December. Roe will remain executive vice president and chief "
                "financial officer. He was a member of Quillon Labs' board from 2022 until "
                "August 2024.", "2025-03-12", "en")
    assert {e[:3] for e in events(r) if e[0] == "Departure"} == {
        ("Departure", "Kara Holm", "Quillon Labs")}
    assert ("Sean Roe", "cfo", "Quillon Labs", False) in roles(r)
    assert {x[1] for x in roles(r) if x[0] == "Sean Roe" and "member" in x[1]} == {
        "board-member"}
    for text in ("Lena Ortiz replaces Tom Reyes, who will remain chairman of Quillon AG.",
                 "Lena Ortiz will succeed Tom Reyes, and Reyes will remain chairman of Quillon "
                 "AG."):
        r = extract(tmp_path, "Quillon AG names a chief\n\n" + text, "2025-03-12", "en")
        assert not {x for x in roles(r) if x[0] == "Lena Ortiz" and x[1] == "board-chair"}
        assert ("Lena Ortiz", "board-chair") not in role_changes(r)


def test_german_posts_taken_kept_and_held_before(tmp_path) -> None:
    """'übernimmt am 18. März die Führung des Unternehmens': a change to CEO on that day
    (not the headline's, dated by the lede); 'Seine Aufgaben übernimmt Vorstandssprecher X':
    X takes duties, no post; 'war früher Vizepräsident bei Y'; 'bleibt dem Verwaltungsrat
    von Y erhalten'."""
    r = extract(tmp_path, "Quillon AG: Tom Ashby wird neuer Konzernchef\n\nDie Quillon AG hat "
                "einen neuen Vorstandschef gefunden. Der frühere Brightwater-Chef Tom Ashby "
                "übernimmt am 18. März die Führung des Unternehmens, wie die Quillon AG am "
                "Mittwoch mitteilte. Ashby war früher "
                "Vizepräsident bei Nova Dynamics. Finanzvorstand Jan Roth verlässt den Konzern. "
                "Seine Aufgaben übernimmt bis auf Weiteres Vorstandssprecher Peter Halm. Roth "
                "bleibt dem Verwaltungsrat der Quillon AG erhalten.", "2025-03-13", "de")
    assert {x.get("date") for x in reported(r, "RoleChange")} == {"2025-03-18"}  # the one
    # report of the change: the lede's, dated in its sentence
    assert ("Tom Ashby", "vice-president", "Nova Dynamics", True) in roles(r)
    assert ("Peter Halm", "ceo", "Quillon AG", False) in roles(r)
    assert not {e for e in events(r) if e[1] == "Peter Halm"}
    assert ("Jan Roth", "board-member", "Quillon AG", False) in roles(r)


def test_chinese_appointments_spans_teams_and_study(tmp_path) -> None:
    """'星海科技宣布，任命华岳科技前总裁X为新任执行长': X (found by 为新任) is CEO of 星海科技,
    not of 华岳科技 (the company of the post held, though the article names it most); '于2009年
    至2021年担任': began in 2009, and the span dates no later clause ('并创办创投公司Y': Y, no
    date); '团队Seed' a team named again; '负责Seed的X仍将继续担任'; '此后他担任': not the
    date before; '从北京大学博士毕业后加入': no leaving the university; 策略长; a leaving told
    twice keeps where to."""
    r = extract(tmp_path, "华岳科技前总裁王立明出任星海科技执行长\n\n星海科技12日宣布，任命华岳科技前总裁王立明"
                "为新任执行长，3月18日生效。\n\n现年65岁的王立明出生于上海。他于2009年至2021年担任华岳科技执行长，"
                "并创办创投公司晨光资本。华岳科技表示，尊重其选择。", "2025-03-13", "zh-Hans")
    assert {e[2:] for e in events(r) if e[0] == "RoleChange"} == {
        ("星海科技", "2025-03-18"), ("华岳科技", "2009")}
    assert ("Founding", "王立明", "晨光资本", None) in events(r)
    r = extract(tmp_path, "星海科技宣布，任命华岳科技前总裁王立明为新任执行长。", "2025-03-13", "zh-Hans")
    assert ("王立明", "ceo") in role_changes(r)
    assert named(r, "Organization") == {"星海科技", "华岳科技"}  # not "任命华岳科技"
    r = extract(tmp_path, "吴大伟加盟星海科技\n\n2月21日消息，华岳科技前研究副总裁吴大伟已正式加入星海科技，"
                "担任大模型团队Seed的基础研究负责人。此前负责Seed的朱文佳仍将继续担任Seed负责人。\n\n"
                "吴大伟于2008年加入华岳科技。此后他担任华岳科技副总裁。\n\n星海科技技术负责人周明2017年"
                "从北京大学博士毕业后加入星海研究院。\n\n星海科技宣布，前华岳科技共同营运长蒋大为出任集团半导体策略长。",
                "2025-02-21", "zh-Hans")
    assert {("吴大伟", "head", "Seed", False), ("朱文佳", "head", "Seed", False),
            ("蒋大为", "chief-strategy-officer", "星海科技", False)} <= roles(r)
    assert ("RoleChange", "吴大伟", "华岳科技", None) in events(r)
    assert "北京大学" not in {e[2] for e in events(r) if e[0] == "Departure"}
    assert ("蒋大为", "coo", "华岳科技", True) in roles(r)  # "前华岳科技共同营运长": not 前华岳科技
    r = extract(tmp_path, "星海科技技术负责人周明离职 或将加盟华岳科技\n\n7月15日，据报道，星海科技技术负责人周明"
                "已于近日离职。", "2024-07-15", "zh-Hans")
    left = reported(r, "Departure")
    assert len(left) == 1 and {"destination", "date"} <= left[0].keys()  # one report of the
    # leaving: the one that tells where to


def test_names_in_two_scripts_and_whom_a_clause_is_of(tmp_path) -> None:
    """'傑夫·威廉斯（Jeff Walden）': the whole transliteration, and the Latin name for the
    one a headline named first in Chinese ('薩比·汗接任'); '他將繼續向執行長X匯報，…直到今年
    稍晚退休': he retires, not X (after a coverb); 'the chief executive of Tom Reyes's company
    Y, said that he has left': not Reyes (an owner); 'Before co-founding Y with Reyes in 2023,
    Brandt was …': Brandt founded it; 'Brandt Ventures' keeps 'Brandt' his; 'the Future of
    Life Institute'."""
    r = extract(tmp_path, "星海科技營運長威廉斯將退休　薩比·汗接任\n\n星海科技週二宣布，營運長傑夫·威廉斯"
                "（Jeff Walden）將於本月底卸任，由營運資深副總裁薩比·汗（Sabih Kahn）接任營運長。\n\n"
                "威廉斯1998年加入星海科技。他將繼續向執行長陳大文（David Chan）匯報，直到今年稍晚退休。",
                "2025-07-08", "zh-Hant")
    assert {"Jeff Walden", "Sabih Kahn", "David Chan"} == named(r, "Person")
    assert {e[1] for e in events(r) if e[0] == "Departure"} == {"Jeff Walden"}
    r = extract(tmp_path, "Quillon Labs chief leaves\n\nIgor Brandt, the chief executive of Tom "
                "Reyes's robotics company Quillon Labs, said on Wednesday that he has left the "
                "company. His new firm, Brandt Ventures, will back startups.\n\nBefore "
                "co-founding Quillon Labs with Reyes in 2023, Brandt was a researcher at Nova "
                "Dynamics. He said he had decided to leave after a dinner with Max Tegner, the "
                "founder of the Future of Life Institute.", "2025-08-13", "en")
    assert {e[1] for e in events(r) if e[0] == "Departure"} == {"Igor Brandt"}
    assert ("Founding", "Igor Brandt", "Quillon Labs", "2023") in events(r)
    assert {("Igor Brandt", "researcher", "Nova Dynamics", True),
            ("Max Tegner", "founder", "Future of Life Institute", False)} <= roles(r)
    r = extract(tmp_path, "Talks\n\nTom Reyes met the Founder of Quillon Labs and the Chief "
                "Technology Officer of Nova Labs.", "2025-08-13", "en")
    assert named(r, "Organization") == {"Quillon Labs", "Nova Labs"}  # no title opens a name


def test_returns_foundings_and_what_a_relative_clause_tells(tmp_path) -> None:
    """'are rejoining Y': a Return; 'before leaving in 2021 to start Z with W': a Founding
    of Z, and the leaving goes not where the relative clause says ('who will join Q'); a date
    of a relative clause ('replace X, who announced in August …') is not the main verb's;
    'stepped down from the company's board'; 'Z, the robotics company founded by X': X
    founded Z, undated."""
    r = extract(tmp_path, "Brightwater founders return to Nova Dynamics\n\nThomas Ashby and "
                "Daniel Freitag, the founders of the chatbot startup Brightwater Robotics, are "
                "rejoining Nova Dynamics, the companies said on Friday.\n\nAshby, who will join "
                "Quillon Labs, spent two decades at Nova Dynamics before leaving in 2021 to "
                "start Brightwater Robotics with Freitag.", "2024-08-02", "en")
    assert {("Return", "Thomas Ashby", "Nova Dynamics", "2024-08-02"),
            ("Founding", "Thomas Ashby", "Brightwater Robotics", "2021"),
            ("Founding", "Daniel Freitag", "Brightwater Robotics", "2021")} <= events(r)
    assert all("destination" not in x for x in reported(r, "Departure"))
    r = extract(tmp_path, "Quillon Labs hires Lena Ortiz\n\nLena Ortiz will replace Tom Reyes, "
                "Quillon Labs' senior vice president, who announced in August that he would "
                "retire later this year. Reyes has also stepped down from the company's board."
                "\n\nEarlier this month Reyes was named chief executive of Nova Dynamics, the "
                "space company founded by Peter Halm, starting on December 4.",
                "2023-10-03", "en")
    assert {e[3] for e in events(r) if e[:2] == ("RoleChange", "Lena Ortiz")} == {None}
    assert ("Tom Reyes", "board-member", "Quillon Labs", True) in roles(r)
    assert ("Founding", "Peter Halm", "Nova Dynamics", None) in events(r)
    assert ("RoleChange", "Tom Reyes", "Nova Dynamics", "2023-10") in events(r)


def test_german_boards_compound_titles_and_posts_laid_down(tmp_path) -> None:
    """'Nordwind-Chef X': X is CEO of Nordwind (not 'KI-Chef'); 'Den Vorsitz übernimmt der
    frühere Brightwater-Co-Chef Y': no change to the post Y held before; 'legte daraufhin sein
    Amt … nieder'; 'Er soll nun zurückkehren': now, not the Friday before; 'in der Nacht zum
    Mittwoch'; Übergangschef; 'Mitglied der Geschäftsführung': a board member; a sentence
    may open with an umlaut."""
    assert len(sentences("Er soll nun zurückkehren. Übergangschef Martin Vogel bleibt.")) == 2
    r = extract(tmp_path, "Quillon AG bekommt neuen Verwaltungsrat\n\nPeter Halm kehrt zur "
                "Quillon AG zurück. Das teilte das Unternehmen in der Nacht zum Mittwoch mit.\n\n"
                "Den Vorsitz übernimmt der frühere Brightwater-Co-Chef Tom Ashby, außerdem gehört "
                "dem Gremium Nordwind-Chef Jan Roth an. KI-Chef Lena Berg bleibt.\n\nDer "
                "Verwaltungsrat hatte Halm am Freitag abgesetzt. Mitgründer Jonas Weber legte "
                "daraufhin sein Amt als Verwaltungsratschef nieder. Er soll nun ebenfalls "
                "zurückkehren. Übergangschef Martin Vogel war erst am Sonntag ernannt worden. "
                "Vogel war seit 2013 Mitglied der Geschäftsführung.", "2023-11-22", "de")
    assert {("Jan Roth", "ceo", "Nordwind", False), ("Martin Vogel", "ceo", "Quillon AG", False),
            ("Martin Vogel", "board-member", "Quillon AG", True)} <= roles(r)
    assert "KI" not in named(r, "Organization")
    assert not {e for e in events(r) if e[0] == "RoleChange" and e[1] == "Tom Ashby"}
    assert {("Return", "Peter Halm", "Quillon AG", "2023-11-22"),
            ("Departure", "Jonas Weber", "Quillon AG", "2023-11-17"),
            ("Return", "Jonas Weber", "Quillon AG", "2023-11")} <= events(r)


def test_chinese_units_posts_handed_on_and_whose_founder(tmp_path) -> None:
    """'终端BG董事长' (a unit between the verb and its title); '宣布X不再担任终端BG CEO，由Y
    接任': Y takes the post; '此前担任终端BG首席运营官': held before; '投资华岳科技，并延揽其
    创办人X出任首席AI长': X founded 华岳科技 (其, the company named last), and '新成立的Z' forms
    no company named before; '曾在A和B担任工程师': held before."""
    r = extract(tmp_path, "星海科技人事调整\n\n星海科技近日发布内部文件，终端BG CEO余大明将卸任。文件宣布"
                "余大明不再担任终端BG CEO，由何立接任。余大明将继续担任终端BG董事长。\n\n文件显示，"
                "何立此前担任终端BG首席运营官。", "2023-11-24", "zh-Hans")
    assert ("何立", "ceo") in role_changes(r)
    said = extract(tmp_path, "星海科技人事调整\n\n星海科技近日发布内部文件，终端BG CEO余大明将卸任。文件宣布"
                   "余大明不再担任终端BG CEO一职，由何立接任。", "2023-11-24", "zh-Hans")
    assert ("何立", "ceo") in role_changes(said)  # the word for the post between
    assert {("余大明", "board-chair", "星海科技", False),
            ("何立", "coo", "星海科技", True)} <= roles(r)
    r = extract(tmp_path, "星海科技延揽王立明\n\n今年6月，星海科技投资华岳科技，并延揽其创办人王立明出任首席AI长，"
                "领导新成立的超级智能实验室。加入星海科技之前，王立明曾在晨光新兴创投资本、华岳新能源科技担任工程师。",
                "2025-11-12", "zh-Hans")
    assert {("王立明", "founder", "华岳科技", False),
            ("王立明", "chief-ai-officer", "星海科技", False),
            ("王立明", "engineer", "华岳新能源科技", True)} <= roles(r)
    assert not {e for e in events(r) if e[0] == "Founding"}  # nothing formed in June


def test_a_quote_the_company_said(tmp_path) -> None:
    """'"…," the company said in a statement': the company the article tells of said it;
    '"…," sagte das Unternehmen' too."""
    r = extract(tmp_path, "Quillon Labs names a chairman\n\nQuillon Labs elected chief executive "
                "Peter Halm as chairman on Wednesday.\n\n\"In this role, Peter will set the "
                "agenda for the board,\" the company said in a statement.", "2021-06-16", "en")
    assert ("Quillon Labs", "In this role, Peter will set the agenda for the board,") \
        in statements(r)
    r = extract(tmp_path, "Quillon AG\n\nDie Quillon AG hat Peter Halm zum Chef ernannt. \"Wir "
                "freuen uns auf ihn\", sagte das Unternehmen.", "2021-06-16", "de")
    assert ("Quillon AG", "Wir freuen uns auf ihn") in statements(r)
