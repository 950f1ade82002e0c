"""Which articles to load: a folder's manifest.json, a folder of plain files, or single files."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from loaders.datevalues import Reference
from newsgraph.errors import ArticleError, ManifestError

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".text")
_PUBLISHED = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_ID = re.compile(r"[^\s/\\]{1,200}")


@dataclass(frozen=True)
class Source:
    """One article to load and what the manifest says of it."""

    id: str
    path: Path
    language: str | None = None
    publisher: str | None = None
    title: str | None = None
    published: str | None = None


def read_sources(paths: list[Path]) -> tuple[list[Source], list[ArticleError]]:
    """Every article under `paths`, and the entries that could not be read (named)."""
    sources: list[Source] = []
    errors: list[ArticleError] = []
    for path in paths:
        if path.is_dir():
            manifest = path / "manifest.json"
            if manifest.is_file():
                found, bad = read_manifest(manifest)
                sources += found
                errors += bad
            else:
                sources += [Source(p.stem, p) for p in sorted(path.iterdir())
                            if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES]
        elif path.name == "manifest.json":
            found, bad = read_manifest(path)
            sources += found
            errors += bad
        elif path.is_file():
            sources.append(Source(path.stem, path))
        else:
            errors.append(ArticleError(f"{path}: no such file or folder",
                                       hint="check the path given to 'load'"))
    seen: dict[str, Path] = {}
    unique: list[Source] = []
    for source in sources:
        if source.id in seen:
            errors.append(ArticleError(
                f"{source.path}: article id '{source.id}' is already used by {seen[source.id]}",
                hint="give each article its own id"))
            continue
        seen[source.id] = source.path
        unique.append(source)
    return unique, errors


def read_manifest(manifest: Path) -> tuple[list[Source], list[ArticleError]]:
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{manifest}: not UTF-8 text ({exc.reason})",
                            hint="save the manifest as UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{manifest}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}",
                            hint="the manifest is a JSON list of {\"id\", \"file\", ...}") from exc
    if not isinstance(entries, list):
        raise ManifestError(f"{manifest}: the manifest must be a JSON list of entries",
                            hint='e.g. [{"id": "a1", "file": "a1.txt"}]')
    folder = manifest.parent.resolve()
    sources, errors = [], []
    for index, entry in enumerate(entries):
        try:
            sources.append(_entry(manifest, folder, index, entry))
        except ArticleError as exc:
            errors.append(exc)
    return sources, errors


def _entry(manifest: Path, folder: Path, index: int, entry: object) -> Source:
    where = f"{manifest} entry {index}"
    if not isinstance(entry, dict):
        raise ArticleError(f"{where}: an entry must be a JSON object")
    for key in ("id", "file"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ArticleError(f"{where}: '{key}' is missing or not a string",
                               hint="every entry needs \"id\" and \"file\"")
    if not _ID.fullmatch(entry["id"]):
        raise ArticleError(f"{where}: id {entry['id']!r} has spaces or slashes",
                           hint="use a short id such as the file name without extension")
    relative = Path(entry["file"])
    try:
        target = (folder / relative).resolve()
    except (ValueError, OSError) as exc:  # a NUL byte, a link loop
        raise ArticleError(f"{where}: file {entry['file']!r} is not a usable path ({exc})",
                           hint="name files relative to the manifest, inside its folder") from exc
    if relative.is_absolute() or not target.is_relative_to(folder):
        raise ArticleError(f"{where}: file {entry['file']!r} is outside the manifest's folder",
                           hint="name files relative to the manifest, inside its folder")
    if not target.is_file():
        raise ArticleError(f"{where}: file {entry['file']!r} does not exist")
    published = entry.get("published")
    if published is not None and not _is_date(published):
        raise ArticleError(f"{where}: published {published!r} is not YYYY, YYYY-MM or "
                           "YYYY-MM-DD", hint="write the date as ISO 8601, or null")
    return Source(id=entry["id"], path=target, language=_text(entry.get("language")),
                  publisher=_text(entry.get("publisher")), title=_text(entry.get("title")),
                  published=published)


def _is_date(value: object) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day (not 2024-02-31, not year 0)."""
    if not isinstance(value, str) or not _PUBLISHED.fullmatch(value):
        return False
    try:
        Reference.parse(value)
    except ValueError:
        return False
    return True


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
