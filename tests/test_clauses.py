"""Golden sentences for the clauses around a title, a verb and a paraphrase: what the
loaders find (and do not find) in one short article, compared as sets."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.rulewords import lexicon
from tests.test_extraction import events, extract, role_changes, roles, statements


def test_a_title_taken_over_is_held(tmp_path) -> None:
    found = extract(tmp_path, "Sarah Friar, OpenAI's chief financial officer, took over as "
                    "interim CEO on Monday.", "2024-06-11", "en")
    assert ("Sarah Friar", "ceo", "OpenAI", False) in roles(found)


def test_a_unit_named_after_its_company_and_led_by_a_verb(tmp_path) -> None:
    found = extract(tmp_path, "吴恩达于2014年5月加入百度，出任首席科学家，并领导百度研究院。",
                    "2017-03-23", "zh-Hans")
    unit = next(f.org for f in found.facts if f.kind == "role" and f.role == "head")
    assert unit.name == "百度研究院" and unit.unit_of.endswith("/baidu")
    assert ("Andrew Ng", "head", "百度研究院", True) in roles(found)
    # the title comes with the joining: one Joining, no role change of its own
    assert ("Joining", "Andrew Ng", "Baidu", "2014-05") in events(found)
    assert not [e for e in events(found) if e[0] == "RoleChange"]


def test_leading_a_team_its_title_calls_co_lead_is_not_a_second_head(tmp_path) -> None:
    found = extract(tmp_path, "Ilya Sutskever 与 Jan Leike 是 OpenAI 超级对齐团队的共同领导者。"
                    "Sutskever 一直远程领导超级对齐团队。", language="zh-Hans")
    held = {(r[0], r[1]) for r in roles(found) if r[2] == "OpenAI Superalignment team"}
    assert ("Ilya Sutskever", "co-lead") in held
    assert ("Ilya Sutskever", "head") not in held


def test_a_field_between_an_organization_and_a_former_title(tmp_path) -> None:
    found = extract(tmp_path, "Anthropic今年成立。\nDario Amodei出任行政總裁，其胞妹、OpenAI"
                    "前安全與政策副總裁Daniela Amodei則擔任總裁。", "2021-05-29", "zh-Hant")
    assert ("Daniela Amodei", "vice-president", "OpenAI", True) in roles(found)
    assert ("Daniela Amodei", "president", "Anthropic", False) in roles(found)
    changes = role_changes(found)
    assert ("Daniela Amodei", "vice-president") not in changes  # a past title, not a change
    gap = lexicon()["org_gap"]
    assert gap.match("前安全与政策") and gap.match("的")
    assert not gap.match(" 的合适") and not gap.match("担任")  # "OpenAI 的合适领导者"


def test_a_title_belongs_to_the_organization_just_formed(tmp_path) -> None:
    found = extract(tmp_path, "Google宣布成立新單位「Google DeepMind」,由德米斯·哈薩比斯"
                    "(Demis Hassabis)出任執行長。", "2023-04-21", "zh-Hant")
    assert ("Demis Hassabis", "ceo", "Google DeepMind", False) in roles(found)


@pytest.mark.parametrize("between", ["\n", "\n\n", "\n \n\n"])
def test_taken_away_and_a_paragraph_going_on_with_the_last_date(tmp_path, between) -> None:
    found = extract(tmp_path, f"在2021年,Dario Amodei 离开了 OpenAI。{between}"
                    "并且,Amodei还一并带走了OpenAI的政策负责人Jack Clark。", language="zh-Hans")
    assert ("Departure", "Jack Clark", "OpenAI", "2021") in events(found)


def test_a_paraphrase_is_a_statement_only_when_marked(tmp_path) -> None:
    posted = extract(tmp_path, "Jan Leike在推文中表示,安全文化已经被产品边缘化了。",
                     language="zh-Hans")
    assert {s[0] for s in statements(posted)} == {"Jan Leike"}
    narrated = extract(tmp_path, "Google表示,新部门将持续进行基础研究。", language="zh-Hans")
    assert statements(narrated) == set()
    german = extract(tmp_path, "Greg Brockman sagte, es sei das erste Mal seit neun Jahren "
                     "gewesen.", language="de")
    assert {s[0] for s in statements(german)} == {"Greg Brockman"}


def test_what_someone_should_do_is_not_an_event(tmp_path) -> None:
    found = extract(tmp_path, "马斯克也抛出了橄榄枝,称伊尔亚·苏茨克维应该加入特斯拉。",
                    language="zh-Hans")
    assert not [e for e in events(found) if e[0] == "Joining"]


@pytest.mark.parametrize("lead", [
    "Gerade hat es an der Spitze von OpenAI ein großes Erdbeben gegeben:",
    "Gerade hat es an der Spitze von OpenAI ein großes Erdbeben gegeben.",
])
def test_a_paragraph_a_colon_leads_into_takes_its_date(tmp_path, lead) -> None:
    """'Gerade … gegeben:' opens the next paragraph: its news are of that moment. Without the
    colon a 'just now' of another paragraph dates nothing."""
    found = extract(tmp_path, f"{lead}\n\nJohn Schulman ist zurückgetreten.", "2024-08-06",
                    "de")
    dated = {e[3] for e in events(found) if e[:3] == ("Departure", "John Schulman", "OpenAI")}
    assert dated == ({"2024-08"} if lead.endswith(":") else {None})


def test_a_mangled_pinyin_debris_does_not_end_the_sentence_and_founding_names_its_org(
        tmp_path) -> None:
    # "因?yàn)": pinyin debris whose "(" became "?", not a question mark ending the sentence;
    # "创建了老东家的对家" founds an organization the clause does not name: no Founding of
    # the organization an earlier clause names.
    found = extract(tmp_path, "在2021年,Dario Amodei因?yàn)与OpenAI严重不合,出走后创建了老东家的"
                    "对家。", "2024-05-29", "zh-Hans")
    assert ("Departure", "Dario Amodei", "OpenAI", "2021") in events(found)
    assert not [e for e in events(found) if e[0] == "Founding"]
    found = extract(tmp_path, "Aleph Alpha arbeitet an Sprachmodellen; es wurde 2019 von Jonas "
                    "Andrulis mitgegründet.", "2023-06-14", "de")
    assert ("Founding", "Jonas Andrulis", "Aleph Alpha", "2019") in events(found)


def test_an_infinitive_clause_shares_the_subject_and_a_team_in_apposition_its_org(
        tmp_path) -> None:
    found = extract(tmp_path, "John Schulman war bei OpenAI, OpenAI wuchs. Jetzt gab er bekannt, "
                    "dass er beschlossen habe, sich Anthropic, dem Claude-Team von nebenan, "
                    "anzuschließen.", "2024-08-06", "de")
    # the team in apposition is Anthropic's (else the Joining would go to OpenAI's team);
    # "jetzt" dates it to the month of publication
    assert ("Joining", "John Schulman", "Anthropic", "2024-08") in events(found)
    # an infinitive with its own object founds that object, not the sentence's organization
    found = extract(tmp_path, "Dario Amodei war bei OpenAI. Einer der Gründe, warum sie sich "
                    "entschieden, ein Unternehmen zu gründen, war, dass OpenAI GPT-3 "
                    "veröffentlichte.", "2024-08-06", "de")
    assert not [e for e in events(found) if e[0] == "Founding"]


def test_names_joined_before_a_title_that_may_be_plural_share_it(tmp_path) -> None:
    found = extract(tmp_path, "Ganz zu schweigen von Dario Amodei und Daniela Amodei, Gründer von "
                    "Anthropic, ebenfalls von OpenAI.", "2024-08-06", "de")
    held = {(r[0], r[1], r[2]) for r in roles(found)}
    assert {("Dario Amodei", "founder", "Anthropic"),
            ("Daniela Amodei", "founder", "Anthropic")} <= held
    found = extract(tmp_path, "Das sagten Sam Altman und Greg Brockman, Präsident von OpenAI.",
                    "2024-08-06", "de")
    held = {(r[0], r[1]) for r in roles(found)}
    assert ("Greg Brockman", "president") in held and ("Sam Altman", "president") not in held


def test_an_investor_named_by_a_pronoun(tmp_path) -> None:
    found = extract(tmp_path, "Musk sagte, dass er sich ursprünglich an OpenAI beteiligte und in "
                    "OpenAI investierte, weil er Altmans Worten glaubte.", "2024-08-06", "de")
    assert ("Elon Musk", "investor", "OpenAI", False) in roles(found)
    found = extract(tmp_path, "Elon Musk left the board. Later he invested in xAI.",
                    "2024-08-06", "en")
    assert ("Elon Musk", "investor", "xAI", False) in roles(found)


@pytest.mark.parametrize(("text", "lang", "org", "former"), [
    ("联合创始人埃隆·马斯克(Elon Musk)将退出OpenAI董事会,但会继续提供捐款。", "zh-Hans",
     "OpenAI", True),
    ("Alexandr Wang stepped down as Scale AI's chief executive but remains on its board.", "en",
     "Scale AI", False),
    ("Sam Altman joined the board of Microsoft in 2014.", "en", "Microsoft", False),
    ("Reid Hoffman resigned from the board of OpenAI in March.", "en", "OpenAI", True),
    ("Reid Hoffman ist im März aus dem Aufsichtsrat von Microsoft ausgeschieden.", "de",
     "Microsoft", True),
])
def test_a_seat_on_a_board(tmp_path, text, lang, org, former) -> None:
    found = extract(tmp_path, text, "2024-06-01", lang)
    seats = {(r[2], r[3]) for r in roles(found) if r[1] == "board-member"}
    assert seats == {(org, former)}


def test_the_board_that_fired_someone_is_no_seat_of_theirs(tmp_path) -> None:
    found = extract(tmp_path, "Sam Altman was fired by OpenAI's board, and the board named "
                    "Emmett Shear interim chief executive.", "2023-11-20", "en")
    assert not [r for r in roles(found) if r[1] == "board-member"]


@pytest.mark.parametrize("text, expected", [
    ("Noam Shazeer trat im Jahr 2000 bei Google ein und arbeitete dort an der Suche.",
     {("Joining", "Noam Shazeer", "Google", "2000")}),
    ("Ilya Sutskever trat im Mai als Chefwissenschaftler von OpenAI zurück.",
     {("Departure", "Ilya Sutskever", "OpenAI", "2024-05")}),
    ("Jan Leike tritt im August dem Team von Anthropic bei.",
     {("Joining", "Jan Leike", "Anthropic", "2024-08")}),
    ("Sam Altman kehrte im November zu OpenAI zurück.",
     {("Return", "Sam Altman", "OpenAI", "2023-11")}),
    ("Im Mai stellte OpenAI das Modell GPT-4o vor.", {("Release", None, "OpenAI", "2024-05")}),
    # the particle ends its clause: an article "ein" inside it is no particle, and a
    # paragraph ends the clause
    ("Sam Altman trat im Mai bei OpenAI vor die Kameras\nZurück.", set()),
    ("Sam Altman trat in OpenAI ein neues Amt an.", set()),
])
def test_a_separable_german_verb_is_found_with_its_particle(tmp_path, text, expected) -> None:
    """'trat … zurück': the verb, then up to the end of its clause, its particle."""
    assert events(extract(tmp_path, text, "2024-08-03", "de")) == expected


def test_a_title_no_longer_held_is_no_role_change(tmp_path) -> None:
    found = extract(tmp_path, "随着 Jan Leike 不再担任超级对齐团队的负责人，OpenAI 宣布了新的安排。",
                    "2024-05-18", "zh-Hans")
    assert not [e for e in events(found) if e[0] == "RoleChange"]


def test_a_counted_group_and_their_former_employers(tmp_path) -> None:
    """'Alle drei': the last three people named; 'ihre bisherigen Arbeitgeber': each one's
    employer of a former role, or no departure for one the article gives none."""
    text = ("Arthur Mensch war Forscher bei DeepMind. Guillaume Lample und Timothée Lacroix "
            "kommen aus Paris. Alle drei haben ihre bisherigen Arbeitgeber erst in diesem Jahr "
            "verlassen.")
    assert events(extract(tmp_path, text, "2023-06-14", "de")) == {
        ("Departure", "Arthur Mensch", "DeepMind", "2023")}
    found = extract(tmp_path, "Guillaume Lample und Timothée Lacroix kommen aus Paris. Die "
                    "beiden verließen DeepMind.", "2023-06-14", "de")
    assert {e[1] for e in events(found) if e[0] == "Departure"} == {
        "Guillaume Lample", "Timothée Lacroix"}


def test_a_founding_told_participle_first_is_found_with_its_founders(tmp_path) -> None:
    """'Gegründet wurde X': the founding of X, which the co-founders the article names took part
    in, dated by 'vor wenigen Wochen' to the year."""
    text = ("Gegründet wurde Mistral AI erst vor wenigen Wochen. Die drei Mitgründer haben "
            "zuvor gearbeitet: Arthur Mensch bei DeepMind, Guillaume Lample und Timothée "
            "Lacroix bei Meta.")
    found = {e for e in events(extract(tmp_path, text, "2023-06-14", "de"))
             if e[0] == "Founding"}
    assert found == {("Founding", p, "Mistral AI", "2023")
                     for p in ("Arthur Mensch", "Guillaume Lample", "Timothée Lacroix")}


LEDE_SIX_PARAGRAPHS = (
    "Google holte den Transformator-Autor mit viel Geld zurück zu sich\n\n"
    "03.08.2024 10:26 · Quelle: KI-Frontlinie, Redaktion Silicon Valley\n\n"
    "Gestern Abend hat sich im Silicon Valley wieder eine große Rückkehr ereignet.\n\n"
    "Das Chatbot-Startup Character.AI gab offiziell eine Lizenzvereinbarung bekannt.\n\n"
    "Noam Shazeer war bisher der CEO von Character.AI, das er gegründet hatte.\n\n"
    "Laut Google wird Noam Shazeer dem Forschungsteam von Google DeepMind beitreten.")
DAYS_LATER = ("2024年2月，OpenAI 发布了 Sora。\n\n去年 11 月，OpenAI 董事会罢免了 Sam Altman。\n\n"
              "当时有人将其解读为一场路线之争。\n\n"
              "在员工的压力下，Sam Altman 在几天后重新回到了 OpenAI。")


@pytest.mark.parametrize("text, published, language, expected", [
    # the lede's "Gestern Abend" dates the news of the paragraphs after it, a title and a
    # byline line counted among the first six
    (LEDE_SIX_PARAGRAPHS, "2024-08-03", "de",
     ("Joining", "Noam Shazeer", "Google DeepMind", "2024-08-02")),
    # "几天后": the month of the last date the story told
    (DAYS_LATER, "2024-02-16", "zh-Hans", ("Return", "Sam Altman", "OpenAI", "2023-11")),
])
def test_an_event_takes_its_date_from_the_story_around_it(tmp_path, text, published, language,
                                                          expected) -> None:
    found = events(extract(tmp_path, text, published, language))
    assert expected in found, found


def test_who_replaces_someone_takes_over_their_unit(tmp_path) -> None:
    text = ("随着 Jan Leike 不再担任 OpenAI 超级对齐团队的负责人，OpenAI 已经用公司联合创始人 "
            "John Schulman 替代了他。")
    result = extract(tmp_path, text, "2024-05-18", "zh-Hans")
    changes = [e for e in events(result) if e[0] == "RoleChange"]
    assert changes == [("RoleChange", "John Schulman", "OpenAI Superalignment team", None)]
    # the text names no title for him: no role is inferred from the replacement
    assert not [r for r in roles(result) if r[0] == "John Schulman" and r[1] == "head"]


def test_a_title_with_its_field_in_the_genitive_and_a_move_without_a_new_title(
        tmp_path) -> None:
    """'den leitenden Direktor der Sicherheitsabteilung Aleksander Madry': the field stands
    between title and name and is no organization; 'Er wurde … versetzt' moves him from
    the post the article gave him, dated by the paragraph's 'Ende Juli'."""
    text = ("OpenAI hat Ärger. Ende Juli entsandte OpenAI den leitenden Direktor der "
            "Sicherheitsabteilung Aleksander Madry. Er wurde von der Sicherheitsposition "
            "versetzt.")
    result = extract(tmp_path, text, "2024-08-06", "de")
    assert roles(result) == {("Aleksander Madry", "head", "OpenAI", False)}
    assert ("RoleChange", "Aleksander Madry", "OpenAI", "2024-07") in events(result)


def test_a_post_held_now_is_no_role_change(tmp_path) -> None:
    text = "今天，上海交大校友、目前在纽约大学担任助教的谢赛宁在朋友圈辟谣。"
    result = extract(tmp_path, text, "2024-02-16", "zh-Hans")
    assert not [e for e in events(result) if e[0] == "RoleChange"], events(result)
    assert ("Saining Xie", "assistant-professor", "New York University", False) in roles(result)


def test_every_person_a_verb_takes_joins(tmp_path) -> None:
    """The second object stands after an apposition and an 'as' title of the first."""
    from tests.test_roles import HIRED
    found = events(extract(tmp_path, HIRED, "2024-06-11", "en"))
    assert {e[1] for e in found if e[0] == "Joining"} == {"Sarah Friar", "Kevin Weil"}, found


def test_a_title_taken_when_the_company_was_founded_is_no_role_change(tmp_path) -> None:
    text = ("Dario Amodei於2021年5月創立了Anthropic。Anthropic今年5月成立，總部設於三藩市。"
            "Dario Amodei出任行政總裁。")
    found = extract(tmp_path, text, "2021-05-29", "zh-Hant")
    assert not [e for e in events(found) if e[0] == "RoleChange"], events(found)
    assert ("Dario Amodei", "ceo", "Anthropic", False) in roles(found)


def test_siblings_named_by_their_surname_are_both_people(tmp_path) -> None:
    text = "Dario Amodei與Daniela Amodei離開OpenAI。公司的聯合創辦人包括：Amodei兄妹、Tom Brown。"
    found = roles(extract(tmp_path, text, "2021-05-29", "zh-Hant"))
    assert {f[0] for f in found if f[1] == "co-founder"} >= {"Dario Amodei", "Daniela Amodei"}, \
        found


@pytest.mark.parametrize("text, word", [
    ("Dario Amodei and Daniela Amodei left. The Amodei siblings", "siblings"),
    ("Dario Amodei und Daniela Amodei. Die Geschwister Amodei", "Geschwister")])
def test_a_sibling_word_with_a_shared_surname_names_both(text, word) -> None:
    from loaders.mentions import find_mentions
    found = [m for m in find_mentions(text) if m.rule == "name-siblings"]
    assert {m.entity.name for m in found} == {"Dario Amodei", "Daniela Amodei"}
    assert {text[m.start:m.end] for m in found} == {"Amodei", word}


def test_a_new_chinese_name_writing_on_a_platform_is_a_speaker(tmp_path) -> None:
    text = "多名前员工对此表示担忧。田超在X上写道：“这不是一个容易的决定。”"
    found = statements(extract(tmp_path, text, "2022-12-20", "zh-Hans"))
    assert {who for who, _ in found} == {"田超"}, found


@pytest.mark.parametrize("key", ["replacing", "successors", "moved", "taking_over", "handing"])
def test_every_word_of_a_role_change_rule_is_a_role_change_trigger(key) -> None:
    """These rules read only what the trigger lexicon matched: a word of theirs that no
    RoleChange trigger of the ontology spells could never be seen."""
    import re

    from loaders.lexicon import ontology_terms, toml
    triggers = ontology_terms()["triggers"]
    spelled = [p for lang, labels in triggers.by_lang.items() for p in labels
               if triggers.lookup(lang, p) == "RoleChange"]
    dead = [w for w in toml("extract")[key] if not any(re.fullmatch(w, p) for p in spelled)]
    assert not dead, dead


def test_a_formation_by_people_is_their_founding(tmp_path) -> None:
    """'由 X 等人成立': X founded it, with others, so X is a co-founder."""
    text = "Google Brain團隊則是2011年由傑夫·迪恩（Jeff Dean）等人在Google內部成立。"
    result = extract(tmp_path, text, "2023-04-21", "zh-Hant")
    assert ("Founding", "Jeff Dean", "Google Brain", "2011") in events(result), events(result)
    assert ("Jeff Dean", "co-founder", "Google Brain", False) in roles(result)


def test_a_team_taken_over_in_a_relative_clause(tmp_path) -> None:
    """'Er war es auch, der nach dem Weggang von X … das Team übernahm': 'der' is 'Er', who
    took over the team; the text names no title, so no role is inferred."""
    text = ("John Schulman leitet seit Jahren ein Team bei OpenAI.\n\nEr war es auch, der nach "
            "dem Weggang von Ilya Sutskever vorübergehend das Super Alignment-Team übernahm.")
    result = extract(tmp_path, text, "2024-08-06", "de")
    changes = {e for e in events(result) if e[0] == "RoleChange"}
    assert changes == {("RoleChange", "John Schulman", "OpenAI Superalignment team", None)}
    assert not [r for r in roles(result) if r[2] == "OpenAI Superalignment team"]


def test_the_point_of_forming_a_team_is_no_formation(tmp_path) -> None:
    text = "「成立超级对齐团队的全部意义在于，安全问题会不同，」这位知情人士说。"
    assert not events(extract(tmp_path, text, "2024-05-18", "zh-Hans"))


def test_founders_founding_an_unnamed_company_found_theirs(tmp_path) -> None:
    text = ("Dario Amodei, Gründer von Anthropic, war bei OpenAI. Einer der Gründe, warum er "
            "sich entschied, ein Unternehmen zu gründen, war die Sicherheit.")
    found = events(extract(tmp_path, text, "2024-08-06", "de"))
    assert ("Founding", "Dario Amodei", "Anthropic", None) in found, found


def test_a_quote_after_namely_is_no_one_s_words(tmp_path) -> None:
    text = "Schulman 正忙于他现有的全职工作，即：「确保 OpenAI 当前产品的安全。」"
    assert not statements(extract(tmp_path, text, "2024-05-18", "zh-Hans"))


def test_an_event_on_the_eve_of_a_release_takes_the_release_s_month(tmp_path) -> None:
    """'在 Sora 发布前夕离职': the product stands before the Chinese verb; the article dates
    Sora's release elsewhere, so the departure beside it is of that month."""
    text = ("OpenAI 于 2024 年 2 月 15 日发布 Sora。\n\n值得一提的是，OpenAI 研究员安德烈·卡帕蒂"
            "（Andrej Karpathy）在 Sora 发布前夕离职。")
    found = events(extract(tmp_path, text, "2024-02-16", "zh-Hans"))
    assert ("Departure", "Andrej Karpathy", "OpenAI", "2024-02") in found, found


def test_the_rules_visit_only_the_sentences_where_their_words_occur() -> None:
    """A pattern's matches are filed by sentence once; a rule reading sentences through
    them visits those with a match of any of its patterns, in order; a span that is not a
    sentence still gets its matches."""
    from loaders.facts import Context
    text = ("Jan Leike verließ OpenAI. Das Wetter war gut. Sie sagte: Wir bleiben hier. "
            "Danach trat er zurück.")
    ctx = Context(text, "de", [], [])
    first, weather, said, last = ctx.sents
    assert ctx.hit_sentences(ctx.triggers) == [first, last]
    assert ctx.hit_sentences(lexicon()["reported"], None, ctx.triggers) == [first, said, last]
    assert ctx.hits(ctx.triggers, weather) == []
    assert [m.group(0) for m in ctx.hits(ctx.triggers, (0, len(text)))] == ["verließ", "trat"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab c", max_size=30),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=6))
def test_the_masked_text_hides_every_mention_and_nothing_else(text: str, spans) -> None:
    """Mentions may nest or overlap: each of their characters is NUL, the others stay."""
    from types import SimpleNamespace

    from loaders.facts import _masked
    mentions = sorted((SimpleNamespace(start=min(a, len(text)), end=min(a + n, len(text)))
                       for a, n in spans), key=lambda m: m.start)
    hidden = {i for m in mentions for i in range(m.start, m.end)}
    assert _masked(text, mentions) == "".join("\0" if i in hidden else ch
                                              for i, ch in enumerate(text))
