"""Pruebas de ia100.images: caras dibujadas deterministas, variadas y legibles por los cargadores."""

from __future__ import annotations

import numpy as np
import pytest

import ia100


def test_make_pets_shapes_types_and_balance():
    pets = ia100.make_pets(40, size=32, seed=3)
    assert pets.x.shape == (40, 32, 32, 3) and pets.x.dtype == np.uint8
    assert pets.y.shape == (40,) and pets.y.dtype == np.int64
    assert pets.class_names == ["gato", "perro"]
    assert np.bincount(pets.y).tolist() == [20, 20]


def test_make_pets_is_deterministic_by_seed():
    a, b = ia100.make_pets(12, size=24, seed=7), ia100.make_pets(12, size=24, seed=7)
    c = ia100.make_pets(12, size=24, seed=8)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert not np.array_equal(a.x, c.x)


def test_make_pets_varies_and_colour_does_not_give_the_class_away():
    pets = ia100.make_pets(200, size=32, seed=0)
    flat = pets.x.reshape(len(pets.x), -1).astype(float)
    assert flat.std(axis=0).mean() > 20  # fondos, posturas y colores distintos
    mean_colour = pets.x.mean(axis=(1, 2))  # (n, 3): el color medio de cada imagen
    gap = np.abs(mean_colour[pets.y == 0].mean(0) - mean_colour[pets.y == 1].mean(0))
    assert gap.max() < 15, gap  # ningún canal delata la clase por sí solo


def test_make_pets_all_animals_and_label_order():
    pets = ia100.make_pets(len(ia100.ANIMALS) * 3, size=20, classes=ia100.ANIMALS, seed=1)
    assert pets.class_names == list(ia100.ANIMALS)
    assert np.bincount(pets.y).tolist() == [3] * len(ia100.ANIMALS)
    two = ia100.make_pets(6, size=20, classes=("perro", "conejo"), seed=1)
    assert two.class_names == ["perro", "conejo"] and set(two.y.tolist()) == {0, 1}


def test_shapes_are_learnable_by_a_linear_model_on_pixels_poorly_but_above_chance():
    """Un clasificador lineal sobre píxeles apenas supera el azar: hace falta una CNN."""
    from sklearn.linear_model import LogisticRegression

    train, test = ia100.make_pets(400, size=24, seed=0), ia100.make_pets(200, size=24, seed=1)
    model = LogisticRegression(max_iter=300).fit(train.x.reshape(400, -1) / 255, train.y)
    accuracy = model.score(test.x.reshape(200, -1) / 255, test.y)
    assert 0.4 < accuracy < 0.85, accuracy


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"n": 0}, "n ≥ 1"),
        ({"size": 8}, "size ≥ 16"),
        ({"classes": ("gato", "jirafa")}, "Clases no válidas"),
        ({"classes": ("gato", "gato")}, "Clases no válidas"),
        ({"classes": ()}, "Clases no válidas"),
    ],
)
def test_make_pets_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ia100.make_pets(**{"n": 4, **kwargs})


def test_save_image_folder_layout_reads_back(tmp_path):
    from PIL import Image

    pets = ia100.make_pets(6, size=20, seed=2)
    root = ia100.save_image_folder(pets, tmp_path / "mascotas")
    files = sorted(root.rglob("*.png"))
    assert len(files) == 6
    assert {p.parent.name for p in files} == {"gato", "perro"}
    first = root / pets.class_names[int(pets.y[0])] / "00000.png"
    assert np.array_equal(np.asarray(Image.open(first)), pets.x[0])


def test_save_image_folder_is_what_imagefolder_reads(tmp_path):
    from torchvision.datasets import ImageFolder

    pets = ia100.make_pets(8, size=20, seed=4)
    folder = ImageFolder(ia100.save_image_folder(pets, tmp_path / "m"))
    assert folder.classes == ["gato", "perro"] and len(folder) == 8
    assert sorted(label for _, label in folder.samples) == sorted(pets.y.tolist())
