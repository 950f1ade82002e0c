"""Generated corpora for the benchmark, seeded and deterministic.

    python benchmarks/corpus.py articles OUT_DIR -n 1000 [--seed 7]
    python benchmarks/corpus.py quads OUT.nq -n 1000000 [--seed 7]

`articles` writes N article texts in en, de, zh-Hans and zh-Hant with a manifest.json,
built from the sentence shapes of benchmarks/corpus.toml, the loaders' name lists, the
registry's organizations and the ontology's role titles: roles in apposition, verbs of
leaving and joining, dated clauses, quotes, filler, and scraping debris, so a load runs
every stage (cleaning, extraction, RDF, validation, store).

`quads` writes N-Quads shaped like newsgraph's output (same ontology terms; one named
graph per article with its people, memberships, dated events, statements and evidence)
for store-only scales where extracting that many articles would take too long.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import tomllib
from functools import cache
from pathlib import Path

import opencc
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders.fold import name_key  # noqa: E402
from loaders.lexicon import toml  # noqa: E402
from loaders.registry import registry  # noqa: E402
from newsgraph.paths import ontology_file  # noqa: E402

SKOS = "http://www.w3.org/2004/02/skos/core#"
NG = "https://w3id.org/newsgraph/ns#"
LANGUAGES = ["en", "de", "zh-Hans", "zh-Hant"]
MONTHS = {"en": ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"],
          "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember"]}
PINYIN = {"负": "fù", "责": "zé", "离": "lí", "职": "zhí", "发": "fā", "表": "biǎo"}


@cache
def shapes() -> dict:
    return tomllib.loads((Path(__file__).with_name("corpus.toml")).read_text(encoding="utf-8"))


@cache
def vocabulary() -> dict[str, list]:
    """Organizations (registry) and role titles (ontology) with a label per language."""
    labels: dict[str, dict[str, list[str]]] = {}
    for name in ("newsgraph.ttl", "registry.ttl"):
        for t in ox.parse(ontology_file(name).read_bytes(), format=ox.RdfFormat.TURTLE):
            if t.predicate.value in (SKOS + "prefLabel", SKOS + "altLabel") \
                    and isinstance(t.object, ox.Literal):
                lang = (t.object.language or "").split("-")[0]
                if not lang and any("\u4e00" <= c <= "\u9fff" for c in t.object.value):
                    lang = "zh"
                labels.setdefault(t.subject.value, {}).setdefault(lang, []).append(
                    t.object.value)
    roles = {iri: ls for iri, ls in labels.items() if "/role/" in iri
             and all(ls.get(k) for k in ("en", "de", "zh"))}
    orgs = [ls for iri, ls in labels.items() if "/org/" in iri and ls.get("en")
            and "/role/" not in iri]
    return {"roles": sorted(roles.values(), key=lambda ls: ls["en"][0]),
            "orgs": sorted(orgs, key=lambda ls: ls["en"][0])}


def _person(rng: random.Random, lang: str) -> str:
    if lang == "zh":
        return rng.choice(toml("names")["surnames_zh"].split()) + "".join(
            rng.sample(shapes()["given_zh"].split(), rng.choice((1, 2))))
    return f"{rng.choice(toml('names')['given'].split())} {rng.choice(shapes()['family_names'])}"


def _org(rng: random.Random, lang: str) -> str:
    labels = rng.choice(vocabulary()["orgs"])
    return labels.get(lang, labels["en"])[0] if lang == "zh" else labels["en"][0]


def _dates(rng: random.Random, lang: str, year: int) -> tuple[str, str]:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if lang == "zh":
        return f"{year}年{month}月{day}日", f"{year}年{month}月"
    name = MONTHS[lang][month - 1]
    if lang == "de":
        return f"{day}. {name} {year}", f"im {name} {year}"
    return f"{name} {day}, {year}", f"in {name} {year}"


def _sentence(rng: random.Random, lang: str, template: str, year: int) -> str:
    date, month = _dates(rng, lang, year)
    role, role2 = (rng.choice(vocabulary()["roles"])[lang] for _ in range(2))
    team_key = {"en": "teams_en", "de": "teams_de", "zh": "teams_zh"}[lang]
    return template.format(
        person=_person(rng, lang), person2=_person(rng, lang), org=_org(rng, lang),
        org2=_org(rng, lang), role=rng.choice(role), role2=rng.choice(role2), date=date,
        month=month, quote=rng.choice(shapes()[lang]["quotes"]),
        product=rng.choice(shapes()["products"]), team=rng.choice(shapes()[team_key]))


def article(rng: random.Random, language: str) -> tuple[str, str, str]:
    """(headline, text, published date) of one article, ~seed-sized."""
    lang = "zh" if language.startswith("zh") else language
    t = shapes()[lang]
    year = rng.randint(2019, 2025)
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    headline = _sentence(rng, lang, rng.choice(t["headline"]), year)
    join = "" if lang == "zh" else " "
    paragraphs = []
    for _ in range(rng.randint(14, 22)):
        sentences = [_sentence(rng, lang, rng.choice(t["facts"]), year)
                     for _ in range(rng.randint(1, 3))]
        sentences += rng.sample(t["filler"], rng.randint(2, 4))
        rng.shuffle(sentences)
        paragraphs.append(join.join(sentences))
    lines = [headline, *paragraphs]
    if lang == "zh":
        lines.insert(0, rng.choice(t["debris"]))
    text = "\n".join(lines) + "\n"
    if language == "zh-Hant":
        text = _scraped(rng, _s2t().convert(text))
        headline = _s2t().convert(headline)
    return headline, text, published


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _scraped(rng: random.Random, text: str) -> str:
    """Pinyin in parentheses after some characters, as scraped Traditional pages have."""
    traditional = {_s2t().convert(k): v for k, v in PINYIN.items()}
    return "".join(c + f"({traditional[c]})" if c in traditional and rng.random() < 0.3
                   else c for c in text)


def write_articles(folder: Path, n: int, seed: int = 7, prefix: str = "gen") -> list[dict]:
    """N articles, languages in turn, and their manifest.json; returns the manifest. Their
    ids are `prefix` and a number (another prefix and seed: other articles)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = []
    for i in range(n):
        language = LANGUAGES[i % len(LANGUAGES)]
        headline, text, published = article(rng, language)
        name = f"{prefix}{i:06d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        manifest.append({"id": f"{prefix}{i:06d}", "file": name, "language": language,
                         "publisher": rng.choice(shapes()["publishers"]), "title": headline,
                         "published": published})
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                          encoding="utf-8")
    return manifest


_HASHED = re.compile(r"(/id/(?:evidence|statement|membership|event)/[0-9a-f]+)>")


def _template(result) -> tuple[str, str, dict[str, tuple[str, str]]]:
    """One processed article as N-Quads text, its id, and its people the registry does
    not know: IRI -> (name, name key)."""
    text = ox.serialize(result.quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    people: dict[str, list[str]] = {}
    for q in result.quads:
        if "/id/person/" in q.subject.value and q.predicate.value in (NG + "name", NG + "key"):
            people.setdefault(q.subject.value, ["", ""])[q.predicate.value == NG + "key"] = \
                q.object.value
    unknown = {iri: (name, key) for iri, (name, key) in people.items()
               if name and key and registry().entities.get(iri) is None}
    return text, result.source.id, unknown


def write_quads(out: Path, n: int, seed: int = 7, templates: int = 40) -> int:
    """About N quads shaped like newsgraph's output: `templates` generated articles run
    through the real loader once, then copied under new article ids, their unknown people
    renamed into a pool (so a person recurs across articles, as in news) and their
    fact nodes suffixed per copy. Returns the number of quads written."""
    from loaders.manifest import read_sources
    from loaders.pipeline import process
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        write_articles(Path(tmp), templates, seed)
        made = [_template(process(s)) for s in read_sources([Path(tmp)])[0]]
    per_copy = sum(t.count("\n") for t, _, _ in made)
    copies = max(1, round(n / per_copy))
    pool = max(20, copies * templates // 25)
    written = 0
    with out.open("w", encoding="utf-8") as f:
        for c in range(copies):
            for text, article_id, people in made:
                text = text.replace(article_id, f"{article_id}c{c:05d}")
                text = _HASHED.sub(rf"\1-{c}>", text)
                for iri, (name, key) in people.items():
                    k = rng.randrange(pool)
                    # the key first: a Chinese name is its own key ("温磊涵"), and the
                    # key of "温磊涵 11" is "温磊涵11", as the query side computes it
                    text = text.replace(f"<{iri}>", f"<{iri}-{k}>").replace(
                        f'<{NG}key> "{key}"', f'<{NG}key> "{name_key(f"{name} {k}")}"').replace(
                        f'"{name}"', f'"{name} {k}"')
                f.write(text)
                written += text.count("\n")
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kind", choices=["articles", "quads"])
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, required=True, help="articles, or quads")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.kind == "articles":
        write_articles(args.out, args.n, args.seed)
        print(f"{args.n} articles in {args.out}")
    else:
        print(f"{write_quads(args.out, args.n, args.seed)} quads in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
