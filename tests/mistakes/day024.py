"""Errores típicos del día 24: el gradiente del filtro, el de la entrada y el de la entrada con
paso, en una convolución de un canal escrita con NumPy."""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from mistakes import Mistake


def corr2d(x, w):
    """Correlación cruzada «válida», la misma que da el cuaderno de ejercicios."""
    return np.einsum("ijab,ab->ij", sliding_window_view(x, w.shape), w)


def _full_conv(g, w):
    kh, kw = w.shape
    return corr2d(np.pad(g, ((kh - 1, kh - 1), (kw - 1, kw - 1))), w[::-1, ::-1])


# --- 24.1 · El gradiente del filtro -------------------------------------------------------------


def _filter_grad_result_rotated(x, g):
    return corr2d(x, g)[::-1, ::-1]  # «el gradiente lleva el filtro girado»


def _filter_grad_convolution(x, g):
    return corr2d(x, g[::-1, ::-1])  # una convolución, como scipy.signal.convolve2d(x, g, "valid")


def _filter_grad_descent_sign(x, g):
    return -corr2d(x, g)


def _filter_grad_sum(x, g):
    return x.sum() * np.ones((x.shape[0] - g.shape[0] + 1, x.shape[1] - g.shape[1] + 1))


# --- 24.2 · El gradiente de la entrada ----------------------------------------------------------


def _input_grad_not_flipped(g, w):
    kh, kw = w.shape
    return corr2d(np.pad(g, ((kh - 1, kh - 1), (kw - 1, kw - 1))), w)


def _input_grad_no_padding(g, w):
    return corr2d(g, w[::-1, ::-1])


def _input_grad_pads_one(g, w):
    return corr2d(np.pad(g, 1), w[::-1, ::-1])


def _input_grad_flips_g(g, w):
    kh, kw = w.shape
    return corr2d(np.pad(g[::-1, ::-1], ((kh - 1, kh - 1), (kw - 1, kw - 1))), w)


# --- 24.3 · El gradiente de la entrada con paso ----------------------------------------------


def _strided_no_dilation(g, w, stride, input_shape):
    dx = _full_conv(g, w)  # el paso no se tiene en cuenta
    out = np.zeros(input_shape)
    h, wd = min(dx.shape[0], input_shape[0]), min(dx.shape[1], input_shape[1])
    out[:h, :wd] = dx[:h, :wd]
    return out


def _strided_no_tail(g, w, stride, input_shape):
    dilated = np.zeros(((g.shape[0] - 1) * stride + 1, (g.shape[1] - 1) * stride + 1))
    dilated[::stride, ::stride] = g
    return _full_conv(dilated, w)  # sin las filas y columnas finales que no cubrió nadie


def _strided_dilated_by_stride(g, w, stride, input_shape):
    # Deja «stride» ceros entre dos valores de g, uno de más.
    dilated = np.zeros(((g.shape[0] - 1) * (stride + 1) + 1, (g.shape[1] - 1) * (stride + 1) + 1))
    dilated[:: stride + 1, :: stride + 1] = g
    dx = _full_conv(dilated, w)
    out = np.zeros(input_shape)
    h, wd = min(dx.shape[0], input_shape[0]), min(dx.shape[1], input_shape[1])
    out[:h, :wd] = dx[:h, :wd]
    return out


MISTAKES = [
    Mistake("dia-024.1", "gira el resultado 180°", _filter_grad_result_rotated, r"girado 180°"),
    Mistake(
        "dia-024.1",
        "convolución (g girado) en vez de correlación",
        _filter_grad_convolution,
        r"Has girado g 180°",
    ),
    Mistake("dia-024.1", "con el menos del descenso", _filter_grad_descent_sign, r"signo"),
    Mistake("dia-024.1", "suma de toda la entrada", _filter_grad_sum, r"no coinciden con ∂L/∂W"),
    Mistake("dia-024.2", "sin girar el filtro", _input_grad_not_flipped, r"Falta girar el filtro"),
    Mistake(
        "dia-024.2",
        "correlación válida, sin relleno",
        _input_grad_no_padding,
        r"le falta el relleno",
    ),
    Mistake("dia-024.2", "rellena con un solo cero", _input_grad_pads_one, r"forma de la entrada"),
    Mistake(
        "dia-024.2", "gira g en vez del filtro", _input_grad_flips_g, r"¿has girado g en lugar"
    ),
    Mistake(
        "dia-024.3",
        "ignora el paso: no intercala ceros en g",
        _strided_no_dilation,
        r"sin intercalar ceros",
    ),
    Mistake(
        "dia-024.3",
        "no añade las filas finales que no cubrió ninguna ventana",
        _strided_no_tail,
        r"¿Rellenaste con\s+ceros",
    ),
    Mistake(
        "dia-024.3",
        "intercala un cero de más",
        _strided_dilated_by_stride,
        r"no coinciden con ∂L/∂X",
    ),
]
