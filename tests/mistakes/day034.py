"""Errores típicos del día 34: la velocidad de un rastro, las cajas lejos del borde y un
verdadero o falso sobre aplicaciones y velocidad."""

from __future__ import annotations

import numpy as np

from ia100.exercises.day034 import _STATEMENTS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 34.1 · La velocidad de un rastro --------------------------------------------------------


def _metres_per_second(frames, centers, fps, mpp):
    return np.linalg.norm(centers[-1] - centers[0]) * mpp / ((frames[-1] - frames[0]) / fps)


def _only_x(frames, centers, fps, mpp):
    return abs(centers[-1, 0] - centers[0, 0]) * mpp / ((frames[-1] - frames[0]) / fps) * 3.6


def _count_points(frames, centers, fps, mpp):
    return np.linalg.norm(centers[-1] - centers[0]) * mpp / ((len(frames) - 1) / fps) * 3.6


def _per_frame(frames, centers, fps, mpp):
    return np.linalg.norm(centers[-1] - centers[0]) * mpp / (frames[-1] - frames[0]) * 3.6


# --- 34.2 · Lejos del borde ------------------------------------------------------------------


def _left_right(boxes, width, height, margin):
    return (boxes[:, 0] >= margin) & (boxes[:, 2] <= width - margin)


def _centres(boxes, width, height, margin):
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    return (cx >= margin) & (cy >= margin) & (cx <= width - margin) & (cy <= height - margin)


def _inverted(boxes, width, height, margin):
    return (
        (boxes[:, 0] < margin)
        | (boxes[:, 1] < margin)
        | (boxes[:, 2] > width - margin)
        | (boxes[:, 3] > height - margin)
    )


# --- 34.3 · Verdadero o falso ----------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-034.1", "se queda en m/s", _metres_per_second, r"3,6"),
    Mistake("dia-034.1", "solo el desplazamiento en x", _only_x, r"euclídea"),
    Mistake("dia-034.1", "cuenta puntos en vez de fotogramas", _count_points, r"huecos"),
    Mistake("dia-034.1", "divide entre fotogramas", _per_frame, r"segundos"),
    Mistake("dia-034.2", "solo izquierda y derecha", _left_right, r"arriba y por abajo"),
    Mistake("dia-034.2", "mira el centro de la caja", _centres, r"centro de la caja"),
    Mistake("dia-034.2", "máscara invertida", _inverted, r"lo contrario"),
    Mistake("dia-034.3", "cree que SpeedEstimator corrige", _flipped(1), r"Revisa 1 de 7"),
    Mistake(
        "dia-034.3",
        "cree que la escala apenas importa y que basta una para todo",
        _flipped(4, 5),
        r"Revisa 2 de 7",
    ),
    Mistake(
        "dia-034.3",
        "textos en vez de booleanos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
