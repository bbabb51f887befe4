"""Outputs are real webp/png files on a separate, unauthenticated origin, rendered repeatably."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image, ImageStat

from fizzly_desktop.core.sandbox_process import SandboxInfo
from tests.fixtures.sandbox import SandboxFactory
from tests.integration.sandbox.support import assert_error, client, submit, wait_finished


@pytest.fixture
def api(sandbox: SandboxInfo) -> Iterator[httpx.Client]:
    with client(sandbox.base_url, sandbox.demo_key) as c:
        yield c


def run_outputs(api: httpx.Client, workflow: str, inputs: dict[str, Any]) -> dict[str, Any]:
    run = submit(api, workflow, inputs)
    assert wait_finished(api, run["status_url"])["status"] == "COMPLETED"
    outputs: dict[str, Any] = api.get(run["response_url"]).json()["outputs"]
    return outputs


def fetch(url: str) -> httpx.Response:
    response = httpx.get(url)  # no credentials: the output origin is like a CDN
    assert response.status_code == 200, response.text
    return response


@pytest.mark.parametrize(("fmt", "pil_format"), [("webp", "WEBP"), ("png", "PNG")])
def test_output_is_a_decodable_image_of_the_requested_size(
    api: httpx.Client, sandbox: SandboxInfo, fmt: str, pil_format: str
) -> None:
    inputs = {"prompt": "sunset over the sea", "seed": 3, "width": 320, "height": 200}
    outputs = run_outputs(api, "demo/text-to-image", {**inputs, "output_format": fmt})
    image = outputs["generated_image"]
    assert image["url"].startswith(sandbox.output_origin + "/outputs/")
    assert image["url"].endswith("." + fmt)
    assert image["content_type"] == f"image/{fmt}"
    response = fetch(image["url"])
    assert response.headers["content-type"] == f"image/{fmt}"
    with Image.open(io.BytesIO(response.content)) as decoded:
        assert decoded.format == pil_format
        assert decoded.size == (320, 200)
        # A picture, not a flat fill: several distinct colours and real contrast.
        stat = ImageStat.Stat(decoded.convert("L"))
        assert stat.stddev[0] > 10
        assert len(decoded.convert("RGB").getcolors(maxcolors=1_000_000) or []) > 50


def test_rendering_is_deterministic(api: httpx.Client, sandbox_factory: SandboxFactory) -> None:
    inputs = {"prompt": "a quiet forest", "seed": 42, "width": 256, "height": 256}
    first = fetch(run_outputs(api, "demo/text-to-image", inputs)["generated_image"]["url"])
    again = fetch(run_outputs(api, "demo/text-to-image", inputs)["generated_image"]["url"])
    assert first.content == again.content
    # Another sandbox process renders the same bytes from the same inputs.
    info = sandbox_factory()
    with client(info.base_url, info.demo_key) as other:
        elsewhere = run_outputs(other, "demo/text-to-image", inputs)["generated_image"]["url"]
    assert fetch(elsewhere).content == first.content
    # Any change of seed, prompt or size gives another picture.
    for change in ({"seed": 43}, {"prompt": "a loud forest"}, {"width": 320}):
        url = run_outputs(api, "demo/text-to-image", {**inputs, **change})["generated_image"]
        assert fetch(url["url"]).content != first.content


def test_output_origin_needs_no_key_and_answers_404_json(sandbox: SandboxInfo) -> None:
    response = httpx.get(sandbox.output_origin + "/outputs/0123456789abcdef.webp")
    assert_error(response, 404, "NOT_FOUND")
    assert_error(httpx.get(sandbox.output_origin + "/elsewhere"), 404, "NOT_FOUND")


def test_output_supports_head_and_revalidation(api: httpx.Client) -> None:
    url = run_outputs(api, "demo/text-to-image", {"prompt": "dune", "seed": 1, "width": 64})[
        "generated_image"
    ]["url"]
    head = httpx.head(url)
    assert head.status_code == 200
    assert head.headers["content-type"] == "image/webp"
    etag = fetch(url).headers["etag"]
    assert httpx.get(url, headers={"If-None-Match": etag}).status_code == 304


def png_data_uri(size: tuple[int, int], colour: tuple[int, int, int]) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_image_to_image_from_data_uri_keeps_size_and_colours(api: httpx.Client) -> None:
    source = png_data_uri((300, 180), (250, 20, 20))
    outputs = run_outputs(
        api,
        "demo/image-to-image",
        {"image": source, "prompt": "a red barn", "strength": 0.2, "seed": 9},
    )
    image = outputs["generated_image"]
    assert (image["width"], image["height"]) == (300, 180)
    with Image.open(io.BytesIO(fetch(image["url"]).content)) as decoded:
        assert decoded.size == (300, 180)
        red, green, _blue = ImageStat.Stat(decoded.convert("RGB")).mean
    # With a low strength the red source shows through.
    assert red > green + 60


def test_image_to_image_from_an_own_output_link(api: httpx.Client) -> None:
    first = run_outputs(
        api, "demo/text-to-image", {"prompt": "snow", "seed": 2, "width": 192, "height": 128}
    )
    outputs = run_outputs(
        api,
        "demo/image-to-image",
        {"image": first["generated_image"]["url"], "prompt": "thaw", "output_format": "png"},
    )
    image = outputs["generated_image"]
    assert (image["width"], image["height"]) == (192, 128)
    with Image.open(io.BytesIO(fetch(image["url"]).content)) as decoded:
        assert decoded.format == "PNG"


def test_image_to_image_from_a_foreign_link_is_not_fetched(api: httpx.Client) -> None:
    outputs = run_outputs(
        api,
        "demo/image-to-image",
        {"image": "https://images.example.com/cat.jpg", "prompt": "a cat", "seed": 1},
    )
    assert outputs["generated_image"]["width"] == 1024


@pytest.mark.parametrize(
    "image",
    [
        "data:image/png;base64,not-base64!!",
        "data:image/png;base64," + base64.b64encode(b"not a picture").decode(),
        "data:text/plain,hello",
        "ftp://example.com/cat.png",
        "just words",
    ],
)
def test_image_to_image_rejects_unusable_images(api: httpx.Client, image: str) -> None:
    response = api.post(
        "/workflows/demo/image-to-image", json={"inputs": {"image": image, "prompt": "x"}}
    )
    body = assert_error(response, 400, "BAD_REQUEST")
    assert "image" in body["details"]


def test_large_data_uri_within_the_body_cap_is_accepted(api: httpx.Client) -> None:
    buffer = io.BytesIO()
    noise = Image.effect_noise((1000, 1000), 80).convert("RGB")
    noise.save(buffer, format="PNG")
    assert len(buffer.getvalue()) > 2_000_000  # beyond a typical 1 MB default cap
    uri = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    outputs = run_outputs(api, "demo/image-to-image", {"image": uri, "prompt": "calm"})
    assert outputs["generated_image"]["width"] == 1000
