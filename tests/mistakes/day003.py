"""Errores típicos del día 3: convolución con paso, atención causal, familias y el ruido de la difusión."""

from __future__ import annotations

import numpy as np

from ia100.exercises.day003 import (
    _FAMILIES,
)  # las respuestas correctas, de las que parten los errores
from mistakes import Mistake


def _conv_flipped(image, kernel, stride=1):
    kernel = kernel[::-1, ::-1]  # la convolución «de los libros»
    kh, kw = kernel.shape
    rows = (image.shape[0] - kh) // stride + 1
    cols = (image.shape[1] - kw) // stride + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            r, c = i * stride, j * stride
            out[i, j] = np.sum(image[r : r + kh, c : c + kw] * kernel)
    return out


def _conv_ignores_stride(image, kernel, stride=1):
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i : i + kh, j : j + kw] * kernel)
    return out


def _conv_stride_not_in_window(image, kernel, stride=1):
    # Tamaño correcto, pero la ventana avanza de 1 en 1.
    kh, kw = kernel.shape
    rows = (image.shape[0] - kh) // stride + 1
    cols = (image.shape[1] - kw) // stride + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.sum(image[i : i + kh, j : j + kw] * kernel)
    return out


def _softmax_rows(scores):
    scores = scores - scores.max(axis=1, keepdims=True)
    weights = np.exp(scores)
    return weights / weights.sum(axis=1, keepdims=True)


def _attention_unscaled(Q, K, V, causal=False):
    scores = Q @ K.T
    if causal:
        scores = np.where(np.triu(np.ones(scores.shape, dtype=bool), k=1), -np.inf, scores)
    weights = _softmax_rows(scores)
    return weights @ V, weights


def _attention_columns(Q, K, V, causal=False):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    if causal:
        scores = np.where(np.triu(np.ones(scores.shape, dtype=bool), k=1), -np.inf, scores)
    scores = scores - scores.max(axis=0, keepdims=True)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=0, keepdims=True)  # softmax por columnas
    return weights @ V, weights


def _attention_mask_upside_down(Q, K, V, causal=False):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    if causal:  # tapa el pasado en vez del futuro
        scores = np.where(np.tril(np.ones(scores.shape, dtype=bool), k=-1), -np.inf, scores)
    weights = _softmax_rows(scores)
    return weights @ V, weights


def _attention_masks_diagonal(Q, K, V, causal=False):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    if causal:  # triu sin k=1 también tapa la diagonal: la primera fila queda toda en −∞
        scores = np.where(np.triu(np.ones(scores.shape, dtype=bool)), -np.inf, scores)
    with np.errstate(invalid="ignore"):
        weights = _softmax_rows(scores)
    return weights @ V, weights


def _attention_no_max(Q, K, V, causal=False):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    if causal:
        scores = np.where(np.triu(np.ones(scores.shape, dtype=bool), k=1), -np.inf, scores)
    weights = np.exp(scores)
    weights = weights / weights.sum(axis=1, keepdims=True)
    return weights @ V, weights


def _attention_swapped(Q, K, V, causal=False):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    if causal:
        scores = np.where(np.triu(np.ones(scores.shape, dtype=bool), k=1), -np.inf, scores)
    weights = _softmax_rows(scores)
    return weights, weights @ V


def _noise_extra_step(x0, t, betas, eps):
    alpha_bar = np.prod(1 - betas[: t + 1])
    return np.sqrt(alpha_bar) * x0 + np.sqrt(1 - alpha_bar) * eps


def _noise_no_roots(x0, t, betas, eps):
    alpha_bar = np.prod(1 - betas[:t])
    return alpha_bar * x0 + (1 - alpha_bar) * eps


def _noise_cumprod_index(x0, t, betas, eps):
    alpha_bar = np.cumprod(1 - betas)[t - 1]  # con t = 0 toma el último: ruido casi puro
    return np.sqrt(alpha_bar) * x0 + np.sqrt(1 - alpha_bar) * eps


def _noise_betas(x0, t, betas, eps):
    alpha_bar = np.prod(betas[:t])  # producto de β en vez de 1 − β
    return np.sqrt(alpha_bar) * x0 + np.sqrt(1 - alpha_bar) * eps


MISTAKES = [
    Mistake("dia-003.1", "voltea el filtro", _conv_flipped, r"Volteas el filtro"),
    Mistake("dia-003.1", "ignora el paso", _conv_ignores_stride, r"debe tener forma"),
    Mistake(
        "dia-003.1",
        "tamaño bien, ventana que avanza de 1 en 1",
        _conv_stride_not_in_window,
        r"Los valores no coinciden.*paso 2",
    ),
    Mistake(
        "dia-003.2",
        "sin dividir entre √d",
        _attention_unscaled,
        r"dividir las puntuaciones entre √d",
    ),
    Mistake(
        "dia-003.2", "softmax por columnas", _attention_columns, r"Cada fila de pesos debe sumar 1"
    ),
    Mistake("dia-003.2", "la máscara tapa el pasado", _attention_mask_upside_down, r"posteriores"),
    Mistake(
        "dia-003.2",
        "la máscara tapa también la diagonal",
        _attention_masks_diagonal,
        r"tapa también la diagonal",
    ),
    Mistake("dia-003.2", "no resta el máximo", _attention_no_max, r"resta el máximo de cada fila"),
    Mistake(
        "dia-003.2", "devuelve (pesos, salida)", _attention_swapped, r"Devuelves \(pesos, salida\)"
    ),
    Mistake(
        "dia-003.3",
        "GAN y difusión cambiadas",
        {
            **_FAMILIES,
            "crear caras realistas entrenando a un falsificador contra un detective": "Difusión",
            "generar una ilustración partiendo de ruido puro y limpiándolo en muchos pasos": "GAN",
        },
        r"Revisa 2 de 6",
    ),
    Mistake(
        "dia-003.3",
        "la traducción con una RNN",
        {
            **_FAMILIES,
            "traducir frases largas relacionando cada palabra con todas las demás a la vez": "RNN",
        },
        r"Revisa 1 de 6",
    ),
    Mistake("dia-003.4", "un paso de más en ᾱ_t", _noise_extra_step, r"Te sobra un paso"),
    Mistake("dia-003.4", "sin raíces cuadradas", _noise_no_roots, r"Faltan las raíces"),
    Mistake("dia-003.4", "cumprod(...)[t - 1] sin cuidar t = 0", _noise_cumprod_index, r"t = 0"),
    Mistake("dia-003.4", "producto de β en vez de 1 − β", _noise_betas, r"no es √ᾱ_t·x0"),
]
