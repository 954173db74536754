"""The HTTP service: JSON API (`service/api.py`, with the stateless `POST /api/review` of the
contract JSON), web UI (`service/web.py`) and `/healthz`. `create_app(settings)` builds a fresh app
on its own database and job dispatcher, so every test gets its own. Every unsafe request made with
the session cookie is checked for its CSRF token (`service/csrf.py`).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from service import api, csrf, web
from service.db import engine_for
from service.jobs import dispatcher_for
from service.settings import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """A fresh app on the settings' database (EIPCHECK_* environment by default)."""
    settings = settings or Settings.from_env()
    engine = engine_for(settings)
    dispatcher = dispatcher_for(engine, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        dispatcher.start()
        yield
        dispatcher.stop()

    app = FastAPI(
        title="eipcheck",
        description="生态工业园区申报材料审查服务",
        version="0.2.0",
        lifespan=lifespan,
        dependencies=[Depends(csrf.protect)],  # every route, API included: the API accepts the cookie too
    )
    app.state.settings, app.state.engine, app.state.dispatcher = settings, engine, dispatcher
    app.state.secret_key = settings.secret_key()
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    app.include_router(api.router)
    app.include_router(web.router)

    @app.exception_handler(web.LoginRequired)
    async def _login(_request: Request, exc: web.LoginRequired):
        return web.login_redirect(exc.next_url)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api") or request.headers.get("hx-request"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return web.error_page(request, None, exc.status_code, str(exc.detail))

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
