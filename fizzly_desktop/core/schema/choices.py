"""Words for choices: a fixed value's label, and the name of each shape a choice of objects takes.

Schemas list fixed values as the model reads them (``dpmpp_2m_sde_gpu``, ``landscape_16_9``);
a person reads "DPM++ 2M SDE GPU" and "Landscape 16:9". The value sent stays the raw one; a
label the schema gives itself (``x-enum-labels``, ``enumNames``, a ``const`` with a ``title``)
always wins. A choice between several objects names each object by the value of the property
that tells them apart (``type: "json_schema"`` → "JSON schema"), else its title, else the
property only it has.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from fizzly_desktop.core.schema.fields import FieldSpec, format_number, humanize

#: Words kept upper case in a label ("square_hd" → "Square HD").
_ACRONYMS = frozenset(
    " ".join(
        (
            "hd sd uhd fhd qhd hdr sdxl gpu cpu sde ddim ddpm dpm lms pndm lcm pc rgb rgba",
            "png jpg jpeg webp gif mp3 mp4 wav flac ogg webm mov url urls id api json llm",
            "vae tts cfg ai ip esrgan svg pdf 2d 3d bw asr ocr rms rvc",
        )
    ).split()
)
#: Words with a spelling of their own.
_SPELLINGS = {"dpmpp": "DPM++", "lora": "LoRA", "loras": "LoRAs", "unipc": "UniPC"}
#: What a raw value may look like to be made readable: an identifier, not a sentence or a path.
_IDENTIFIER = re.compile(r"[A-Za-z0-9]+(?:[_\-/][A-Za-z0-9]+)*")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def readable_choice(value: Any) -> str:
    """A fixed value as words: ``dpmpp_2m_sde_gpu`` → "DPM++ 2M SDE GPU",
    ``landscape_16_9`` → "Landscape 16:9", ``euler_a`` → "Euler a", ``1024x768`` →
    "1024 × 768". Text that already reads as words ("Euler a", "16:9") is left as it is."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (int, float)):
        return format_number(value)
    if not isinstance(value, str) or not _IDENTIFIER.fullmatch(value):
        return str(value)
    if re.fullmatch(r"[a-z]{1,2}", value):
        return value  # a code ("en", "de") reads better as it is than as a word
    size = re.fullmatch(r"(\d+)x(\d+)", value)
    if size:
        return f"{size.group(1)} × {size.group(2)}"
    shouting = value.isupper() and bool(re.search(r"[_\-]", value))
    parts = [_readable_part(part, shouting) for part in value.split("/")]
    text = " / ".join(parts)
    return text[0].upper() + text[1:] if text else value


def _readable_part(part: str, shouting: bool) -> str:
    # Two short numbers joined are a ratio: 16_9 → 16:9.
    part = re.sub(r"(?<![0-9])(\d{1,2})_(\d{1,2})(?![0-9])", r"\1:\2", part)
    words: list[str] = []
    for token in re.split(r"[_\-]+", part):
        pieces = _CAMEL.split(token) if not token.isupper() else [token]
        for piece in pieces:
            if piece:
                # K_EULER_ANCESTRAL shouts names: each word keeps its capital ("K Euler").
                words.append(
                    _word(piece.lower() if shouting else piece, first=shouting or not words)
                )
    text = " ".join(words)
    return text[0].upper() + text[1:] if text else part


def _word(word: str, *, first: bool) -> str:
    lowered = word.lower()
    if word != lowered:
        return word  # "ESRGAN", "Solver", "6B": written as the schema wrote it
    if lowered in _SPELLINGS:
        return _SPELLINGS[lowered]
    if lowered in _ACRONYMS or re.fullmatch(r"\d+[kmb]", lowered):
        return lowered.upper()
    return lowered.capitalize() if first else lowered


def title_word(word: str) -> str:
    """A word of a title as the app writes it: known acronyms upper case ("Lcm" → "LCM"),
    others unchanged."""
    lowered = word.lower()
    if lowered in _SPELLINGS:
        return _SPELLINGS[lowered]
    return word.upper() if lowered in _ACRONYMS and lowered not in _COMMON_WORDS else word


#: Acronyms that are also words in a title ("Id" is handled on its own).
_COMMON_WORDS = frozenset({"id", "ip", "pc", "mov", "bw"})


def choice_labels(spec: FieldSpec) -> list[str]:
    """The label of each of ``spec.choices``: the schema's own where it gives one, else
    :func:`readable_choice`. Values whose labels would read the same keep their raw text."""
    given = list(spec.choice_labels) + [""] * (len(spec.choices) - len(spec.choice_labels))
    labels = [given[i] or readable_choice(choice) for i, choice in enumerate(spec.choices)]
    folded = [label.casefold() for label in labels]
    return [
        label if folded.count(folded[i]) == 1 or given[i] else _raw_text(spec.choices[i])
        for i, label in enumerate(labels)
    ]


def _raw_text(value: Any) -> str:
    return format_number(value) if isinstance(value, (int, float)) else str(value)


def explicit_labels(schema: Mapping[str, Any], choices: Sequence[Any]) -> tuple[str, ...]:
    """Labels the schema gives its fixed values (``x-enum-labels`` as a list beside ``enum`` or a
    mapping from value to label, or ``enumNames``), aligned with ``choices``; () if none."""
    enum = schema.get("enum")
    values = list(enum) if isinstance(enum, list) else list(choices)
    found: dict[int, str] = {}
    for key in ("x-enum-labels", "x-enum-names", "x-enumNames", "enumNames"):
        given = schema.get(key)
        if isinstance(given, list):
            for value, label in zip(values, given, strict=False):
                _put_label(found, choices, value, label)
        elif isinstance(given, Mapping):
            for value in values:
                _put_label(found, choices, value, given.get(str(value)))
        if found:
            break
    if not found:
        return ()
    return tuple(found.get(i, "") for i in range(len(choices)))


def _put_label(found: dict[int, str], choices: Sequence[Any], value: Any, label: Any) -> None:
    if not isinstance(label, str) or not label.strip():
        return
    for index, choice in enumerate(choices):
        if type(choice) is type(value) and choice == value:
            found.setdefault(index, label.strip())


def _constant(spec: FieldSpec) -> Any:
    """The one value a child input can take (``type: {"enum": ["text"]}``), or None."""
    if spec.kind == "enum" and len(spec.choices) == 1:
        return spec.choices[0]
    return None


def variant_names(
    variants: Sequence[FieldSpec], discriminator: str | None = None
) -> list[str] | None:
    """Names for the objects of a choice between objects, in order; None if they cannot be
    told apart. Tried in turn: the value of the property that tells them apart (the schema's
    ``discriminator`` or any property fixed to a different value in each), the objects' own
    titles, their type names less the words they share, the first property only each has."""
    names = (
        _by_discriminator(variants, discriminator)
        or _by_title(variants, "title", humanize)
        or _by_title(variants, "x-type-title", None)
        or _by_own_property(variants)
    )
    return names


def _distinct(names: list[str]) -> list[str] | None:
    folded = [name.casefold() for name in names]
    if all(names) and len(set(folded)) == len(folded):
        return names
    return None


def _by_discriminator(variants: Sequence[FieldSpec], given: str | None) -> list[str] | None:
    shared = set.intersection(*({child.name for child in v.fields} for v in variants))
    candidates = [given] if given in shared else sorted(shared)
    for prop in candidates:
        values = []
        for variant in variants:
            child = next(c for c in variant.fields if c.name == prop)
            values.append(_constant(child))
        if all(v is not None for v in values):
            named = _distinct([readable_choice(v) for v in values])
            if named:
                return named
    return None


def _by_title(variants: Sequence[FieldSpec], key: str, tidy: Any) -> list[str] | None:
    titles = [v.schema.get(key) for v in variants]
    if not all(isinstance(t, str) and t.strip() for t in titles):
        return None
    if tidy is not None:
        return _distinct([str(tidy(t.strip())) for t in titles if isinstance(t, str)])
    # Type names share their start and end: ChatCompletionInputResponseFormat{Text,JSONObject}.
    split = [_CAMEL.split(str(t).strip()) for t in titles]
    start = 0
    while all(len(words) > start + 1 for words in split) and len({w[start] for w in split}) == 1:
        start += 1
    end = 0
    while (
        all(len(words) > start + end + 1 for words in split)
        and len({w[-1 - end] for w in split}) == 1
    ):
        end += 1
    return _distinct([readable_choice("".join(w[start : len(w) - end])) for w in split])


def _by_own_property(variants: Sequence[FieldSpec]) -> list[str] | None:
    names = []
    for variant in variants:
        others = {c.name for v in variants if v is not variant for c in v.fields}
        own = [c for c in variant.fields if c.name not in others]
        own.sort(key=lambda c: not c.required)
        names.append(own[0].title if own else "")
    return _distinct(names)
