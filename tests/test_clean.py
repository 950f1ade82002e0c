"""Cleaning drops web debris and keeps every character's way back to the original file."""
from __future__ import annotations

from loaders.clean import clean
from loaders.fold import fold

from .conftest import SEEDS


def _check_offsets(raw: str, text: str, offsets: list[int]) -> None:
    assert len(offsets) == len(text) + 1
    for i, ch in enumerate(text):
        if ch != "\n":
            assert raw[offsets[i]] == ch, (i, ch, raw[offsets[i]])


def test_pinyin_debris_is_removed_and_offsets_still_point_at_the_original() -> None:
    raw = "OpenAI超級對齊團(tuán)隊(duì)負(fù)責(zé)人Jan Leike,,宣布辭職,。"
    c = clean(raw)
    assert c.text.strip() == "OpenAI超級對齊團隊負責人Jan Leike,宣布辭職。"
    _check_offsets(raw, c.text, c.offsets)
    start = c.text.index("Jan Leike")
    a, b = c.span(start, start + len("Jan Leike"))
    assert raw[a:b] == "Jan Leike"


def test_pinyin_whose_parenthesis_became_a_question_mark_is_debris_too() -> None:
    raw = "Dario Amodei因?yàn)與OpenAI不合,出走。他走了嗎?是的。"
    c = clean(raw)
    assert c.text.strip() == "Dario Amodei因與OpenAI不合,出走。他走了嗎?是的。"  # a real "?" stays
    _check_offsets(raw, c.text, c.offsets)


def test_every_seed_cleans_with_a_faithful_offset_map() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        c = clean(raw)
        _check_offsets(raw, c.text, c.offsets)
        assert c.norm == fold(c.text)  # the kept lines of the folded page: the text folded


def test_promotional_lines_and_a_repeated_body_are_dropped() -> None:
    c = clean((SEEDS / "000_bd36855ec95a093e.txt").read_text(encoding="utf-8"))
    assert "关注“CVer”公众号" not in c.text and "阅读原文" not in c.text
    assert "扫码加入星球学习" not in c.text
    body = "所以Ilya Sutskever、Jan Leike的离开几乎是必然。"
    c2 = clean((SEEDS / "002_3e917b65b40607ff.txt").read_text(encoding="utf-8"))
    assert c2.text.count(body) == 1
    assert "Meta公司AR眼镜团队前负责人宣布加入OpenAI" not in c2.text


def test_language_bars_and_stray_html_are_dropped() -> None:
    c = clean((SEEDS / "004_8e9a9738eb6568fa.txt").read_text(encoding="utf-8"))
    assert "Русский" not in c.text
    c3 = clean("我对他的恶意为零。”?/p>\n下一段")
    assert "?/p>" not in c3.text


def test_fold_keeps_length_and_maps_traditional_to_simplified() -> None:
    assert fold("伊爾亞·蘇茨克維") == "伊尔亚·苏茨克维"
    assert fold("ＯｐｅｎＡＩ") == "OpenAI"


def test_every_wide_character_is_folded_inside_any_text() -> None:
    """A text without any character of the table is passed over; one with a single such
    character, anywhere, is folded whole."""
    from loaders.fold import _WIDTH
    plain = "OpenAI’s chief said on Tuesday"
    assert fold(plain) == plain
    for code, narrow in _WIDTH.items():
        assert fold(plain + chr(code)) == plain + chr(narrow), hex(code)
        assert fold(chr(code) + "x") == chr(narrow) + "x", hex(code)


def test_mojibake_is_repaired_and_offsets_stay_in_the_original() -> None:
    raw = "Ilya Sutskever sagte: â€žWir gehen nicht weg.â€œ\nZweite Zeile."
    c = clean(raw)
    assert "„Wir gehen nicht weg.“" in c.text
    assert len(c.offsets) == len(c.text) + 1
    assert all(0 <= o <= len(raw) for o in c.offsets)
    start = c.text.index("Zweite")
    assert raw[c.offsets[start]:].startswith("Zweite") or "Zweite" in raw[c.offsets[start] - 4:]


def test_a_span_never_runs_past_the_original() -> None:
    raw = "OpenAI 首席科学家 Ilya Sutskever 宣布离职。"  # no final newline
    c = clean(raw)
    assert c.span(0, len(c.text)) == (0, len(raw))


def test_the_windowed_mojibake_test_answers_as_ftfy_does() -> None:
    """loaders/mojibake.py asks ftfy's regex only around the characters mojibake needs:
    on the seeds, their lines, known mojibake and random strings of those characters,
    ASCII and accented letters, it answers exactly as `ftfy.is_bad`."""
    import random

    import ftfy

    from loaders.mojibake import _bounds, is_bad
    assert _bounds() is not None, "this ftfy's badness regex can no longer be bounded"
    texts = [p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")]
    texts += [line for t in texts for line in t.split("\n")]
    texts += ["因为我认为", "Ã©tÃ© â€œquotedâ€\x9d", "cafÃ© ", "Ã ", "Ñ€Ð°Ð·", "a×²", "√±"]
    rnd = random.Random(7)
    alphabet = [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0x80, 0x600)] \
        + list("–—’‘“”€™•…√≈‚вЂГўВСРβΒΓΞΟ中文")
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
              for _ in range(20000)]
    verdicts = [ftfy.is_bad(t) for t in texts]
    assert [is_bad(t) for t in texts] == verdicts
    assert 1000 < sum(verdicts) < len(texts) - 1000  # both answers are well exercised
