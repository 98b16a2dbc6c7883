"""Between aivo.brain.v1 federated-learning messages and the federated domain's types."""

from aivo.brain.v1 import federated_pb2 as pb
from brain.federated.model import Aggregated, RoundStatus, Settings, TensorData
from brain.federated.privacy import PrivacyOptions
from brain.federated.service import Submission
from brain.federated.strategies import Strategy, StrategyOptions
from brain.server.call_context import required_tenant

_STRATEGIES = {
    Strategy.FEDAVG: pb.AGGREGATION_STRATEGY_FEDAVG,
    Strategy.MEDIAN: pb.AGGREGATION_STRATEGY_MEDIAN,
    Strategy.TRIMMED_MEAN: pb.AGGREGATION_STRATEGY_TRIMMED_MEAN,
    Strategy.KRUM: pb.AGGREGATION_STRATEGY_KRUM,
}
_FROM_PROTO = {value: strategy for strategy, value in _STRATEGIES.items()}


def tensors_from_proto(tensors) -> tuple[TensorData, ...]:
    return tuple(TensorData(t.name, tuple(t.shape), t.data_f32le) for t in tensors)


def tensors_to_proto(tensors: tuple[TensorData, ...]) -> list[pb.Tensor]:
    return [pb.Tensor(name=t.name, shape=t.shape, data_f32le=t.data_f32le) for t in tensors]


def settings_from_proto(message: pb.FederatedModelSettings) -> Settings:
    return Settings(
        strategy=_FROM_PROTO[message.strategy],
        shared=message.shared,
        min_clients=message.min_clients,
        round_duration_s=message.round_duration_s,
        max_update_norm=message.max_update_norm,
        max_staleness=message.max_staleness,
        staleness_exponent=message.staleness_exponent,
    )


def submission_from_proto(message: pb.SubmitModelUpdateRequest) -> Submission:
    return Submission(
        model_id=message.model_id,
        client_id=message.client_id,
        update_id=message.update_id,
        round=message.round,
        base_version=message.base_version,
        sample_count=message.sample_count,
        delta=tensors_from_proto(message.delta),
    )


def strategy_from_proto(message: pb.AggregateUpdatesRequest) -> Strategy | None:
    """The requested strategy, or None for the model's own."""
    return _FROM_PROTO.get(message.strategy)


def strategy_options_from_proto(message: pb.AggregateUpdatesRequest) -> StrategyOptions:
    defaults = StrategyOptions()
    return StrategyOptions(
        trimmed_mean_beta=(
            message.trimmed_mean_beta if message.HasField("trimmed_mean_beta") else defaults.trimmed_mean_beta
        ),
        krum_byzantine=message.krum_byzantine_clients if message.HasField("krum_byzantine_clients") else None,
    )


def privacy_from_proto(message: pb.AggregateUpdatesRequest) -> PrivacyOptions | None:
    if not message.HasField("privacy"):
        return None
    return PrivacyOptions(message.privacy.clip_norm, message.privacy.noise_multiplier, message.privacy.delta)


def round_to_proto(status: RoundStatus) -> pb.GetFederatedRoundResponse:
    return pb.GetFederatedRoundResponse(
        round=status.round,
        base_version=status.base_version,
        deadline_unix_ms=status.deadline_ms,
        update_count=status.update_count,
        min_clients=status.min_clients,
        weights=tensors_to_proto(status.weights),
    )


def aggregated_to_proto(aggregated: Aggregated) -> pb.AggregateUpdatesResponse:
    return pb.AggregateUpdatesResponse(
        version=aggregated.version,
        client_count=aggregated.client_count,
        epsilon=aggregated.epsilon,
        strategy=_STRATEGIES[aggregated.strategy],
    )


def tenant_of() -> str:
    """The caller's tenant (x-tenant-id): federated models and updates are kept per tenant."""
    return required_tenant("federated models are kept per tenant")
