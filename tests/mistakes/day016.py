"""Errores típicos del día 16: la correlación a mano, una capa con varios canales y girar los
filtros para que F.conv2d dé la convolución."""

from __future__ import annotations

import numpy as np
import torch

from mistakes import Mistake

# --- 16.1 · la correlación de una imagen en gris -------------------------------------------------


def _correlate(image, kernel):
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i : i + kh, j : j + kw] * kernel)
    return out


def _convolution(image, kernel):
    return _correlate(image, kernel[::-1, ::-1])  # gira el filtro: convolución matemática


def _zero_padded_same(image, kernel):
    kh, kw = kernel.shape
    padded = np.zeros((image.shape[0] + kh - 1, image.shape[1] + kw - 1))
    padded[kh // 2 : kh // 2 + image.shape[0], kw // 2 : kw // 2 + image.shape[1]] = image
    return _correlate(padded, kernel)  # rellena para conservar el tamaño


def _off_by_one(image, kernel):
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - kh, image.shape[1] - kw))  # le falta el + 1
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i : i + kh, j : j + kw] * kernel)
    return out


def _transposed_kernel(image, kernel):
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i : i + kh, j : j + kw] * kernel.T)  # u y v cambiados
    return out


def _matrix_product(image, kernel):
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i : i + kh, j : j + kw] @ kernel.T)  # @ en vez de *
    return out


# --- 16.2 · una capa con varios canales y sesgo --------------------------------------------------


def _per_channel_maps(x, weight, bias):
    c_out, c_in = weight.shape[:2]
    return np.array(
        [[_correlate(x[c], weight[o, c]) + bias[o] for c in range(c_in)] for o in range(c_out)]
    )  # un mapa por filtro y canal: no suma los canales


def _no_bias(x, weight, bias):
    c_out, c_in = weight.shape[:2]
    return np.stack(
        [sum(_correlate(x[c], weight[o, c]) for c in range(c_in)) for o in range(c_out)]
    )


def _bias_per_channel(x, weight, bias):
    c_out, c_in = weight.shape[:2]
    return np.stack(
        [sum(_correlate(x[c], weight[o, c]) + bias[o] for c in range(c_in)) for o in range(c_out)]
    )


def _flipped_layer(x, weight, bias):
    c_out, c_in = weight.shape[:2]
    return np.stack(
        [sum(_convolution(x[c], weight[o, c]) for c in range(c_in)) + bias[o] for o in range(c_out)]
    )


def _channels_last(x, weight, bias):
    c_out, c_in = weight.shape[:2]
    maps = [
        sum(_correlate(x[c], weight[o, c]) for c in range(c_in)) + bias[o] for o in range(c_out)
    ]
    return np.stack(maps, axis=-1)  # (H_out, W_out, C_out), como una imagen


def _mean_over_channels(x, weight, bias):
    c_out, c_in = weight.shape[:2]
    return np.stack(
        [
            np.mean([_correlate(x[c], weight[o, c]) for c in range(c_in)], axis=0) + bias[o]
            for o in range(c_out)
        ]
    )  # media en vez de suma


# --- 16.3 · girar los filtros para F.conv2d ------------------------------------------------------


def _flip_in_place(weight):
    weight.copy_(torch.flip(weight, dims=(-2, -1)))
    return weight


MISTAKES = [
    Mistake("dia-016.1", "convolución (filtro girado)", _convolution, "convolución matemática"),
    Mistake("dia-016.1", "relleno para conservar el tamaño", _zero_padded_same, "devuelves otra"),
    Mistake("dia-016.1", "H - kh sin el + 1", _off_by_one, "la salida debe medir"),
    Mistake("dia-016.1", "filtro traspuesto", _transposed_kernel, "Traspones el filtro"),
    Mistake(
        "dia-016.1", "producto de matrices", _matrix_product, "no coinciden con la correlación"
    ),
    Mistake("dia-016.2", "un mapa por filtro y canal", _per_channel_maps, "Falta sumar sobre los"),
    Mistake("dia-016.2", "sin sesgo", _no_bias, "Falta sumar el sesgo"),
    Mistake("dia-016.2", "sesgo sumado en cada canal", _bias_per_channel, "una vez por canal"),
    Mistake("dia-016.2", "filtros girados", _flipped_layer, "Giras los filtros"),
    Mistake("dia-016.2", "canales al final", _channels_last, r"\(C_out, H_out, W_out\)"),
    Mistake("dia-016.2", "media de los canales", _mean_over_channels, "valores no coinciden"),
    Mistake(
        "dia-016.3",
        "solo de izquierda a derecha",
        lambda weight: torch.flip(weight, dims=(-1,)),
        "Solo giras de izquierda a derecha",
    ),
    Mistake(
        "dia-016.3",
        "solo de arriba abajo",
        lambda weight: torch.flip(weight, dims=(-2,)),
        "Solo giras de arriba abajo",
    ),
    Mistake(
        "dia-016.3",
        "gira todos los ejes, también los de los canales",
        lambda weight: torch.flip(weight, dims=tuple(range(weight.ndim))),
        "ejes de los canales",
    ),
    Mistake(
        "dia-016.3",
        "np.flip: devuelve un array de NumPy",
        lambda weight: np.flip(weight.numpy(), axis=(-2, -1)),
        "Devuelve un tensor de PyTorch",
    ),
    Mistake("dia-016.3", "sin girar", lambda weight: weight.clone(), "Devuelves los pesos sin"),
    Mistake(
        "dia-016.3",
        "traspone en vez de girar",
        lambda weight: weight.transpose(-2, -1).clone(),
        "Trasponer",
    ),
    Mistake("dia-016.3", "gira en el sitio", _flip_in_place, "modifica el tensor"),
    Mistake(
        "dia-016.3",
        "gira 90° en vez de 180°",
        lambda weight: torch.rot90(weight, 1, dims=(-2, -1)),
        "F.conv2d no da la convolución",
    ),
]
