"""Errores típicos del día 43: un mapa de calor con decaimiento, las k celdas más calientes y un
verdadero o falso sobre mapas de calor."""

from __future__ import annotations

import numpy as np

from ia100.exercises.day043 import _STATEMENTS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 43.1 · Un mapa de calor con decaimiento --------------------------------------------------


def _pixels(points):
    return np.asarray(points, float).reshape(-1, 2).astype(int)


def _no_decay(positions_per_frame, shape, decay):
    heat = np.zeros(shape)
    for points in positions_per_frame:
        p = _pixels(points)
        np.add.at(heat, (p[:, 1], p[:, 0]), 1)
    return heat


def _decay_after(positions_per_frame, shape, decay):
    heat = np.zeros(shape)
    for points in positions_per_frame:
        p = _pixels(points)
        np.add.at(heat, (p[:, 1], p[:, 0]), 1)
        heat *= decay
    return heat


def _plus_equals(positions_per_frame, shape, decay):
    heat = np.zeros(shape)
    for points in positions_per_frame:
        heat *= decay
        p = _pixels(points)
        heat[p[:, 1], p[:, 0]] += 1
    return heat


def _rounds(positions_per_frame, shape, decay):
    heat = np.zeros(shape)
    for points in positions_per_frame:
        heat *= decay
        p = np.clip(np.rint(np.asarray(points, float)).astype(int), 0, [shape[1] - 1, shape[0] - 1])
        np.add.at(heat, (p[:, 1], p[:, 0]), 1)
    return heat


# --- 43.2 · Las k celdas más calientes -------------------------------------------------------


def _count_not_fraction(pred, truth, k):
    return len(set(np.argsort(pred.ravel())[-k:]) & set(np.argsort(truth.ravel())[-k:]))


def _coldest(pred, truth, k):
    return len(set(np.argsort(pred.ravel())[:k]) & set(np.argsort(truth.ravel())[:k])) / k


def _over_all_cells(pred, truth, k):
    return _count_not_fraction(pred, truth, k) / pred.size


def _returns_set(pred, truth, k):
    return set(np.argsort(pred.ravel())[-k:]) & set(np.argsort(truth.ravel())[-k:])


# --- 43.3 · Verdadero o falso ----------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-043.1", "no olvida nada", _no_decay, r"sin olvidar nada"),
    Mistake("dia-043.1", "olvida después de sumar", _decay_after, r"después de sumar"),
    Mistake("dia-043.1", "mapa[y, x] += 1 con repetidos", _plus_equals, r"np\.add\.at"),
    Mistake("dia-043.1", "redondea al más cercano", _rounds, r"hacia abajo"),
    Mistake("dia-043.2", "cuenta en vez de fracción", _count_not_fraction, r"dividir entre k"),
    Mistake("dia-043.2", "las k más frías", _coldest, r"más FRÍAS"),
    Mistake("dia-043.2", "divide entre todas las celdas", _over_all_cells, r"número total"),
    Mistake("dia-043.2", "devuelve el conjunto", _returns_set, r"un solo número"),
    Mistake("dia-043.3", "cree que Heatmap olvida", _flipped(0), r"Revisa 1 de 7"),
    Mistake(
        "dia-043.3", "cree que OpenCV da RGB y que todo calienta", _flipped(3, 4), r"Revisa 2 de 7"
    ),
    Mistake(
        "dia-043.3",
        "textos en vez de booleanos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
