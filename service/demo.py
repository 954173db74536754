"""`eipcheck serve --demo`: a generated sample corpus (a few parks, DOCX only, so the first start
takes well under a minute), reviewed through the same job path as an upload, and a user of every
role whose login is printed. Loading twice changes nothing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from corpus.samples.draw import draw_park
from corpus.samples.generate import generate
from service.jobs import Dispatcher
from service.settings import Settings
from service.tables import Role, User
from service.uploads import queue_package, stage
from service.users import add_user, park_named


@dataclass(frozen=True)
class DemoLogin:
    """A demo account to print."""

    username: str
    password: str
    what: str


def demo_logins(first_park: str, province: str) -> list[DemoLogin]:
    """The demo's accounts, one per role (plus a provincial reviewer)."""
    return [
        DemoLogin("reviewer", "reviewer-demo", "审查人员（全国）"),
        DemoLogin("province", "province-demo", f"审查人员（{province}）"),
        DemoLogin("park", "park-demo", f"园区用户（{first_park}）"),
        DemoLogin("auditor", "auditor-demo", "审计人员（只读）"),
        DemoLogin("admin", "admin-demo", "管理员"),
    ]


def load_demo(
    engine: Engine, settings: Settings, *, parks: int = 4, seed: int = 1, say: Callable[[str], None] = print
) -> list[DemoLogin]:
    """Generate, store and review the demo parks once; create the demo users; return their logins."""
    drawn = [draw_park(random.Random(f"{seed}:{i}"), i) for i in range(parks)]
    logins = demo_logins(drawn[0].identity.name, drawn[0].province)
    with Session(engine) as session:
        if session.exec(select(User).where(User.username == "admin")).first() is not None:
            say("示例数据已载入，跳过生成。")
            return logins
        park_rows = [park_named(session, p.identity.name, p.province) for p in drawn]
        admin = add_user(session, "admin", "admin-demo", Role.admin, display_name="系统管理员")
        add_user(session, "reviewer", "reviewer-demo", Role.reviewer, display_name="王审查")
        add_user(session, "province", "province-demo", Role.reviewer, display_name="李审查", province=drawn[0].province)
        add_user(session, "park", "park-demo", Role.park, display_name="张园区", park_id=park_rows[0].id)
        add_user(session, "auditor", "auditor-demo", Role.auditor, display_name="赵审计")
        folder = sample_folder(settings)
        say(f"正在生成 {parks} 个示例园区的申报材料（DOCX）……")
        generate(folder, parks, seed, pdf=False)
        inline = Dispatcher(engine, settings)
        for index, park in enumerate(park_rows):
            for part in ("application", "acceptance"):
                files = sorted((folder / f"park-{index + 1:02d}" / part).glob("*.docx"))
                staged = stage(settings, [(p.name, p.read_bytes()) for p in files])
                say(f"审查 {park.name} 的{'创建申请' if part == 'application' else '验收'}材料……")
                queue_package(session, inline, admin, staged, park.id)
    return logins


def sample_folder(settings: Settings) -> Path:
    """Where the demo's generated packages are written."""
    return settings.data_dir / "demo-samples"
