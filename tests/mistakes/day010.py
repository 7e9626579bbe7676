"""Errores típicos del día 10: softmax estable, su gradiente con entropía cruzada y la red de Iris."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake


def _softmax(Z):
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


def _softmax_unstable(Z):
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


def _softmax_global_max(Z):
    E = np.exp(Z - Z.max())  # el máximo de toda la matriz
    return E / E.sum(axis=1, keepdims=True)


def _softmax_row_min(Z):
    E = np.exp(Z - Z.min(axis=1, keepdims=True))  # el mínimo: los exponentes quedan ≥ 0
    return E / E.sum(axis=1, keepdims=True)


def _softmax_whole_matrix(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum()  # normaliza por toda la matriz


def _softmax_columns(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def _softmax_in_place(Z):
    Z -= Z.max(axis=1, keepdims=True)  # modifica la matriz del que llama
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


def _grad_sign(Z, Y):
    return (Y - _softmax(Z)) / len(Y)


def _grad_not_averaged(Z, Y):
    return _softmax(Z) - Y


def _grad_logits_minus_labels(Z, Y):
    return (Z - Y) / len(Y)


def _grad_divided_by_classes(Z, Y):
    return (_softmax(Z) - Y) / Y.shape[1]  # divide entre k, no entre n


def _train(X_train, y_train, X_test, *, standardize_with_test=False, sign=1.0, lr=0.1):
    rng = np.random.default_rng(0)
    mu, sigma = X_train.mean(axis=0), X_train.std(axis=0)
    X, Y = (X_train - mu) / sigma, np.eye(3)[y_train]
    W1 = rng.normal(0, 1 / np.sqrt(4), size=(4, 16))
    W2 = rng.normal(0, 0.1 / np.sqrt(16), size=(16, 3))
    b1, b2 = np.zeros(16), np.zeros(3)
    for _ in range(200):
        order = rng.permutation(len(X))
        for start in range(0, len(X), 16):
            idx = order[start : start + 16]
            H = np.tanh(X[idx] @ W1 + b1)
            dZ2 = (_softmax(H @ W2 + b2) - Y[idx]) / len(idx)
            dZ1 = (dZ2 @ W2.T) * (1 - H**2)
            W2 -= sign * lr * H.T @ dZ2
            b2 -= sign * lr * dZ2.sum(axis=0)
            W1 -= sign * lr * X[idx].T @ dZ1
            b1 -= sign * lr * dZ1.sum(axis=0)
    if standardize_with_test:
        mu, sigma = X_test.mean(axis=0), X_test.std(axis=0)
    H = np.tanh(((X_test - mu) / sigma) @ W1 + b1)
    return _softmax(H @ W2 + b2)


def _standardizes_with_test(X_train, y_train, X_test):
    return _train(X_train, y_train, X_test, standardize_with_test=True).argmax(axis=1)


def _returns_probabilities(X_train, y_train, X_test):
    return _train(X_train, y_train, X_test)


def _gradient_ascent(X_train, y_train, X_test):
    # W += lr·dW: sube la pérdida en vez de bajarla.
    return _train(X_train, y_train, X_test, sign=-1.0).argmax(axis=1)


def _tiny_learning_rate(X_train, y_train, X_test):
    return _train(X_train, y_train, X_test, lr=1e-4).argmax(axis=1)


def _argmax_wrong_axis(X_train, y_train, X_test):
    return _train(X_train, y_train, X_test).argmax(axis=0)  # la mejor flor de cada especie


MISTAKES = [
    Mistake("dia-010.1", "sin restar el máximo", _softmax_unstable, r"exp\(1000\) desborda"),
    Mistake(
        "dia-010.1", "resta el máximo de toda la matriz", _softmax_global_max, r"de toda la matriz"
    ),
    Mistake(
        "dia-010.1",
        "normaliza por toda la matriz",
        _softmax_whole_matrix,
        r"Cada fila debe sumar 1",
    ),
    Mistake(
        "dia-010.1",
        "resta el mínimo de cada fila",
        _softmax_row_min,
        r"¿restas el mínimo de cada fila\?",
    ),
    Mistake("dia-010.1", "softmax por columnas", _softmax_columns, r"Cada fila debe sumar 1"),
    Mistake("dia-010.1", "modifica Z en su sitio", _softmax_in_place, r"modifica la matriz Z"),
    Mistake("dia-010.2", "etiqueta menos predicción", _grad_sign, r"signo está cambiado"),
    Mistake("dia-010.2", "sin dividir entre n", _grad_not_averaged, r"falta dividir"),
    Mistake(
        "dia-010.2",
        "logits menos etiquetas",
        _grad_logits_minus_labels,
        r"antes hay que pasarlos por softmax",
    ),
    Mistake(
        "dia-010.2", "divide entre k", _grad_divided_by_classes, r"no coinciden con el gradiente"
    ),
    Mistake(
        "dia-010.3",
        "estandariza la prueba con sus propias medias",
        _standardizes_with_test,
        r"las del entrenamiento",
    ),
    Mistake(
        "dia-010.3",
        "devuelve las probabilidades",
        _returns_probabilities,
        r"matriz de probabilidades",
    ),
    Mistake(
        "dia-010.3",
        "ascenso de gradiente (signo del paso)",
        _gradient_ascent,
        r"hace falta ≥ 0\.90",
    ),
    Mistake(
        "dia-010.3",
        "tasa de aprendizaje 1000 veces menor",
        _tiny_learning_rate,
        r"hace falta ≥ 0\.90",
    ),
    Mistake(
        "dia-010.3",
        "argmax por columnas",
        _argmax_wrong_axis,
        r"debe tener forma \(45,\), no \(3,\)",
    ),
]
