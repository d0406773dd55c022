"""The verifier itself catches each kind of infeasibility (so the other tests can fail)."""

from tests.logistics.verifier import Kind, check_plan

KINDS = [Kind(allowed={(2, 2, 2)}, quantity=4, weight=10, max_load=15)]


def test_verifier_accepts_a_feasible_stack():
    boxes = [(0, 0, 0, 0, 2, 2, 2), (0, 0, 0, 2, 2, 2, 2)]
    assert check_plan((4, 4, 4), KINDS, boxes).ok


def test_verifier_finds_overlap_outside_and_orientation():
    overlap = [(0, 0, 0, 0, 2, 2, 2), (0, 1, 1, 0, 2, 2, 2)]
    outside = [(0, 3, 0, 0, 2, 2, 2)]
    turned = [(0, 0, 0, 0, 1, 2, 4)]
    assert any("overlap" in p for p in check_plan((4, 4, 4), KINDS, overlap).problems)
    assert any("outside" in p for p in check_plan((4, 4, 4), KINDS, outside).problems)
    assert any("not allowed" in p for p in check_plan((4, 4, 4), KINDS, turned).problems)


def test_verifier_finds_floating_and_overhanging_boxes():
    floating = [(0, 0, 0, 1, 2, 2, 2)]
    overhang = [(0, 0, 0, 0, 2, 2, 2), (0, 1, 0, 2, 2, 2, 2)]
    assert not check_plan((4, 4, 4), KINDS, floating).ok
    assert any("supported" in p for p in check_plan((4, 4, 4), KINDS, overhang).problems)


def test_verifier_finds_overload_and_non_stackable():
    tower = [(0, 0, 0, 0, 2, 2, 2), (0, 0, 0, 2, 2, 2, 2)]
    tower3 = [*tower, (0, 0, 0, 4, 2, 2, 2)]
    flat = [Kind(allowed={(2, 2, 2)}, quantity=4, stackable=False)]
    assert any("carries" in p for p in check_plan((4, 4, 6), KINDS, tower3).problems)
    assert any("non-stackable" in p for p in check_plan((4, 4, 4), flat, tower).problems)
    assert any("payload" in p for p in check_plan((4, 4, 4), KINDS, tower, payload=15).problems)
    assert any("only 4 exist" in p for p in check_plan((9, 9, 9), KINDS, tower3 * 2).problems)
