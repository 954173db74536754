"""The HTTP API: for now one synchronous review endpoint with the contract JSON, and a health
check. Jobs, storage, access control and the web UI come with issue #7.
"""

from __future__ import annotations

from datetime import date

from fastapi import FastAPI, File, UploadFile

from extractors.limits import ReadLimits
from extractors.package import InputFile, expand_bytes
from service.review import review_inputs
from service.review_json import ReviewOut, to_contract


def create_app() -> FastAPI:
    """A fresh app; every test gets its own."""
    app = FastAPI(title="eipcheck", description="生态工业园区申报材料审查服务", version="0.1.0")

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/api/review", response_model=ReviewOut, response_model_by_alias=True)
    async def review(
        files: list[UploadFile] = File(..., description="一个材料包的 PDF、DOCX 或 zip 文件"),
    ) -> ReviewOut:
        limits = ReadLimits.from_env()
        inputs: list[InputFile] = []
        for upload in files:
            data = await upload.read(limits.max_file_bytes + 1)
            inputs.extend(expand_bytes(upload.filename or "upload", data, limits))
        return to_contract(review_inputs(inputs, today=date.today(), limits=limits))

    return app
