"""Pruebas de ia100.synth.scenes: escenas deterministas cuya verdad coincide con sus píxeles."""

from __future__ import annotations

import numpy as np
import pytest

from ia100.synth.scenes import (
    CLASSES,
    CONTAINER,
    Actor,
    Scene,
    add_containers,
    line_crossings,
    make_street,
    region_counts,
)


@pytest.fixture(scope="module")
def street():
    return make_street(4, frames=40, size=(240, 160), scale=1.0)


def test_same_seed_same_scene_other_seed_other_scene(street):
    again = make_street(4, frames=40, size=(240, 160), scale=1.0)
    other = make_street(5, frames=40, size=(240, 160), scale=1.0)
    assert np.array_equal(street.frames, again.frames) and np.array_equal(street.ids, again.ids)
    assert not np.array_equal(street.frames, other.frames)
    assert street.frames.shape == (40, 160, 240, 3) and street.frames.dtype == np.uint8
    assert street.ids.shape == (40, 160, 240)


def test_boxes_enclose_exactly_the_visible_pixels(street):
    for i in (0, 17, 39):
        rows = street.boxes(i)
        assert len(rows) > 3, "una calle sin tráfico no enseña nada"
        ids = street.ids[i]
        assert set(rows[:, 0].astype(int)) == set(np.unique(ids[ids > 0]).tolist()) - {
            t for t in np.unique(ids) if (ids == t).sum() < 2
        }
        for tid, cls, x1, y1, x2, y2, visible in rows:
            ys, xs = np.nonzero(ids == tid)
            assert (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1) == (x1, y1, x2, y2)
            assert street.actor(int(tid)).cls == cls and 0 < visible <= 1


def test_every_class_appears_and_trees_hide_some_objects():
    scene = make_street(0, frames=120, size=(320, 240), density=1.5)
    seen = {int(r[1]) for i in range(0, len(scene), 5) for r in scene.boxes(i)}
    assert seen == set(range(len(CLASSES)))
    hidden = [r[6] for i in range(len(scene)) for r in scene.boxes(i)]
    assert min(hidden) < 0.9  # oclusiones (árboles, bordes) y también objetos enteros
    assert max(hidden) == pytest.approx(1.0, abs=0.05)


def test_min_visible_drops_mostly_hidden_objects(street):
    all_rows, visible_rows = street.boxes(10), street.boxes(10, min_visible=0.5)
    assert len(visible_rows) <= len(all_rows)
    assert (visible_rows[:, 6] >= 0.5).all()


def test_rotation_turns_pixels_and_truth_together():
    plain = make_street(9, frames=3, size=(200, 120), scale=1.0)
    for k in (1, 2, 3):
        from ia100.synth.scenes import _rotate

        turned = _rotate(plain, k)
        assert np.array_equal(turned.frames, np.rot90(plain.frames, k, axes=(1, 2)))
        for i in range(3):
            a, b = plain.boxes(i), turned.boxes(i)
            assert np.allclose(a[:, 6], b[:, 6], atol=0.02)  # misma fracción visible: mismo actor
        actor = turned.actors[0]
        mid = 0.5 * (actor.path[0][0] + actor.path[-1][0])
        x, y, _ = actor.position(mid)
        # el actor girado está donde el original, girado
        x0, y0, _ = plain.actors[0].position(mid)
        h, w = 120, 200
        expected = {1: (y0, w - x0), 2: (w - x0, h - y0), 3: (h - y0, x0)}[k]
        assert np.allclose((x, y), expected)


def test_actor_path_position_and_heading():
    actor = Actor(
        1, 2, [(0, 0.0, 0.0), (10, 100.0, 0.0), (20, 100.0, 0.0), (30, 100.0, 50.0)], (1, 2, 3)
    )
    assert actor.position(-1) is None and actor.position(31) is None
    assert actor.position(5)[:2] == (50.0, 0.0)
    assert actor.position(15)[2] == pytest.approx(0.0)  # parado: mira adonde iba
    assert actor.position(25)[2] == pytest.approx(np.pi / 2)


def _scene_with(paths: list[list[tuple[float, float, float]]], w=100, h=60, n=20) -> Scene:
    """Escena mínima hecha a mano: cada actor, un cuadrado de 5×5 en su posición."""
    actors = [Actor(i + 1, 0, p, (0, 0, 0)) for i, p in enumerate(paths)]
    ids = np.zeros((n, h, w), np.int32)
    for t in range(n):
        for a in actors:
            pos = a.position(t)
            if pos is not None:
                x, y = int(round(pos[0])), int(round(pos[1]))
                ids[t, max(0, y - 2) : y + 3, max(0, x - 2) : x + 3] = a.id
    return Scene(np.zeros((n, h, w, 3), np.uint8), ids, actors)


def test_line_crossings_follow_ultralytics_convention():
    scene = _scene_with(
        [
            [(0, 10, 30), (19, 90, 30)],  # de izquierda a derecha: entra (+1)
            [(0, 90, 20), (19, 10, 20)],  # de derecha a izquierda: sale (-1)
            [(0, 10, 55), (19, 90, 55)],  # pasa por debajo del segmento: no cruza
            [(0, 10, 40), (9, 45, 40)],  # se queda antes de la línea: no cruza
        ]
    )
    line = np.array([[50, 10], [50, 50]])
    events = line_crossings(scene, line)
    assert sorted((tid, d) for tid, _, d in events) == [(1, 1), (2, -1)]
    # el mismo segmento dibujado al revés da los mismos sentidos (como en Ultralytics)
    assert line_crossings(scene, line[::-1]) == events
    horizontal = _scene_with([[(0, 30, 5), (19, 30, 55)]])
    assert [d for _, _, d in line_crossings(horizontal, [[0, 30], [100, 30]])] == [1]  # baja


def test_region_counts(street):
    counts = region_counts(street, street.regions["calzada"])
    assert counts.shape == (len(street),) and counts.max() > 0
    everything = region_counts(street, [[-1, -1], [1000, -1], [1000, 1000], [-1, 1000]])
    assert everything.tolist() == [len(street.boxes(i)) for i in range(len(street))]
    people = region_counts(street, street.regions["calzada"], classes=[0])
    assert (people <= counts).all()


def test_vehicle_weights_change_the_traffic():
    def share_of_buses(vehicles):
        scene = make_street(6, frames=1, size=(480, 320), vehicles=vehicles, density=3)
        lanes = [a for a in scene.actors if a.cls in (2, 3, 4)]
        return sum(a.cls == 4 for a in lanes) / len(lanes)

    assert share_of_buses((0, 0, 1)) == 1.0
    assert share_of_buses((1, 0, 0)) == 0.0


def test_traffic_really_crosses_the_centre_line_in_both_directions():
    scene = make_street(2, frames=80, size=(320, 200))
    directions = {d for _, _, d in line_crossings(scene, scene.lines["centro"], classes=[2, 3, 4])}
    assert directions == {1, -1}


@pytest.mark.parametrize(
    "kwargs",
    [{"frames": 0}, {"size": (10, 10)}, {"scale": 9.0}, {"density": 0}, {"vehicles": (1.5, 1, 1)}],
)
def test_bad_arguments_raise_clear_errors(kwargs):
    with pytest.raises(ValueError, match="make_street"):
        make_street(0, **kwargs)


def test_queue_forms_and_its_truth_is_the_people_in_the_lane():
    from ia100.synth.scenes import make_queue

    scene = make_queue(1, frames=120, size=(256, 256))
    again = make_queue(1, frames=120, size=(256, 256))
    assert np.array_equal(scene.frames, again.frames)
    counts = region_counts(scene, scene.regions["cola"])
    assert counts.max() >= 3 and counts.min() >= 0  # hay cola
    assert {a.cls for a in scene.actors} == {0}
    # quien cruza la sala lejos de la fila no cuenta
    everyone = np.array([len(scene.boxes(i)) for i in range(len(scene))])
    assert (everyone >= counts).all() and (everyone > counts).any()


def test_parking_occupancy_truth_changes_when_cars_come_and_go():
    from ia100.synth.scenes import make_parking, space_occupancy

    scene = make_parking(2, frames=150, size=(480, 320), moves=4)
    occ = space_occupancy(scene)
    spaces = [k for k in scene.regions if k.startswith("plaza_")]
    assert occ.shape == (150, len(spaces)) and occ.dtype == bool
    assert 0 < occ[0].sum() < len(spaces)
    changed = (occ[0] != occ[-1]).sum()
    assert 1 <= changed <= 4  # los coches que llegan o se van
    assert {a.cls for a in scene.actors} == {2}


@pytest.mark.parametrize(
    ("builder", "kwargs"),
    [
        ("make_queue", {"frames": 0}),
        ("make_queue", {"slots": 1}),
        ("make_parking", {"occupancy": 2.0}),
        ("make_parking", {"size": (50, 50)}),
    ],
)
def test_other_builders_reject_bad_arguments(builder, kwargs):
    import ia100.synth.scenes as scenes

    with pytest.raises(ValueError, match=builder):
        getattr(scenes, builder)(0, **kwargs)


def test_yard_is_empty_without_intruders_and_each_intruder_crosses_it():
    from ia100.synth.scenes import make_yard

    empty = make_yard(4, frames=40, intruders=0)
    assert region_counts(empty, empty.regions["recinto"]).max() == 0 and empty.actors == []
    busy = make_yard(3, frames=120, intruders=2)
    counts = region_counts(busy, busy.regions["recinto"])
    assert len(busy.actors) == 2 and counts.max() >= 1 and counts[0] == 0
    with pytest.raises(ValueError, match="make_yard"):
        make_yard(0, intruders=-1)


def test_add_containers_puts_still_bins_on_the_sidewalks_without_touching_anything():
    base = make_street(7, frames=12, size=(320, 240), scale=1.2)
    scene = add_containers(base, 3, n=(3, 3))
    assert scene.classes == (*CLASSES, CONTAINER)
    assert add_containers(base, 3, n=(3, 3)).frames.tobytes() == scene.frames.tobytes()
    bins = [a for a in scene.actors if a.cls == len(CLASSES)]
    assert len(bins) == 3 and scene.actors[: len(base.actors)] == base.actors
    walks = [scene.regions[k] for k in ("acera_norte", "acera_sur")]
    for t in (0, 11):
        rows = scene.boxes(t)
        new = rows[rows[:, 1] == len(CLASSES)]
        assert len(new) == 3
        for tid, _, x1, y1, x2, y2, _ in new:
            assert any(
                r[:, 0].min() - 1 <= x1  # un píxel de redondeo
                and x2 <= r[:, 0].max() + 1
                and r[:, 1].min() - 1 <= y1
                and y2 <= r[:, 1].max() + 1
                for r in walks
            ), "un contenedor fuera de las aceras"
            still = scene.mask(0, int(tid))
            assert still.sum() > 40 and (base.ids[0][still] == 0).all()  # no tapa a nadie
        # Lo que no es contenedor no cambia: ni los píxeles ni la verdad de los demás.
        others = ~np.isin(scene.ids[t], new[:, 0].astype(int))
        assert np.array_equal(scene.frames[t][others], base.frames[t][others])
        assert np.array_equal(scene.ids[t][others], base.ids[t][others])
    with pytest.raises(ValueError, match="aceras"):
        add_containers(Scene(base.frames, base.ids, base.actors), 0)
    with pytest.raises(ValueError, match="«n»"):
        add_containers(base, 0, n=(3, 1))
