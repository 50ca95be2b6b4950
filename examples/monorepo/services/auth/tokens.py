"""Signed bearer tokens (HMAC-SHA256 over a small JSON payload)."""

import base64
import hashlib
import hmac
import json
import time

from services.auth.context import AuthContext, AuthenticatedUser

_SECRET = b"example-only-secret"


class InvalidToken(Exception):
    pass


def issue_token(user: AuthenticatedUser, scopes=(), ttl_seconds: int = 3600, now=None) -> str:
    issued = int(now if now is not None else time.time())
    payload = {
        "sub": user.user_id,
        "email": user.email,
        "roles": sorted(user.roles),
        "scopes": list(scopes),
        "exp": issued + ttl_seconds,
    }
    body = base64.urlsafe_b64encode(json.dumps(payload, sort_keys=True).encode()).decode()
    signature = hmac.new(_SECRET, body.encode(), hashlib.sha256).hexdigest()
    return f"{body}.{signature}"


def verify_token(token: str, now=None) -> AuthContext:
    try:
        body, signature = token.rsplit(".", 1)
    except ValueError as exc:
        raise InvalidToken("malformed token") from exc
    expected = hmac.new(_SECRET, body.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):
        raise InvalidToken("bad signature")
    payload = json.loads(base64.urlsafe_b64decode(body.encode()))
    if payload["exp"] < (now if now is not None else time.time()):
        raise InvalidToken("expired")
    user = AuthenticatedUser(payload["sub"], payload["email"], frozenset(payload["roles"]))
    return AuthContext(user=user, token_id=signature[:16], scopes=tuple(payload["scopes"]))
