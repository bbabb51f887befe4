"""Contrast (WCAG 2, relative luminance) of every colour pair the app draws text with, both schemes.

The light scheme is the platform's palette made readable (what the app shows on this platform)
and the app's own light palette; the dark scheme is the app's dark palette. Text must reach
4.5:1 (AA), marks drawn as symbols on pictures 3:1.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from fizzly_desktop.ui import colors
from fizzly_desktop.ui.batches.grid_cells import ATTENTION, DONE, FAILED, RUNNING, cell_colors
from fizzly_desktop.ui.color_scheme import apply_palette, color_scheme_follower, forget_palette
from fizzly_desktop.ui.colors import (
    MARK_CONTRAST,
    ON_SCRIM,
    SCRIM,
    STAR,
    TEXT_CONTRAST,
    Tone,
    blend,
    composite,
    contrast_ratio,
    dimmed,
    is_dark,
    muted_text,
    readable,
    relative_luminance,
    tinted,
    tone_color,
)
from fizzly_desktop.ui.outputs.compare_view import DIFFERENCE_TINT_ALPHA

Role = QPalette.ColorRole
WHITE, BLACK = QColor(255, 255, 255), QColor(0, 0, 0)


@pytest.fixture(autouse=True)
def _platform_palette_again(qapp: QApplication) -> Iterator[None]:
    color_scheme_follower().forget()
    forget_palette()
    yield
    color_scheme_follower().forget()
    forget_palette()


def schemes() -> dict[str, QPalette]:
    """The palettes the app can show here: light as the platform gives it, and dark."""
    apply_palette(False)
    platform_light = QPalette(QApplication.palette())
    apply_palette(True)
    app_dark = QPalette(QApplication.palette())
    forget_palette()
    return {
        "light (platform)": platform_light,
        "light (the app's)": colors.light_palette(),
        "dark (the app's)": app_dark,
    }


def text_pairs(palette: QPalette) -> Iterator[tuple[str, QColor, QColor]]:
    """(what, text colour, background) for everything the app draws text with."""
    for group in colors.READ_GROUPS:
        c = lambda role, g=group: palette.color(g, role)  # noqa: E731
        yield "text on base", c(Role.Text), c(Role.Base)
        yield "text on alternate rows and the current node", c(Role.Text), c(Role.AlternateBase)
        yield "window text", c(Role.WindowText), c(Role.Window)
        yield "window text on a raised card", c(Role.WindowText), c(Role.Button)
        yield "button text", c(Role.ButtonText), c(Role.Button)
        yield "tooltip", c(Role.ToolTipText), c(Role.ToolTipBase)
        yield "selected text", c(Role.HighlightedText), c(Role.Highlight)
        # (Button: the welcome view's cards in the dark scheme are raised to it.)
        for ground in (Role.Window, Role.Base, Role.AlternateBase, Role.Button):
            yield (
                f"muted text (captions, counts) on {ground.name}",
                c(Role.PlaceholderText),
                c(ground),
            )
            yield f"link on {ground.name}", c(Role.Link), c(ground)
        # The library list's reference, under the name; selected or not.
        yield "library reference", dimmed(c(Role.Text), c(Role.Base)), c(Role.Base)
        yield (
            "selected library reference",
            dimmed(c(Role.HighlightedText), c(Role.Highlight)),
            c(Role.Highlight),
        )
        # A selected gallery tile's caption, on the highlight laid over the base.
        veil = QColor(c(Role.Highlight))
        veil.setAlpha(70)
        yield "selected tile caption", c(Role.Text), composite(veil, c(Role.Base))
        veil.setAlpha(DIFFERENCE_TINT_ALPHA)
        yield "an input that differs (compare view)", c(Role.Text), composite(veil, c(Role.Base))
    # Messages coloured by meaning (errors, success, a failed run's error) on the window,
    # in fields and on cards.
    for tone in Tone:
        for role in (Role.Window, Role.Base, Role.AlternateBase, Role.Button):
            yield (
                f"{tone.name} on {role.name}",
                tone_color(tone, palette, palette.color(role)),
                palette.color(role),
            )
    # A sweep grid's cells: the state's glyph and words on the card of that state.
    base = palette.color(Role.Base)
    cards = {
        "cell": palette.color(Role.AlternateBase),
        "failed cell": tinted(base, Tone.FAILED),
        "cell that needs attention": tinted(base, Tone.ATTENTION),
    }
    for card_name, card in cards.items():
        glyphs = cell_colors(palette, card)
        for state in (DONE, FAILED, ATTENTION, RUNNING):
            yield f"{state} glyph on a {card_name}", glyphs[state], card
        yield f"words on a {card_name}", palette.color(Role.Text), card
        muted = readable(blend(palette.color(Role.Text), card, 0.45), card)
        yield f"muted words on a {card_name}", muted, card
    # The import preview: a row with a problem, and a value taken from the form in it.
    bad = tinted(base, Tone.FAILED)
    yield "a skipped row's text", palette.color(Role.Text), bad
    yield "a form value in a skipped row", readable(muted_text(palette), bad), bad
    # The seed on its plate over a picture (any picture: white and black at the extremes).
    plate = QColor(base)
    plate.setAlphaF(0.8)
    for picture in (WHITE, BLACK):
        yield "seed plate", palette.color(Role.Text), composite(plate, picture)


@pytest.mark.parametrize("name", ["light (platform)", "light (the app's)", "dark (the app's)"])
def test_every_text_colour_pair_reaches_aa(name: str) -> None:
    palette = schemes()[name]
    assert is_dark(palette) is name.startswith("dark")
    failing = [
        f"{what}: {fg.name()} on {bg.name()} is {contrast_ratio(fg, bg):.2f}:1"
        for what, fg, bg in text_pairs(palette)
        if contrast_ratio(fg, bg) < TEXT_CONTRAST
    ]
    assert not failing, "\n".join(failing)


def test_badges_on_pictures_read_on_any_picture() -> None:
    for picture in (WHITE, BLACK, QColor("#ffc107"), QColor("#7f7f7f")):
        veil = composite(SCRIM, picture)
        assert contrast_ratio(ON_SCRIM, veil) >= TEXT_CONTRAST, picture.name()
        assert contrast_ratio(STAR, veil) >= MARK_CONTRAST, picture.name()


def test_the_dark_scheme_is_dark_and_keeps_its_hues() -> None:
    palette = schemes()["dark (the app's)"]
    assert relative_luminance(palette.color(Role.Window)) < 0.05
    assert relative_luminance(palette.color(Role.Text)) > 0.75
    # A failed run is red in both schemes, a done one green.
    for tone, channel in ((Tone.FAILED, "red"), (Tone.DONE, "green")):
        for scheme in schemes().values():
            color = tone_color(tone, scheme)
            values = {"red": color.red(), "green": color.green(), "blue": color.blue()}
            assert max(values, key=values.__getitem__) == channel, (tone, color.name())


# --- the arithmetic ------------------------------------------------------------------------------
def test_relative_luminance_and_contrast_match_wcag() -> None:
    assert relative_luminance(WHITE) == pytest.approx(1.0)
    assert relative_luminance(BLACK) == pytest.approx(0.0)
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio(WHITE, WHITE) == pytest.approx(1.0)
    # WCAG's own examples: #767676 on white is the lightest grey that passes AA (4.54:1).
    assert contrast_ratio(QColor("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(QColor("#777777"), WHITE) < TEXT_CONTRAST
    # A translucent colour counts as it shows: black at half opacity on white is mid grey.
    half = QColor(0, 0, 0, 128)
    assert composite(half, WHITE).red() == 127
    assert contrast_ratio(half, WHITE) < TEXT_CONTRAST


def test_readable_keeps_a_colour_that_reads_and_moves_one_that_does_not() -> None:
    assert readable(QColor("#000000"), WHITE) == QColor("#000000")
    light_red = QColor("#ef9a9a")  # fine on dark grey, not on white
    fixed = readable(light_red, WHITE)
    assert contrast_ratio(fixed, WHITE) >= TEXT_CONTRAST
    assert fixed.red() > fixed.green()
    assert fixed.red() > fixed.blue()
    dark_red = QColor("#c62828")
    on_dark = readable(dark_red, QColor("#1f1f1f"))
    assert contrast_ratio(on_dark, QColor("#1f1f1f")) >= TEXT_CONTRAST
    assert on_dark.lightness() > dark_red.lightness()
    # Against two grounds at once, both are met.
    both = readable(QColor(0, 0, 0, 128), (QColor("#efefef"), WHITE))
    assert min(contrast_ratio(both, g) for g in (QColor("#efefef"), WHITE)) >= TEXT_CONTRAST


def test_the_platforms_faint_text_is_made_readable_and_a_readable_palette_is_left_alone() -> None:
    faint = QPalette(colors.light_palette())
    faint.setColor(Role.PlaceholderText, QColor(0, 0, 0, 128))
    fixed = colors.readable_palette(faint)
    assert fixed is not None
    assert contrast_ratio(fixed.color(Role.PlaceholderText), faint.color(Role.Window)) >= 4.5
    assert colors.readable_palette(fixed) is None
    assert colors.readable_palette(colors.dark_palette()) is None
    assert colors.readable_palette(colors.light_palette()) is None
