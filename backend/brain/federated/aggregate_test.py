import numpy as np
import pytest

from brain.errors import PreconditionError
from brain.federated import aggregate


def vectors(*rows):
    return [np.array(row, dtype=np.float32) for row in rows]


def test_coordinate_median_takes_each_coordinate_separately():
    assert aggregate.coordinate_median(vectors([1, 9], [2, 8], [30, 7])).tolist() == [2, 8]


def test_trimmed_mean_drops_the_extremes_of_each_coordinate():
    updates = vectors([1, -50], [2, 2], [3, 4], [100, 6])

    assert aggregate.trimmed_mean(updates, beta=0.25).tolist() == [2.5, 3]


def test_trimmed_mean_refuses_a_beta_that_trims_everything():
    with pytest.raises(PreconditionError):
        aggregate.trimmed_mean(vectors([1], [2]), beta=0.5)


def test_krum_picks_an_update_from_the_dense_cluster():
    updates = vectors([0, 0], [0.1, 0], [0, 0.1], [0.1, 0.1], [50, 50])

    chosen = aggregate.krum(updates, byzantine=1)

    assert np.linalg.norm(chosen) < 0.2


def test_krum_refuses_too_few_updates_for_its_byzantine_bound():
    with pytest.raises(PreconditionError, match="2f \\+ 3 = 5"):
        aggregate.krum(vectors([0], [1], [2], [3]), byzantine=1)


def test_squared_distances_match_across_block_boundaries(monkeypatch):
    monkeypatch.setattr(aggregate, "BLOCK", 2)
    updates = vectors([0, 0, 0], [1, 2, 2])

    assert aggregate.squared_distances(updates).tolist() == [[0, 9], [9, 0]]


def test_clip_l2_scales_a_long_update_to_the_bound_and_keeps_a_short_one():
    long, short = vectors([3, 4], [0.3, 0.4])

    assert aggregate.clip_l2(long, 1.0) == pytest.approx([0.6, 0.8])
    assert aggregate.clip_l2(short, 1.0).tolist() == short.tolist()


@pytest.mark.parametrize(("staleness", "weight"), [(0, 1.0), (1, 0.5), (3, 0.25)])
def test_staleness_weight_halves_per_doubling_of_one_plus_staleness_at_exponent_one(staleness, weight):
    assert aggregate.staleness_weight(staleness, 1.0) == weight
