"""A token issued by the auth service is accepted by the backend's user context."""

import pytest

from services.auth.tokens import verify_token
from services.backend.context.user_execution_context import UserExecutionContext


@pytest.mark.interservice
def test_backend_context_from_token(token):
    context = UserExecutionContext.from_auth(verify_token(token, now=1_001), thread_id="t-1")
    assert context.user_id == "u-1"
    assert context.thread_id == "t-1"


@pytest.mark.interservice
@pytest.mark.parametrize("thread_id", ["t-1", "t-2", "thread-with-a-long-name"])
def test_thread_ids_are_kept(token, thread_id):
    context = UserExecutionContext.from_auth(verify_token(token, now=1_001), thread_id=thread_id)
    assert context.thread_id == thread_id
    assert context.run_ids == []
