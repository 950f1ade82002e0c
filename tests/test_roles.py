"""Golden sentences for the role rules: where a title's organization and holder are found.

Each case is one short article and roles that must (or must not) be among what the
pipeline extracts, as (person, role key, organization name, former).
"""
from __future__ import annotations

import pytest

from tests.test_extraction import extract, roles

HIRED = ("OpenAI on Monday hired Sarah Friar, the former chief executive of Nextdoor, as chief "
         "financial officer and Kevin Weil, a onetime product leader at Instagram, as chief "
         "product officer.")


@pytest.mark.parametrize("text, language, expected, absent", [
    # a clause with no subject shares the next one's; 从 … 毕业 puts the school before the verb
    ("2023 年從加州大學伯克利分校博士畢業後,Tim Brooks 加入 OpenAI。", "zh-Hant",
     ("Tim Brooks", "alumnus", "University of California, Berkeley", True), None),
    ("Dario Amodei擁有普林斯頓大學物理學博士學位，加入OpenAI前曾任職於Google Brain。", "zh-Hant",
     ("Dario Amodei", "alumnus", "Princeton University", True), None),
    # a lab keeps its roles; a team's other titles go to its company
    ("Dario Amodei擁有普林斯頓大學物理學博士學位，加入OpenAI前曾任職於Google Brain。", "zh-Hant",
     ("Dario Amodei", "employee", "Google Brain", True), None),
    ("根據公告，Google Research資深副總裁傑夫．迪恩（Jeff Dean）將轉任首席科學家。", "zh-Hant",
     ("Jeff Dean", "vice-president", "Google Research", False), None),
    ("外媒报道称，OpenAI 超级对齐团队研究员 Pavel Izmailov 被解雇。", "zh-Hans",
     ("Pavel Izmailov", "researcher", "OpenAI", False), None),
    # "X, <apposition>, as TITLE": the apposition does not part a holder from "as"
    (HIRED, "en", ("Kevin Weil", "cpo", "OpenAI", False), None),
    # … and "as TITLE" does not reach back over a conjunction to the next name
    (HIRED, "en", ("Sarah Friar", "cfo", "OpenAI", False), ("Kevin Weil", "cfo")),
    # an addressee ("对记者表示", "told reporters") holds no title
    ("知澜咨询首席分析师沈一鸣对记者表示：“吴恩达在百度更像是一面旗帜。”", "zh-Hans",
     ("沈一鸣", "chief-analyst", "知澜咨询", False), (None, "reporter")),
    ("At Google he held the titles of vice president and Engineering Fellow.", "en", None, None),
    ("Geoffrey Hinton left. At Google he held the titles of vice president and Engineering "
     "Fellow.", "en", ("Geoffrey Hinton", "engineering-fellow", "Google", False), None),
    ("Geoffrey Hinton left. He is also a professor emeritus at the University of Toronto.",
     "en", ("Geoffrey Hinton", "professor-emeritus", "University of Toronto", False), None),
    ("He shared the award with Yann LeCun, now chief AI scientist at Meta.", "en",
     ("Yann LeCun", "chief-ai-scientist", "Meta", False), None),
    # 在 … 工作: working at the place named after 在, and only there
    ("Anna Berg 曾在微软工作，后来加入字节跳动。", "zh-Hans",
     ("Anna Berg", "employee", "Microsoft", True), None),
    ("Anna Berg 向百度的 Li Wei 汇报工作。", "zh-Hans", None, ("Anna Berg", "employee")),
    # working where one holds a title says nothing more
    ("Tom Reed 曾是微软研究员，在微软工作时参与了多个项目。", "zh-Hans",
     ("Tom Reed", "researcher", "Microsoft", True), ("Tom Reed", "employee")),
    # a founder of a company the article says had co-founders is one of them
    ("Maria Lopez founded Quantia in 2019. Its co-founder Tom Reed said the company will grow.",
     "en", ("Maria Lopez", "co-founder", "Quantia", False), ("Maria Lopez", "founder")),
    # a title after a company and its parent: both hold it
    ("Google与母公司Alphabet首席执行官Sundar Pichai周四宣布合并两个团队。", "zh-Hans",
     ("Sundar Pichai", "ceo", "Google", False), None),
    ("Google与母公司Alphabet首席执行官Sundar Pichai周四宣布合并两个团队。", "zh-Hans",
     ("Sundar Pichai", "ceo", "Alphabet", False), None),
    # a title in 「」-quoted company's name
    ("本地網站「科網觀察站」研究員梁浩賢認為，投資者的憂慮正在上升。", "zh-Hant",
     ("梁浩賢", "researcher", "科網觀察站", False), None),
    # a verb of leading: German puts it last in a relative clause, and its tense tells the time
    ("Demis Hassabis, der seit Jahren Google DeepMind leitet, sagte das.", "de",
     ("Demis Hassabis", "head", "Google DeepMind", False), None),
    ("Demis Hassabis oversaw Google DeepMind.", "en",
     ("Demis Hassabis", "head", "Google DeepMind", True), None),
    # … a German team named with its field; "er" after the verb is its subject
    ("Anna Berg kam 2019. Bei OpenAI leitete sie das OpenAI-Team für Reinforcement Learning.",
     "de", ("Anna Berg", "head", "OpenAI-Team für Reinforcement Learning", True), None),
    # … in the passive, the organization before it ('to be led by', '由 … 领导/负责')
    ("Meta formed a new division, Meta Superintelligence Labs, to be led by Alexandr Wang.",
     "en", ("Alexandr Wang", "head", "Meta Superintelligence Labs", False), None),
    ("Google DeepMind由Demis Hassabis负责。", "zh-Hans",
     ("Demis Hassabis", "head", "Google DeepMind", False), None),
    # 负责 in the active is too wide a verb ("负责设定方向")
    ("Jeff Dean将转任首席科学家，负责设定Google未来的AI研究方向。", "zh-Hans",
     None, ("Jeff Dean", "head")),
    # the object a possessor: its unit, or nothing when no unit is named
    ("Jan Leike领导OpenAI的超级对齐团队。", "zh-Hans",
     ("Jan Leike", "head", "OpenAI Superalignment team", True), None),
    ("Jan Leike领导OpenAI的安全研究。", "zh-Hans", None, ("Jan Leike", "head")),
    # a title whose clause opens at a company ("Bei Tesla …") is held there
    ("Karpathy war von OpenAI zu Tesla gewechselt. Bei Tesla leitete er zuletzt als Senior "
     "Director of AI das Computer-Vision-Team des Autopilot.", "de",
     ("Andrej Karpathy", "senior-director-of-ai", "Tesla", False), None),
    # a number before a title: so many people after it hold it (in the paragraph after ':')
    ("Gegründet wurde Mistral AI vor Wochen. Die drei Mitgründer haben zuvor bei Konzernen "
     "gearbeitet: Arthur Mensch war bei DeepMind. Guillaume Lample und Timothée Lacroix kommen "
     "von Meta.", "de", ("Timothée Lacroix", "co-founder", "Mistral AI", False), None),
    ("Es trafen sich die beiden Leiter des Super Alignment Teams – Ilya Sutskever und Jan "
     "Leike.", "de", ("Jan Leike", "co-lead", "OpenAI Superalignment team", False), None),
    # a title of "X's parent company Y" is Y's
    ("Hinton spoke with Sundar Pichai, the chief executive of Google's parent company "
     "Alphabet, on Thursday.", "en", ("Sundar Pichai", "ceo", "Alphabet", False),
     None),
    # a pronoun, an adverb, then the copula
    ("Kevin Weil joined OpenAI. He previously was head of product at Instagram.", "en",
     ("Kevin Weil", "head", "Instagram", True), None),
    # a title moved to after the verb, at two units named between them: both hold it
    ("Google Research資深副總裁傑夫．迪恩（Jeff Dean）將轉任Google Research與Google DeepMind"
     "兩個單位的首席科學家。", "zh-Hant",
     ("Jeff Dean", "chief-scientist", "Google DeepMind", False), None),
    # "die Position des X übernehmen": the office named before the German verb
    ("Der General Counsel von Character.AI, Dominic Perella, wird vorläufig die Position des "
     "Interims-CEO übernehmen.", "de", ("Dominic Perella", "ceo", "Character.AI", False), None),
    # people who come from a company's research were researchers there, all of them
    ("Guillaume Lample und Timothée Lacroix kommen aus der KI-Forschung von Meta.", "de",
     ("Timothée Lacroix", "researcher", "Meta", True), None),
    # a Chinese name glossed in brackets is one organization, before the title
    ("LeCun加入Facebook。他同時也是紐約大學（New York University）教授。", "zh-Hant",
     ("Yann LeCun", "professor", "New York University", False), None),
    # an organization named among the investors is not the one they invest in
    ("Mistral AI sammelt Geld ein.\n\nAn der Runde beteiligen sich außerdem Xavier Niel und die "
     "italienische Exor Ventures. Auch der frühere Google-Chef Eric Schmidt gehört zu den "
     "Anteilseignern.", "de", ("Eric Schmidt", "investor", "Mistral AI", False),
     None),
    # German puts the pronoun after the copula when a clause opens the sentence (a post
    # held before: "war er")
    ("Dario Amodei gründete Anthropic. Bevor er ging, war er Vizepräsident für Forschung bei "
     "OpenAI.", "de", ("Dario Amodei", "vice-president", "OpenAI", True), None),
    # the longest title written is the one held: 常务副院长, not 院长
    ("2015年，百度深度学习研究院常务副院长余凯离开百度。", "zh-Hans",
     ("余凯", "executive-deputy-director", "百度深度学习研究院", False), ("余凯", "head")),
    ("Aleph Alpha wurde 2019 von Jonas Andrulis mitgegründet.", "de",
     ("Jonas Andrulis", "co-founder", "Aleph Alpha", False), ("Jonas Andrulis", "founder")),
    # a pronoun opening a sentence stands for the last sentence's topic, not its last name
    ("LeCun應馬克·祖克柏（Mark Zuckerberg）之邀加入Facebook。他同時也是紐約大學教授。",
     "zh-Hant", ("Yann LeCun", "professor", "New York University", False),
     ("Mark Zuckerberg", "professor")),
    # … and a sentence's pronoun subject holds the title of 担任, not its partner after 与
    ("吴恩达辞职。他是斯坦福大学教授，2012年又与达芙妮·科勒（Daphne Koller）共同创办了"
     "Coursera，至今仍担任Coursera董事长。", "zh-Hans",
     ("Andrew Ng", "board-chair", "Coursera", False), ("Daphne Koller", "board-chair")),
    # 其他 ("other") is no pronoun
    ("吴恩达辞职。其他高管李明担任首席技术官。", "zh-Hans", None, ("Andrew Ng", "cto")),
    # "Title Name von ORG": the organization after the name, a hyphenated German one too
    ("Analyst Lin Haoran von dem Pekinger Qingwu-Forschungsinstitut sagte das.", "de",
     ("Lin Haoran", "analyst", "Qingwu-Forschungsinstitut", False), None),
    # a colleague joined to the first agent leads too
    ("OpenAI 成立超级对齐团队。这一项目由伊尔亚与同事简·莱克（Jan Leike）共同领导。",
     "zh-Hans", ("Jan Leike", "co-lead", "OpenAI Superalignment team", False), None),
    # "之一" and a field ("AI") between two titles of one chain
    ("OpenAI 创始成员之一、AI 技术研究员安德烈·卡帕蒂（Andrej Karpathy）离职。", "zh-Hans",
     ("Andrej Karpathy", "co-founder", "OpenAI", False), None),
    # "同团队另一位研究员 X": X is a member of the team named last
    ("OpenAI超级对齐团队成员 Leopold Aschenbrenner 被解雇。他和同团队另一位研究员 Pavel "
     "Izmailov 被指控泄露信息。", "zh-Hans",
     ("Pavel Izmailov", "member", "OpenAI Superalignment team", False), None),
])
def test_a_title_finds_its_holder_and_organization(tmp_path, text, language, expected,
                                                  absent) -> None:
    """`absent` (person or None for anyone, role key) must not be found."""
    found = roles(extract(tmp_path, text, "2024-06-11", language))
    assert expected is None or expected in found, found
    assert not [f for f in found if absent and absent[0] in (None, f[0]) and f[1] == absent[1]]


def test_the_head_of_a_team_is_not_listed_again_as_its_member(tmp_path) -> None:
    text = "Sora 团队的核心成员有两位，分别是研究负责人 Bill Peebles 与 Tim Brooks。"
    found = {f[:3] for f in roles(extract(tmp_path, text, "2024-02-16", "zh-Hans"))}
    heads = {f for f in found if f[1] == "head"}
    assert {p for p, _, _ in heads} == {"Bill Peebles", "Tim Brooks"}, found
    assert not [f for f in found if f[1] == "member" and f[0] in {"Bill Peebles", "Tim Brooks"}]


def test_who_is_recruited_joins_the_recruiter_and_takes_the_title(tmp_path) -> None:
    """'延揽 X 加入，出任 TITLE': X joins the sentence's topic company (not the company in X's
    own title) and holds the title."""
    from tests.test_extraction import events
    text = ("今年6月，Meta執行長祖克柏重組AI部門，並延攬Scale AI創辦人亞歷山大·王"
            "(Alexandr Wang)加入，出任首席AI官。")
    result = extract(tmp_path, text, "2025-11-20", "zh-Hant")
    found = roles(result)
    assert ("Alexandr Wang", "chief-ai-officer", "Meta", False) in found, found
    assert not [f for f in found if f[0] == "Mark Zuckerberg" and f[1] == "chief-ai-officer"]
    joined = {(e[1], e[2]) for e in events(result) if e[0] == "Joining"}
    assert ("Alexandr Wang", "Meta") in joined and ("Alexandr Wang", "Scale AI") not in joined


def test_a_member_of_the_same_team_says_which_rule_found_it(tmp_path) -> None:
    """Provenance: the membership comes from the same-team rule, the title from its own."""
    text = ("OpenAI超级对齐团队成员 Leopold Aschenbrenner 被解雇。他和同团队另一位研究员 Pavel "
            "Izmailov 被指控泄露信息。")
    result = extract(tmp_path, text, "2024-05-18", "zh-Hans")
    rules = {(f.role, f.rule) for f in result.facts
             if f.kind == "role" and f.person.name == "Pavel Izmailov"}
    assert rules == {("member", "role-same-team"), ("researcher", "role-title-before-names")}
