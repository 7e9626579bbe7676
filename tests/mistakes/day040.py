"""Errores típicos del día 40: la GIoU, el emparejamiento húngaro y el recuento de duplicados."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from mistakes import Mistake

# --- 40.1 · La GIoU de dos conjuntos de cajas -----------------------------------------------


def _parts(a, b, clip=True):
    a, b = a[:, None, :], b[None, :, :]
    area_a = (a[..., 2] - a[..., 0]) * (a[..., 3] - a[..., 1])
    area_b = (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])
    wh = np.minimum(a[..., 2:], b[..., 2:]) - np.maximum(a[..., :2], b[..., :2])
    if clip:
        wh = np.clip(wh, 0, None)
    inter = wh[..., 0] * wh[..., 1]
    union = area_a + area_b - inter
    hull = np.maximum(a[..., 2:], b[..., 2:]) - np.minimum(a[..., :2], b[..., :2])
    return inter, union, hull[..., 0] * hull[..., 1]


def _plain_iou(a, b):
    inter, union, _ = _parts(a, b)
    return inter / union


def _divides_by_union(a, b):
    inter, union, hull = _parts(a, b)
    return inter / union - (hull - union) / union


def _adds_the_term(a, b):
    inter, union, hull = _parts(a, b)
    return inter / union + (hull - union) / hull


def _no_clip(a, b):
    inter, union, hull = _parts(a, b, clip=False)
    return inter / union - (hull - union) / hull


def _transposed(a, b):
    inter, union, hull = _parts(a, b)
    return (inter / union - (hull - union) / hull).T


# --- 40.2 · Emparejamiento húngaro ----------------------------------------------------------


def _greedy(cost):
    return {j: int(cost[:, j].argmin()) for j in range(cost.shape[1])}


def _maximizes(cost):
    rows, cols = linear_sum_assignment(-cost)
    return {int(j): int(i) for i, j in zip(rows, cols, strict=True)}


def _keys_are_predictions(cost):
    rows, cols = linear_sum_assignment(cost)
    return {int(i): int(j) for i, j in zip(rows, cols, strict=True)}


def _returns_the_tuple(cost):
    return linear_sum_assignment(cost)


def _greedy_by_rows(cost):
    # Cada predicción (fila) elige su objeto más barato; luego se queda con la última de cada uno.
    return {int(cost[i].argmin()): i for i in range(cost.shape[0])}


# --- 40.3 · Cuántos duplicados --------------------------------------------------------------


def _iou(boxes):
    inter, union, _ = _parts(boxes, boxes)
    return inter / union


def _with_diagonal(boxes, labels, threshold=0.5):
    same = labels[:, None] == labels[None, :]
    return int(np.triu((_iou(boxes) > threshold) & same).sum())


def _both_orders(boxes, labels, threshold=0.5):
    same = labels[:, None] == labels[None, :]
    iou = _iou(boxes)
    np.fill_diagonal(iou, 0)
    return int(((iou > threshold) & same).sum())


def _ignores_class(boxes, labels, threshold=0.5):
    return int(np.triu(_iou(boxes) > threshold, 1).sum())


def _greater_or_equal(boxes, labels, threshold=0.5):
    same = labels[:, None] == labels[None, :]
    return int(np.triu((_iou(boxes) >= threshold) & same, 1).sum())


def _boolean_matrix(boxes, labels, threshold=0.5):
    same = labels[:, None] == labels[None, :]
    return np.triu((_iou(boxes) > threshold) & same, 1)


MISTAKES = [
    Mistake("dia-040.1", "devuelve la IoU", _plain_iou, r"Eso es la IoU"),
    Mistake("dia-040.1", "divide entre la unión", _divides_by_union, r"ENVOLVENTE"),
    Mistake("dia-040.1", "suma el término de la envolvente", _adds_the_term, r"RESTA"),
    Mistake("dia-040.1", "sin recortar la intersección", _no_clip, r"Recorta a 0"),
    Mistake("dia-040.1", "matriz traspuesta", _transposed, r"una fila"),
    Mistake("dia-040.2", "asignación voraz", _greedy, r"dos objetos"),
    Mistake("dia-040.2", "maximiza el coste", _maximizes, r"Maximizas"),
    Mistake("dia-040.2", "las claves son las predicciones", _keys_are_predictions, r"filas"),
    Mistake("dia-040.2", "devuelve la tupla de scipy", _returns_the_tuple, r"diccionario"),
    Mistake("dia-040.2", "voraz por filas", _greedy_by_rows, r"el mejor posible"),
    Mistake("dia-040.3", "cuenta la diagonal", _with_diagonal, r"consigo misma"),
    Mistake("dia-040.3", "cada pareja dos veces", _both_orders, r"dos veces"),
    Mistake("dia-040.3", "no mira la clase", _ignores_class, r"MISMA clase"),
    Mistake("dia-040.3", ">= en vez de >", _greater_or_equal, r"estricto"),
    Mistake("dia-040.3", "devuelve la matriz", _boolean_matrix, r"un solo número"),
]
