"""Bytes to text: the encodings articles come in, refused by name when they are not text."""
from __future__ import annotations

import codecs
from pathlib import Path

from newsgraph.errors import ArticleError

MAX_BYTES = 10 * 1024 * 1024
# Tried in order after UTF-8; GB18030 covers GBK and GB2312.
FALLBACKS = ("gb18030", "big5")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The article's text; offsets in the graph count code points of this string."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleError(f"{path}: {size} bytes is over the {max_bytes}-byte limit",
                           hint="split the file, or raise the limit with --max-bytes")
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError(f"{path}: the file is empty", hint="nothing to load; remove it")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:4096]:
        raise ArticleError(f"{path}: a binary file, not text",
                           hint="give newsgraph the article as text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    decoded = []
    for encoding in FALLBACKS:
        try:
            decoded.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if decoded:  # Big5 bytes often decode as GB18030 too, into rare characters and kana
        return max(decoded, key=_common_share)
    raise ArticleError(f"{path}: not UTF-8, GB18030 or Big5 text",
                       hint="convert the file to UTF-8 (iconv -t UTF-8)")


def _common(ch: str) -> bool:
    """A character of everyday Chinese: GB2312 level 1 or Big5's frequent block."""
    for encoding, first, last in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            if first <= ch.encode(encoding)[0] <= last:
                return True
        except UnicodeEncodeError:
            continue
    return False


def _common_share(text: str) -> float:
    wide = [ch for ch in text if ord(ch) > 0x7F]
    return sum(map(_common, wide)) / len(wide) if wide else 1.0
