"""The sandbox's HTTP layer in-process: unexpected failures still answer documented JSON."""

from __future__ import annotations

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from fizzly_desktop.sandbox.config import DEMO_KEY, SandboxConfig
from fizzly_desktop.sandbox.server import Sandbox, create_api_app, create_output_app


async def explode(request: web.Request) -> web.Response:
    raise RuntimeError("secret internals")


async def test_unexpected_exception_is_a_500_json_without_traceback() -> None:
    sandbox = Sandbox(SandboxConfig())
    app = create_api_app(sandbox)
    app.router.add_get("/workflows/demo/boom/explode", explode)
    async with TestClient(TestServer(app)) as client:
        response = await client.get(
            "/workflows/demo/boom/explode", headers={"Authorization": f"Key {DEMO_KEY}"}
        )
        text = await response.text()
        assert response.status == 500
        assert await response.json() == {
            "error": "Internal server error, please retry",
            "code": "INTERNAL_ERROR",
            "details": {},
        }
        assert "secret internals" not in text
        assert "Traceback" not in text
        assert response.headers["X-RateLimit-Limit"] == "60"
        # The server keeps answering afterwards.
        again = await client.get(
            "/workflows/demo/text-to-image/schema", headers={"Authorization": f"Key {DEMO_KEY}"}
        )
        assert again.status == 200


async def test_output_origin_errors_are_json_too() -> None:
    sandbox = Sandbox(SandboxConfig())
    async with TestClient(TestServer(create_output_app(sandbox))) as client:
        response = await client.get("/outputs/nothing.webp")
        assert response.status == 404
        assert (await response.json())["code"] == "NOT_FOUND"
        wrong_method = await client.post("/outputs/nothing.webp")
        assert wrong_method.status == 405
        assert (await wrong_method.json())["code"] == "METHOD_NOT_ALLOWED"
