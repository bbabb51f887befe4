"""The Run button says how many runs it sends and, once known, what they cost."""

from __future__ import annotations

from fizzly_desktop.ui.forms.form_panel import run_button_text


def test_the_run_button_says_count_and_cost() -> None:
    assert run_button_text(1, None) == "Run"
    assert run_button_text(10, None) == "Run 10"
    assert run_button_text(1, 5) == "Run · 5 credits"
    assert run_button_text(10, 5) == "Run 10 · 50 credits"
    assert run_button_text(1, 1) == "Run · 1 credit"
    assert run_button_text(3, 0.1) == "Run 3 · 0.3 credits"
