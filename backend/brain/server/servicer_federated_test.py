import grpc
import numpy as np
import pytest

from aivo.brain.v1 import federated_pb2 as pb
from aivo.brain.v1 import ml_pb2
from brain.ml.session_models import ENGAGEMENT
from brain.server.testing import focus_request, headers

TENANT = {"x_tenant_id": "tenant-a"}


def tensor(values) -> pb.Tensor:
    array = np.asarray(values, dtype="<f4")
    return pb.Tensor(name="w", shape=array.shape, data_f32le=array.tobytes())


def register_request(**settings) -> pb.RegisterFederatedModelRequest:
    given = dict(
        strategy=pb.AGGREGATION_STRATEGY_FEDAVG,
        min_clients=2,
        round_duration_s=600,
        max_update_norm=10,
        max_staleness=1,
        staleness_exponent=1,
    )
    return pb.RegisterFederatedModelRequest(
        model_id="m", initial_weights=[tensor([0.0, 0.0])], settings=pb.FederatedModelSettings(**{**given, **settings})
    )


def update(values, update_id: str, client_id: str, samples: int = 10) -> pb.SubmitModelUpdateRequest:
    return pb.SubmitModelUpdateRequest(
        model_id="m",
        client_id=client_id,
        update_id=update_id,
        round=1,
        base_version=1,
        sample_count=samples,
        delta=[tensor(values)],
    )


async def refusal(call) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await call
    return refused.value


async def test_a_round_goes_from_registration_through_updates_to_a_new_global_version(brain):
    stub = brain.stub
    await stub.RegisterFederatedModel(register_request(), metadata=headers(**TENANT))

    opened = await stub.GetFederatedRound(pb.GetFederatedRoundRequest(model_id="m"), metadata=headers(**TENANT))
    await stub.SubmitModelUpdate(update([1.0, 2.0], "u-1", "a", samples=30), metadata=headers(**TENANT))
    retried = await stub.SubmitModelUpdate(update([1.0, 2.0], "u-1", "a", samples=30), metadata=headers(**TENANT))
    await stub.SubmitModelUpdate(update([5.0, 6.0], "u-2", "b", samples=10), metadata=headers(**TENANT))
    aggregated = await stub.AggregateUpdates(
        pb.AggregateUpdatesRequest(model_id="m", round=1), metadata=headers(**TENANT)
    )
    next_round = await stub.GetFederatedRound(pb.GetFederatedRoundRequest(model_id="m"), metadata=headers(**TENANT))

    assert (opened.round, opened.base_version, opened.min_clients) == (1, 1, 2)
    assert (retried.accepted, retried.round) == (True, 1)
    assert (aggregated.version, aggregated.client_count) == (2, 2)
    assert aggregated.strategy == pb.AGGREGATION_STRATEGY_FEDAVG
    assert (next_round.round, next_round.base_version, next_round.update_count) == (2, 2, 0)
    assert np.frombuffer(next_round.weights[0].data_f32le, "<f4").tolist() == [2.0, 3.0]


async def test_private_aggregation_reports_its_epsilon(brain):
    await brain.stub.RegisterFederatedModel(register_request(min_clients=1), metadata=headers(**TENANT))
    await brain.stub.SubmitModelUpdate(update([1.0, 0.0], "u-1", "a"), metadata=headers(**TENANT))

    aggregated = await brain.stub.AggregateUpdates(
        pb.AggregateUpdatesRequest(
            model_id="m", round=1, privacy=pb.DifferentialPrivacy(clip_norm=1, noise_multiplier=1, delta=1e-5)
        ),
        metadata=headers(**TENANT),
    )

    assert aggregated.epsilon == pytest.approx(5.3, abs=0.05)


async def test_an_update_holding_nan_is_invalid_argument_naming_the_tensor(brain):
    await brain.stub.RegisterFederatedModel(register_request(), metadata=headers(**TENANT))

    refused = await refusal(brain.stub.SubmitModelUpdate(update([np.nan, 0.0], "u-1", "a"), metadata=headers(**TENANT)))

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details() == "delta[0].data_f32le: holds NaN or infinity"


async def test_an_update_for_a_round_that_is_not_open_is_failed_precondition(brain):
    await brain.stub.RegisterFederatedModel(register_request(), metadata=headers(**TENANT))
    late = update([1.0, 0.0], "u-1", "a")
    late.round = 7

    refused = await refusal(brain.stub.SubmitModelUpdate(late, metadata=headers(**TENANT)))

    assert refused.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert refused.details() == "round: round 7 is not open; the open round is 1"


async def test_a_call_without_a_tenant_is_refused_naming_the_header(brain):
    refused = await refusal(brain.stub.RegisterFederatedModel(register_request(), metadata=headers()))

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details() == "x-tenant-id: required: federated models are kept per tenant"


async def test_another_tenant_cannot_send_updates_to_a_model_it_does_not_share(brain):
    await brain.stub.RegisterFederatedModel(register_request(), metadata=headers(**TENANT))

    refused = await refusal(
        brain.stub.SubmitModelUpdate(update([1.0, 0.0], "u-1", "a"), metadata=headers(x_tenant_id="tenant-b"))
    )

    assert refused.code() == grpc.StatusCode.NOT_FOUND
    assert refused.details() == "model_id: no federated model 'm' for this tenant"


async def test_a_settings_value_out_of_the_contracts_range_is_invalid_argument(brain):
    refused = await refusal(
        brain.stub.RegisterFederatedModel(register_request(min_clients=0), metadata=headers(**TENANT))
    )

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "settings.min_clients" in refused.details()


async def test_a_federated_round_on_the_engagement_model_changes_engagement_predictions(brain):
    learner = {**TENANT, "x_learner_id": "ada"}
    predict = ml_pb2.PredictEngagementRequest(session=focus_request().session)
    default_weights = np.array(ENGAGEMENT.default_weights, dtype="<f4")
    shape = [len(default_weights)]
    register = pb.RegisterFederatedModelRequest(
        model_id="engagement_logistic",
        initial_weights=[pb.Tensor(name="weights", shape=shape, data_f32le=default_weights.tobytes())],
        settings=register_request(min_clients=1).settings,
    )
    bias_down = np.zeros_like(default_weights)
    bias_down[0] = -5
    await brain.stub.RegisterFederatedModel(register, metadata=headers(**TENANT))
    before = await brain.stub.PredictEngagement(predict, metadata=headers(**learner))

    await brain.stub.SubmitModelUpdate(
        pb.SubmitModelUpdateRequest(
            model_id="engagement_logistic",
            client_id="a",
            update_id="u-1",
            round=1,
            base_version=1,
            sample_count=50,
            delta=[pb.Tensor(name="weights", shape=shape, data_f32le=bias_down.tobytes())],
        ),
        metadata=headers(**TENANT),
    )
    await brain.stub.AggregateUpdates(
        pb.AggregateUpdatesRequest(model_id="engagement_logistic", round=1), metadata=headers(**TENANT)
    )
    after = await brain.stub.PredictEngagement(predict, metadata=headers(**learner))

    assert after.engaged_probability < before.engaged_probability - 0.3
    assert after.training_examples == 50


async def test_a_model_named_after_a_learner_model_must_have_its_shape(brain):
    request = register_request()
    request.model_id = "engagement_logistic"

    refused = await refusal(brain.stub.RegisterFederatedModel(request, metadata=headers(**TENANT)))

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details() == (
        "initial_weights: the learner model 'engagement_logistic' has one tensor 'weights'"
        f" of shape [{len(ENGAGEMENT.default_weights)}]"
    )
