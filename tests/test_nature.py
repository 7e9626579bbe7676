"""Pruebas de ia100.synth.nature: bosques que arden y hojas enfermas cuya verdad coincide con sus píxeles."""

from __future__ import annotations

import numpy as np
import pytest

from ia100.synth.nature import FOREST_CLASSES, LEAF_CLASSES, fire_onsets, make_forest, make_leaves


@pytest.fixture(scope="module")
def forest():
    return make_forest(3, frames=50, size=(240, 160), fires=2, scale=1.0)


@pytest.fixture(scope="module")
def leaves():
    return make_leaves(2, n=8, size=(160, 160), severity=(0.1, 0.3), pests=0.8)


def test_same_seed_same_pixels_and_truth(forest, leaves):
    again = make_forest(3, frames=50, size=(240, 160), fires=2, scale=1.0)
    assert np.array_equal(forest.frames, again.frames) and np.array_equal(forest.ids, again.ids)
    other = make_forest(4, frames=50, size=(240, 160), fires=2, scale=1.0)
    assert not np.array_equal(forest.frames, other.frames)
    twin = make_leaves(2, n=8, size=(160, 160), severity=(0.1, 0.3), pests=0.8)
    assert np.array_equal(leaves.frames, twin.frames) and np.array_equal(leaves.parts, twin.parts)
    assert forest.frames.shape == (50, 160, 240, 3) and leaves.frames.shape == (8, 160, 160, 3)


def test_smoke_comes_first_then_flames_and_both_grow(forest):
    assert forest.classes == FOREST_CLASSES
    onsets = fire_onsets(forest)
    smoke = {forest.actor(t).path[0][1:]: f for f, t, c in onsets if c == 0}
    flames = {forest.actor(t).path[0][1:]: f for f, t, c in onsets if c == 1}
    assert len(smoke) == 2 and set(flames) <= set(smoke)
    for where, frame in flames.items():
        assert smoke[where] <= frame
    for tid in {t for _, t, _ in onsets}:
        sizes = [(forest.ids[i] == tid).sum() for i in range(len(forest))]
        first = next(i for i, n in enumerate(sizes) if n)
        if first <= len(forest) - 10:  # lo que empieza al final no tiene tiempo de crecer
            assert max(sizes[-5:]) > 2 * sizes[first], "el humo se extiende y el fuego crece"


def test_forest_boxes_are_the_labelled_pixels(forest):
    for i in (25, 49):
        rows = forest.boxes(i)
        assert len(rows) >= 2
        for tid, cls, x1, y1, x2, y2, visible in rows:
            ys, xs = np.nonzero(forest.ids[i] == tid)
            assert (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1) == (x1, y1, x2, y2)
            assert forest.actor(int(tid)).cls == cls and visible == 1.0


def test_a_forest_without_fire_has_no_labels_even_with_distractors():
    for seed in range(3):
        quiet = make_forest(seed, frames=20, size=(160, 128), fires=0, distractors=True)
        assert not quiet.ids.any() and fire_onsets(quiet) == [] and quiet.actors == []


def test_smoke_darkens_or_greys_what_it_covers(forest):
    """El humo se ve: donde está etiquetado, la imagen se acerca al gris del humo."""
    i = len(forest) - 1
    smoke = np.isin(forest.ids[i], [a.id for a in forest.actors if a.cls == 0])
    clear = forest.ids[i] == 0
    sat = lambda px: (px.max(-1).astype(int) - px.min(-1)).mean()  # noqa: E731
    assert sat(forest.frames[i][smoke]) < sat(forest.frames[i][clear])


def test_leaf_truth_is_consistent(leaves):
    assert leaves.classes == LEAF_CLASSES
    for i in range(len(leaves)):
        parts, owner, ids = leaves.parts[i], leaves.leaf_of[i], leaves.ids[i]
        assert not (parts[owner == 0] == 1).any() and not (parts[owner == 0] == 2).any()
        for tid in np.unique(ids[ids > 0]):
            cls = leaves.actor(int(tid)).cls
            expected = {0: {1}, 1: {2}, 2: {3}, 3: {3}}[cls]
            assert set(np.unique(parts[ids == tid]).tolist()) <= expected
        for tid, cls, x1, y1, x2, y2, _ in leaves.boxes(i):
            mask = owner == tid if cls == 0 else ids == tid
            ys, xs = np.nonzero(mask)
            assert (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1) == (x1, y1, x2, y2)


def test_severity_is_the_damaged_share_of_each_visible_leaf(leaves):
    values = []
    for i in range(len(leaves)):
        sev = leaves.severity(i)
        assert set(sev) == set(np.unique(leaves.leaf_of[i][leaves.leaf_of[i] > 0]).tolist())
        for lid, frac in sev.items():
            base = (leaves.leaf_of[i] == lid) & (leaves.parts[i] != 3)
            assert frac == pytest.approx((leaves.parts[i][base] == 2).mean())
            values.append(frac)
    values = np.array(values)
    assert (values == 0).any(), "un tercio de las hojas nacen sanas"
    assert 0.08 < values[values > 0].mean() < 0.4 and values.max() < 0.6


def test_healthy_crop_has_no_damage_and_pests_appear_when_asked():
    clean = make_leaves(0, n=4, size=(128, 128), severity=(0.0, 0.0), pests=0.0)
    assert not (clean.parts == 2).any() and not (clean.parts == 3).any()
    assert all(v == 0 for i in range(4) for v in clean.severity(i).values())
    bugs = make_leaves(0, n=6, size=(128, 128), pests=1.0)
    assert {a.cls for a in bugs.actors} >= {2, 3}


def test_write_yolo_accepts_both_kinds_of_scene(tmp_path, forest, leaves):
    from ia100.vision.data import write_yolo

    yaml = write_yolo(tmp_path / "fuego", {"train": [forest], "val": [forest]}, every=10)
    assert "humo" in yaml.read_text(encoding="utf-8")
    yaml = write_yolo(tmp_path / "hojas", {"train": [leaves], "val": [leaves]}, task="segment")
    labels = sorted((tmp_path / "hojas").rglob("*.txt"))
    assert labels and "pulgón" in yaml.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "call",
    [
        lambda: make_forest(0, fires=4),
        lambda: make_forest(0, size=(100, 100)),
        lambda: make_leaves(0, severity=(0.3, 0.1)),
        lambda: make_leaves(0, n=0),
    ],
)
def test_bad_arguments_say_what_is_wrong(call):
    with pytest.raises(ValueError, match="make_"):
        call()
