"""Errores típicos del día 2: ordenar los hitos, la regla del perceptrón, XNOR y el tiempo de duplicación."""

from __future__ import annotations

import numpy as np

from ia100.exercises.day002 import _MILESTONES as _ORDER  # las respuestas correctas
from mistakes import Mistake


def _swapped(order, i, j):
    order = list(order)
    order[i], order[j] = order[j], order[i]
    return order


def _wrong_sign(w, b, x, target, lr=1.0):
    prediction = 1 if np.dot(w, x) + b > 0 else 0
    error = prediction - target
    return w + lr * error * x, b + lr * error


def _no_learning_rate(w, b, x, target, lr=1.0):
    prediction = 1 if np.dot(w, x) + b > 0 else 0
    error = target - prediction
    return w + error * x, b + error


def _bias_not_updated(w, b, x, target, lr=1.0):
    prediction = 1 if np.dot(w, x) + b > 0 else 0
    return w + lr * (target - prediction) * x, b


def _always_updates(w, b, x, target, lr=1.0):
    # Olvida restar la predicción: suma η·y·x aunque el perceptrón acierte.
    return w + lr * target * x, b + lr * target


def _in_years(years, n_params):
    slope, _ = np.polyfit(np.asarray(years, dtype=float), np.log10(n_params), deg=1)
    return np.log10(2) / slope


def _mixed_logs(years, n_params):
    slope, _ = np.polyfit(np.asarray(years, dtype=float), np.log10(n_params), deg=1)
    return 12 * np.log(2) / slope


def _two_points(years, n_params):
    years, n_params = np.asarray(years, dtype=float), np.asarray(n_params, dtype=float)
    slope = (np.log10(n_params[-1]) - np.log10(n_params[0])) / (years[-1] - years[0])
    return 12 * np.log10(2) / slope


MISTAKES = [
    Mistake(
        "dia-002.1", "del más reciente al más antiguo", _ORDER[::-1], r"más reciente al más antiguo"
    ),
    Mistake(
        "dia-002.1", "la LSTM antes que la retropropagación", _swapped(_ORDER, 3, 4), r"6 de 8"
    ),
    Mistake(
        "dia-002.1", "el Transformer antes que AlexNet", _swapped(_ORDER, 5, 6), r"6 de 8 hitos"
    ),
    Mistake(
        "dia-002.2", "error con el signo cambiado (ŷ − y)", _wrong_sign, r"dirección contraria"
    ),
    Mistake(
        "dia-002.2",
        "ignora la tasa de aprendizaje",
        _no_learning_rate,
        r"no son w \+ η·\(y − ŷ\)·x",
    ),
    Mistake("dia-002.2", "no actualiza el sesgo", _bias_not_updated, r"el sesgo no se actualiza"),
    Mistake("dia-002.2", "suma η·y·x aunque acierte", _always_updates, r"no deben cambiar"),
    Mistake(
        "dia-002.3",
        "la red de XOR (OR y NAND, salida AND)",
        {"W1": [[1, -1], [1, -1]], "b1": [-0.5, 1.5], "W2": [1, 1], "b2": -1.5},
        r"XOR en vez de XNOR",
    ),
    Mistake(
        "dia-002.3",
        "AND y NOR en la capa oculta, pero salida AND en vez de OR",
        {"W1": [[1, -1], [1, -1]], "b1": [-1.5, 0.5], "W2": [1, 1], "b2": -1.5},
        r"entradas \[\(0, 0\), \(1, 1\)\]",
    ),
    Mistake(
        "dia-002.3",
        "W1 como lista plana de cuatro pesos",
        {"W1": [1, 1, -1, -1], "b1": [-1.5, 0.5], "W2": [1, 1], "b2": -0.5},
        r"W1 debe tener forma \(2, 2\)",
    ),
    Mistake("dia-002.4", "el resultado en años", _in_years, r"en años"),
    Mistake("dia-002.4", "ajusta log10 pero usa ln(2)", _mixed_logs, r"Mezclas logaritmos"),
    Mistake("dia-002.4", "solo el primer y el último punto", _two_points, r"primer y el último"),
]
