"""Errores típicos del día 44: el cruce de una línea con su sentido y la asociación húngara."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from mistakes import Mistake

# --- 44.1 · ¿Cruza la línea? ¿En qué sentido? -------------------------------------------------


def _side(p, a, b):
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])


def _infinite_line(p, q, a, b):
    # Solo mira si p y q quedan a distinto lado de la recta, no del segmento.
    if _side(p, a, b) * _side(q, a, b) >= 0:
        return 0
    vertical = abs(a[0] - b[0]) < abs(a[1] - b[1])
    return 1 if (q[0] > p[0] if vertical else q[1] > p[1]) else -1


def _sign_of_side(p, q, a, b):
    # Toma el sentido del signo del producto vectorial: depende de cómo se dio la línea.
    if _side(p, a, b) * _side(q, a, b) >= 0 or _side(a, p, q) * _side(b, p, q) > 0:
        return 0
    return 1 if _side(q, a, b) < 0 else -1


def _always_x(p, q, a, b):
    # Decide el sentido siempre por x, también con líneas horizontales.
    if _side(p, a, b) * _side(q, a, b) >= 0 or _side(a, p, q) * _side(b, p, q) > 0:
        return 0
    return 1 if q[0] > p[0] else -1


# --- 44.2 · Asociación húngara con umbral ----------------------------------------------------


def _greedy(iou, threshold):
    iou, pairs = iou.copy(), []
    while iou.size and iou.max() >= threshold:
        r, c = np.unravel_index(iou.argmax(), iou.shape)
        pairs.append((int(r), int(c)))
        iou[r, :], iou[:, c] = -1, -1
    return pairs


def _no_threshold(iou, threshold):
    rows, cols = linear_sum_assignment(1 - iou)
    return list(zip(rows.tolist(), cols.tolist(), strict=True))


def _minimizes_iou(iou, threshold):
    rows, cols = linear_sum_assignment(iou)
    return [
        (r, c) for r, c in zip(rows.tolist(), cols.tolist(), strict=True) if iou[r, c] >= threshold
    ]


MISTAKES = [
    Mistake("dia-044.1", "corta la recta, no el segmento", _infinite_line, r"fuera del segmento"),
    Mistake("dia-044.1", "sentido por el signo del producto", _sign_of_side, r"sentido cambiado"),
    Mistake("dia-044.1", "sentido siempre por x", _always_x, r"horizontal"),
    Mistake("dia-044.2", "asociación voraz", _greedy, r"voraz"),
    Mistake("dia-044.2", "sin umbral", _no_threshold, r"por debajo del umbral"),
    Mistake("dia-044.2", "minimiza la IoU", _minimizes_iou, r"1 − IoU|umbral"),
]
