"""The JSON API under /api: tokens, uploads and jobs, the triage queue, submissions with their
documents, coverage, facts and findings, dispositions, comparison, search, exports, audit log.

Every endpoint takes the signed-in user (bearer token or session cookie) and reads through the
user's `Scope`: what is not the user's is answered 404, exactly as what does not exist.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlmodel import Session, select

from extractors.limits import ReadLimits
from extractors.package import InputFile, expand_bytes
from service import store
from service.access import can_dispose, can_retry, can_upload, scope_of
from service.auth import audit, authenticate, current_user, forbid, issue_token
from service.db import get_session
from service.opinion import opinion_docx
from service.review import review_inputs
from service.review_json import ReviewOut, to_contract
from service.schemas import (
    DispositionIn,
    FindingView,
    JobView,
    SearchHit,
    SimilarHit,
    SubmissionDetail,
    SubmissionSummary,
    TokenOut,
    UploadAccepted,
)
from service.tables import AuditEntry, Job, JobStatus, Role, User
from service.uploads import accept_upload
from service.views import Comparison, compare, coverage

router = APIRouter(prefix="/api")
RowId = Annotated[int, Path(ge=1, le=2**31 - 1, description="编号")]
SessionDep = Annotated[Session, Depends(get_session)]
UserDep = Annotated[User, Depends(current_user)]
NOT_FOUND = "未找到该材料，或无权查看"


def job_view(job: Job) -> JobView:
    """The API shape of a job."""
    return JobView(
        id=job.id,
        submission_id=job.submission_id,
        status=job.status,
        attempts=job.attempts,
        error=job.error,
        created_at=job.created_at,
        finished_at=job.finished_at,
    )


async def read_uploads(files: list[UploadFile]) -> list[InputFile]:
    """The uploaded files as package inputs (zips opened, size capped), in memory."""
    limits = ReadLimits.from_env()
    inputs: list[InputFile] = []
    for upload in files:
        data = await upload.read(limits.max_file_bytes + 1)
        inputs.extend(expand_bytes(upload.filename or "upload", data, limits))
    return inputs


@router.post("/review", response_model=ReviewOut, response_model_by_alias=True, summary="同步审查（不保存）")
async def review(
    _user: UserDep,
    files: Annotated[list[UploadFile], File(description="一个材料包的 PDF、DOCX 或 zip 文件")],
) -> ReviewOut:
    """Review a package at once and return the contract JSON; nothing is stored."""
    inputs = await read_uploads(files)
    return to_contract(review_inputs(inputs, today=date.today(), limits=ReadLimits.from_env()))


@router.post("/token", response_model=TokenOut, summary="用用户名和密码换取 API 令牌")
def token(
    session: SessionDep, username: Annotated[str, Form(max_length=64)], password: Annotated[str, Form(max_length=256)]
) -> TokenOut:
    """A bearer token for scripts; 401 for a wrong name or password."""
    user = authenticate(session, username, password)
    if user is None:
        raise HTTPException(status_code=401, detail="用户名或密码错误")
    audit(session, user, "token", "user", user.id)
    return TokenOut(token=issue_token(session, user, "api", label="api"), username=user.username, role=user.role)


@router.post("/submissions", status_code=202, response_model=UploadAccepted, summary="上传一个材料包并排队审查")
async def upload(
    request: Request,
    session: SessionDep,
    user: UserDep,
    files: Annotated[list[UploadFile], File(description="一个材料包的 PDF、DOCX 文件或 zip 压缩包")],
    park_id: Annotated[int | None, Form(ge=1, le=2**31 - 1)] = None,
) -> UploadAccepted:
    """Store the files and answer 202 with the job; the review runs in the background."""
    if not can_upload(user):
        raise forbid("审计人员不能上传材料")
    accepted = await accept_upload(
        session, request.app.state.settings, request.app.state.dispatcher, user, files, park_id
    )
    return UploadAccepted(submission_id=accepted.submission_id, job=job_view(accepted.job), files=accepted.files)


def _visible_job(session: Session, user: User, job_id: RowId) -> Job:
    job = session.get(Job, job_id)
    if job is None or store.visible_submission(session, scope_of(user), job.submission_id) is None:
        raise HTTPException(status_code=404, detail="未找到该任务，或无权查看")
    return job


@router.get("/jobs/{job_id}", response_model=JobView, summary="审查任务状态")
def job_status(session: SessionDep, user: UserDep, job_id: RowId) -> JobView:
    """queued, running, done or failed (with the reason)."""
    return job_view(_visible_job(session, user, job_id))


@router.post("/jobs/{job_id}/retry", status_code=202, response_model=JobView, summary="重新运行失败的审查任务")
def retry(request: Request, session: SessionDep, user: UserDep, job_id: RowId) -> JobView:
    """Queue a failed job again (its stored files are reviewed anew)."""
    job = _visible_job(session, user, job_id)
    if not can_retry(user):
        raise forbid()
    if job.status != JobStatus.failed:
        raise HTTPException(status_code=409, detail="只有失败的任务可以重新审查")
    job.status, job.error = JobStatus.queued, None
    session.add(job)
    session.commit()
    audit(session, user, "retry", "job", job.id)
    request.app.state.dispatcher.submit(job.id)
    session.refresh(job)
    return job_view(job)


@router.get("/submissions", response_model=list[SubmissionSummary], summary="审查队列（可筛选、排序）")
def submissions(
    session: SessionDep,
    user: UserDep,
    province: str | None = None,
    stage: str | None = None,
    status: Literal["queued", "running", "reviewed", "failed"] | None = None,
    risk: Literal["blocker", "major", "minor"] | None = None,
    park: str | None = None,
    sort: Literal["id", "park", "province", "stage", "status", "risk", "created_at"] = "risk",
    order: Literal["asc", "desc"] = "desc",
) -> list[SubmissionSummary]:
    """Visible submissions with open findings counted by severity."""
    query = store.QueueQuery(
        province=province, stage=stage, status=status, risk=risk, park=park, sort=sort, order=order
    )
    return store.queue(session, scope_of(user), query)


def visible(session: Session, user: User, submission_id: RowId):
    """The submission row, or 404 when it does not exist or is not the user's to see."""
    submission = store.visible_submission(session, scope_of(user), submission_id)
    if submission is None:
        raise HTTPException(status_code=404, detail=NOT_FOUND)
    return submission


def submission_detail(session: Session, user: User, submission_id: RowId) -> SubmissionDetail:
    """Everything the submission page shows, as one object (the page's JSON twin)."""
    submission = visible(session, user, submission_id)
    review = store.review_of(session, submission_id)
    return SubmissionDetail(
        submission=store.summaries(session, [submission])[0],
        documents=store.document_views(session, submission_id),
        coverage=coverage(review) if review else [],
        findings=store.finding_views(session, submission_id),
        review=review,
    )


@router.get("/submissions/{submission_id}", response_model=SubmissionDetail, summary="材料详情")
def submission(session: SessionDep, user: UserDep, submission_id: RowId) -> SubmissionDetail:
    """Documents, outline coverage, facts (in `review`) and findings with dispositions."""
    detail = submission_detail(session, user, submission_id)
    audit(session, user, "view", "submission", submission_id)
    return detail


def comparison_for(session: Session, user: User, submission_id: RowId) -> Comparison:
    """The plan-versus-report comparison of a visible submission."""
    submission = visible(session, user, submission_id)
    review = store.review_of(session, submission_id)
    if review is None:
        return Comparison(plan_file=None, report_file=None, indicators=[], projects=[])
    return compare(review, store.plan_review_for(session, submission))


@router.get("/submissions/{submission_id}/comparison", response_model=Comparison, summary="实施方案与验收报告对照")
def comparison(session: SessionDep, user: UserDep, submission_id: RowId) -> Comparison:
    """Indicators and projects of the plan beside the report's, differences flagged."""
    return comparison_for(session, user, submission_id)


@router.get(
    "/submissions/{submission_id}/review.json",
    response_model=ReviewOut,
    response_model_by_alias=True,
    summary="导出审查结果（eipcheck.review/1）",
)
def export_json(session: SessionDep, user: UserDep, submission_id: RowId) -> JSONResponse:
    """The contract JSON of the latest review."""
    visible(session, user, submission_id)
    review = store.review_of(session, submission_id)
    if review is None:
        raise HTTPException(status_code=409, detail="审查尚未完成")
    audit(session, user, "export", "submission", submission_id, "review.json")
    return JSONResponse(
        review.model_dump(mode="json", by_alias=True),
        headers={"Content-Disposition": f'attachment; filename="review-{submission_id}.json"'},
    )


@router.get(
    "/submissions/{submission_id}/opinion.docx",
    summary="导出审查意见（DOCX）",
    responses={200: {"content": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}}}},
)
def export_opinion(session: SessionDep, user: UserDep, submission_id: RowId) -> Response:
    """The 审查意见 as a Word document: open findings by severity with evidence, dismissed ones with notes."""
    submission = visible(session, user, submission_id)
    summary = store.summaries(session, [submission])[0]
    data = opinion_docx(summary, store.finding_views(session, submission_id), date.today())
    audit(session, user, "export", "submission", submission_id, "opinion.docx")
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={"Content-Disposition": f'attachment; filename="opinion-{submission_id}.docx"'},
    )


def record_disposition(session: Session, user: User, finding_id: RowId, body: DispositionIn) -> FindingView:
    """A reviewer confirms or dismisses a visible finding (audited)."""
    finding = store.finding_submission(session, scope_of(user), finding_id)
    if finding is None:
        raise HTTPException(status_code=404, detail="未找到该问题，或无权查看")
    if not can_dispose(user):
        raise forbid("只有审查人员可以确认或排除问题")
    view = store.dispose(session, finding, body.decision, body.note, user.display_name)
    audit(session, user, body.decision, "finding", finding_id, body.note)
    return view


@router.post("/findings/{finding_id}/disposition", response_model=FindingView, summary="确认或排除一个审查发现")
def disposition(session: SessionDep, user: UserDep, finding_id: RowId, body: DispositionIn) -> FindingView:
    """Confirmed or dismissed, with a note; the latest decision counts, the history is kept."""
    return record_disposition(session, user, finding_id, body)


@router.get("/documents/{document_id}/file", summary="下载原始文件", response_class=FileResponse)
def document_file(request: Request, session: SessionDep, user: UserDep, document_id: RowId) -> FileResponse:
    """The original bytes of a visible document."""
    document = store.visible_document(session, scope_of(user), document_id)
    path = store.stored_file(request.app.state.settings.data_dir, document) if document else None
    if document is None or path is None or not document.stored_path or not path.is_file():
        raise HTTPException(status_code=404, detail="未找到该文件，或无权查看")
    audit(session, user, "download", "document", document_id, document.file)
    return FileResponse(path, filename=document.file)


@router.get(
    "/documents/{document_id}/similar", response_model=list[SimilarHit], summary="相似段落（其他材料中的近似内容）"
)
def similar(session: SessionDep, user: UserDep, document_id: RowId) -> list[SimilarHit]:
    """Each passage of a visible document with the closest stored passage of another document,
    from parks the user may see.
    """
    document = store.visible_document(session, scope_of(user), document_id)
    if document is None:
        raise HTTPException(status_code=404, detail="未找到该文件，或无权查看")
    audit(session, user, "similar", "document", document_id, document.file)
    return store.similar_passages(session, scope_of(user), document)


@router.get("/search", response_model=list[SearchHit], summary="历史材料全文检索")
def search(
    session: SessionDep,
    user: UserDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    province: str | None = None,
    kind: str | None = None,
) -> list[SearchHit]:
    """Passages of visible submissions that contain the query, with highlighted snippets."""
    hits = store.search(session, scope_of(user), q, province=province, kind=kind)
    audit(session, user, "search", "corpus", None, q)
    return hits


@router.get("/audit", summary="审计日志")
def audit_log(session: SessionDep, user: UserDep, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict]:
    """The latest audit entries (auditors and administrators)."""
    if user.role not in (Role.auditor, Role.admin):
        raise forbid()
    rows = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).all()
    return [r.model_dump(mode="json") for r in rows]
