"""The closed-class words of extract.toml, compiled once: hedges, copulas, connectors,
pronouns, quote marks... Every rule reads them through `lexicon()`."""
from __future__ import annotations

import re
from functools import cache

from loaders import fastre
from loaders.lexicon import alternation, ontology_terms, toml, words

# An English possessive after a name: "Google's", "Starbucks'" (a bare apostrophe after s)
POSSESSIVE = r"(?:['’]s\b|(?<=s)['’](?=\s))"

# An item of a list that is a word or phrase, with or without \b at its ends: its edges
_WORD_ITEM = re.compile(r"(\\b)?([^\\.^$*+?{}\[\]|()]+)(\\b)?")
_WORD_CHAR = re.compile(r"\w")


def any_of(items: list[str], flags: int = 0) -> re.Pattern[str]:
    """Any of the items (regexes), as if tried in their order. When every item is a word
    or phrase, with or without \\b at its ends, and no two can match at one place, they go
    into one alternation per kind of edge: `\\bsagte\\b|\\bschrieb\\b` is
    `\\b(?:schrieb|sagte)\\b`, which tests the edge once, not once per word (half the
    time of a scan over an English article). Otherwise, and under re.IGNORECASE (where
    which words overlap would have to be read case-folded), they stay as written."""
    parts = [_WORD_ITEM.fullmatch(p) for p in items]
    if flags & re.IGNORECASE or not all(parts) or _overlapping(parts):
        return fastre.compile("|".join(f"(?:{p})" for p in items), flags)
    groups: dict[tuple[str, str], list[str]] = {}
    for m in parts:
        groups.setdefault((m[1] or "", m[3] or ""), []).append(m[2])
    return fastre.compile("|".join(f"{lead}(?:{alternation(words)}){trail}"
                                   for (lead, trail), words in groups.items()))


def _overlapping(parts: list[re.Match[str]]) -> bool:
    """Whether two words can match at one place with different ends (then their order
    decides): one starts the other, and no \\b at the shorter one's end rules that out."""
    words = [(m[2], bool(m[3])) for m in parts]  # each word, and whether \b ends it
    return any(len(x) < len(y) and y.startswith(x)
               and not (edge and _WORD_CHAR.match(x[-1]) and _WORD_CHAR.match(y[len(x)]))
               for x, edge in words for y, _ in words)


def _owned(data: dict, key: str) -> str:
    """A pattern of the lexicon with its owner's modifiers in place of \x02 and the English
    possessive in place of \x03."""
    modifiers = "|".join(data["title_adjectives"] + data["owner_modifiers"])
    return (data[key].replace("\x02", f"(?:(?:{modifiers})\\s+){{0,2}}")
            .replace("\x03", POSSESSIVE))


def title_modifiers(data: dict) -> str:
    """Any number of words between a copula and its title: the title's adjectives and the
    copula's own modifiers (articles, adverbs, dates)."""
    adjectives = "|".join(data["title_adjectives"])
    return f"(?:(?:\\b(?:{adjectives})\\b|{'|'.join(data['title_modifiers'])})\\s*)*"


def _org_gap(data: dict) -> re.Pattern[str]:
    """org_title_gap, or the same gap ending with a field that does not start with a copula
    and holds no verb of office ("雅虎也曾担任高级副总裁": 也曾担任 is no field)."""
    office = toml("names")["office_verbs_zh"].split()
    verbs = "|".join(data["copulas"] + office)
    base = _owned(data, "org_title_gap").removesuffix("$")
    no_verb = f"(?!{verbs})(?!.*(?:{'|'.join(office)}))"
    return fastre.compile(f"{base}(?:{no_verb}{data['org_title_field']})?$")


def _title_org_prep(data: dict) -> re.Pattern[str]:
    """A preposition before an organization (the pattern ends where it starts) that places
    a title there: within 25 characters ("chief scientist at Google"), or further when a
    noun that introduces an organization stands right before it ("a co-founder of Mira
    Murati's artificial intelligence startup X")."""
    intro = alternation(words("names", "org_introducers"))
    return fastre.compile(f"{data['title_org_prep']}(?:[^,，。]{{0,25}}?"
                          f"|[^,，。]{{0,60}}?(?:\\b(?:{intro})|(?:{_describing()}))\\s+)$",
                          re.IGNORECASE)


def _describing() -> str:
    """Any ending of a word that describes an organization ("Sportwagenbauers",
    "Onlinehändlers"; names.toml `org_descriptor_endings`)."""
    return alternation(words("names", "org_descriptor_endings"))


def _title_org_comma(data: dict) -> re.Pattern[str]:
    """Between a title and a name set off by commas, its organization (names are NUL), a
    word describing it before it or not: "General Counsel von X, Name,", "Der Co-Chef des
    Onlinehändlers X, Name,"."""
    return fastre.compile(data["title_org_comma"].replace("\x02", _describing()), re.IGNORECASE)


# Lists of extract.toml whose pattern (any of their items) goes by the list's own name
SAME_NAMED = ("agent", "co_agent", "origin", "moved_on", "destination", "office_of", "moved",
              "namely", "purpose", "taking_over", "holding_now", "investing", "co_founding",
              "same_team", "name_org_prep", "org_possessive", "backshifted", "plans",
              "post_after", "replaced_pronouns", "becoming", "outgoing", "handing",
              "sought", "office_object_de", "office_gap_de", "helm", "title_field_gap",
              "adding_post", "medium", "assisting", "once_done",
              "org_entered", "post_by_agent", "not_led_gap", "present_zh",
              "present_de", "list_end", "acquired", "founding_with")


def _studied(anywhere: bool = False) -> re.Pattern[str]:
    """A verb of studying (role:alumnus's verbs) right before an organization: "毕业于X";
    `anywhere`: wherever it stands ("从北京大学博士毕业")."""
    verbs = {p for table in ontology_terms()["role_verbs"].by_lang.values()
             for p, key in table.items() if key == "alumnus"}
    return fastre.compile(f"(?:{alternation(verbs, fold_case=True)})" + ("" if anywhere else
                                                                        "\\s*$"), re.IGNORECASE)


@cache
def lexicon() -> dict:
    data = toml("extract")
    # the copulas, and the words that may follow one
    copulas = f"(?:{'|'.join(data['copulas'] + data['copulas_de'] + data['becoming'])})"
    modifiers = title_modifiers(data) + "$"  # before its title
    # and a Chinese field before it ("出任基础研究负责人", "是该团队负责人")
    fielded = title_modifiers(data) + f"(?:{data['org_title_field']})?$"
    same_named = {key: any_of(data[key]) for key in SAME_NAMED}
    hedges = data["hedges"] + data["backshifted"] + data["plans"]
    return same_named | {"hedge": any_of(hedges), "hope": any_of(data["hopes"]),
            "saying": any_of(data["reported_speech"] + data["sayings"]),
            "not_after": {etype: fastre.compile(pattern, re.IGNORECASE)
                          for etype, pattern in data["not_after"].items()},
            "not_before": {etype: fastre.compile(pattern, re.IGNORECASE)
                           for etype, pattern in data["not_before"].items()},
            "titled_object": fastre.compile(data["titled_object"]),
            "replacing": any_of(data["replacing"] + data["successors"]),
            "successor": any_of(data["successors"]),
            "successor_of": fastre.compile(data["successor_of"]),
            "new_post": fastre.compile(data["new_post"], re.IGNORECASE),
            "handed_to": fastre.compile(data["handed_to"], re.IGNORECASE),
            "taken_from": fastre.compile(data["taken_from"], re.IGNORECASE),
            **{key: fastre.compile(data[key], re.IGNORECASE)
               for key in ("reports_to", "reports_to_open", "reports_to_close",
                           "participle_de", "work_of_zh",
                           "same_time")},
            "successor_gap": fastre.compile(data["successor_gap"]),
            "successor_title_lead": fastre.compile(_owned(data, "successor_title_lead")),
            "prep_before": fastre.compile(data["prep_before"], re.IGNORECASE),
            "time_prep_before": fastre.compile(data["time_prep_before"], re.IGNORECASE),
            "adverbs_zh": fastre.compile(alternation(words("names", "adverbs_zh"))),
            "neg": any_of(data["negations"]),
            # the marker, then the title's modifiers ("was the", "war er zuletzt")
            # or a copula between: "previously served as", "once became"
            "former": fastre.compile(f"(?:{'|'.join(data['former'])})\\s*(?:(?:er|sie)\\s+)?"
                                     f"(?:{copulas}\\s*)?" + modifiers, re.IGNORECASE),
            "former_any": any_of(data["former"]),  # anywhere in a span
            "former_field": fastre.compile(  # "前安全与政策副总裁": a field between
                f"(?:{'|'.join(data['former'])})(?:{data['org_title_field']})$"),
            "conn": fastre.compile(data["connectors"], re.IGNORECASE),
            "org_gap": _org_gap(data),
            "org_join": fastre.compile(data["org_join"], re.IGNORECASE),
            "parent_of": fastre.compile(data["parent_of"]),
            "prep": _title_org_prep(data),
            "title_org_comma": _title_org_comma(data),
            "appo": fastre.compile(data["apposition_gap"], re.IGNORECASE),
            "name_gap": fastre.compile(data["title_name_gap"]),
            "title_copula_name": fastre.compile(data["title_copula_name"]),
            "event_of": fastre.compile(data["event_of"]),
            "event_article": fastre.compile(data["event_article"]),
            "title_owner": fastre.compile(_owned(data, "title_owner")),
            "title_owner_article": fastre.compile(data["title_owner_article"],
                                                  re.IGNORECASE),
            "appointed_title_gap": fastre.compile(data["appointed_title_gap"], re.IGNORECASE),
            "appointing_events": set(data["appointing_events"]),
            "present": fastre.compile(data["present_auxiliary"]),
            "since": fastre.compile(data["since"]), "since_zh": fastre.compile(data["since_zh"]),
            "effective": fastre.compile(data["effective"]),
            "effective_zh": fastre.compile(data["effective_zh"]),
            **{key: fastre.compile(data[key])
               for key in ("reporting", "reporting_after", "reporting_zh", "left_post", "range_to",
                           "coverb", "fronted_gerund", "apposed", "when_then", "where", "owner_of",
                           "group_title", "group_after", "group_before",
                           "org_subject_de", "name_adverb", "own_adjective")},
            "as": fastre.compile(f"(?:{'|'.join(data['as_markers'])})"),
            "team": set(data["team_roles"]), "implied": data["implied_roles"],
            "implied_verb": data["implied_verb_roles"],
            "reported": any_of(data["reported_speech"]),
            "told": any_of(data["reported_speech"] + data["told_particle_de"]),
            "definite_article": fastre.compile(
                rf"\b(?:{'|'.join(data['definite_articles'])})\s+$", re.IGNORECASE),
            "article_gap": re.compile(rf"\s+(?:{'|'.join(data['definite_articles'])})\s+"),
            "naming": fastre.compile(rf"\b(?:{'|'.join(data['naming_verbs'])})\b"),
            "and_then": fastre.compile(data["and_then"], re.IGNORECASE),
            "post": any_of(data["post_words"]),
            "post_mark": any_of(data["post_marks"]), "mood": any_of(data["indirect_mood"]),
            "first": any_of(data["first_person"]),
            "unit": any_of(data["unit_words"], re.IGNORECASE),
            "team_name": any_of(data["team_words"], re.IGNORECASE),
            "locative": any_of(data["locatives_zh"]), "located": set(data["located_verbs_zh"]),
            "addressee": any_of(data["addressees"]),
            "place": fastre.compile(f"(?:{'|'.join(data['clause_places'])})\\s*$", re.IGNORECASE),
            "then_zh": any_of(data["then_zh"]),
            "studied": _studied(), "studying": _studied(anywhere=True),
            "founded_part": any_of(data["founded_parts"], re.IGNORECASE),
            "new_company": any_of(data["new_company"]),
            "where": fastre.compile(f"\\s*(?:{'|'.join(data['place_relatives'])})\\b"),
            "i": any_of(data["first_person_subject"]),
            "passive": any_of(data["passive"]),
            "passive_subject": fastre.compile(data["passive_subject_gap"]),
            "enum": any_of(data["enumeration"]),
            "groups": [(int(n), fastre.compile(f"(?:{'|'.join(w)})\\s*$", re.IGNORECASE))
                       for n, w in data["group_counts"]],
            "former_employer": any_of(data["former_employers"]),
            "copula_inverted": fastre.compile(  # "…, war er Vizepräsident": the pronoun after
                f"{copulas}\\s+(?:{'|'.join(data['pronouns'])})\\s+{modifiers}"),
            "copula": fastre.compile(f"{copulas}\\s*{modifiers}"),
            "modifiers": fastre.compile(f"\\s*{modifiers}"),  # matched: all modifiers to the end
            "copula_field": fastre.compile(f"{copulas}\\s*{fielded}"),
            "company": fastre.compile(f"(?:{'|'.join(data['company_anaphors'])})(?:'s|的)?\\s*$",
                                  re.IGNORECASE),
            # German, verb last: "X, der das Unternehmen vorzeitig verlässt"
            "company_before_verb": fastre.compile(
                f"\\b(?:{'|'.join(data['relative_pronouns'])})\\s+"
                f"(?:{'|'.join(data['company_anaphors'])})(?:\\s+(?:[a-zäöüß]+|\\d+)){{0,3}}\\s*$"),
            "company_after": fastre.compile(
                f"\\s*(?:\\w+\\s+){{0,1}}(?:{'|'.join(data['company_anaphors'])})", re.IGNORECASE),
            "pron": any_of(data["pronouns"] + data["epithets"]),
            "epithet": any_of(data["epithets"]), "colleague": any_of(data["colleagues"]),
            "group": [(n, fastre.compile("|".join(w), re.IGNORECASE))
                      for n, w in data["group_pronouns"]],
            "infinitive": any_of(data["infinitives"]),
            "board": any_of(data["board_seats"]), "board_leaving": any_of(data["board_leaving"]),
            "investor_mark": any_of(data["investor_marks"]),
            "funded_mark": re.compile(data["funded_mark"], re.IGNORECASE),
            "company_anywhere": any_of(data["company_anaphors"], re.IGNORECASE),
            "quotes": data["quotes"],
            "not_products": data["not_products"],
            **{key: re.compile(data[key]) for key in (
                "product_noun_zh", "product_name_zh", "product_latin_zh", "product_latin",
                "product_closing")},
            "product_antecedent": re.compile(
                f"({data['product_latin']}){data['product_antecedent']}"),
            "not_product_names": set(data["not_product_names"]),
            "object_verb_roles": set(data["object_verb_roles"]),
            "object_verb_gap": data["object_verb_gap"],
            "current_verbs": set(data["current_verbs"]),
            "passive_only": set(data["passive_only_verbs"]),
            "team_verb_roles": data["team_verb_roles"],
            "continues": any_of(data["continuations"] + data["additions"]),
            "afterwards": any_of(data["afterwards"]),
            "adds": any_of(data["additions"]),
            "who": fastre.compile(data["who_before_verb"], re.IGNORECASE),
            "subordinate_subject": fastre.compile(data["subordinate_subject"], re.IGNORECASE),
            "subject_relative": fastre.compile(data["subject_relative"]),
            "coordinated": fastre.compile(data["coordinated_gap"]),
            "conjunction": fastre.compile(data["conjunction"]),
            "orgs_joined": re.compile(data["orgs_joined"]),
            "clause_word": fastre.compile(data["clause_words"], re.IGNORECASE),
            "relative": fastre.compile(
                f"\\s*(?:{'|'.join(data['relative_pronouns'])})\\b", re.IGNORECASE)}
