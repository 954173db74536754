"""The web UI for reviewers, parks and auditors: server-rendered Jinja2 pages in Chinese, htmx for
the small interactive parts (upload progress, job polling, dispositions). Each page renders the
same objects the JSON API returns (`service/api.py`), so the two cannot disagree.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlmodel import Session, select

from extractors.limits import ReadLimits
from service import api, csrf, store
from service.access import ROLE_LABELS, can_dispose, can_retry, can_upload, scope_of
from service.api import RowId
from service.auth import COOKIE, audit, authenticate, issue_token, optional_user, revoke
from service.db import get_session
from service.labels import ui
from service.review import review_inputs
from service.review_json import to_contract
from service.schemas import DispositionIn
from service.tables import AuditEntry, Job, Role, User
from service.uploads import accept_upload
from service.views import coverage

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter(include_in_schema=False)
SessionDep = Annotated[Session, Depends(get_session)]
AUDIT_ACTIONS = {
    "login": "登录",
    "view": "查看",
    "upload": "上传",
    "export": "导出",
    "download": "下载原件",
    "search": "检索",
    "confirmed": "确认问题",
    "dismissed": "排除问题",
    "retry": "重新审查",
    "token": "申请令牌",
    "similar": "相似段落",
    "selfcheck": "材料自查",
}


class LoginRequired(Exception):
    """Raised by `page_user` when nobody is signed in; the app redirects to the login page."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


def page_user(request: Request, user: User | None = Depends(optional_user)) -> User:
    """The signed-in user of a page."""
    if user is None:
        raise LoginRequired(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    return user


UserDep = Annotated[User, Depends(page_user)]


def _fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render(
    request: Request, name: str, user: User | None, nav: str = "", status_code: int = 200, **context
) -> HTMLResponse:
    """A page with the header's user, role and navigation."""
    scope_label = ""
    if user is not None and user.role == Role.reviewer:
        scope_label = user.province or "全国"
    return templates.TemplateResponse(
        request,
        name,
        {
            "user": user,
            "nav": nav,
            "ui": ui(),
            "fmt": _fmt,
            "role_label": ROLE_LABELS.get(user.role, "") if user else "",
            "scope_label": scope_label,
            "can_upload": bool(user and can_upload(user)),
            "can_dispose": bool(user and can_dispose(user)),
            "can_retry": bool(user and can_retry(user)),
            "csrf_token": csrf.token_for(request),
            **context,
        },
        status_code=status_code,
    )


def error_page(request: Request, user: User | None, status: int, message: str) -> HTMLResponse:
    """The one error page, with its HTTP status."""
    return render(request, "error.html", user, status_code=status, status=status, message=message)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> Response:
    """The login form, with the pre-session cookie its CSRF token is derived from."""
    csrf.begin_presession(request)
    return csrf.keep_presession(request, render(request, "login.html", None, next=next))


@router.post("/login", response_model=None, dependencies=[Depends(csrf.protect_login)])
def login(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Check the password, set the session cookie, go where the user was going."""
    user = authenticate(session, username, password)
    if user is None:
        return render(request, "login.html", None, error="用户名或密码错误", username=username, next=next)
    token = issue_token(session, user, "session", hours=request.app.state.settings.session_hours)
    audit(session, user, "login", "user", user.id)
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE, token, httponly=True, samesite="lax", max_age=request.app.state.settings.session_hours * 3600
    )
    response.delete_cookie(csrf.PRESESSION)  # the session cookie binds the tokens from now on
    return response


@router.post("/logout")
def logout(request: Request, session: SessionDep) -> RedirectResponse:
    """Forget the session."""
    token = request.cookies.get(COOKIE)
    if token:
        revoke(session, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.get("/", response_class=HTMLResponse)
def queue_page(
    request: Request,
    session: SessionDep,
    user: UserDep,
    province: str = "",
    stage: str = "",
    status: str = "",
    risk: str = "",
    park: str = "",
    sort: str = "risk",
    order: str = "desc",
) -> HTMLResponse:
    """The triage queue."""
    query = store.QueueQuery(
        province=province or None,
        stage=stage or None,
        status=status or None,
        risk=risk or None,
        park=park or None,
        sort=sort,
        order=order,
    )
    rows = store.queue(session, scope_of(user), query)
    params = {
        k: v
        for k, v in {"province": province, "stage": stage, "status": status, "risk": risk, "park": park}.items()
        if v
    }

    def sort_url(key: str) -> str:
        flipped = "asc" if query.sort == key and query.order == "desc" else "desc"
        return "/?" + urlencode({**params, "sort": key, "order": flipped})

    return render(
        request,
        "queue.html",
        user,
        "queue",
        rows=rows,
        q=query,
        provinces=store.provinces(session, scope_of(user)),
        sort_url=sort_url,
    )


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, session: SessionDep, user: UserDep) -> HTMLResponse:
    """The upload form."""
    if not can_upload(user):
        return error_page(request, user, 403, "审计人员不能上传材料")
    parks = [] if user.role == Role.park else store.parks_in_scope(session, scope_of(user))
    return render(request, "upload.html", user, "upload", parks=parks)


@router.post("/upload", response_class=HTMLResponse)
async def upload(
    request: Request,
    session: SessionDep,
    user: UserDep,
    files: Annotated[list[UploadFile], File()],
    park_id: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Accept the upload and answer with the job panel, which polls until the review is done."""
    if not can_upload(user):
        return error_page(request, user, 403, "审计人员不能上传材料")
    accepted = await accept_upload(
        session,
        request.app.state.settings,
        request.app.state.dispatcher,
        user,
        files,
        int(park_id) if park_id.isdigit() else None,
    )
    return render(request, "job.html", user, job=accepted.job, files=accepted.files)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_panel(request: Request, session: SessionDep, user: UserDep, job_id: RowId) -> HTMLResponse:
    """The job panel (htmx polls it)."""
    return render(request, "job.html", user, job=api._visible_job(session, user, job_id))


@router.post("/jobs/{job_id}/retry")
def retry(request: Request, session: SessionDep, user: UserDep, job_id: RowId) -> RedirectResponse:
    """Retry a failed job and go back to its submission."""
    job = api.retry(request, session, user, job_id)
    return RedirectResponse(f"/submissions/{job.submission_id}", status_code=303)


@router.get("/submissions/{submission_id}", response_class=HTMLResponse)
def submission_page(request: Request, session: SessionDep, user: UserDep, submission_id: RowId) -> HTMLResponse:
    """A submission: documents, outline coverage, findings by severity, plan-versus-report."""
    detail = api.submission_detail(session, user, submission_id)
    jobs = session.exec(select(Job).where(Job.submission_id == submission_id).order_by(Job.id)).all()
    audit(session, user, "view", "submission", submission_id)
    return render(
        request,
        "submission.html",
        user,
        "queue",
        s=detail.submission,
        docs=detail.documents,
        coverage=detail.coverage,
        findings=detail.findings,
        cmp=api.comparison_for(session, user, submission_id),
        jobs=jobs,
    )


@router.post("/findings/{finding_id}/disposition", response_class=HTMLResponse)
def dispose(
    request: Request,
    session: SessionDep,
    user: UserDep,
    finding_id: RowId,
    decision: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse:
    """Record a decision and answer with the updated finding card."""
    if decision not in ("confirmed", "dismissed"):
        return error_page(request, user, 422, "无效的处理决定")
    view = api.record_disposition(session, user, finding_id, DispositionIn(decision=decision, note=note))
    return render(request, "finding.html", user, f=view)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, session: SessionDep, user: UserDep, q: str = "", province: str = "", kind: str = ""
) -> HTMLResponse:
    """Full-text search over the visible corpus."""
    hits = store.search(session, scope_of(user), q[:200], province=province or None, kind=kind or None) if q else []
    if q:
        audit(session, user, "search", "corpus", None, q[:200])
    return render(
        request,
        "search.html",
        user,
        "search",
        q=q,
        province=province,
        kind=kind,
        hits=hits,
        provinces=store.provinces(session, scope_of(user)),
    )


@router.get("/selfcheck", response_class=HTMLResponse)
def selfcheck_page(request: Request, user: UserDep) -> HTMLResponse:
    """A park's self-check of a draft."""
    return render(request, "selfcheck.html", user, "selfcheck", review=None)


@router.post("/selfcheck", response_class=HTMLResponse)
async def selfcheck(
    request: Request, session: SessionDep, user: UserDep, files: Annotated[list[UploadFile], File()]
) -> HTMLResponse:
    """Review a draft at once and show the result; nothing is stored."""
    inputs = await api.read_uploads(files)
    review = to_contract(review_inputs(inputs, today=date.today(), limits=ReadLimits.from_env()))
    audit(session, user, "selfcheck", "draft", None, "、".join(d.file for d in review.documents))
    return render(request, "selfcheck.html", user, "selfcheck", review=review, coverage=coverage(review))


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, session: SessionDep, user: UserDep) -> HTMLResponse:
    """The audit log (auditors and administrators)."""
    if user.role not in (Role.auditor, Role.admin):
        return render(
            request, "error.html", user, status_code=403, status=403, message="只有审计人员和管理员可以查看审计日志"
        )
    entries = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(300)).all()
    return render(request, "audit.html", user, "audit", entries=entries, actions=AUDIT_ACTIONS)


def login_redirect(next_url: str) -> RedirectResponse:
    """Where `LoginRequired` sends the browser."""
    return RedirectResponse("/login?next=" + quote(next_url), status_code=303)
