"""Errores típicos del día 47: la fracción de una plaza que tapa una caja, la histéresis que
decide cuándo cambia una plaza y un verdadero o falso sobre ParkingManagement."""

from __future__ import annotations

import cv2
import numpy as np

from ia100.exercises.day047 import _STATEMENTS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 47.1 · La fracción de una plaza que tapa una caja --------------------------------------


def _rect(box):
    x1, y1, x2, y2 = box
    return np.array([[x1, y1], [x2, y1], [x2, y2], [x1, y2]], dtype=np.float32)


def _intersection(box, poly):
    inter, _ = cv2.intersectConvexConvex(_rect(box), np.asarray(poly, dtype=np.float32))
    return inter


def _coverage_over_box(box, poly):
    x1, y1, x2, y2 = box
    return _intersection(box, poly) / ((x2 - x1) * (y2 - y1))


def _coverage_iou(box, poly):
    x1, y1, x2, y2 = box
    inter = _intersection(box, poly)
    area = cv2.contourArea(np.asarray(poly, dtype=np.float32))
    return inter / ((x2 - x1) * (y2 - y1) + area - inter)


def _coverage_percent(box, poly):
    return 100 * _intersection(box, poly) / cv2.contourArea(np.asarray(poly, dtype=np.float32))


def _coverage_bounding_rect(box, poly):
    # Recorta con el rectángulo que envuelve la plaza: vale para plazas rectas, no inclinadas.
    poly = np.asarray(poly, dtype=float)
    bx1, by1 = poly.min(axis=0)
    bx2, by2 = poly.max(axis=0)
    x1, y1, x2, y2 = box
    w = max(0.0, min(x2, bx2) - max(x1, bx1))
    h = max(0.0, min(y2, by2) - max(y1, by1))
    return w * h / ((bx2 - bx1) * (by2 - by1))


# --- 47.2 · La histéresis --------------------------------------------------------------------


def _debounce_generic(k_shift=0, reset=True, start=None):
    def debounce(states, k):
        states = np.asarray(states, dtype=bool)
        out = np.empty_like(states)
        current = states[0].copy() if start is None else np.full(states.shape[1], start)
        streak = np.zeros(states.shape[1], dtype=int)
        for t, row in enumerate(states):
            streak = np.where(row != current, streak + 1, 0 if reset else streak)
            flip = streak >= k + k_shift
            current = np.where(flip, row, current)
            streak[flip] = 0
            out[t] = current
        return out

    return debounce


def _debounce_identity(states, k):
    return np.asarray(states, dtype=bool).copy()


def _debounce_centered(states, k):
    states = np.asarray(states, dtype=bool)
    half, n = k // 2, len(states)
    return np.array(
        [states[max(0, t - half) : min(n, t + half + 1)].mean(axis=0) > 0.5 for t in range(n)]
    )


# --- 47.3 · Verdadero o falso ----------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-047.1", "divide entre el área de la caja", _coverage_over_box, r"área de la caja"),
    Mistake("dia-047.1", "calcula la IoU", _coverage_iou, r"IoU"),
    Mistake("dia-047.1", "devuelve un porcentaje", _coverage_percent, r"porcentaje"),
    Mistake(
        "dia-047.1",
        "recorta con el rectángulo que envuelve la plaza",
        _coverage_bounding_rect,
        r"inclinadas",
    ),
    Mistake("dia-047.2", "no suaviza nada", _debounce_identity, r"sin cambios"),
    Mistake(
        "dia-047.2", "cambia tras k - 1 fotogramas", _debounce_generic(k_shift=-1), r"hacen falta k"
    ),
    Mistake(
        "dia-047.2", "cambia tras k + 1 fotogramas", _debounce_generic(k_shift=1), r"basta con k"
    ),
    Mistake(
        "dia-047.2",
        "cuenta desacuerdos aunque no sean seguidos",
        _debounce_generic(reset=False),
        r"no sean seguidos",
    ),
    Mistake(
        "dia-047.2", "empieza con todas libres", _debounce_generic(start=False), r"fotograma 0"
    ),
    Mistake(
        "dia-047.2", "ventana centrada (mira el futuro)", _debounce_centered, r"ventana centrada"
    ),
    Mistake(
        "dia-047.3",
        "cree que ParkingManagement detecta sin seguir",
        _flipped(0),
        r"Revisa 1 de 7",
    ),
    Mistake(
        "dia-047.3",
        "cree que devuelve las plazas libres y las pinta en verde",
        _flipped(2, 3),
        r"Revisa 2 de 7",
    ),
    Mistake(
        "dia-047.3",
        "responde con textos en vez de booleanos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
