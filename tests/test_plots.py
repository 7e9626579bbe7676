"""Pruebas de ia100.plots: cada función dibuja lo que debe y rechaza entradas mal formadas."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import ia100  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_history_pairs_train_and_validation():
    fig = ia100.plot_history(
        {"loss": [1, 0.5, 0.3], "val_loss": [1.1, 0.7, 0.6], "accuracy": [0.5, 0.8, 0.9]}
    )
    assert len(fig.axes) == 2
    loss_ax = fig.axes[0]
    assert [line.get_label() for line in loss_ax.lines] == ["entrenamiento", "validación"]
    assert loss_ax.get_ylabel() == "pérdida" and fig.axes[1].get_ylabel() == "exactitud"
    assert list(loss_ax.lines[1].get_ydata()) == [1.1, 0.7, 0.6]


def test_plot_history_accepts_keras_like_object():
    class History:
        history = {"loss": [3.0, 2.0]}

    fig = ia100.plot_history(History())
    assert len(fig.axes) == 1 and len(fig.axes[0].lines) == 1


@pytest.mark.parametrize("bad", [{}, [1, 2], None])
def test_plot_history_rejects_bad_input(bad):
    with pytest.raises(TypeError, match="diccionario"):
        ia100.plot_history(bad)


def test_plot_decision_boundary_colours_the_plane():
    X = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    y = np.array([0, 1, 1, 0])
    seen = []

    def predict(points):
        seen.append(points.shape)
        return (points[:, 1] > 0.5).astype(int)

    fig = ia100.plot_decision_boundary(predict, X, y, resolution=20, title="prueba")
    assert seen == [(400, 2)]
    assert fig.axes[0].get_title() == "prueba"


def test_plot_decision_boundary_checks_shapes():
    with pytest.raises(ValueError, match=r"\(n, 2\)"):
        ia100.plot_decision_boundary(lambda p: p[:, 0], np.zeros((4, 3)), np.zeros(4))
    with pytest.raises(ValueError, match="y debe"):
        ia100.plot_decision_boundary(lambda p: p[:, 0], np.zeros((4, 2)), np.zeros(3))


def test_show_images_grid_and_titles():
    images = np.zeros((10, 8, 8))
    fig = ia100.show_images(images, labels=list(range(10)), ncols=4)
    assert len(fig.axes) == 12  # 3 filas × 4 columnas
    assert [ax.get_title() for ax in fig.axes[:10]] == [str(i) for i in range(10)]


def test_show_images_rejects_bad_input():
    with pytest.raises(ValueError, match="forma"):
        ia100.show_images(np.zeros((8, 8)))
    with pytest.raises(ValueError, match="etiquetas"):
        ia100.show_images(np.zeros((3, 8, 8)), labels=[1, 2])


def test_confusion_matrix_counts():
    matrix = ia100.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2])
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert ia100.confusion_matrix([0], [0], n_classes=3).shape == (3, 3)


def test_confusion_matrix_rejects_bad_input():
    with pytest.raises(ValueError, match="etiquetas"):
        ia100.confusion_matrix([0, 1], [0])
    with pytest.raises(ValueError, match="no negativos"):
        ia100.confusion_matrix([0, -1], [0, 1])
    with pytest.raises(ValueError, match="n_classes"):
        ia100.confusion_matrix([0, 4], [0, 1], n_classes=2)


def test_plot_confusion_matrix_writes_counts_and_proportions():
    fig = ia100.plot_confusion_matrix([0, 0, 1, 1], [0, 1, 1, 1], ["gato", "perro"])
    texts = sorted(t.get_text() for t in fig.axes[0].texts)
    assert texts == ["0", "1", "1", "2"]
    fig = ia100.plot_confusion_matrix([0, 0, 1, 1], [0, 1, 1, 1], ["gato", "perro"], normalize=True)
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["0.00", "0.50", "0.50", "1.00"]
