"""Errores típicos del día 39: la IoU de cada caja con su mejor ancla, la regla de asignación
de YOLOv5 y la distancia que sale de una distribución DFL."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake

# --- 39.1 · La IoU de cada caja con su mejor ancla ------------------------------------------


def _inter(wh, anchors):
    return np.minimum(wh[:, None, 0], anchors[None, :, 0]) * np.minimum(
        wh[:, None, 1], anchors[None, :, 1]
    )


def _iou_matrix(wh, anchors):
    inter = _inter(wh, anchors)
    return inter / (wh.prod(1)[:, None] + anchors.prod(1)[None, :] - inter)


def _whole_matrix(wh, anchors):
    return _iou_matrix(wh, anchors)


def _best_index(wh, anchors):
    return _iou_matrix(wh, anchors).argmax(1)


def _mean_over_anchors(wh, anchors):
    return _iou_matrix(wh, anchors).mean(1)


def _union_without_minus(wh, anchors):
    return (_inter(wh, anchors) / (wh.prod(1)[:, None] + anchors.prod(1)[None, :])).max(1)


def _only_areas(wh, anchors):
    a, b = wh.prod(1)[:, None], anchors.prod(1)[None, :]
    return (np.minimum(a, b) / np.maximum(a, b)).max(1)


# --- 39.2 · La regla de YOLOv5 --------------------------------------------------------------


def _ratios(wh, anchors):
    return wh[:, None, :] / anchors[None, :, :]


def _no_inverse(wh, anchors, thr=4.0):
    return _ratios(wh, anchors).max(2) < thr


def _less_or_equal(wh, anchors, thr=4.0):
    r = _ratios(wh, anchors)
    return np.maximum(r, 1 / r).max(2) <= thr


def _one_side_is_enough(wh, anchors, thr=4.0):
    r = _ratios(wh, anchors)
    return np.maximum(r, 1 / r).min(2) < thr


def _areas(wh, anchors, thr=4.0):
    r = wh.prod(1)[:, None] / anchors.prod(1)[None, :]
    return np.maximum(r, 1 / r) < thr


def _transposed(wh, anchors, thr=4.0):
    r = _ratios(wh, anchors)
    return (np.maximum(r, 1 / r).max(2) < thr).T


# --- 39.3 · De una distribución DFL a una distancia -----------------------------------------


def _softmax(z, axis=-1):
    e = np.exp(z - z.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)


def _argmax(logits):
    return logits.argmax(-1).astype(float)


def _raw_logits(logits):
    return (logits * np.arange(16)).sum(-1)


def _bins_from_one(logits):
    return (_softmax(logits) * np.arange(1, 17)).sum(-1)


def _softmax_first_axis(logits):
    axis = 0 if logits.ndim > 1 else -1
    return (_softmax(logits, axis) * np.arange(16)).sum(-1)


def _sum_over_first_axis(logits):
    return (_softmax(logits) * np.arange(16)).sum(0)


MISTAKES = [
    Mistake("dia-039.1", "devuelve la matriz (n, k)", _whole_matrix, r"matriz entera"),
    Mistake("dia-039.1", "devuelve el índice del ancla", _best_index, r"índice de la mejor"),
    Mistake("dia-039.1", "media en vez de máximo", _mean_over_anchors, r"la MEJOR"),
    Mistake("dia-039.1", "unión sin restar la intersección", _union_without_minus, r"restar"),
    Mistake("dia-039.1", "compara solo las áreas", _only_areas, r"solo las áreas"),
    Mistake("dia-039.2", "sin 1/r", _no_inverse, r"Te falta 1/r"),
    Mistake("dia-039.2", "<= en vez de <", _less_or_equal, r"estricta"),
    Mistake("dia-039.2", "basta un lado", _one_side_is_enough, r"UN lado"),
    Mistake("dia-039.2", "compara áreas", _areas, r"Comparas áreas"),
    Mistake("dia-039.2", "matriz traspuesta (k, n)", _transposed, r"matriz"),
    Mistake("dia-039.3", "argmax en vez de esperanza", _argmax, r"ESPERANZA"),
    Mistake("dia-039.3", "sin softmax", _raw_logits, r"softmax"),
    Mistake("dia-039.3", "casillas de 1 a 16", _bins_from_one, r"0, 1, …, 15"),
    Mistake("dia-039.3", "softmax sobre las cajas", _softmax_first_axis, r"último eje"),
    Mistake("dia-039.3", "suma sobre el primer eje", _sum_over_first_axis, r"último eje"),
]
