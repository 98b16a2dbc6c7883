import asyncio
import threading

import numpy as np
import pytest

from brain.errors import InvalidInputError, NotFoundError, PreconditionError
from brain.federated import aggregate as maths
from brain.federated.privacy import PrivacyOptions
from brain.federated.service import Submission
from brain.federated.strategies import Strategy, StrategyOptions
from brain.federated.testing import (
    central_solution,
    linear_clients,
    local_delta,
    settings,
    submission,
    tensor,
)

DEFAULTS = StrategyOptions()


async def weights_of(federation, tenant="t-1", model_id="m"):
    status = await federation.round_status(tenant, model_id)
    return np.concatenate([np.frombuffer(t.data_f32le, "<f4") for t in status.weights])


async def aggregate(federation, round_=1, tenant="t-1", strategy=None, privacy=None):
    return await federation.aggregate(tenant, "m", round_, strategy, DEFAULTS, privacy)


async def test_fedavg_rounds_through_the_database_recover_the_centrally_trained_model(federation):
    clients = linear_clients(np.random.default_rng(3), count=5, dimensions=3)
    await federation.register("t-1", "m", [tensor(np.zeros(3))], settings(min_clients=5))

    for round_ in range(1, 16):
        weights = await weights_of(federation)
        for i, client in enumerate(clients):
            delta = local_delta(weights, client)
            await federation.submit(
                "t-1",
                submission(delta, client=f"c-{i}", round_=round_, base_version=round_, samples=len(client.targets)),
            )
        await aggregate(federation, round_)

    assert np.linalg.norm(await weights_of(federation) - central_solution(clients)) < 0.005


async def test_a_retried_update_counts_once(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings(min_clients=1))

    first = await federation.submit("t-1", submission([1.0], client="a", update_id="u-1"))
    retry = await federation.submit("t-1", submission([1.0], client="a", update_id="u-1"))
    await federation.submit("t-1", submission([4.0], client="b", update_id="u-2"))
    aggregated = await aggregate(federation)

    assert first == retry == 1
    assert aggregated.client_count == 2
    assert (await weights_of(federation)).tolist() == [2.5]


async def test_a_retry_after_its_round_was_aggregated_is_acknowledged_with_its_round_and_not_counted_again(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings(min_clients=1))
    await federation.submit("t-1", submission([1.0], update_id="u-1"))
    await aggregate(federation)

    retry = await federation.submit("t-1", submission([1.0], update_id="u-1"))

    assert retry == 1
    assert (await federation.round_status("t-1", "m")).update_count == 0


async def test_a_second_update_from_the_same_client_in_a_round_is_refused(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings())
    await federation.submit("t-1", submission([1.0], client="a", update_id="u-1"))

    with pytest.raises(PreconditionError, match="client_id: 'a' already sent an update for round 1"):
        await federation.submit("t-1", submission([9.0], client="a", update_id="u-2"))


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        (submission([1.0, 2.0]), InvalidInputError, r"delta\[0\].shape: is \[2\], the model's 'w' is \[1\]"),
        (submission([np.nan]), InvalidInputError, r"delta\[0\].data_f32le: holds NaN or infinity"),
        (submission([np.inf]), InvalidInputError, r"delta\[0\].data_f32le: holds NaN or infinity"),
        (submission([1000.0]), InvalidInputError, r"delta: L2 norm 1000 exceeds the model's bound 100"),
        (
            Submission("m", "c", "u", 1, 1, 1, (tensor([1.0], name="v"),)),
            InvalidInputError,
            r"delta: the model has no tensor 'v'",
        ),
        (submission([1.0], round_=2), PreconditionError, r"round: round 2 is not open; the open round is 1"),
        (submission([1.0], base_version=2), PreconditionError, r"base_version: version 2 does not exist"),
    ],
)
async def test_an_update_that_does_not_fit_the_model_or_its_round_is_refused_with_the_reason(
    federation, bad, error, message
):
    await federation.register("t-1", "m", [tensor([0.0])], settings())

    with pytest.raises(error, match=message):
        await federation.submit("t-1", bad)

    assert (await federation.round_status("t-1", "m")).update_count == 0


async def test_an_update_after_the_round_deadline_is_refused(federation, clock):
    await federation.register("t-1", "m", [tensor([0.0])], settings(round_duration_s=60))
    await federation.submit("t-1", submission([1.0], client="early"))
    clock.ms += 60_000

    with pytest.raises(PreconditionError, match="round 1 passed its deadline"):
        await federation.submit("t-1", submission([1.0], client="late"))


async def test_a_round_that_got_no_update_by_its_deadline_still_takes_its_first(federation, clock):
    await federation.register("t-1", "m", [tensor([0.0])], settings(round_duration_s=60, min_clients=3))
    clock.ms += 60_000

    await federation.submit("t-1", submission([1.0]))
    aggregated = await aggregate(federation)

    assert (aggregated.version, aggregated.client_count) == (2, 1)


async def rounds_done(federation, count):
    for round_ in range(1, count + 1):
        await federation.submit("t-1", submission([0.0], client=f"x-{round_}", round_=round_, base_version=round_))
        await aggregate(federation, round_)


async def test_a_stale_update_weighs_one_over_one_plus_its_staleness(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings(min_clients=1, staleness_exponent=1.0))
    await rounds_done(federation, 1)

    await federation.submit("t-1", submission([3.0], client="fresh", round_=2, base_version=2, samples=10))
    await federation.submit("t-1", submission([0.0], client="stale", round_=2, base_version=1, samples=10))
    await aggregate(federation, 2)

    # weights 10 and 10 / (1 + 1) = 5: (10 * 3 + 5 * 0) / 15
    assert (await weights_of(federation)).tolist() == [2.0]


async def test_an_update_staler_than_the_model_allows_is_refused(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings(min_clients=1, max_staleness=1))
    await rounds_done(federation, 2)

    with pytest.raises(
        PreconditionError, match="base_version: version 1 is 2 versions old; the model accepts at most 1"
    ):
        await federation.submit("t-1", submission([1.0], round_=3, base_version=1))


async def test_a_round_short_of_min_clients_aggregates_only_after_its_deadline(federation, clock):
    await federation.register("t-1", "m", [tensor([0.0])], settings(min_clients=3, round_duration_s=60))
    await federation.submit("t-1", submission([3.0]))

    with pytest.raises(PreconditionError, match="round 1 has 1 of 3 updates and its deadline has not passed"):
        await aggregate(federation)
    clock.ms += 60_000
    aggregated = await aggregate(federation)

    assert (aggregated.version, aggregated.client_count) == (2, 1)
    status = await federation.round_status("t-1", "m")
    assert (status.round, status.base_version, status.deadline_ms) == (2, 2, clock.ms + 60_000)


async def test_another_tenants_private_model_is_out_of_reach(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings())

    with pytest.raises(NotFoundError, match="no federated model 'm' for this tenant"):
        await federation.submit("t-2", submission([1.0]))


async def test_a_shared_model_takes_updates_from_every_tenant_and_keeps_their_update_ids_apart(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings(shared=True, min_clients=2))

    await federation.submit("t-1", submission([1.0], client="a", update_id="u"))
    await federation.submit("t-2", submission([3.0], client="a", update_id="u"))
    aggregated = await aggregate(federation)

    assert aggregated.client_count == 2
    assert (await weights_of(federation, tenant="t-2")).tolist() == [2.0]


async def test_only_the_owner_of_a_shared_model_aggregates_it(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings(shared=True, min_clients=1))
    await federation.submit("t-2", submission([1.0]))

    with pytest.raises(PreconditionError, match="only the tenant that owns the shared model 'm' aggregates it"):
        await aggregate(federation, tenant="t-2")


async def test_a_tenants_own_model_wins_over_a_shared_one_of_the_same_id(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings(shared=True))
    await federation.register("t-2", "m", [tensor([5.0])], settings())

    assert (await weights_of(federation, tenant="t-2")).tolist() == [5.0]


async def test_registering_a_model_id_twice_is_refused(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings())

    with pytest.raises(PreconditionError, match="already has a federated model 'm'"):
        await federation.register("t-1", "m", [tensor([0.0])], settings())


async def test_private_rounds_report_the_epsilon_spent_so_far_and_clip_each_update(federation):
    await federation.register("t-1", "m", [tensor(np.zeros(1000))], settings(min_clients=1, max_update_norm=1e6))
    privacy = PrivacyOptions(clip_norm=1.0, noise_multiplier=1.0, delta=1e-5)

    await federation.submit("t-1", submission(np.full(1000, 100.0)))
    first = await aggregate(federation, 1, privacy=privacy)
    await federation.submit("t-1", submission(np.zeros(1000), round_=2, base_version=2))
    second = await aggregate(federation, 2, privacy=privacy)

    assert 0 < first.epsilon < second.epsilon
    # The update was clipped to norm 1 (0.0316 per coordinate) before noise of standard deviation 1 was added.
    assert abs(float((await weights_of(federation)).mean())) < 0.2


async def test_privacy_with_a_robust_strategy_is_refused(federation):
    await federation.register("t-1", "m", [tensor([0.0])], settings(min_clients=1))
    await federation.submit("t-1", submission([1.0]))

    with pytest.raises(InvalidInputError, match="privacy: differential privacy is only accounted for the FedAvg"):
        await aggregate(federation, strategy=Strategy.MEDIAN, privacy=PrivacyOptions(1.0, 1.0, 1e-5))


async def test_a_robust_rule_computes_while_the_server_goes_on_answering(federation, monkeypatch):
    await federation.register("t-1", "m", [tensor([0.0])], settings(min_clients=2))
    await federation.submit("t-1", submission([1.0], client="a", update_id="u-1"))
    await federation.submit("t-1", submission([3.0], client="b", update_id="u-2"))
    computing, answered, alongside = threading.Event(), threading.Event(), []
    median = maths.coordinate_median

    def median_that_waits_for_an_answer(vectors):
        computing.set()
        alongside.append(answered.wait(timeout=10))  # never set if this blocked the event loop
        return median(vectors)

    monkeypatch.setattr(maths, "coordinate_median", median_that_waits_for_an_answer)
    aggregation = asyncio.create_task(aggregate(federation, strategy=Strategy.MEDIAN))
    while not computing.is_set():
        await asyncio.sleep(0.001)
    await federation.round_status("t-1", "m")
    answered.set()
    aggregated = await aggregation

    assert alongside == [True]
    assert (aggregated.version, (await weights_of(federation)).tolist()) == (2, [2.0])
