"""Errores típicos del día 14: la capa densa que imitara a una convolución, desplazar una imagen y
qué operaciones son equivariantes o invariantes."""

from __future__ import annotations

import numpy as np

from ia100.exercises.day014 import _OPERATIONS as _RIGHT  # las respuestas correctas
from ia100.exercises.day014 import _shift_reference as _shift  # el desplazamiento correcto
from mistakes import Mistake

# --- 14.2 · desplazar una imagen rellenando con ceros --------------------------------------------


def _with_roll(image, dy, dx):
    return np.roll(image, (dy, dx), axis=(0, 1))  # lo que sale vuelve a entrar


def _opposite_direction(image, dy, dx):
    return _shift(image, -dy, -dx)  # confunde «hacia abajo» con dy < 0


def _rows_and_columns_swapped(image, dy, dx):
    return _shift(image, dx, dy)


def _in_place(image, dy, dx):
    shifted = _shift(image, dy, dx)
    image[...] = shifted  # «reutilizo la memoria»: estropea la imagen de entrada
    return image


def _crops(image, dy, dx):
    h, w = image.shape
    return image[max(-dy, 0) : h - max(dy, 0), max(-dx, 0) : w - max(dx, 0)].copy()  # sin rellenar


def _roll_and_clear_rows_only(image, dy, dx):
    out = np.roll(image, (dy, dx), axis=(0, 1))
    if dy > 0:
        out[:dy] = 0
    elif dy < 0:
        out[dy:] = 0
    return out  # se olvida de borrar las columnas que vuelven a entrar


# --- 14.3 · ¿equivariante, invariante o ninguna? -------------------------------------------------


MISTAKES = [
    Mistake(
        "dia-014.1",
        "sin sesgos",
        lambda h, w, c_in, c_out: (h * w * c_in) * (h * w * c_out),
        "faltan los sesgos",
    ),
    Mistake(
        "dia-014.1",
        "un solo sesgo en total",
        lambda h, w, c_in, c_out: (h * w * c_in) * (h * w * c_out) + 1,
        "un sesgo por neurona, no uno",
    ),
    Mistake(
        "dia-014.1",
        "la salida como c_out números",
        lambda h, w, c_in, c_out: (h * w * c_in + 1) * c_out,
        "no son c_out números",
    ),
    Mistake(
        "dia-014.1",
        "los parámetros de la convolución 3×3",
        lambda h, w, c_in, c_out: (9 * c_in + 1) * c_out,
        "parámetros de la convolución",
    ),
    Mistake(
        "dia-014.1",
        "un sesgo por canal de salida",
        lambda h, w, c_in, c_out: (h * w * c_in) * (h * w * c_out) + c_out,
        "uno por mapa es lo que hace la convolución",
    ),
    Mistake("dia-014.2", "np.roll", _with_roll, r"np\.roll"),
    Mistake("dia-014.2", "sentido contrario", _opposite_direction, "sentido contrario"),
    Mistake("dia-014.2", "filas y columnas cambiadas", _rows_and_columns_swapped, "intercambias"),
    Mistake("dia-014.2", "recorta en vez de rellenar", _crops, "la forma de la entrada"),
    Mistake("dia-014.2", "modifica la imagen de entrada", _in_place, "modifica la imagen"),
    Mistake(
        "dia-014.2",
        "np.roll y solo borra las filas",
        _roll_and_clear_rows_only,
        "vuelve a entrar por el otro",
    ),
    Mistake(
        "dia-014.3",
        "el sesgo por canal rompe la equivariancia",
        {**_RIGHT, "sumar un sesgo distinto a cada canal": "ninguna"},
        "Revisa 1 de 8",
    ),
    Mistake(
        "dia-014.3",
        "contar píxeles «se mueve» y la capa densa es equivariante",
        {
            **_RIGHT,
            "contar cuántos píxeles de la imagen superan un umbral": "equivariante",
            "aplanar la imagen y aplicar una capa densa": "equivariante",
        },
        "Revisa 2 de 8",
    ),
]
