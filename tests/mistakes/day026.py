"""Errores típicos del día 26: contar los parámetros de la CNN, pasar de dos salidas softmax a
una sigmoide y llevar un filtro de Keras a PyTorch."""

from __future__ import annotations

from mistakes import Mistake

# --- 26.1 · Parámetros de la CNN de perros y gatos -------------------------------------------


def _count(*, bias=1, pool=True, in_channels=3, area=9, true_division=False, hidden_bias=1):
    def cnn_params(image_size, channels, hidden, n_classes):
        total, c_in, side = 0, in_channels, image_size
        for c_out in channels:
            total += (area * c_in + bias) * c_out
            c_in = c_out
            if pool:
                side = side / 2 if true_division else side // 2
        flat = c_in * side * side
        return total + (flat + hidden_bias) * hidden + (hidden + hidden_bias) * n_classes

    return cnn_params


# --- 26.2 · De dos salidas softmax a una salida sigmoide -------------------------------------


def _head_reversed(W, b):
    return W[0] - W[1], b[0] - b[1]


def _head_class_one_row(W, b):
    return W[1], b[1]


def _head_without_bias_difference(W, b):
    return W[1] - W[0], b[1]


def _head_sum_of_rows(W, b):
    return W[0] + W[1], b[0] + b[1]


# --- 26.3 · Un filtro de Keras en PyTorch -----------------------------------------------------


def _kernel_reshape(kernel):
    kh, kw, c_in, c_out = kernel.shape
    return kernel.reshape(c_out, c_in, kh, kw)


def _kernel_full_transpose(kernel):
    return kernel.T  # (salidas, entradas, ancho, alto)


def _kernel_transpose_then_reshape(kernel):
    kh, kw, c_in, c_out = kernel.shape
    return kernel.transpose(3, 2, 1, 0).reshape(c_out, c_in, kh, kw)


def _kernel_channels_swapped(kernel):
    return kernel.transpose(2, 3, 0, 1)  # (entradas, salidas, alto, ancho)


MISTAKES = [
    Mistake("dia-026.1", "sin sesgos", _count(bias=0, hidden_bias=0), r"solo cuentas pesos"),
    Mistake("dia-026.1", "olvida el max pooling", _count(pool=False), r"divide el lado"),
    Mistake("dia-026.1", "un solo canal de entrada", _count(in_channels=1), r"en color"),
    Mistake("dia-026.1", "filtro de 3 pesos por canal", _count(area=3), r"no 3"),
    Mistake(
        "dia-026.1",
        "divide el lado con / en vez de //",
        _count(true_division=True),
        r"división entera",
    ),
    Mistake(
        "dia-026.1",
        "sesgos en las convoluciones, pero no en las densas",
        _count(hidden_bias=0),
        r"que no es el total",
    ),
    Mistake("dia-026.2", "resta al revés", _head_reversed, r"clase 0"),
    Mistake("dia-026.2", "solo la fila de la clase 1", _head_class_one_row, r"diferencia"),
    Mistake(
        "dia-026.2",
        "diferencia de pesos, pero el sesgo de la clase 1",
        _head_without_bias_difference,
        r"c = b\[1\] − b\[0\]",
    ),
    Mistake(
        "dia-026.2", "suma las dos filas", _head_sum_of_rows, r"no coincide con la probabilidad"
    ),
    Mistake("dia-026.3", "reshape en vez de transpose", _kernel_reshape, r"reshape no reordena"),
    Mistake("dia-026.3", "kernel.T", _kernel_full_transpose, r"intercambias el\s+alto y el ancho"),
    Mistake(
        "dia-026.3",
        "traspone al revés y arregla la forma con reshape",
        _kernel_transpose_then_reshape,
        r"Intercambias el alto y el ancho",
    ),
    Mistake(
        "dia-026.3",
        "entradas y salidas intercambiadas",
        _kernel_channels_swapped,
        r"PyTorch espera la forma",
    ),
]
