"""Errores típicos del día 17: un detector de bordes diagonales, la magnitud del borde con Sobel y
el filtro de realce."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake

_SOBEL_X = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])

# --- 17.2 · la magnitud del borde con Sobel ------------------------------------------------------


def _responses(gray, padded=False):
    if padded:
        gray = np.pad(gray, 1)
    windows = np.lib.stride_tricks.sliding_window_view(gray, (3, 3))
    gx = np.einsum("ijuv,uv->ij", windows, _SOBEL_X)
    gy = np.einsum("ijuv,uv->ij", windows, _SOBEL_X.T)
    return gx, gy


def _same_size(gray):
    gx, gy = _responses(gray, padded=True)  # rellena con ceros: conserva el tamaño
    return np.sqrt(gx**2 + gy**2)


def _no_sqrt(gray):
    gx, gy = _responses(gray)
    return gx**2 + gy**2


def _l1(gray):
    gx, gy = _responses(gray)
    return np.abs(gx) + np.abs(gy)


def _only_x(gray):
    gx, _ = _responses(gray)
    return np.abs(gx)


def _only_y(gray):
    _, gy = _responses(gray)
    return np.abs(gy)


def _sobel_y_not_transposed(gray):
    gx, _ = _responses(gray)
    return np.sqrt(gx**2 + gx**2)  # usa Sobel x dos veces


def _cropped_too_much(gray):
    gx, gy = _responses(gray)
    return np.sqrt(gx**2 + gy**2)[1:-1, 1:-1]  # recorta otra vez el borde


# --- 17.3 · realzar a partir de suavizar ---------------------------------------------------------


def _delta(shape):
    delta = np.zeros(shape)
    delta[shape[0] // 2, shape[1] // 2] = 1.0
    return delta


def _details_only(blur, amount):
    return amount * (_delta(blur.shape) - blur)


def _details_on_blur(blur, amount):
    return blur + amount * (_delta(blur.shape) - blur)


def _subtracts_details(blur, amount):
    delta = _delta(blur.shape)
    return delta - amount * (delta - blur)


def _eye_as_identity(blur, amount):
    eye = np.eye(blur.shape[0])  # la matriz identidad no es el filtro identidad
    return eye + amount * (eye - blur)


def _one_in_the_corner(blur, amount):
    delta = np.zeros(blur.shape)
    delta[0, 0] = 1.0
    return delta + amount * (delta - blur)


def _in_place(blur, amount):
    c = blur.shape[0] // 2
    blur *= -amount  # reutiliza blur: lo estropea
    blur[c, c] += 1 + amount
    return blur


def _amount_on_identity(blur, amount):
    delta = _delta(blur.shape)
    return (1 + amount) * delta - blur  # se deja amount en el suavizado


MISTAKES = [
    Mistake(
        "dia-017.1",
        "un 1 en el centro: no suma 0",
        [[-1, -1, 0], [-1, 1, 1], [0, 1, 1]],
        "Un detector de bordes debe sumar 0",
    ),
    Mistake(
        "dia-017.1",
        "detector de la otra diagonal",
        [[0, -1, -2], [1, 0, -1], [2, 1, 0]],
        "Responde, en cambio, a los de la otra diagonal",
    ),
    Mistake(
        "dia-017.1",
        "signo al revés",
        [[2, 1, 0], [1, 0, -1], [0, -1, -2]],
        "El signo está al revés",
    ),
    Mistake("dia-017.1", "Sobel x tal cual", _SOBEL_X, "también responde a los bordes de la otra"),
    Mistake(
        "dia-017.1",
        "Sobel diagonal con el signo de las esquinas cambiado",
        [[1, -2, 0], [-2, 0, 2], [0, 2, -1]],
        "solo respuestas ≥ 0",
    ),
    Mistake(
        "dia-017.1",
        "Sobel x con dos esquinas intercambiadas para «girarlo»",
        [[-1, 0, -1], [-2, 0, 2], [1, 0, 1]],
        "también las esquinas de un solo peso",
    ),
    Mistake("dia-017.1", "cruz de Roberts de 2×2", [[-1, 0], [0, 1]], "tabla de 3×3"),
    Mistake("dia-017.2", "mismo tamaño que la entrada", _same_size, "mismo tamaño que la entrada"),
    Mistake("dia-017.2", "recorta de más", _cropped_too_much, "la salida debe ser"),
    Mistake("dia-017.2", "sin raíz", _no_sqrt, "Falta la raíz cuadrada"),
    Mistake("dia-017.2", "|gx| + |gy|", _l1, r"Sumas \|gx\| \+ \|gy\|"),
    Mistake("dia-017.2", "solo Sobel x", _only_x, "Solo usas el Sobel x"),
    Mistake("dia-017.2", "solo Sobel y", _only_y, "Solo usas el Sobel y"),
    Mistake(
        "dia-017.2",
        "Sobel y sin trasponer",
        _sobel_y_not_transposed,
        "Usas el Sobel x dos veces",
    ),
    Mistake("dia-017.3", "solo los detalles", _details_only, "falta sumar la identidad"),
    Mistake("dia-017.3", "detalles sumados al suavizado", _details_on_blur, "al suavizado"),
    Mistake("dia-017.3", "resta los detalles", _subtracts_details, "Restas los detalles"),
    Mistake("dia-017.3", "np.eye como identidad", _eye_as_identity, r"np\.eye"),
    Mistake("dia-017.3", "el 1 en la esquina", _one_in_the_corner, "no está en el centro"),
    Mistake("dia-017.3", "modifica blur", _in_place, "modifica el filtro blur"),
    Mistake(
        "dia-017.3",
        "(1 + amount)·δ − blur",
        _amount_on_identity,
        "Tus pesos suman 0.5",
    ),
]
