"""The service's tables are one Alembic revision (`s001`) in the corpus's history: there must be a
single head, or `upgrade head` fails. A new corpus revision goes between the corpus head and s001
(s001's down_revision names the newest corpus revision)."""

from __future__ import annotations

from alembic.config import Config
from alembic.script import ScriptDirectory

from corpus.db import MIGRATIONS


def test_the_migrations_have_one_head_and_the_service_tables_follow_the_corpus():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == ["s001"], "s001 的 down_revision 应指向最新的语料库迁移"
    ancestors = [r.revision for r in script.walk_revisions("base", "s001")]
    assert {"0001", "0002"} <= set(ancestors)
