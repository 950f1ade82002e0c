"""Language of an article when the manifest does not say: zh-Hans, zh-Hant, de or en."""
from __future__ import annotations

import re

from loaders.fastre import CJK_CHAR
from loaders.fold import to_simplified

_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_WORDS = re.compile(r"[A-Za-zÄÖÜäöüß]+")
STOPWORDS = {
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "für", "von", "zu", "den", "dem",
           "ein", "eine", "auf", "sich", "auch", "dass", "wurde", "hat", "bei", "nach", "im",
           "beim", "vom", "zum", "zur", "sagte", "dazu", "wird", "sind", "war", "hatte", "über",
           "durch", "ende", "seit", "noch", "nun", "einen", "einem", "des"},
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "as",
           "by", "he", "she", "said", "at", "from", "his", "her", "has", "have", "it",
           "were", "will", "had", "its", "about", "took", "over", "after", "who"},
}


def detect(text: str) -> str:
    cjk = CJK_CHAR.findall(text)
    if len(cjk) >= 0.2 * (len(cjk) + len(_LATIN.findall(text))) and cjk:
        sample = "".join(cjk[:4000])
        changed = sum(a != b for a, b in zip(sample, to_simplified(sample), strict=True))
        return "zh-Hant" if changed >= 0.04 * len(sample) else "zh-Hans"
    words = [w.lower() for w in _WORDS.findall(text[:20000])]
    scores = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    scores["de"] += 2 * len(re.findall(r"[äöüßÄÖÜ]", text[:20000]))  # umlauts: German
    return "de" if scores["de"] > scores["en"] else "en"


def family(language: str | None) -> str:
    """zh for both Chinese scripts, else the primary subtag (de, en)."""
    return (language or "en").split("-")[0].lower()
