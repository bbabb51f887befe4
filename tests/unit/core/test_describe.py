"""Help text, titles and number hints: Markdown shown as plain words."""

from __future__ import annotations

from fizzly_desktop.core.schema import (
    InputSchema,
    choice_labels,
    display_title,
    number_hint,
    plain_help,
    readable_choice,
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
    assert readable_choice("landscape_4_3") == "Landscape 4:3"
    assert readable_choice("square_hd") == "Square HD"
    assert readable_choice("auto_2K") == "Auto 2K"
    assert readable_choice("square") == "Square"
    assert readable_choice(1024) == "1024"


def test_plain_enum_values_read_as_words_and_the_raw_value_is_kept() -> None:
    cases = {
        "dpmpp_2m_sde_gpu": "DPM++ 2M SDE GPU",
        "landscape_16_9": "Landscape 16:9",
        "euler_a": "Euler a",
        "K_EULER_ANCESTRAL": "K Euler Ancestral",
        "DPMSolverMultistep": "DPM Solver Multistep",
        "digital_illustration/pixel_art": "Digital illustration / Pixel art",
        "no-change": "No change",
        "1024x768": "1024 × 768",
        "json_schema": "JSON schema",
        "png": "PNG",
        # Already words, or codes and values that read best as they are:
        "Euler a": "Euler a",
        "DPM++ 2M Karras": "DPM++ 2M Karras",
        "16:9": "16:9",
        "480p": "480p",
        "en": "en",
        "CUSTOM": "CUSTOM",
        "model.safetensors [84d76a0328]": "model.safetensors [84d76a0328]",
    }
    assert {value: readable_choice(value) for value in cases} == cases
    assert readable_choice(True) == "Yes"
    assert readable_choice(0.5) == "0.5"


def test_choice_labels_prefer_the_schemas_and_never_read_alike() -> None:
    schema = InputSchema.from_document(
        {
            "type": "object",
            "properties": {
                "mode": {
                    "enum": ["fast_draft", "best", "Fast-Draft"],
                    "x-enum-labels": ["", "Best of all"],
                },
            },
        }
    )
    spec = schema.field("mode")
    assert spec is not None
    # Two values reading "Fast draft" would look like one choice: they keep their raw text.
    assert choice_labels(spec) == ["fast_draft", "Best of all", "Fast-Draft"]


def test_titles_keep_known_acronyms_upper_case() -> None:
    assert display_title("Lcm Origin Steps", "lcm_origin_steps") == "LCM Origin Steps"
    assert display_title("", "cfg_scale") == "CFG scale"
    assert display_title("Loras", "loras") == "LoRAs"
    assert display_title("Image Id", "image_id") == "Image ID"
