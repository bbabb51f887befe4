"""A scripted Workflows API for unit tests: answers in order and records every request."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Any

import httpx

API = "https://api.fizzly.test"
KEY = "fiz_live_Q2hvY29sYXRlQ2FrZQ_7Kd9"

Answer = (
    httpx.Response
    | BaseException
    | Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]
)


class Wire:
    """Plays ``answers`` one per request (the last one repeats) and keeps the requests."""

    def __init__(self, *answers: Answer) -> None:
        if not answers:
            raise ValueError("a wire needs at least one answer")
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, BaseException):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        produced = answer(request)
        if inspect.isawaitable(produced):
            return await produced
        return produced

    def methods(self) -> list[str]:
        return [r.method for r in self.requests]


def json_answer(status: int, body: Any, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def error_answer(status: int, code: str, message: str = "nope", **extra: Any) -> httpx.Response:
    return httpx.Response(status, json={"error": message, "code": code, **extra})


def submitted(request_id: str = "run_abc123xyz", base: str = API) -> httpx.Response:
    url = f"{base}/workflows/demo/text-to-image/requests/{request_id}"
    return json_answer(
        200,
        {
            "request_id": request_id,
            "status": "PENDING",
            "status_url": f"{url}/status",
            "response_url": url,
            "cancel_url": f"{url}/cancel",
        },
    )


def sse_answer(
    chunks: Iterable[bytes],
    *,
    status: int = 200,
    content_type: str = "text/event-stream",
    then_hang: bool = False,
    gap: float = 0.0,
) -> httpx.Response:
    """A streamed answer that delivers ``chunks`` one by one (then stays silent if asked)."""
    parts = list(chunks)

    async def body() -> AsyncIterator[bytes]:
        for part in parts:
            if gap:
                await asyncio.sleep(gap)
            yield part
        if then_hang:
            await asyncio.Event().wait()

    return httpx.Response(status, headers={"content-type": content_type}, content=body())


def split(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]
