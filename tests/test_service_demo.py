"""`eipcheck serve --demo` loads generated parks through the job path and a login per role; a
second start changes nothing."""

from __future__ import annotations

from sqlmodel import Session, select

from corpus.tables import Submission
from service.db import engine_for
from service.demo import load_demo
from service.settings import Settings
from service.tables import User


def test_the_demo_loads_once_with_a_login_per_role(tmp_path):
    data = tmp_path / "data"
    settings = Settings(data_dir=data, database_url=f"sqlite:///{data / 'demo.sqlite3'}", worker="inline")
    engine = engine_for(settings)
    messages: list[str] = []
    logins = load_demo(engine, settings, parks=1, say=messages.append)
    assert {login.username for login in logins} == {"reviewer", "province", "park", "auditor", "admin"}
    with Session(engine) as session:
        stages = sorted(s.stage for s in session.exec(select(Submission)).all())
        users = {u.username: u for u in session.exec(select(User)).all()}
    assert stages == ["acceptance", "application"]
    assert users["park"].park_id is not None and users["province"].province
    load_demo(engine, settings, parks=1, say=messages.append)
    with Session(engine) as session:
        assert len(session.exec(select(Submission)).all()) == 2
    assert messages[-1] == "示例数据已载入，跳过生成。"
