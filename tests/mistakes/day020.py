"""Errores típicos del día 20: la derivada de SiLU, una softmax estable y la fracción de neuronas
muertas."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- 20.1 · la derivada de SiLU ------------------------------------------------------------------


def _sigma_plus_derivative(z):
    s = _sigmoid(z)
    return s + s * (1 - s)  # le falta la z del segundo término


def _only_second_term(z):
    s = _sigmoid(z)
    return z * s * (1 - s)  # se olvida de σ(z)


def _minus_sign(z):
    s = _sigmoid(z)
    return s - z * s * (1 - s)


# --- 20.2 · una softmax que no se desborda -------------------------------------------------------


def _naive(z):
    e = np.exp(z)  # sin restar el máximo
    return e / e.sum(axis=-1, keepdims=True)


def _global_max(z):
    e = np.exp(z - z.max())  # un solo máximo para toda la matriz
    return e / e.sum(axis=-1, keepdims=True)


def _by_columns(z):
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)


def _whole_matrix(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum()  # sin axis: toda la matriz suma 1


def _unnormalized(z):
    return np.exp(z - z.max(axis=-1, keepdims=True))  # falta dividir


def _no_keepdims(z):
    e = np.exp(z - z.max(axis=-1))  # sin keepdims: se empareja con las columnas
    return e / e.sum(axis=-1)


def _divides_by_max(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.max(axis=-1, keepdims=True)


MISTAKES = [
    Mistake("dia-020.1", "σ(z)", _sigmoid, "falta el término z"),
    Mistake("dia-020.1", "SiLU en sí", lambda z: z * _sigmoid(z), "SiLU\\(z\\) en sí"),
    Mistake(
        "dia-020.1",
        "la derivada de la sigmoide",
        lambda z: _sigmoid(z) * (1 - _sigmoid(z)),
        "la derivada de la sigmoide",
    ),
    Mistake("dia-020.1", "σ + σ', sin la z", _sigma_plus_derivative, "multiplicada por z"),
    Mistake("dia-020.1", "solo z · σ'", _only_second_term, "no coinciden con la derivada"),
    Mistake("dia-020.1", "signo cambiado", _minus_sign, "no coinciden con la derivada"),
    Mistake("dia-020.2", "sin restar el máximo", _naive, "e\\^1000 se desborda"),
    Mistake("dia-020.2", "un máximo para toda la matriz", _global_max, "0/0"),
    Mistake("dia-020.2", "por columnas", _by_columns, "Normalizas por columnas"),
    Mistake("dia-020.2", "divide entre toda la matriz", _whole_matrix, "Toda la matriz suma 1"),
    Mistake("dia-020.2", "sin dividir", _unnormalized, "falta dividir entre la suma"),
    Mistake("dia-020.2", "sin keepdims", _no_keepdims, "keepdims=True al restar"),
    Mistake("dia-020.2", "divide entre el máximo (que es 1)", _divides_by_max, "falta dividir"),
    Mistake(
        "dia-020.2",
        "divide entre la suma de los logits",
        lambda z: np.exp(z - z.max(axis=-1, keepdims=True)) / z.sum(axis=-1, keepdims=True),
        "Divide cada exponencial entre la suma de todas",
    ),
    Mistake(
        "dia-020.3",
        "el número, no la fracción",
        lambda h: (h <= 0).all(axis=0).sum(),
        "el número de neuronas muertas",
    ),
    Mistake(
        "dia-020.3",
        "los ceros de toda la matriz",
        lambda h: (h <= 0).mean(),
        "Cuentas los ceros de toda la matriz",
    ),
    Mistake(
        "dia-020.3",
        "el eje de los ejemplos",
        lambda h: (h <= 0).all(axis=1).mean(),
        "eje equivocado",
    ),
    Mistake("dia-020.3", "any en vez de all", lambda h: (h <= 0).any(axis=0).mean(), "Basta un"),
    Mistake(
        "dia-020.3",
        "«muerta» = activación media casi nula",
        lambda h: (h.mean(axis=0) < 0.01).mean(),
        "casi nunca se activa",
    ),
    Mistake(
        "dia-020.3",
        "«muerta» = nunca pasa de 0,01",
        lambda h: (h.max(axis=0) < 0.01).mean(),
        "casi nunca se activa",
    ),
    Mistake(
        "dia-020.3",
        "divide entre los ejemplos",
        lambda h: (h <= 0).all(axis=0).sum() / h.shape[0],
        "la fracción es",
    ),
]
