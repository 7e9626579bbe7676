"""Errores típicos del día 6: la derivada de la sigmoide, la retropropagación lineal y el gradiente numérico."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake


def _sigmoid(z):
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))


def _returns_sigmoid(z):
    return _sigmoid(z)


def _forgets_sigmoid(z):
    # Aplica la fórmula s·(1 − s) directamente a z, sin calcular antes s = σ(z).
    z = np.asarray(z, dtype=float)
    return z * (1 - z)


def _tanh_derivative(z):
    return 1 - np.tanh(z) ** 2


def _sign_flipped(z):
    s = _sigmoid(z)
    return s * (s - 1)


def _db_mean(dY, X, W):
    return X.T @ dY, dY.mean(axis=0), dY @ W.T


def _db_wrong_axis(dY, X, W):
    return X.T @ dY, dY.sum(axis=1), dY @ W.T


def _dW_averaged(dY, X, W):
    return X.T @ dY / len(X), dY.sum(axis=0), dY @ W.T


def _dW_transposed(dY, X, W):
    return dY.T @ X, dY.sum(axis=0), dY @ W.T


def _returns_X(dY, X, W):
    # Devuelve la entrada en lugar de su gradiente.
    return X.T @ dY, dY.sum(axis=0), X


def _forward_difference(f, x, h=1e-5):
    grad = np.zeros(x.shape)
    base = f(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        grad[idx] = (f(x) - base) / h
        x[idx] = old
    return grad


def _central(divisor: float, restore: bool):
    """Diferencias centradas con un error: dividir mal o no devolver x a su valor."""

    def numerical_grad(f, x, h=1e-5):
        grad = np.zeros(x.shape)
        for idx in np.ndindex(x.shape):
            old = x[idx]
            x[idx] = old + h
            plus = f(x)
            x[idx] = old - h
            minus = f(x)
            if restore:
                x[idx] = old
            grad[idx] = (plus - minus) / (divisor * h)
        return grad

    return numerical_grad


_divides_by_h = _central(1, restore=True)  # falta el 2
_does_not_restore = _central(2, restore=False)  # x[idx] se queda en old − h


MISTAKES = [
    Mistake(
        "dia-006.1",
        "devuelve la sigmoide",
        _returns_sigmoid,
        r"devuelves la sigmoide, no su derivada",
    ),
    Mistake(
        "dia-006.1",
        "z·(1 − z) sin calcular σ(z)",
        _forgets_sigmoid,
        r"tu función da 0: ¿calculas z·\(1 − z\)\?",
    ),
    Mistake(
        "dia-006.1", "la derivada de tanh", _tanh_derivative, r"la derivada vale 0\.25.*da 1\b"
    ),
    Mistake(
        "dia-006.1",
        "signo cambiado: s·(s − 1)",
        _sign_flipped,
        r"la derivada vale 0\.25.*da -0\.25",
    ),
    Mistake("dia-006.2", "db como media", _db_mean, r"db es la media de dY"),
    Mistake(
        "dia-006.2",
        "db sumando por el eje equivocado",
        _db_wrong_axis,
        r"db debe tener la forma de b",
    ),
    Mistake("dia-006.2", "dW dividido entre n", _dW_averaged, r"dividido entre n"),
    Mistake("dia-006.2", "dW traspuesto", _dW_transposed, r"dW debe tener la forma de W"),
    Mistake(
        "dia-006.2", "devuelve X en lugar de dX", _returns_X, r"dX tiene la forma correcta pero no"
    ),
    Mistake(
        "dia-006.3", "diferencias hacia adelante", _forward_difference, r"diferencias centradas"
    ),
    Mistake(
        "dia-006.3",
        "divide entre h y no entre 2h",
        _divides_by_h,
        r"no se parecen al gradiente exacto",
    ),
    Mistake("dia-006.3", "no devuelve x a su valor", _does_not_restore, r"ha modificado x"),
]
