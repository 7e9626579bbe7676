"""Errores típicos del día 22: contar los parámetros de una cabeza y convertir capas densas en
convoluciones (1×1 y del tamaño del mapa)."""

from __future__ import annotations

import torch
from torch import nn

from mistakes import Mistake

# --- 22.1 · Parámetros de una cabeza ----------------------------------------------------------


def _weights_only(channels, height, width, n_classes, gap):
    n_in = channels if gap else channels * height * width
    return n_in * n_classes


def _one_bias(channels, height, width, n_classes, gap):
    n_in = channels if gap else channels * height * width
    return n_in * n_classes + 1


def _gap_keeps_the_map(channels, height, width, n_classes, gap):
    return (channels * height * width + 1) * n_classes


def _flatten_counts_channels(channels, height, width, n_classes, gap):
    return (channels + 1) * n_classes


# --- 22.2 · Una capa densa convertida en convolución 1×1 -------------------------------------


def _conv1x1(linear, *, transpose=False, bias=True, copy=True):
    conv = nn.Conv2d(linear.in_features, linear.out_features, kernel_size=1, bias=bias)
    if copy:
        weight = linear.weight.T if transpose else linear.weight
        with torch.no_grad():
            conv.weight.copy_(weight[:, :, None, None])
            if bias:
                conv.bias.copy_(linear.bias)
    return conv


def _transposed(linear):
    return _conv1x1(linear, transpose=True)


def _bias_false(linear):
    return _conv1x1(linear, bias=False)


def _weights_not_copied(linear):
    return _conv1x1(linear, copy=False)


def _bias_not_copied(linear):
    conv = _conv1x1(linear)
    with torch.no_grad():
        conv.bias.zero_()  # «el sesgo empieza en cero»
    return conv


def _kernel_3x3(linear):
    return nn.Conv2d(linear.in_features, linear.out_features, kernel_size=3, padding=1)


# --- 22.3 · La cabeza que aplana, convertida en convolución -----------------------------------


def _hwc_order(linear, c, h, w):
    conv = nn.Conv2d(c, linear.out_features, kernel_size=(h, w))
    with torch.no_grad():
        # Lee las columnas como (fila, columna, canal), el orden de Keras.
        conv.weight.copy_(linear.weight.reshape(linear.out_features, h, w, c).permute(0, 3, 1, 2))
        conv.bias.copy_(linear.bias)
    return conv


def _full_map_no_bias(linear, c, h, w):
    conv = nn.Conv2d(c, linear.out_features, kernel_size=(h, w), bias=False)
    with torch.no_grad():
        conv.weight.copy_(linear.weight.reshape(linear.out_features, c, h, w))
    return conv


def _width_by_height(linear, c, h, w):
    conv = nn.Conv2d(c, linear.out_features, kernel_size=(w, h))  # (ancho, alto)
    with torch.no_grad():
        conv.weight.copy_(linear.weight.reshape(linear.out_features, c, w, h))
        conv.bias.copy_(linear.bias)
    return conv


def _kernel_one(linear, c, h, w):
    return nn.Conv2d(c * h * w, linear.out_features, kernel_size=1)


def _padded(linear, c, h, w):
    conv = nn.Conv2d(c, linear.out_features, kernel_size=(h, w), padding=1)
    with torch.no_grad():
        conv.weight.copy_(linear.weight.reshape(linear.out_features, c, h, w))
        conv.bias.copy_(linear.bias)
    return conv


MISTAKES = [
    Mistake("dia-022.1", "sin sesgos", _weights_only, r"no los sesgos"),
    Mistake("dia-022.1", "un solo sesgo para toda la capa", _one_bias, r"un sesgo por cada salida"),
    Mistake(
        "dia-022.1",
        "con promedio global sigue contando alto × ancho",
        _gap_keeps_the_map,
        r"el alto y el ancho ya no cuentan",
    ),
    Mistake(
        "dia-022.1",
        "al aplanar cuenta solo los canales",
        _flatten_counts_channels,
        r"canales × alto × ancho",
    ),
    Mistake("dia-022.2", "pesos traspuestos", _transposed, r"Has traspuesto los pesos"),
    Mistake("dia-022.2", "convolución con bias=False", _bias_false, r"no tiene sesgo"),
    Mistake("dia-022.2", "crea la convolución y no copia nada", _weights_not_copied, r"copiaste"),
    Mistake("dia-022.2", "copia los pesos pero no el sesgo", _bias_not_copied, r"falta copiar"),
    Mistake("dia-022.2", "filtro de 3×3", _kernel_3x3, r"1×1"),
    Mistake("dia-022.3", "pesos en orden (fila, columna, canal)", _hwc_order, r"nn\.Flatten"),
    Mistake("dia-022.3", "sin sesgo", _full_map_no_bias, r"falta copiar el sesgo"),
    Mistake("dia-022.3", "kernel_size=(ancho, alto)", _width_by_height, r"cubrir el mapa entero"),
    Mistake("dia-022.3", "una 1×1 sobre el vector aplanado", _kernel_one, r"cubrir el mapa"),
    Mistake("dia-022.3", "con relleno", _padded, r"sin relleno"),
]
