"""The authenticated caller as the auth service sees it.

The auth service owns who the user is; what the user is running (UserExecutionContext) belongs to the backend.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AuthenticatedUser:
    user_id: str
    email: str
    roles: frozenset = field(default_factory=frozenset)

    def has_role(self, role: str) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class AuthContext:
    user: AuthenticatedUser
    token_id: str
    scopes: tuple = ()

    def allows(self, scope: str) -> bool:
        return scope in self.scopes


__all__ = ["AuthContext", "AuthenticatedUser"]
