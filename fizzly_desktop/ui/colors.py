"""The app's named colours: light and dark palettes, state hues, overlays, and contrast (WCAG 2).

This is the one module of ``ui/`` that spells colours out (a test greps the others). Everything
else paints with palette roles, or asks here for a colour *against the background it is drawn
on*: a hue is kept, its lightness moved until the text is readable (4.5:1, WCAG AA).
"""

from __future__ import annotations

import enum

from PySide6.QtGui import QColor, QPalette

#: WCAG AA: normal text, and large marks (glyphs drawn as symbols, bars, borders).
TEXT_CONTRAST = 4.5
MARK_CONTRAST = 3.0

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup
#: The groups text is read in (a disabled control is exempt from WCAG's contrast minimum).
READ_GROUPS = (_Group.Active, _Group.Inactive)


class Tone(enum.Enum):
    """What a coloured text or mark means; its hue is the same in both schemes."""

    DONE = "done"
    FAILED = "failed"
    ATTENTION = "attention"
    ERROR = "error"
    GOOD = "good"
    #: A button that reads as a link: the palette's own link colour.
    LINK = "link"


# Material hues: darker ones for light backgrounds, lighter ones for dark backgrounds.
_TONES_LIGHT = {
    Tone.DONE: "#2e7d32",
    Tone.FAILED: "#c62828",
    Tone.ATTENTION: "#bf360c",
    Tone.ERROR: "#c62828",
    Tone.GOOD: "#2e7d32",
}
_TONES_DARK = {
    Tone.DONE: "#66bb6a",
    Tone.FAILED: "#ef5350",
    Tone.ATTENTION: "#ffa726",
    Tone.ERROR: "#ef9a9a",
    Tone.GOOD: "#a5d6a7",
}

#: How much of which hue tints a card in a state that needs a look (a failed run's tile).
_TINTS = {Tone.FAILED: ("#c62828", 0.18), Tone.ATTENTION: ("#f9a825", 0.22)}

#: A veil over a picture for a badge or label drawn on it, whatever the picture holds.
SCRIM = QColor(0, 0, 0, 150)
#: Text and lines drawn on the scrim.
ON_SCRIM = QColor(255, 255, 255)
#: The star of a starred result (drawn on the scrim).
STAR = QColor("#ffc107")
#: Thumbnails drawn for files that are not pictures (they are pictures of their own, the same in
#: both schemes): a card per kind of file, a sound's waveform on its card, a mesh's shading.
MEDIA_CARD = {
    "video": QColor(52, 73, 94),
    "audio": QColor(36, 113, 109),
    "model": QColor(108, 76, 140),
    "file": QColor(90, 90, 90),
}
ON_MEDIA_CARD = QColor(240, 240, 240)
WAVEFORM = QColor(190, 240, 230)
MESH_BASE = QColor(150, 120, 200)
MESH_BACKDROP = QColor(40, 36, 52)
#: A neutral grey to tint tracks and empty cells with, in either scheme.
NEUTRAL = QColor("#808080")
#: Where the colour dialog starts when a colour input has no value yet.
PICKER_START = QColor("#808080")


# --- arithmetic -------------------------------------------------------------------------------
def relative_luminance(color: QColor) -> float:
    """WCAG 2's relative luminance of an opaque colour (0 black … 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    rgb = color.toRgb()
    return (
        0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF())
    )


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2's contrast ratio (1 … 21); a translucent foreground is laid on the background."""
    front = composite(foreground, background)
    lighter, darker = sorted(
        (relative_luminance(front), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def composite(color: QColor, background: QColor) -> QColor:
    """``color`` as it shows over an opaque ``background`` (its alpha blended in)."""
    alpha = color.alphaF()
    if alpha >= 1.0:
        return QColor(color.red(), color.green(), color.blue())
    return blend(background, QColor(color.red(), color.green(), color.blue()), alpha)


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """``amount`` (0 … 1) of ``tint`` mixed into ``base``, opaque."""
    return QColor(
        round(base.red() + (tint.red() - base.red()) * amount),
        round(base.green() + (tint.green() - base.green()) * amount),
        round(base.blue() + (tint.blue() - base.blue()) * amount),
    )


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark scheme (light text on a dark window)."""
    return palette.color(_Role.Window).lightness() < 128


def readable(
    color: QColor, backgrounds: QColor | tuple[QColor, ...], minimum: float = TEXT_CONTRAST
) -> QColor:
    """``color``, darkened or lightened (its hue kept) until it reads on every background.

    Moves towards black on light backgrounds and towards white on dark ones; an opaque colour
    that already reads is returned as it is.
    """
    grounds = backgrounds if isinstance(backgrounds, tuple) else (backgrounds,)
    if all(contrast_ratio(color, ground) >= minimum for ground in grounds):
        return QColor(color)
    dark_ground = sum(relative_luminance(g) for g in grounds) / len(grounds) < 0.18
    target = QColor(255, 255, 255) if dark_ground else QColor(0, 0, 0)
    start = composite(color, grounds[0])
    for step in range(1, 51):
        moved = blend(start, target, step / 50)
        if all(contrast_ratio(moved, ground) >= minimum for ground in grounds):
            return moved
    return target


def tone_color(tone: Tone, palette: QPalette, background: QColor | None = None) -> QColor:
    """The colour of ``tone`` for text drawn on ``background`` (the palette's window if None)."""
    ground = background if background is not None else palette.color(_Role.Window)
    if tone is Tone.LINK:
        return readable(palette.color(_Role.Link), ground)
    hue = QColor((_TONES_DARK if ground.lightness() < 128 else _TONES_LIGHT)[tone])
    return readable(hue, ground)


def tinted(base: QColor, tone: Tone) -> QColor:
    """A card's ``base`` colour tinted with ``tone``'s hue (failed, needs attention)."""
    hue, amount = _TINTS[tone]
    return blend(base, QColor(hue), amount)


def dimmed(color: QColor, background: QColor, opacity: float = 0.65) -> QColor:
    """``color`` stepped back towards ``background``, as far as it still reads (4.5:1)."""
    faded = QColor(color)
    faded.setAlphaF(opacity)
    return readable(composite(faded, background), background)


def muted_text(palette: QPalette) -> QColor:
    """Secondary text that still reads on the window and on text fields (4.5:1)."""
    return readable(
        palette.color(_Role.PlaceholderText),
        (palette.color(_Role.Window), palette.color(_Role.Base)),
    )


# --- palettes ---------------------------------------------------------------------------------
def readable_palette(palette: QPalette) -> QPalette | None:
    """``palette`` with secondary text, links and selections made readable; None if they were.

    Platform palettes often give placeholder text half the text's opacity (about 3.5:1 on
    white) and selections a light accent under white text: fine for a hint in an empty field,
    too faint for the captions and counts the app shows in that role.
    """
    fixed = QPalette(palette)
    changed = False
    for group in READ_GROUPS:
        grounds = (palette.color(group, _Role.Window), palette.color(group, _Role.Base))
        wanted = {
            _Role.PlaceholderText: readable(palette.color(group, _Role.PlaceholderText), grounds),
            _Role.Link: readable(palette.color(group, _Role.Link), grounds),
            _Role.Highlight: readable(
                palette.color(group, _Role.Highlight),
                palette.color(group, _Role.HighlightedText),
            ),
        }
        for role, color in wanted.items():
            if color != palette.color(group, role):
                fixed.setColor(group, role, color)
                changed = True
    return fixed if changed else None


_DARK = {
    _Role.Window: "#2d2d2d",
    _Role.WindowText: "#eeeeee",
    _Role.Base: "#1f1f1f",
    _Role.AlternateBase: "#282828",
    _Role.Text: "#eeeeee",
    _Role.PlaceholderText: "#a8a8a8",
    _Role.Button: "#353535",
    _Role.ButtonText: "#eeeeee",
    _Role.BrightText: "#ffffff",
    _Role.Light: "#4a4a4a",
    _Role.Midlight: "#3c3c3c",
    _Role.Mid: "#5a5a5a",
    _Role.Dark: "#1a1a1a",
    _Role.Shadow: "#0c0c0c",
    _Role.Highlight: "#2f6eb3",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#6cb4f5",
    _Role.LinkVisited: "#c39be8",
    _Role.ToolTipBase: "#3a3a3a",
    _Role.ToolTipText: "#eeeeee",
    _Role.Accent: "#2f6eb3",
}
_DARK_DISABLED = {
    _Role.WindowText: "#7d7d7d",
    _Role.Text: "#7d7d7d",
    _Role.ButtonText: "#7d7d7d",
    _Role.PlaceholderText: "#6a6a6a",
    _Role.Base: "#2a2a2a",
    _Role.Highlight: "#555555",
    _Role.HighlightedText: "#bdbdbd",
}
_LIGHT = {
    _Role.Window: "#efefef",
    _Role.WindowText: "#000000",
    _Role.Base: "#ffffff",
    _Role.AlternateBase: "#f7f7f7",
    _Role.Text: "#000000",
    _Role.PlaceholderText: "#646464",
    _Role.Button: "#efefef",
    _Role.ButtonText: "#000000",
    _Role.BrightText: "#ffffff",
    _Role.Light: "#ffffff",
    _Role.Midlight: "#cacaca",
    _Role.Mid: "#b8b8b8",
    _Role.Dark: "#9f9f9f",
    _Role.Shadow: "#767676",
    _Role.Highlight: "#2a6cae",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#0b57b0",
    _Role.LinkVisited: "#6a1b9a",
    _Role.ToolTipBase: "#ffffdc",
    _Role.ToolTipText: "#000000",
    _Role.Accent: "#2a6cae",
}
_LIGHT_DISABLED = {
    _Role.WindowText: "#8c8c8c",
    _Role.Text: "#8c8c8c",
    _Role.ButtonText: "#8c8c8c",
    _Role.PlaceholderText: "#a0a0a0",
    _Role.Base: "#efefef",
    _Role.Highlight: "#919191",
    _Role.HighlightedText: "#ffffff",
}


def _palette(
    colors: dict[QPalette.ColorRole, str], disabled: dict[QPalette.ColorRole, str]
) -> QPalette:
    palette = QPalette()
    for role, name in colors.items():
        palette.setColor(role, QColor(name))
    for role, name in disabled.items():
        palette.setColor(_Group.Disabled, role, QColor(name))
    return palette


def dark_palette() -> QPalette:
    """The app's dark scheme, for platforms whose style has none."""
    return _palette(_DARK, _DARK_DISABLED)


def light_palette() -> QPalette:
    """The app's light scheme, for a platform that is dark when the user asks for light."""
    return _palette(_LIGHT, _LIGHT_DISABLED)
