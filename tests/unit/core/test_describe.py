"""Help text, titles and number hints: Markdown shown as plain words."""

from __future__ import annotations

from fizzly_desktop.core.schema import (
    InputSchema,
    display_title,
    number_hint,
    plain_help,
    preset_label,
    short_help,
)


def test_markdown_marks_are_removed_and_lines_reflowed() -> None:
    text = (
        "If `True`, the media will be returned as a **data URI** and\n"
        "    the output _won't_ be kept. See [the docs](https://fal.ai/docs) or\n"
        "<https://example.com/more>.\n"
        "\n"
        "Options:\n"
        "- `square_hd`: a big square\n"
        "  that continues here\n"
        "* landscape\n"
    )
    assert plain_help(text) == (
        "If True, the media will be returned as a data URI and the output won't be kept. "
        "See the docs or https://example.com/more.\n"
        "Options:\n"
        "• square_hd: a big square that continues here\n"
        "• landscape"
    )


def test_long_help_is_cut_at_a_sentence() -> None:
    long = "The CFG scale says how close to the prompt to stay. " + "More words here. " * 20
    # Whole sentences up to the limit, never a word cut in two.
    assert short_help(long) == "The CFG scale says how close to the prompt to stay." + (
        " More words here." * 6
    )
    assert short_help("word " * 60).endswith("word…")
    assert short_help("Short.") == "Short."


def test_titles_read_like_the_rest_of_the_app() -> None:
    assert display_title("scheduler", "scheduler") == "Scheduler"
    assert display_title("num_outputs", "num_outputs") == "Num outputs"
    assert display_title("Image Url", "image_url") == "Image URL"
    assert display_title("Image Urls", "image_urls") == "Image URLs"
    assert display_title("", "guidance_scale") == "Guidance scale"


def test_nested_groups_show_the_property_not_the_type_name() -> None:
    document = {
        "type": "object",
        "properties": {"voice_setting": {"$ref": "#/$defs/VoiceSetting"}},
        "$defs": {
            "VoiceSetting": {
                "title": "VoiceSetting",
                "type": "object",
                "properties": {"speed": {"type": "number"}},
            }
        },
    }
    spec = InputSchema.from_document(document).fields[0]
    assert spec.title == "Voice setting"


def test_number_hint_gives_range_and_unit() -> None:
    schema = InputSchema.from_document(
        {
            "type": "object",
            "properties": {
                "duration": {"type": "number", "minimum": 1, "maximum": 30, "x-unit": "seconds"},
                "steps": {"type": "integer", "minimum": 1},
                "free": {"type": "number"},
            },
        }
    )
    hints = [number_hint(spec) for spec in schema.fields]
    assert hints == ["Range 1 – 30 seconds", "At least 1", ""]


def test_preset_values_read_as_words() -> None:
    assert preset_label("landscape_4_3") == "Landscape 4:3"
    assert preset_label("square_hd") == "Square HD"
    assert preset_label("auto_2K") == "auto_2K"
    assert preset_label("square") == "Square"
    assert preset_label(1024) == "1024"
