"""Errores típicos del día 15: precisión y exhaustividad, el umbral más barato y qué tarea de
visión es cada aplicación."""

from __future__ import annotations

import numpy as np

from ia100.exercises.day015 import _TASKS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 15.1 · precisión y exhaustividad ------------------------------------------------------------


def _counts(y_true, flagged):
    tp = np.sum(flagged & (y_true == 1))
    fp = np.sum(flagged & (y_true == 0))
    fn = np.sum(~flagged & (y_true == 1))
    return tp, fp, fn


def _swapped(y_true, scores, threshold):
    tp, fp, fn = _counts(y_true, scores >= threshold)
    precision = tp / (tp + fp) if tp + fp else 1.0
    return tp / (tp + fn), precision  # (exhaustividad, precisión)


def _strict(y_true, scores, threshold):
    tp, fp, fn = _counts(y_true, scores > threshold)  # > en vez de >=
    precision = tp / (tp + fp) if tp + fp else 1.0
    return precision, tp / (tp + fn)


def _zero_precision(y_true, scores, threshold):
    tp, fp, fn = _counts(y_true, scores >= threshold)
    precision = tp / (tp + fp) if tp + fp else 0.0  # convenio al revés
    return precision, tp / (tp + fn)


def _nan_precision(y_true, scores, threshold):
    tp, fp, fn = _counts(y_true, scores >= threshold)
    with np.errstate(invalid="ignore"):
        return tp / (tp + fp), tp / (tp + fn)  # 0/0 = nan sin marcar ninguna pieza


def _accuracy_as_precision(y_true, scores, threshold):
    flagged = scores >= threshold
    tp, _, fn = _counts(y_true, flagged)
    return np.mean(flagged == (y_true == 1)), tp / (tp + fn)


def _recall_over_flagged(y_true, scores, threshold):
    tp, fp, fn = _counts(y_true, scores >= threshold)
    precision = tp / (tp + fp) if tp + fp else 1.0
    return precision, tp / (tp + fp + fn)


# --- 15.2 · el umbral más barato -----------------------------------------------------------------


def _costs(y_true, scores, cost_fn, cost_fp):
    thresholds = np.linspace(0, 1, 101)
    costs = []
    for u in thresholds:
        flagged = scores >= u
        fn = np.sum(~flagged & (y_true == 1))
        fp = np.sum(flagged & (y_true == 0))
        costs.append(cost_fn * fn + cost_fp * fp)
    return thresholds, np.array(costs)


def _returns_cost(y_true, scores, cost_fn, cost_fp):
    _, costs = _costs(y_true, scores, cost_fn, cost_fp)
    return costs.min()


def _returns_index(y_true, scores, cost_fn, cost_fp):
    _, costs = _costs(y_true, scores, cost_fn, cost_fp)
    return int(np.argmin(costs))


def _swapped_costs(y_true, scores, cost_fn, cost_fp):
    thresholds, costs = _costs(y_true, scores, cost_fp, cost_fn)  # pasa los costes al revés
    return thresholds[int(np.argmin(costs))]


def _most_expensive(y_true, scores, cost_fn, cost_fp):
    thresholds, costs = _costs(y_true, scores, cost_fn, cost_fp)
    return thresholds[int(np.argmax(costs))]


# --- 15.3 · ¿clasificación, detección o segmentación? --------------------------------------------


MISTAKES = [
    Mistake("dia-015.1", "orden al revés", _swapped, r"devuelves \(exhaustividad, precisión\)"),
    Mistake("dia-015.1", "> en vez de >=", _strict, "usa >=, no >"),
    Mistake("dia-015.1", "precisión 0 sin piezas marcadas", _zero_precision, "vale 1 por convenio"),
    Mistake("dia-015.1", "0/0 da nan sin piezas marcadas", _nan_precision, "vale 1 por convenio"),
    Mistake("dia-015.1", "la exactitud como precisión", _accuracy_as_precision, "es la exactitud"),
    Mistake(
        "dia-015.1",
        "exhaustividad sobre VP + FP + FN",
        _recall_over_flagged,
        r"pero debería ser \(",
    ),
    Mistake("dia-015.2", "devuelve el coste", _returns_cost, "el coste en vez del umbral"),
    Mistake("dia-015.2", "devuelve la posición de argmin", _returns_index, "posición del mejor"),
    Mistake("dia-015.2", "costes intercambiados", _swapped_costs, "intercambias los costes"),
    Mistake("dia-015.2", "argmax en vez de argmin", _most_expensive, "hay umbrales que cuestan"),
    Mistake(
        "dia-015.3",
        "contar manzanas como clasificación",
        {**_RIGHT, "contar las manzanas de un árbol con una caja por manzana": "clasificación"},
        "Revisa 1 de 8",
    ),
    Mistake(
        "dia-015.3",
        "huecos y mala hierba cambiados de tarea",
        {
            **_RIGHT,
            "localizar los huecos vacíos de una estantería del supermercado": "segmentación",
            "medir qué fracción de la foto de un campo es mala hierba, píxel a píxel": "detección",
        },
        "Revisa 2 de 8",
    ),
]
