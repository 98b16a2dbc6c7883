import jwt
import pytest

from brain.server.service_tokens import ServiceTokens
from brain.server.testing import service_token
from brain.testing import SECRET


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_valid_token_names_the_calling_service():
    assert ServiceTokens(SECRET).issuer_of(service_token(issuer="dispatch")) == "dispatch"


def test_a_remembered_token_is_refused_once_it_expires():
    token = service_token(expires_in_s=60)
    clock = Clock(jwt.decode(token, options={"verify_signature": False})["exp"] - 60)
    tokens = ServiceTokens(SECRET, clock=clock)
    tokens.issuer_of(token)

    clock.now += 61

    with pytest.raises(jwt.ExpiredSignatureError):
        tokens.issuer_of(token)


@pytest.mark.parametrize(
    ("claims", "error"),
    [
        ({"aud": "brain", "exp": 4102444800}, jwt.MissingRequiredClaimError),
        ({"iss": "gateway", "exp": 4102444800}, jwt.MissingRequiredClaimError),
        ({"iss": "gateway", "aud": "brain"}, jwt.MissingRequiredClaimError),
        ({"iss": "", "aud": "brain", "exp": 4102444800}, jwt.InvalidIssuerError),
    ],
    ids=["no iss", "no aud", "no exp", "empty iss"],
)
def test_a_token_without_its_required_claims_is_refused(claims, error):
    with pytest.raises(error):
        ServiceTokens(SECRET).issuer_of(jwt.encode(claims, SECRET, "HS256"))


def test_a_token_signed_with_another_algorithm_is_refused():
    token = jwt.encode({"iss": "gateway", "aud": "brain", "exp": 4102444800}, SECRET, "HS512")

    with pytest.raises(jwt.InvalidAlgorithmError):
        ServiceTokens(SECRET).issuer_of(token)
