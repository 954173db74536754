"""Who sees and changes what. One place decides; `service/store.py` turns a `Scope` into SQL.

- park: sees and uploads only its own park's submissions;
- reviewer: sees its province's submissions (all of them when national, i.e. no province) and
  records dispositions on them;
- auditor: reads everything, changes nothing;
- admin: everything, including users.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.tables import Role, User


@dataclass(frozen=True)
class Scope:
    """The submissions a user may see: one park, one province, or all."""

    park_id: int | None = None
    province: str | None = None

    @property
    def everything(self) -> bool:
        """No restriction."""
        return self.park_id is None and self.province is None


NOTHING = Scope(park_id=-1)


def scope_of(user: User) -> Scope:
    """The reading scope of a user's role."""
    if user.role == Role.park:
        return Scope(park_id=user.park_id) if user.park_id is not None else NOTHING
    if user.role == Role.reviewer:
        return Scope(province=user.province) if user.province else Scope()
    return Scope()


def can_upload(user: User) -> bool:
    """Parks upload their own packages; reviewers and admins may upload on a park's behalf."""
    return user.role in (Role.park, Role.reviewer, Role.admin)


def can_dispose(user: User) -> bool:
    """Confirming or dismissing findings is a reviewer's act."""
    return user.role in (Role.reviewer, Role.admin)


def can_retry(user: User) -> bool:
    """Running a failed review again changes nothing that was decided; auditors still only read."""
    return user.role != Role.auditor


ROLE_LABELS = {Role.park: "园区用户", Role.reviewer: "审查人员", Role.auditor: "审计人员", Role.admin: "管理员"}
