"""Pruebas de ia100.training: el bucle de entrenamiento aprende, mide bien y es reproducible."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import ia100


def _blobs(n=200, seed=0):
    """Dos nubes separables de «imágenes» 1×2×2: un problema que cualquier red resuelve."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    x = rng.normal(0, 0.5, (n, 1, 2, 2)) + (2 * y - 1)[:, None, None, None]
    return torch.tensor(x, dtype=torch.float32), torch.tensor(y)


def _model():
    torch.manual_seed(0)
    return torch.nn.Sequential(
        torch.nn.Flatten(), torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2)
    )


def test_images_to_tensor_layout_and_scale():
    images = np.zeros((2, 5, 7, 3), dtype=np.uint8)
    images[1, 0, 0, 2] = 255
    t = ia100.images_to_tensor(images)
    assert t.shape == (2, 3, 5, 7) and t.dtype == torch.float32
    assert t[1, 2, 0, 0] == 1.0 and float(t.sum()) == 1.0
    assert ia100.images_to_tensor(np.zeros((4, 6, 6), dtype=np.uint8)).shape == (4, 1, 6, 6)
    with pytest.raises(ValueError, match="Esperaba imágenes"):
        ia100.images_to_tensor(np.zeros(5))


def test_train_classifier_learns_and_reports_history():
    x, y = _blobs()
    model = _model()
    loss0, acc0 = ia100.evaluate_classifier(model, (x, y))
    history = ia100.train_classifier(
        model,
        (x[:150], y[:150]),
        (x[150:], y[150:]),
        epochs=5,
        lr=0.05,
        batch_size=16,
        progress=False,
    )
    assert set(history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 5 for v in history.values())
    assert history["loss"][-1] < history["loss"][0] < loss0 + 0.5
    assert history["val_accuracy"][-1] >= 0.95 > acc0 - 0.5
    loss, acc = ia100.evaluate_classifier(model, (x[150:], y[150:]))
    assert (loss, acc) == pytest.approx((history["val_loss"][-1], history["val_accuracy"][-1]))
    assert not model.training


def test_train_classifier_is_reproducible_and_accepts_numpy_and_optimizers():
    x, y = _blobs()
    a, b = _model(), _model()
    ha = ia100.train_classifier(a, (x, y), epochs=2, optimizer="sgd", lr=0.1, progress=False)
    hb = ia100.train_classifier(
        b,
        (x.numpy(), y.numpy()),
        epochs=2,
        optimizer=torch.optim.SGD(b.parameters(), lr=0.1, momentum=0.9),
        progress=False,
    )
    assert ha == hb and set(ha) == {"loss", "accuracy"}
    assert all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters(), strict=True))


def test_train_classifier_applies_augment_only_when_training():
    x, y = _blobs(40)
    seen = []

    def augment(batch):
        seen.append(len(batch))
        return batch

    ia100.train_classifier(
        _model(), (x, y), (x, y), epochs=1, batch_size=16, augment=augment, progress=False
    )
    assert seen == [16, 16, 8]


def test_train_classifier_skips_frozen_parameters():
    x, y = _blobs()
    model = _model()
    frozen = model[1].weight.detach().clone()
    model[1].requires_grad_(False)
    ia100.train_classifier(model, (x, y), epochs=2, lr=0.05, progress=False)
    assert torch.equal(model[1].weight, frozen)


def test_predict_proba_rows_sum_to_one_and_keep_mode():
    x, _ = _blobs(30)
    model = _model().train()
    probs = ia100.predict_proba(model, x, batch_size=7)
    assert probs.shape == (30, 2) and np.allclose(probs.sum(axis=1), 1, atol=1e-6)
    assert model.training


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"epochs": 0}, ValueError),
        ({"epochs": 1, "batch_size": 0}, ValueError),
        ({"epochs": 1, "optimizer": "rmsprop"}, ValueError),
    ],
)
def test_train_classifier_rejects_bad_arguments(kwargs, error):
    x, y = _blobs(10)
    with pytest.raises(error):
        ia100.train_classifier(_model(), (x, y), progress=False, **kwargs)
    with pytest.raises(TypeError, match="pareja"):
        ia100.train_classifier(_model(), x, epochs=1, progress=False)
    with pytest.raises(ValueError, match="misma longitud"):
        ia100.train_classifier(_model(), (x, y[:3]), epochs=1, progress=False)
