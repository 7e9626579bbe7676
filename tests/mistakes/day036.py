"""Errores típicos del día 36: la mIoU desde la matriz de confusión, la calidad panóptica desde
una matriz de IoU y un verdadero o falso sobre segmentación."""

from __future__ import annotations

import numpy as np

from ia100.exercises.day036 import _STATEMENTS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 36.1 · La mIoU desde la matriz de confusión ---------------------------------------------


def _cm(true, pred, n):
    true, pred = np.asarray(true).ravel(), np.asarray(pred).ravel()
    return np.bincount(n * true + pred, minlength=n * n).reshape(n, n)


def _miou_absent_as_zero(true, pred, n):
    cm = _cm(true, pred, n)
    tp = np.diag(cm)
    union = cm.sum(0) + cm.sum(1) - tp
    return float(np.mean(tp / np.maximum(union, 1)))  # la clase ausente cuenta como 0


def _miou_nan(true, pred, n):
    cm = _cm(true, pred, n)
    tp = np.diag(cm)
    with np.errstate(invalid="ignore"):
        return float(np.mean(tp / (cm.sum(0) + cm.sum(1) - tp)))  # np.mean con un NaN


def _pixel_accuracy(true, pred, n):
    cm = _cm(true, pred, n)
    return float(np.trace(cm) / cm.sum())


def _mean_dice(true, pred, n):
    cm = _cm(true, pred, n)
    tp, total = np.diag(cm), cm.sum(0) + cm.sum(1)
    return float(np.mean(2 * tp[total > 0] / total[total > 0]))


def _union_without_minus(true, pred, n):
    cm = _cm(true, pred, n)
    tp, total = np.diag(cm), cm.sum(0) + cm.sum(1)
    return float(np.mean(tp[total > 0] / total[total > 0]))


def _per_image(true, pred, n):
    true, pred = np.asarray(true), np.asarray(pred)
    if true.ndim == 2:
        true, pred = true[None], pred[None]
    values = []
    for t, p in zip(true, pred, strict=True):
        cm = _cm(t, p, n)
        tp = np.diag(cm)
        union = cm.sum(0) + cm.sum(1) - tp
        values.append(np.mean(tp[union > 0] / union[union > 0]))
    return float(np.mean(values))


# --- 36.2 · La calidad panóptica desde una matriz de IoU -------------------------------------


def _pq_parts(iou, threshold_ok):
    iou = np.asarray(iou, float)
    match = threshold_ok(iou)
    tp = int(match.sum())
    fp, fn = iou.shape[1] - tp, iou.shape[0] - tp
    sq = iou[match].sum() / tp if tp else 0.0
    return iou, match, tp, fp, fn, sq


def _pq_inclusive(iou):
    _, _, tp, fp, fn, sq = _pq_parts(iou, lambda m: m >= 0.5)
    rq = tp / (tp + fp / 2 + fn / 2)
    return sq * rq, sq, rq


def _pq_no_halves(iou):
    _, _, tp, fp, fn, sq = _pq_parts(iou, lambda m: m > 0.5)
    rq = tp / (tp + fp + fn)
    return sq * rq, sq, rq


def _pq_sq_over_truths(iou):
    iou, match, tp, fp, fn, _ = _pq_parts(iou, lambda m: m > 0.5)
    sq = iou[match].sum() / iou.shape[0]
    rq = tp / (tp + fp / 2 + fn / 2)
    return sq * rq, sq, rq


def _pq_counts_all(iou):
    # FP = todos los predichos y FN = todos los verdaderos, sin restar las parejas.
    iou, _, tp, _, _, sq = _pq_parts(iou, lambda m: m > 0.5)
    rq = tp / (tp + iou.shape[1] / 2 + iou.shape[0] / 2)
    return sq * rq, sq, rq


def _pq_wrong_order(iou):
    iou, _, tp, fp, fn, sq = _pq_parts(iou, lambda m: m > 0.5)
    rq = tp / (tp + fp / 2 + fn / 2)
    return sq, rq, sq * rq


# --- 36.3 · Verdadero o falso ---------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-036.1", "la clase ausente cuenta como 0", _miou_absent_as_zero, r"como 0"),
    Mistake("dia-036.1", "np.mean con la clase ausente (NaN)", _miou_nan, r"NaN"),
    Mistake("dia-036.1", "exactitud de píxel", _pixel_accuracy, r"exactitud de píxel"),
    Mistake("dia-036.1", "Dice en vez de IoU", _mean_dice, r"Dice medio"),
    Mistake("dia-036.1", "unión sin restar la intersección", _union_without_minus, r"dos veces"),
    Mistake("dia-036.1", "media imagen a imagen", _per_image, r"imagen a imagen"),
    Mistake("dia-036.2", "IoU ≥ 0,5 en vez de > 0,5", _pq_inclusive, r"exactamente 0,5"),
    Mistake("dia-036.2", "RQ sin las mitades", _pq_no_halves, r"pesan la mitad"),
    Mistake("dia-036.2", "SQ entre los verdaderos", _pq_sq_over_truths, r"divide entre TP"),
    Mistake("dia-036.2", "FP y FN sin restar las parejas", _pq_counts_all, r"SIN pareja"),
    Mistake("dia-036.2", "devuelve (sq, rq, pq)", _pq_wrong_order, r"en otro orden"),
    Mistake(
        "dia-036.3",
        "cree que la exactitud alta garantiza una buena mIoU",
        _flipped(5),
        r"Revisa 1 de 8",
    ),
    Mistake("dia-036.3", "cree que 0,5 justo ya empareja", _flipped(6), r"Revisa 1 de 8"),
    Mistake(
        "dia-036.3",
        "confunde instancia con panóptica",
        _flipped(1, 2),
        r"Revisa 2 de 8",
    ),
    Mistake(
        "dia-036.3",
        "responde con textos en vez de booleanos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
