"""Errores típicos del día 7: entropía cruzada binaria y categórica desde logits, y qué pérdida usar."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake

_TASKS = {
    "temperatura": "MSE",
    "entrega": "Huber",
    "spam": "BCE",
    "dígito": "CE",
    "etiquetas de una foto": "BCE",
    "especie de iris": "CE",
}


def _bce_naive(z, y):
    p = 1 / (1 + np.exp(-z))  # la sigmoide primero: se satura con logits grandes
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _bce_clipped(z, y):
    p = np.clip(1 / (1 + np.exp(-z)), 1e-7, 1 - 1e-7)  # «arreglo» del log(0) con un recorte
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _bce_sum(z, y):
    return float(np.sum(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def _bce_no_minus(z, y):
    p = 1 / (1 + np.exp(-z))
    return float(np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _bce_sign_of_zy(z, y):
    return float(np.mean(np.maximum(z, 0) + z * y + np.log1p(np.exp(-np.abs(z)))))


def _ce_no_max(logits, labels):
    lse = np.log(np.exp(logits).sum(axis=1))
    return float(np.mean(lse - logits[np.arange(len(labels)), labels]))


def _ce_global_max(logits, labels):
    m = logits.max()  # el máximo de toda la matriz, no el de cada fila
    lse = m + np.log(np.exp(logits - m).sum(axis=1))
    return float(np.mean(lse - logits[np.arange(len(labels)), labels]))


def _ce_clipped_probs(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    p = np.clip(p, 1e-12, 1.0)
    return float(-np.mean(np.log(p[np.arange(len(labels)), labels])))


def _ce_sum(logits, labels):
    m = logits.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    return float(np.sum(lse - logits[np.arange(len(labels)), labels]))


def _ce_mean_over_classes(logits, labels):
    m = logits.max(axis=1, keepdims=True)
    log_p = logits - m - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
    one_hot = np.eye(logits.shape[1])[labels]
    return float(-np.mean(one_hot * log_p))  # media sobre n·k casillas, no sobre n ejemplos


MISTAKES = [
    Mistake("dia-007.1", "sigmoide y luego logaritmo", _bce_naive, r"no es estable"),
    Mistake("dia-007.1", "probabilidades recortadas con np.clip", _bce_clipped, r"np\.clip"),
    Mistake("dia-007.1", "suma en vez de media", _bce_sum, r"suma las pérdidas"),
    Mistake("dia-007.1", "sin el signo menos", _bce_no_minus, r"¿Falta un signo menos\?"),
    Mistake("dia-007.1", "+z·y en vez de −z·y", _bce_sign_of_zy, r"signo"),
    Mistake("dia-007.2", "sin restar el máximo", _ce_no_max, r"no es estable"),
    Mistake(
        "dia-007.2",
        "resta el máximo de toda la matriz",
        _ce_global_max,
        r"resta a cada fila su propio máximo",
    ),
    Mistake("dia-007.2", "logaritmo de probabilidades recortadas", _ce_clipped_probs, r"np\.clip"),
    Mistake("dia-007.2", "suma en vez de media", _ce_sum, r"suma las pérdidas"),
    Mistake(
        "dia-007.2",
        "media sobre todas las casillas del one-hot",
        _ce_mean_over_classes,
        r"¿tomas la probabilidad de la clase correcta",
    ),
    Mistake(
        "dia-007.3",
        "MSE con atípicos y CE para varias etiquetas",
        {**_TASKS, "entrega": "MSE", "etiquetas de una foto": "CE"},
        r"Revisa 2 de 6",
    ),
    Mistake(
        "dia-007.3",
        "BCE para el dígito",
        {**_TASKS, "dígito": "BCE"},
        r"Revisa 1 de 6: \['dígito'\]",
    ),
]
