"""Golden sentences: what the loaders find in one short article, in each language.

Each case is an article text (plus its published date) and facts that must be among
what the pipeline extracts; compared as sets of (type, person, organization, date).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders.clean import clean
from loaders.manifest import Source
from loaders.pipeline import process
from loaders.rdf import NG, RDF_TYPE


def extract(tmp_path: Path, text: str, published: str | None = "2024-05-18",
            language: str | None = None):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return process(Source("a", path, language, None, None, published))


def events(result) -> set[tuple]:
    return {(f.type, f.person.name if f.person else None, f.org.name if f.org else None,
             f.date.value if f.date else None) for f in result.facts if f.kind == "event"}


def roles(result) -> set[tuple]:
    return {(f.person.name, f.role, f.org.name if f.org else None, f.former)
            for f in result.facts if f.kind == "role"}


def role_changes(result) -> set[tuple]:
    """(person, new role) of each RoleChange the article tells."""
    return {(f.person.name, f.role) for f in result.facts if f.type == "RoleChange"}


def named(result, cls: str) -> set[str]:
    """The names of the article's entities of an ontology class (Person, Organization)."""
    typed = {s for s, p, o in result.triples if p == RDF_TYPE and o.value == NG + cls}
    return {o.value for s, p, o in result.triples if s in typed and p.value == NG + "name"}


def surfaces(result) -> set[str]:
    """Every name as written where the article mentions an entity."""
    return {o.value for s, p, o in result.triples if p.value == NG + "surface"}


def statements(result) -> set[tuple]:
    """(speaker, quote as written in the original file) of every statement."""
    raw = result.source.path.read_text(encoding="utf-8")
    cleaned = clean(raw)
    out = set()
    for f in result.facts:
        if f.kind == "statement":
            a, b = cleaned.span(*f.quote)
            out.add((f.person.name, raw[a:b]))
    return out


@pytest.mark.parametrize("text, published, expected", [
    ("本周,OpenAI 联合创始人、首席科学家 Ilya Sutskever 官宣离职。", "2024-05-18",
     ("Departure", "Ilya Sutskever", "OpenAI", "2024-05")),
    ("OpenAI超級對齊團(tuán)隊(duì)負(fù)責(zé)人Jan Leike剛剛入職Anthropic。", "2024-05-29",
     ("Joining", "Jan Leike", "Anthropic", "2024-05")),
    ("此外,超级对齐团队成员 Leopold Aschenbrenner 上个月刚刚被 OpenAI 解雇。", "2024-05-18",
     ("Dismissal", "Leopold Aschenbrenner", "OpenAI", "2024-04")),
    ("Ilya Sutskever 曾与 OpenAI 原董事会合作试图解雇奥特曼。", "2024-05-18",
     ("Dismissal", "Sam Altman", "OpenAI", None)),
    ("Später entschied sich Jan Leike, sich dem OpenAI-Konkurrenten Anthropic anzuschließen.",
     "2024-08-06", ("Joining", "Jan Leike", "Anthropic", None)),
    ("Ende Juli verließ Aleksander Madry OpenAI.", "2024-08-06",
     ("Departure", "Aleksander Madry", "OpenAI", "2024-07")),
    ("Geoffrey Hinton resigned from Google last month.", "2023-05-02",
     ("Departure", "Geoffrey Hinton", "Google", "2023-04")),
    ("OpenAI hired Sarah Friar as chief financial officer on Monday.", "2024-06-11",
     ("Joining", "Sarah Friar", "OpenAI", "2024-06-10")),
])
def test_events_in_four_languages(tmp_path, text, published, expected) -> None:
    assert expected in events(extract(tmp_path, text, published))


@pytest.mark.parametrize("text, published, expected", [
    ("Anthropic由Dario Amodei与Jared Kaplan等人于2021年在旧金山共同创立。", "2024-05-18",
     {("Founding", "Dario Amodei", "Anthropic", "2021"),
      ("Founding", "Jared Kaplan", "Anthropic", "2021")}),
    ("Mistral AI wurde 2023 von Arthur Mensch gegründet.", "2023-06-14",
     {("Founding", "Arthur Mensch", "Mistral AI", "2023")}),
    ("吴恩达于2014年加入百度。此前他是教授，2012年又与达芙妮·科勒共同创办了在线教育平台Coursera。", "2017-03-23",
     {("Founding", "Andrew Ng", "Coursera", "2012"), ("Founding", "达芙妮·科勒", "Coursera", "2012")}),
    ("Jeff Dean 2011年在谷歌参与创建了深度学习项目“谷歌大脑”。", "2023-04-21",
     {("Founding", "Jeff Dean", "Google Brain", "2011")}),
    ("Jan Leike war im Mai 2024 von OpenAI zu Anthropic gewechselt.", "2024-08-06",
     {("Joining", "Jan Leike", "Anthropic", "2024-05"),
      ("Departure", "Jan Leike", "OpenAI", "2024-05")}),
])
def test_agents_co_agents_and_moves(tmp_path, text, published, expected) -> None:
    assert expected <= events(extract(tmp_path, text, published))


@pytest.mark.parametrize("text, published, expected", [
    ("Jason Droege, Scale AI's chief strategy officer, took over as interim CEO in June.",
     "2025-07-01", ("RoleChange", "Jason Droege", "Scale AI", "2025-06")),
    ("Meta agreed to invest about $14.3 billion in Scale AI last month.", "2025-07-01",
     ("Funding", None, "Scale AI", "2025-06")),
    ("Google 宣布成立新单位「Google DeepMind」。", "2023-04-21",
     ("Formation", None, "Google DeepMind", None)),
])
def test_role_changes_fundings_and_new_units(tmp_path, text, published, expected) -> None:
    assert expected in events(extract(tmp_path, text, published))


def test_hedged_and_negated_events_are_not_facts(tmp_path) -> None:
    found = events(extract(tmp_path, "记者猜道,Ilya或许会加入OpenAI的直接竞争对手公司Anthropic。"))
    assert not any(e[0] == "Joining" for e in found)
    found = events(extract(tmp_path, "伊尔亚并没有立即离开 OpenAI。"))
    assert not any(e[0] == "Departure" for e in found)


def test_the_asked_clause_of_a_question_reports_nothing(tmp_path) -> None:
    found = events(extract(tmp_path, "伊尔亚究竟是在埋头研究 GPT-5,还是已经离开了 OpenAI?"))
    assert not any(e[0] == "Departure" for e in found)
    found = events(extract(tmp_path, "OpenAI最近解散的超级对齐团队,这是被搬到Anthropic了?"))
    # "最近" (recently) dates it, weakly, to the month of publication
    assert ("Dissolution", None, "OpenAI Superalignment team", "2024-05") in found


def test_a_departure_for_a_new_employer_gives_a_destination(tmp_path) -> None:
    result = extract(tmp_path, "John Schulman left OpenAI to join Anthropic in August 2024.",
                     "2024-08-06")
    departure = next(f for f in result.facts if f.type == "Departure")
    assert departure.org.name == "OpenAI" and departure.destination.name == "Anthropic"


@pytest.mark.parametrize("text, expected", [
    ("OpenAI 联合创始人、首席科学家 Ilya Sutskever 宣布离职。",
     {("Ilya Sutskever", "co-founder", "OpenAI", False),
      ("Ilya Sutskever", "chief-scientist", "OpenAI", False)}),
    ("Anthropic的首席科學官Jared Kaplan表示歡迎。",
     {("Jared Kaplan", "chief-science-officer", "Anthropic", False)}),
    ("Lianchuang und Präsident Greg Brockman nimmt eine Auszeit.",
     {("Greg Brockman", "co-founder", None, False), ("Greg Brockman", "president", None, False)}),
    ("Jeff Dean, Google's chief scientist, said the company stood by its approach.",
     {("Jeff Dean", "chief-scientist", "Google", False)}),
    ("OpenAI 前员工 Daniel Kokotajlo 拒绝签署离职协议。",
     {("Daniel Kokotajlo", "employee", "OpenAI", True)}),
])
def test_roles_from_titles(tmp_path, text, expected) -> None:
    found = roles(extract(tmp_path, text))
    for person, role, org, former in expected:
        assert any(f[0] == person and f[1] == role and (org is None or f[2] == org)
                   and f[3] == former for f in found), (person, role, org, found)


@pytest.mark.parametrize("text, person, role, org, former", [
    ("Hannah Lindqvist, a partner at the executive search firm Calder & Rhee, said it.",
     "Hannah Lindqvist", "partner", "Calder & Rhee", False),
    ("Lena Vogt, Analystin beim Münchner Beratungshaus Nordlicht Partners, sagte dazu.",
     "Lena Vogt", "analyst", "Nordlicht Partners", False),
    ("Scale AI grows. Jason Droege, Scale's chief strategy officer, took over.",
     "Jason Droege", "chief-strategy-officer", "Scale AI", False),
    ("上海澜海科技顾问分析师王一鸣表示:「这是大事。」", "王一鸣", "analyst", "澜海科技顾问", False),
    ("OpenAI與母公司執行長奧頓（Sam Altman）週四宣布。", "Sam Altman", "ceo", "OpenAI", False),
    ("Sarah Friar joined OpenAI. Before that she was chief financial officer of Square.",
     "Sarah Friar", "cfo", "Block, Inc.", True),
])
def test_roles_at_organizations_no_lexicon_lists(tmp_path, text, person, role, org,
                                                former) -> None:
    assert (person, role, org, former) in roles(extract(tmp_path, text, "2024-06-11"))


def test_a_title_before_joined_names_belongs_to_each(tmp_path) -> None:
    """'研究负责人 A（A 的中文名）与 B 与系统主管 C': A and B are each a head (not co-leads);
    C has a title of its own; a singular English title stays with the first name."""
    found = roles(extract(tmp_path, "Sora 团队的研究负责人Bill Peebles（比尔·皮布尔斯）与 Tim Brooks"
                                    "与系统主管 Connor Holmes 都很年轻。"))
    heads = {f[0] for f in found if f[1] == "head"}
    assert {"Bill Peebles", "Tim Brooks"} <= heads
    assert not {f for f in found if f[1] == "co-lead"}
    found = roles(extract(tmp_path, "OpenAI CEO Sam Altman and Greg Brockman spoke on Monday."))
    assert {f[0] for f in found if f[1] == "ceo"} == {"Sam Altman"}


def test_investors_and_founders_hold_their_roles(tmp_path) -> None:
    text = ("Mistral AI sammelt 105 Millionen Euro ein. An der Runde beteiligen sich außerdem "
            "Xavier Niel und Eric Schmidt.\nDas Start-up wurde 2023 von Arthur Mensch und "
            "Guillaume Lample gemeinsam gegründet.")
    found = roles(extract(tmp_path, text, "2023-06-14", "de"))
    assert ("Eric Schmidt", "investor", "Mistral AI", False) in found
    assert ("Xavier Niel", "investor", "Mistral AI", False) in found
    result = extract(tmp_path, "Anthropic由Dario Amodei与Jared Kaplan等人于2021年共同创立。")
    assert ("Jared Kaplan", "co-founder", "Anthropic", False) in roles(result)


def test_the_topic_company_is_not_a_former_employer(tmp_path) -> None:
    text = ("前OpenAI研究副总裁创立Anthropic\nAnthropic今年成立。"
            "公司的联合创办人包括 Tom Brown 和 Chris Olah。OpenAI 的员工也来了。")
    found = roles(extract(tmp_path, text, "2021-05-29"))
    assert ("Tom Brown", "co-founder", "Anthropic", False) in found


@pytest.mark.parametrize("text, language, person, role, org", [
    ("Bill Peebles 本科就读于 MIT,主修计算机科学。", "zh-Hans", "Bill Peebles", "alumnus",
     "Massachusetts Institute of Technology"),
    ("Schumann studierte als Student am Caltech Physik.", "de", "John Schulman", "alumnus",
     "California Institute of Technology"),
    ("Tim Brooks interned at Adobe before joining OpenAI.", "en", "Tim Brooks", "intern",
     "Adobe"),
])
def test_roles_from_verbs_of_study_and_internship(tmp_path, text, language, person, role,
                                                  org) -> None:
    assert (person, role, org, True) in roles(extract(tmp_path, text, language=language))


def test_a_former_role_ends_before_the_article(tmp_path, queries) -> None:
    from newsgraph.ingest import load_paths
    from newsgraph.store import Store
    (tmp_path / "a.txt").write_text("OpenAI 前员工 Daniel Kokotajlo 拒绝签署离职协议。", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        '[{"id": "a", "file": "a.txt", "published": "2024-05-18"}]', encoding="utf-8")
    store = Store(tmp_path / "store")
    load_paths(store, [tmp_path])
    from newsgraph.savedqueries import run_saved

    from .conftest import rows
    found = rows(run_saved(store, queries, "roles", {}))
    assert any(r["role"] == "employee" and r["end"] == "before 2024-05-18" for r in found)


def test_machine_translation_slips_resolve_to_the_registry(tmp_path) -> None:
    result = extract(tmp_path, "Zwanzig Minuten nach Schumanns Rücktritt dankte Ultraman "
                     "Schumann für seinen Beitrag.", "2024-08-06", "de")
    assert {"Sam Altman", "John Schulman"} <= named(result, "Person")


@pytest.mark.parametrize("text, speaker, quote", [
    ("据 Vox 报道,Daniel Kokotajlo 称:「OpenAI 正在训练更加强大的人工智能系统。」",
     "Daniel Kokotajlo", "OpenAI 正在训练更加强大的人工智能系统。"),
    ("「無可奉告」,Saunders 回答道。William Saunders 曾是研究員。", "William Saunders", "無可奉告"),
    ("„Wir gehen nicht weg“, sagte John Schulman.", "John Schulman", "Wir gehen nicht weg"),
    ('"I console myself with the normal excuse," Hinton told the newspaper.',
     "Geoffrey Hinton", "I console myself with the normal excuse,"),
    ("Jan Leike在推文中表示,创造超越人类智能的AI充满风险。", "Jan Leike",
     "创造超越人类智能的AI充满风险"),
])
def test_statements_keep_the_original_script_and_their_speaker(tmp_path, text, speaker,
                                                               quote) -> None:
    found = statements(extract(tmp_path, text))
    assert any(s == speaker and q.strip() == quote.strip() for s, q in found), found


def test_quotes_that_continue_or_name_their_speaker_after_them(tmp_path) -> None:
    text = ('Priya Nair, an analyst at Harbour Research, said the deal was large. '
            '"This is a bet on people," she said. "It will take years to pay off."')
    found = statements(extract(tmp_path, text, "2024-06-11", "en"))
    assert ("Priya Nair", "This is a bet on people,") in found
    assert ("Priya Nair", "It will take years to pay off.") in found
    # a German verb of saying is read in a German article (the ontology tags it @de)
    found = statements(extract(tmp_path, "„Es war eine schwere Entscheidung“, schrieb "
                               "Andrej Karpathy.", "2024-06-11", "de"))
    assert ("Andrej Karpathy", "Es war eine schwere Entscheidung") in found


def test_a_name_inside_a_quote_is_not_who_he_is(tmp_path) -> None:
    text = "分析师王一鸣表示:「马斯克退出董事会是治理层面的切割。」他同时认为:「OpenAI的资金短期内不受影响。」"
    found = statements(extract(tmp_path, text))
    assert ("王一鸣", "OpenAI的资金短期内不受影响。") in found


def test_a_quote_via_an_outlet_is_credited(tmp_path) -> None:
    result = extract(tmp_path, "据 Vox 报道,Daniel Kokotajlo 称:「这可能是人类有史以来最好的事情。」")
    statement = next(f for f in result.facts if f.kind == "statement")
    assert statement.via.name == "Vox"


def test_unknown_people_get_stable_iris_and_merge_across_articles(tmp_path) -> None:
    a = extract(tmp_path, "澜屿资本合伙人周启航对记者表示:「开源模型公司最难的是商业化。」")
    b = extract(tmp_path, "周启航表示:「接下来几个月很关键。」")
    iri = {f.person.iri for f in a.facts if f.kind == "statement"}
    assert iri and iri == {f.person.iri for f in b.facts if f.kind == "statement"}


@pytest.mark.parametrize("text, language", [
    ("Ende Juli verließ Aleksander Madry OpenAI.", "de"),
    ("Jason Droege took over as interim CEO.", "en"),
    ("OpenAI超級對齊團隊負責人Jan Leike剛剛入職Anthropic。", "zh-Hant"),
    ("OpenAI 超级对齐团队负责人 Jan Leike 刚刚入职 Anthropic。", "zh-Hans"),
])
def test_language_is_detected_when_the_manifest_is_silent(tmp_path, text, language) -> None:
    assert extract(tmp_path, text, None).language == language


def test_the_same_month_takes_the_date_of_the_event_told_before(tmp_path) -> None:
    text = ("Leopold Aschenbrenner 上个月被 OpenAI 解雇。"
            "同一个月,另一位研究员 Cullen O'Keefe 也离开了 OpenAI。")
    found = events(extract(tmp_path, text, "2024-05-18"))
    assert ("Departure", "Cullen O'Keefe", "OpenAI", "2024-04") in found


def test_a_just_now_word_never_overrides_a_date_carried_forward(tmp_path) -> None:
    text = "Leopold Aschenbrenner 上个月刚刚被 OpenAI 解雇。外媒报道称 Pavel Izmailov 也被解雇。"
    found = events(extract(tmp_path, text, "2024-05-18"))
    assert ("Dismissal", "Leopold Aschenbrenner", "OpenAI", "2024-04") in found
    assert ("Dismissal", "Pavel Izmailov", "OpenAI", "2024-04") in found


@pytest.mark.parametrize("text, published, expected", [
    ("Ein Personalwechsel bei Google DeepMind\n\n"
     "Gestern Abend wurde in der Branche ein Wechsel bekannt, der viele überraschte.\n\n"
     "Der Forscher Jonas Weber verlässt Google DeepMind und wechselt zu Anthropic, wo er "
     "ein neues Team aufbauen soll.", "2024-08-03",
     ("Joining", "Jonas Weber", "Anthropic", "2024-08-02")),
    # the headline tells the news of the lede's day too
    ("Pariser KI-Start-up Mistral AI sammelt 105 Millionen Euro ein\n\n"
     "Digitalwirtschaft Aktuell · Mittwoch, 14. Juni 2023\n\n"
     "Paris. Ein Unternehmen ohne Produkt hat am Dienstag die größte Seed-Runde "
     "verkündet, die ein europäisches Start-up bislang bekommen hat.", "2023-06-14",
     ("Funding", None, "Mistral AI", "2023-06-13")),
])
def test_the_ledes_day_dates_the_news_told_next(tmp_path, text, published, expected) -> None:
    found = events(extract(tmp_path, text, published, "de"))
    assert expected in found, found


def test_language_bars_of_language_names_are_dropped() -> None:
    from loaders.clean import clean
    assert "Deutsch" not in clean("中文(简体)English日本语한국어DeutschFrançaisEspañol\nText").text


def test_an_organization_described_after_its_name(tmp_path) -> None:
    text = ("Hinton joined Google in 2013, when the company acquired DNNresearch, a three-person "
            "start-up he had founded in 2012 with two of his students.")
    found = events(extract(tmp_path, text, "2023-05-02", "en"))
    assert ("Founding", "Geoffrey Hinton", "DNNresearch", "2012") in found


def test_quotes_continue_across_an_attribution_with_a_title(tmp_path) -> None:
    text = ("„Karpathy war das Gesicht der Strategie“, sagte Jonas Brettschneider, Analyst "
            "beim Frankfurter Research-Haus Vorndran & Kolb. „Sein Weggang ist ein Imageproblem.“")
    found = statements(extract(tmp_path, text, "2022-07-14", "de"))
    assert ("Jonas Brettschneider", "Sein Weggang ist ein Imageproblem.") in found


@pytest.mark.parametrize("text, language, person, role, org", [
    ("Der Chefjurist von Character.AI, Dominic Perella, übernimmt vorläufig.", "de",
     "Dominic Perella", "general-counsel", "Character.AI"),
    ("Google DeepMind wird von CEO Demis Hassabis geleitet.", "de", "Demis Hassabis", "ceo",
     "Google DeepMind"),
    ("Noam Shazeer war bisher der CEO von Character.AI.", "de", "Noam Shazeer", "ceo",
     "Character.AI"),
    ("Earlier in her career Sarah Friar worked at Goldman Sachs.", "en", "Sarah Friar",
     "employee", "Goldman Sachs"),
    ("上海交大校友、目前在纽约大学担任助理教授的谢赛宁表示反对。", "zh-Hans", "Saining Xie",
     "assistant-professor", "New York University"),
    ("Ilya 与 Jan Leike 是 OpenAI 超级对齐团队的领导者。", "zh-Hans", "Jan Leike", "co-lead",
     "OpenAI Superalignment team"),
])
def test_more_ways_a_title_meets_its_holder(tmp_path, text, language, person, role,
                                           org) -> None:
    found = roles(extract(tmp_path, text, "2024-08-03", language))
    assert any(f[:3] == (person, role, org) for f in found), found


def test_units_named_after_their_company_and_in_parentheses(tmp_path) -> None:
    text = ("Meta has pulled its AI work into a new division, Meta Superintelligence Labs, "
            "to be led by Alexandr Wang.")
    assert ("Alexandr Wang", "head", "Meta Superintelligence Labs", False) in roles(
        extract(tmp_path, text, "2025-07-01", "en"))
    from loaders.fold import fold
    from loaders.mentions import find_mentions
    norm = fold("LeCun創立Facebook人工智慧研究院(FAIR)。")
    named = {(norm[m.start:m.end], m.entity.name) for m in find_mentions(norm)}
    assert ("Facebook人工智慧研究院", "FAIR") in named


def test_a_pronoun_chain_keeps_its_topic_and_inverted_speech_after_a_colon(tmp_path) -> None:
    """'Er war es auch, der nach dem Weggang von Ilya …' names Ilya in passing: the next 'er'
    is still Schulman; 'sagte Schumann außerdem: …' is Schulman's unquoted statement."""
    text = ("John Schulman leitet seit Jahren das Team für Reinforcement Learning.\n"
            "Er war es auch, der nach dem Weggang von Ilya Sutskever das Team übernahm.\n"
            "Jetzt gab er bekannt, dass er „eine schwierige Entscheidung getroffen“ habe.\n"
            "Im Mai sagte Schumann außerdem: Die Rechenleistung sollte verlagert werden.\n"
            "Danach schrieb Jan Leike Tweets, in denen er OpenAI vorwarf, sein Versprechen "
            "nicht einzuhalten.")
    found = statements(extract(tmp_path, text, "2024-08-06", "de"))
    assert ("John Schulman", "eine schwierige Entscheidung getroffen") in found
    assert ("John Schulman", "Die Rechenleistung sollte verlagert werden") in found
    assert ("Jan Leike", "sein Versprechen nicht einzuhalten") in found
    assert not any(s == "Ilya Sutskever" for s, _ in found)


def test_investors_listed_with_their_own_titles_invest_in_the_company_raising(tmp_path) -> None:
    """'Skype联合创办人 X 领投': Skype is X's title, not the company raising money, which the
    paragraph before names."""
    text = ("人工智能安全公司Anthropic宣布完成1.24亿美元融资。\n\n"
            "本轮融资由Skype联合创办人Jaan Tallinn领投，其他投资者包括Facebook联合创办人"
            "Dustin Moskovitz、Google前首席执行官Eric Schmidt。\n\n"
            "当时，Elon Musk、Reid Hoffman以及Peter Thiel等承诺共同投入10亿美元。")
    found = {(p, r, o) for p, r, o, _ in roles(extract(tmp_path, text, "2021-05-29"))}
    for person in ("Jaan Tallinn", "Dustin Moskovitz", "Eric Schmidt"):
        assert (person, "investor", "Anthropic") in found, found
    assert ("Jaan Tallinn", "co-founder", "Skype") in found
    assert not any(r == "investor" and o in ("Skype", "Facebook") for _, r, o in found)
    assert ("Peter Thiel", "investor", "Anthropic") in found


def test_pairs_partners_with_titles_and_who_raises_money(tmp_path) -> None:
    """'die beiden' are the two people named last; '与时任…总裁的 X 共同创立' makes X a partner,
    not the subject; the company 'unter Führung von' an investor is the one raising."""
    text = ("Noam Shazeer und Daniel De Freitas arbeiteten bei Google.\n"
            "Im Jahr 2021 haben die beiden Google verlassen und im selben Jahr Character.AI "
            "gegründet.\n"
            "Character.AI entwickelt Chatbots. Im März 2023 bekam das Unternehmen eine Finanzierung von 150 Millionen US-Dollar "
            "unter Führung von Andreessen Horowitz.")
    found = events(extract(tmp_path, text, "2024-08-03", "de"))
    assert ("Departure", "Noam Shazeer", "Google", "2021") in found
    assert ("Departure", "Daniel De Freitas", "Google", "2021") in found
    assert ("Funding", None, "Character.AI", "2023-03") in found
    assert not any(t == "Funding" and o == "Andreessen Horowitz" for t, _, o, _ in found)
    text = ("马斯克是OpenAI最早的发起人之一。2015年12月，他与时任Y Combinator总裁的萨姆·奥尔特曼"
            "共同创立OpenAI。")
    found = events(extract(tmp_path, text, "2018-02-22"))
    assert ("Founding", "Elon Musk", "OpenAI", "2015-12") in found
    assert ("Founding", "Sam Altman", "OpenAI", "2015-12") in found


def test_a_pronoun_not_opening_its_sentence_still_carries_the_topic(tmp_path) -> None:
    text = ("Geoffrey Hinton has left Google.\n\nIn 2018 he shared the Turing Award with "
            "Yann LeCun. His worries sharpened last year. In the near term, he told the Times, "
            "people would \"not be able to know what is true anymore\".")
    said = statements(extract(tmp_path, text, "2023-05-02", "en"))
    assert ("Geoffrey Hinton", "not be able to know what is true anymore") in said, said


def test_a_quoted_judgement_is_its_subjects(tmp_path) -> None:
    text = ("Der Grund für die Klage ist, dass Musk glaubte, von Altman und Brockman "
            "„getäuscht und erpresst“ worden zu sein.")
    said = statements(extract(tmp_path, text, "2024-08-06", "de"))
    assert ("Elon Musk", "getäuscht und erpresst") in said, said


def test_a_one_word_quote_a_verb_names_is_said_by_the_sentences_subject(tmp_path) -> None:
    """'verurteilte Altman als „Verrat“': the name after a naming verb is whom it is said of; a
    clause opening with 'und' has the sentence's subject; a bare „Sora“, or one right after
    the verb ('kritisierte „Quill“', 'a model called "Quill"'), stays a name."""
    text = ("Dies machte Musk sehr unzufrieden, weil er dachte, er sei betrogen worden, und "
            "verurteilte Altman als „Verrat“. Später stellte OpenAI „Sora“ vor.")
    said = statements(extract(tmp_path, text, "2024-08-06", "de"))
    assert said == {("Elon Musk", "Verrat")}, said
    named = "Elon Musk kritisierte „Quill“, das neue Modell von OpenAI."
    assert not statements(extract(tmp_path, named, "2024-08-06", "de"))


def test_first_person_remarks_after_a_colon_are_of_whom_a_pronoun_stands_for(tmp_path) -> None:
    """The paragraph before ends with a colon and names no one, but 'er' does: the remarks are
    his, up to a paragraph that names someone; what he hopes for is no event."""
    text = ("John Schulman hat OpenAI verlassen.\n\nSpäter leitete er das Post-Training-Team.\n\n"
            "Der Grund für seinen Rücktritt hing damit zusammen:\n\nIch hoffe, meinen Fokus zu "
            "vertiefen, in dem ich zur technischen Arbeit zurückkehren kann.\n\n"
            "In seiner Rede beschrieb Schumann eine seiner Forschungsrichtungen.")
    result = extract(tmp_path, text, "2024-08-06", "de")
    said = statements(result)
    assert {s for s, _ in said} == {"John Schulman"} and len(said) == 1, said
    assert next(iter(said))[1].startswith("Ich hoffe")
    assert not [e for e in events(result) if e[0] == "Return"]


def test_an_event_in_a_relative_clause_takes_no_date_from_the_lede(tmp_path) -> None:
    """'das Unternehmen, das sie selbst gegründet haben': the founding describes the company;
    the lede's day dates the news (the departure), not it."""
    text = ("Gestern Abend wurde in der Branche ein Wechsel bekannt, der viele überraschte.\n\n"
            "Der Forscher Jonas Weber verlässt Quantia, das Unternehmen, das er selbst "
            "gegründet hat.")
    found = events(extract(tmp_path, text, "2024-08-03", "de"))
    assert ("Departure", "Jonas Weber", "Quantia", "2024-08-02") in found, found
    assert [e for e in found if e[0] == "Founding"] == [
        ("Founding", "Jonas Weber", "Quantia", None)], found


def test_the_ledes_day_told_after_the_news_in_its_paragraph_dates_it(tmp_path) -> None:
    text = ("Andrej Karpathy, der bei Tesla die KI für den Autopilot vorangetrieben hat, verlässt "
            "das Unternehmen. Das gab der 35-Jährige am Mittwoch auf Twitter bekannt.\n\n"
            "Karpathy war im Juni 2017 von OpenAI zu Tesla gewechselt.")
    found = events(extract(tmp_path, text, "2022-07-14", "de"))
    assert ("Departure", "Andrej Karpathy", "Tesla", "2022-07-13") in found, found


def test_the_nquads_the_store_parses_are_the_articles_triples(tmp_path) -> None:
    """The graph travels to the store as N-Quads written from the terms' own text: parsed
    back, they are the article's quads, term for term (quotes, backslashes, newlines,
    tabs and characters outside the BMP in a quote included)."""
    import pyoxigraph as ox
    text = ('Jan Leike, a former OpenAI researcher, left in May. "Yes \\ no,\tmaybe 🙂 '
            '"really"," he said.\n\n前研究员张伟于 2024 年 5 月离职，他表示：「是\\n」。')
    result = extract(tmp_path, text, "2024-06-01", "en")
    parsed = list(ox.parse(result.stored(), format=ox.RdfFormat.N_QUADS))
    assert parsed == result.quads
    assert any(isinstance(q.object, ox.Literal) and "\\" in q.object.value for q in parsed)


class _Forgetful(dict):
    """A dict that keeps nothing."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


def test_each_node_is_written_once_as_if_every_fact_wrote_it_again(monkeypatch) -> None:
    """The graph builder writes an entity's triples and an evidence span's once, and keeps
    their node for the next fact naming them: the seeds' and the development articles'
    triples, in their order, are those of a builder that writes them again every time."""
    from loaders import rdf
    from loaders.manifest import read_sources

    from .conftest import SEEDS, SHARED
    folders = [SEEDS] + [d for d in [SHARED / "eval" / "dev"] if d.exists()]
    sources = read_sources(folders)[0]
    kept = [process(s).triples for s in sources]
    original = rdf.GraphBuilder.__init__

    def forgetful(self, *args) -> None:
        original(self, *args)
        self._entities, self._evidence = _Forgetful(), _Forgetful()

    monkeypatch.setattr(rdf.GraphBuilder, "__init__", forgetful)
    assert [process(s).triples for s in sources] == kept


def test_an_entity_kept_by_the_builder_is_kept_with_its_name(tmp_path: Path) -> None:
    """Two entities of one IRI and two names (a new name's slug met again) are both named:
    the builder keeps a node by everything it writes of the entity, not by its IRI."""
    from loaders.rdf import GraphBuilder
    from loaders.registry import Entity

    path = tmp_path / "a.txt"
    path.write_text("text", encoding="utf-8")
    builder = GraphBuilder(Source("a", path, "en", None, None, None), "text", clean("text"), "en")
    for name in ("Jan Leike", "Jan  Leike", "Jan Leike"):
        builder.entity(Entity("urn:x:jan-leike", "person", name))
    names = [o.value for s, p, o in builder.triples if p.value == NG + "name"]
    assert names == ["Jan Leike", "Jan  Leike"]


@pytest.mark.parametrize(("text", "people"), [
    # a title right before, or in apposition after, names a run no given name opens
    ("Die Forscherin Zsófia Nowakowska wechselt zu SAP.", {"Zsófia Nowakowska"}),
    ("Perplexity CEO Thulani Srinivas said so.", {"Thulani Srinivas"}),
    ("Oghenekaro Zoph, a vice president of research, left.", {"Oghenekaro Zoph"}),
    ("Sibusiso Ndlovu, Nedbank's chief economist, said so.", set()),  # no such title
    ("Sibusiso Ndlovu, Nedbank's chief scientist, said so.", {"Sibusiso Ndlovu"}),
    ("Acme named Sibusiso Ndlovu as interim CEO.", {"Sibusiso Ndlovu"}),
    # names in Latin Extended-A letters, given names of many languages
    ("Der Forscher Michał Dvořák sagte es.", {"Michał Dvořák"}),
    ("Ayşe Yılmaz and Étienne Dupont spoke.", {"Ayşe Yılmaz", "Étienne Dupont"}),
    # titles an organization holds too name no person; nor does a title-less run
    ("Blue Origin, an investor in the round, agreed.", set()),
    ("Quantum Dynamics, the leader in sensors, agreed.", set()),
    ("Quantum Dynamics announced a deal.", set()),
])
def test_latin_names_by_given_name_or_title(text: str, people: set[str]) -> None:
    from loaders.fold import fold
    from loaders.lexicon import words
    from loaders.mentions import find_mentions
    norm = fold(text)
    assert {m.entity.name for m in find_mentions(norm) if m.entity.is_person} == people
    assert not {"Zsófia", "Thulani", "Oghenekaro", "Sibusiso"} & words("names", "given")


def test_a_title_after_will_become_is_a_role(tmp_path) -> None:
    """'would become the new head of research': 'become' is a copula like 'became'."""
    text = "OpenAI said on Monday that Mark Chen would become the new head of research at OpenAI."
    assert ("Mark Chen", "head", "OpenAI", False) in roles(extract(tmp_path, text, "2024-09-26",
                                                                  "en"))


@pytest.mark.parametrize("text, expected", [
    # the successor takes the title the predecessor holds, whoever the pronoun stands for
    ("Quillon Systems hired Anna Brenner on Monday. She succeeds Tomas Berg, Quillon's "
     "chief technology officer.", {("Joining", "Anna Brenner", "Quillon Systems"),
                                   ("RoleChange", "Anna Brenner", "Quillon Systems")}),
    ("Inflection AI said Sean White would replace Mustafa Suleyman as its chief executive.",
     {("RoleChange", "Sean White", "Inflection AI")}),
    ("Tomas Berg, Quillon Systems' chief technology officer, was replaced by Anna Brenner.",
     {("RoleChange", "Anna Brenner", "Quillon Systems")}),
    # a founder's title is not handed on; a seat the replaced one takes up is not held
    ("Anthropic said Maya Chen will lead policy. She replaces co-founder Jack Clark.", set()),
    ("Nvidia said Rebecca Moore replaces Thomas Grant, who stepped down to join the board "
     "of Arm.", {("Departure", "Thomas Grant", "NVIDIA"), ("Joining", "Thomas Grant", "Arm")}),
])
def test_who_succeeds_takes_the_title(tmp_path, text, expected) -> None:
    found = {(t, p, o) for t, p, o, _ in events(extract(tmp_path, text, "2025-03-12", "en"))
             if t in ("RoleChange", "Departure", "Joining")}
    assert found == expected


def test_the_organization_its_stands_for(tmp_path) -> None:
    """'X said that its <title> Y': the organization X; one after a preposition ('a vice
    president at Intel') or owning something ('Brightwater's shares') is not X."""
    text = ("Brightwater Robotics hired Anna Brenner, a vice president at Intel, as its chief "
            "operating officer. Brightwater's shares rose after Samsung said that its chief "
            "financial officer Kwame Mensah had stepped down.")
    found = roles(extract(tmp_path, text, "2025-03-12", "en"))
    assert ("Anna Brenner", "coo", "Brightwater Robotics", False) in found
    assert ("Kwame Mensah", "cfo", "Samsung", False) in found


@pytest.mark.parametrize("text, language, expected", [
    ("The departures of Anna Smith and John Doe from Google were confirmed on May 3, 2025.",
     "en", {("Departure", "Anna Smith", "Google", "2025-05-03"),
            ("Departure", "John Doe", "Google", "2025-05-03")}),
    ("Sam Altman said the departure of chief scientist Ilya Sutskever from OpenAI was sad.",
     "en", {("Departure", "Ilya Sutskever", "OpenAI", None)}),
    ("Nach dem Rücktritt von Greta Berg bei SAP am 3. Mai 2025 übernahm niemand.", "de",
     {("Departure", "Greta Berg", "SAP", "2025-05-03")}),
    ("Vice president Daniel Okoye and Hanna Lindqvist, a director at SAP, also announced "
     "their departures on May 6, 2025.", "en",
     {("Departure", "Daniel Okoye", "SAP", "2025-05-06"),
      ("Departure", "Hanna Lindqvist", "SAP", "2025-05-06")}),
])
def test_an_event_noun_is_of_the_people_after_it(tmp_path, text, language, expected) -> None:
    """'the departure(s) of X (and Y)', 'der Rücktritt von X': theirs, not the speaker's."""
    found = {e for e in events(extract(tmp_path, text, "2025-05-20", language))
             if e[0] == "Departure"}
    assert found == expected


def test_a_date_after_since_is_no_events_date(tmp_path) -> None:
    """'Quillon's CTO since 2021, who is leaving': the tenure's start; the departure takes
    the date told before it; 'to start a company of his own' founds no company named."""
    text = ("Quillon Systems named a new technology chief on Monday. Tomas Berg, Quillon's "
            "chief technology officer since 2021, is leaving to start a company of his own.")
    found = events(extract(tmp_path, text, "2025-03-12", "en"))
    assert found == {("Departure", "Tomas Berg", "Quillon Systems", "2025-03-10")}


def test_chinese_names_by_a_title_before_a_conjunction_or_by_appointment(tmp_path) -> None:
    """'总裁张建锋和副总裁贾扬清': a name after a title ends at 和 as at a comma; '任命吴泽明
    为首席技术官': the name an appointing verb takes; '自2019年起' dates no departure."""
    text = ("阿里巴巴集团周一宣布，任命吴泽明为集团首席技术官。阿里巴巴总裁张建锋和副总裁贾扬清"
            "也相继宣布离职。首席技术官程立表示，他自2019年起任职，将离开阿里巴巴。")
    result = extract(tmp_path, text, "2025-06-04", "zh-Hans")
    assert {("张建锋", "president", "Alibaba", False),
            ("吴泽明", "cto", "Alibaba", False)} <= roles(result)
    found = events(result)
    assert {("RoleChange", "吴泽明", "Alibaba", "2025-06-02"),
            ("Departure", "张建锋", "Alibaba", "2025-06-02"),
            ("Departure", "程立", "Alibaba", "2025-06-02")} <= found
    assert not {e for e in found if e[3] == "2019"}
