"""Errores típicos del día 1: clasificar técnicas en IA/ML/DL, una capa ReLU y una red para los círculos."""

from __future__ import annotations

import numpy as np

from ia100.exercises.day001 import (
    _FIELDS,
)  # las respuestas correctas, de las que parten los errores
from mistakes import Mistake


def _relu_before_bias(X, W, b):
    return np.maximum(0, X @ W) + b


def _no_relu(X, W, b):
    return X @ W + b


def _no_bias(X, W, b):
    return np.maximum(0, X @ W)


def _abs_instead_of_relu(X, W, b):
    return np.abs(X @ W + b)


def _circles_data():
    from sklearn.datasets import make_circles

    return make_circles(n_samples=500, noise=0.08, factor=0.5, random_state=0)


def _linear_net():
    from sklearn.neural_network import MLPClassifier

    X, y = _circles_data()
    # Sin activación no lineal, la red entera es una recta: no puede separar dos círculos.
    return MLPClassifier(
        hidden_layer_sizes=(16,), activation="identity", max_iter=500, random_state=0
    ).fit(X, y)


def _few_iterations():
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X, y = _circles_data()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return MLPClassifier(hidden_layer_sizes=(16,), max_iter=15, random_state=0).fit(X, y)


def _not_fitted():
    from sklearn.neural_network import MLPClassifier

    return MLPClassifier(hidden_layer_sizes=(16,), max_iter=3000, random_state=0)


MISTAKES = [
    Mistake(
        "dia-001.1",
        "toda red neuronal es ML y el GPT es solo IA",
        {
            **_FIELDS,
            "red neuronal con tres capas ocultas": "ML",
            "modelo de lenguaje tipo GPT": "IA",
        },
        r"Revisa 2 de 6",
    ),
    Mistake(
        "dia-001.1",
        "el árbol de decisión como DL",
        {**_FIELDS, "árbol de decisión entrenado con datos": "DL"},
        r"Revisa 1 de 6: \['árbol de decisión",
    ),
    Mistake(
        "dia-001.1",
        "una opción que no existe",
        {**_FIELDS, "modelo de lenguaje tipo GPT": "deep learning"},
        r"Usa solo 'IA', 'ML' o 'DL'",
    ),
    Mistake("dia-001.2", "olvida ReLU", _no_relu, r"falta aplicar ReLU"),
    Mistake("dia-001.2", "ReLU antes de sumar el sesgo", _relu_before_bias, r"antes de sumar b"),
    Mistake("dia-001.2", "sin sesgo", _no_bias, r"Falta sumar el sesgo b"),
    Mistake("dia-001.2", "valor absoluto en vez de ReLU", _abs_instead_of_relu, r"no coinciden"),
    Mistake(
        "dia-001.3", "red sin activación (lineal)", _linear_net, r"hace falta ≥ 0\.90", lazy=True
    ),
    Mistake(
        "dia-001.3", "muy pocas iteraciones", _few_iterations, r"hace falta ≥ 0\.90", lazy=True
    ),
    Mistake(
        "dia-001.3", "olvida entrenar (sin .fit)", _not_fitted, r"no está entrenado", lazy=True
    ),
]
