"""What one user is running right now: the backend's own context, built from the auth service's AuthContext."""

from dataclasses import dataclass, field


@dataclass
class UserExecutionContext:
    user_id: str
    thread_id: str
    run_ids: list = field(default_factory=list)

    @classmethod
    def from_auth(cls, auth_context, thread_id: str) -> "UserExecutionContext":
        return cls(user_id=auth_context.user.user_id, thread_id=thread_id)
