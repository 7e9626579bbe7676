"""Errores típicos del día 19: el tamaño de salida de un pooling, el max pooling a mano y su
gradiente."""

from __future__ import annotations

import math

import numpy as np

from mistakes import Mistake

# --- 19.2 · max pooling a mano -------------------------------------------------------------------


def _blocks(x, k):
    h, w = x.shape[0] // k, x.shape[1] // k
    return x[: h * k, : w * k].reshape(h, k, w, k)


def _mean_pool(x, k):
    return _blocks(x, k).mean(axis=(1, 3))


def _min_pool(x, k):
    return _blocks(x, k).min(axis=(1, 3))


def _abs_max_pool(x, k):
    return np.abs(_blocks(x, k)).max(axis=(1, 3))


def _wrong_reshape(x, k):
    h, w = x.shape[0] // k, x.shape[1] // k
    return x[: h * k, : w * k].reshape(h, w, k, k).max(axis=(2, 3))  # ejes mezclados


def _partial_windows(x, k):
    h, w = math.ceil(x.shape[0] / k), math.ceil(x.shape[1] / k)  # cuenta ventanas incompletas
    out = np.empty((h, w))
    for i in range(h):
        for j in range(w):
            out[i, j] = x[i * k : (i + 1) * k, j * k : (j + 1) * k].max()
    return out


def _stride_one(x, k):
    windows = np.lib.stride_tricks.sliding_window_view(x, (k, k))  # ventanas solapadas, paso 1
    return windows.max(axis=(2, 3))


# --- 19.3 · el gradiente del max pooling ---------------------------------------------------------


def _argmax_mask(x, grad_out, k):
    grad = np.zeros_like(x, dtype=float)
    for i, j in np.ndindex(grad_out.shape):
        window = x[i * k : (i + 1) * k, j * k : (j + 1) * k]
        a, b = np.unravel_index(np.argmax(window), window.shape)
        grad[i * k + a, j * k + b] = 1.0  # se olvida de grad_out
    return grad


def _spread(x, grad_out, k):
    grad = np.zeros_like(x, dtype=float)
    h, w = grad_out.shape
    grad[: h * k, : w * k] = np.kron(grad_out, np.ones((k, k)))  # copia en toda la ventana
    return grad


def _average_grad(x, grad_out, k):
    return _spread(x, grad_out, k) / k**2  # el gradiente del average pooling


def _cropped_shape(x, grad_out, k):
    h, w = grad_out.shape
    grad = np.zeros((h * k, w * k))  # olvida las filas y columnas que sobran
    for i, j in np.ndindex(grad_out.shape):
        window = x[i * k : (i + 1) * k, j * k : (j + 1) * k]
        a, b = np.unravel_index(np.argmax(window), window.shape)
        grad[i * k + a, j * k + b] = grad_out[i, j]
    return grad


def _argmin_position(x, grad_out, k):
    grad = np.zeros_like(x, dtype=float)
    for i, j in np.ndindex(grad_out.shape):
        window = x[i * k : (i + 1) * k, j * k : (j + 1) * k]
        a, b = np.unravel_index(np.argmin(window), window.shape)  # argmin en vez de argmax
        grad[i * k + a, j * k + b] = grad_out[i, j]
    return grad


MISTAKES = [
    Mistake(
        "dia-019.1",
        "división real",
        lambda n, k, s, p=0: (n + 2 * p - k) / s + 1,
        r"usa división entera \(//\)",
    ),
    Mistake(
        "dia-019.1",
        "relleno por un solo lado",
        lambda n, k, s, p=0: (n + p - k) // s + 1,
        "por los dos lados, 2p",
    ),
    Mistake(
        "dia-019.1", "sin el + 1", lambda n, k, s, p=0: (n + 2 * p - k) // s, "te falta sumar 1"
    ),
    Mistake(
        "dia-019.1",
        "redondea hacia arriba",
        lambda n, k, s, p=0: math.ceil((n + 2 * p - k) / s) + 1,
        "redondeas hacia arriba",
    ),
    Mistake(
        "dia-019.1",
        "divide n entre el paso",
        lambda n, k, s, p=0: (n + 2 * p) // s,
        "pero la salida mide",
    ),
    Mistake("dia-019.2", "media en vez de máximo", _mean_pool, "Calculas la media"),
    Mistake("dia-019.2", "mínimo", _min_pool, "el mínimo"),
    Mistake("dia-019.2", "máximo del valor absoluto", _abs_max_pool, "valor absoluto"),
    Mistake("dia-019.2", "reshape(h, w, k, k)", _wrong_reshape, r"reshape\(h, w, k, k\)"),
    Mistake("dia-019.2", "cuenta las ventanas incompletas", _partial_windows, "no caben enteras"),
    Mistake("dia-019.2", "ventanas con paso 1", _stride_one, "Tus ventanas se solapan"),
    Mistake(
        "dia-019.2",
        "traspone la salida",
        lambda x, k: _blocks(x, k).max(axis=(1, 3)).T,
        "no son los máximos de cada ventana",
    ),
    Mistake("dia-019.3", "un 1 en el máximo", _argmax_mask, "multiplicar por grad_out"),
    Mistake("dia-019.3", "copia en toda la ventana", _spread, "Copias el gradiente"),
    Mistake("dia-019.3", "reparte a partes iguales", _average_grad, "gradiente de la media"),
    Mistake("dia-019.3", "forma recortada", _cropped_shape, "tiene la forma de x"),
    Mistake("dia-019.3", "argmin en vez de argmax", _argmin_position, "no coincide con el de"),
]
