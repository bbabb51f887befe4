"""Words shown around an input: Markdown help as plain text, titles, and a number's range."""

from __future__ import annotations

import re

from fizzly_desktop.core.schema.choices import title_word
from fizzly_desktop.core.schema.fields import FieldSpec, format_number, humanize

#: Help longer than this is folded behind "More" (the first sentence or so stays visible).
SHORT_HELP_LENGTH = 160

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CODE = re.compile(r"`+([^`]+?)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def _inline(text: str) -> str:
    # Links show their words only: a description never opens anything.
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    return text


def plain_help(markdown: str) -> str:
    """A description written in Markdown as formatted plain text.

    Paragraphs are re-flowed (no hanging indents from continuation lines), list items become
    "• " lines, inline code, emphasis and headings lose their marks, links show their text.
    """
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in markdown.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line or line.startswith("```"):
            flush()
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            flush()
            current.append("• " + _inline(raw[bullet.end() :].strip()))
            continue
        line = _HEADING.sub("", line)
        current.append(_inline(line))
    flush()
    # A list item followed by a continuation line was joined to it; keep items on their own.
    text = "\n".join(paragraphs)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def short_help(text: str) -> str:
    """The start of a long help text, cut at a sentence end when there is one early enough."""
    if len(text) <= SHORT_HELP_LENGTH:
        return text
    head = text[:SHORT_HELP_LENGTH]
    cut = max(head.rfind(". "), head.rfind("\n"))
    if cut >= SHORT_HELP_LENGTH // 3:
        return head[: cut + 1].rstrip()
    space = head.rfind(" ")
    return (head[:space] if space > 0 else head).rstrip(" ,;:") + "…"


def display_title(title: str, name: str) -> str:
    """A title as shown: Cog's lowercase ("scheduler") capitalised, snake_case made readable."""
    text = title.strip() or humanize(name)
    if "_" in text and " " not in text:
        return humanize(text)
    # pydantic titles say "Image Url"; the app says "Image URL" everywhere (and "LCM", "CFG").
    text = re.sub(
        r"\b(Url|Urls|Id|Uri)\b", lambda m: m.group(1).upper().replace("URLS", "URLs"), text
    )
    text = re.sub(r"\b[A-Z]?[a-z0-9]+\b", lambda m: title_word(m.group(0)), text)
    return text[0].upper() + text[1:] if text[:1].islower() else text


def number_hint(spec: FieldSpec) -> str:
    """A number's allowed range and unit in words ("Range 1 – 50 steps"), or ""."""
    if spec.kind not in ("integer", "number") or spec.is_seed:
        return ""
    low, high = spec.lower_bound, spec.upper_bound
    unit_value = spec.schema.get("x-unit") or spec.schema.get("unit")
    unit = f" {unit_value}" if isinstance(unit_value, str) and unit_value.strip() else ""
    if low is not None and high is not None:
        return f"Range {format_number(low)} – {format_number(high)}{unit}"
    if low is not None:
        return f"At least {format_number(low)}{unit}"
    if high is not None:
        return f"At most {format_number(high)}{unit}"
    return f"In{unit}" if unit else ""
