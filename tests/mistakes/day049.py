"""Errores típicos del día 49: severidad de una hoja, ExG con Otsu y emparejar hojas por IoU."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from mistakes import Mistake

# --- 49.1 · Severidad de una hoja a partir de sus máscaras ------------------------------------


def _pests_not_discounted(leaf, damaged, pest):
    return float((leaf & damaged).sum() / max(leaf.sum(), 1))


def _damage_outside_leaf(leaf, damaged, pest):
    base = leaf & ~pest
    return float(damaged.sum() / max(base.sum(), 1))


def _percentage(leaf, damaged, pest):
    base = leaf & ~pest
    return float(100 * (base & damaged).sum() / max(base.sum(), 1))


def _divides_by_zero(leaf, damaged, pest):
    base = leaf & ~pest
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.float64((base & damaged).sum()) / np.float64(base.sum()))


# --- 49.2 · ExG cromático y umbral de Otsu -----------------------------------------------------


def _otsu(values, bins=256):
    counts, edges = np.histogram(values.ravel(), bins=bins)
    centers = (edges[:-1] + edges[1:]) / 2
    w0 = np.cumsum(counts)
    w1 = w0[-1] - w0
    s0 = np.cumsum(counts * centers)
    mu0, mu1 = s0 / np.maximum(w0, 1), (s0[-1] - s0) / np.maximum(w1, 1)
    return centers[np.argmax(w0 * w1 * (mu0 - mu1) ** 2)]


def _raw_channels(image):
    x = image.astype(float)
    values = 2 * x[..., 1] - x[..., 0] - x[..., 2]
    return values > _otsu(values)


def _fixed_threshold(image):
    x = image.astype(float)
    x = x / (x.sum(-1, keepdims=True) + 1e-6)
    return 2 * x[..., 1] - x[..., 0] - x[..., 2] > 0


def _inverted(image):
    x = image.astype(float)
    x = x / (x.sum(-1, keepdims=True) + 1e-6)
    values = 2 * x[..., 1] - x[..., 0] - x[..., 2]
    return values < _otsu(values)


# --- 49.3 · Emparejar hojas por IoU de máscara ------------------------------------------------


def _iou(pred, true):
    return np.array([[(p & t).sum() / max((p | t).sum(), 1) for t in true] for p in pred])


def _greedy(pred, true, threshold):
    iou, pairs = _iou(pred, true), []
    while iou.size and iou.max() >= threshold:
        r, c = np.unravel_index(iou.argmax(), iou.shape)
        pairs.append((int(r), int(c)))
        iou[r, :], iou[:, c] = -1, -1
    return pairs


def _over_true_area(pred, true, threshold):
    # Intersección entre el área de la verdadera: una máscara enorme «acierta» cualquier hoja.
    score = np.array([[(p & t).sum() / max(t.sum(), 1) for t in true] for p in pred])
    rows, cols = linear_sum_assignment(1 - score)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if score[r, c] >= threshold]


def _no_threshold(pred, true, threshold):
    iou = _iou(pred, true)
    rows, cols = linear_sum_assignment(1 - iou) if iou.size else ([], [])
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True)]


MISTAKES = [
    Mistake("dia-049.1", "no descuenta las plagas", _pests_not_discounted, r"plagas de la base"),
    Mistake("dia-049.1", "daño fuera de la hoja", _damage_outside_leaf, r"fuera de la hoja"),
    Mistake("dia-049.1", "porcentaje", _percentage, r"no un porcentaje"),
    Mistake("dia-049.1", "divide por cero", _divides_by_zero, r"dividir por cero"),
    Mistake("dia-049.2", "canales en bruto", _raw_channels, r"coordenadas cromáticas"),
    Mistake("dia-049.2", "umbral fijo en 0", _fixed_threshold, r"umbral fijo"),
    Mistake("dia-049.2", "máscara al revés", _inverted, r"al revés"),
    Mistake("dia-049.3", "asociación voraz", _greedy, r"voraz"),
    Mistake("dia-049.3", "intersección entre el área verdadera", _over_true_area, r"unión"),
    Mistake("dia-049.3", "sin umbral", _no_threshold, r"por debajo del umbral"),
]
