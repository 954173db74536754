"""Password hashing with argon2-cffi (Argon2id, its maintained defaults) and token digests.

Passwords are never stored; tokens are random and only their SHA-256 is kept, so a leaked database
gives no usable credential.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An Argon2id hash with a fresh salt."""
    return _hasher.hash(password)


def verify_password(stored: str, password: str) -> bool:
    """True when the password matches; a malformed stored hash is a mismatch, never an error."""
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    """A random URL-safe token shown once to its owner."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the database keeps of a token."""
    return hashlib.sha256(token.encode()).hexdigest()
