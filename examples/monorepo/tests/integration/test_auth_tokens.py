"""The auth service's tokens round-trip and reject tampering and expiry."""

import pytest

from services.auth.tokens import InvalidToken, issue_token, verify_token


@pytest.mark.auth
class TestTokens:
    def test_round_trip(self, user):
        context = verify_token(issue_token(user, scopes=("agents:run",), now=1_000), now=1_001)
        assert context.user == user
        assert context.allows("agents:run")

    def test_tampered_signature_is_rejected(self, token):
        with pytest.raises(InvalidToken, match="bad signature"):
            verify_token(token[:-1] + ("0" if token[-1] != "0" else "1"), now=1_001)

    @pytest.mark.parametrize("delay", [3_599, 3_600])
    def test_valid_until_expiry(self, token, delay):
        assert verify_token(token, now=1_000 + delay).user.user_id == "u-1"

    def test_expired_token_is_rejected(self, token):
        with pytest.raises(InvalidToken, match="expired"):
            verify_token(token, now=1_000 + 3_601)


@pytest.mark.parametrize("token", ["", "no-dot", "a.b.c"])
def test_malformed_tokens(token):
    with pytest.raises(InvalidToken):
        verify_token(token)
