"""Errores típicos del día 42: elegir imgsz para un objeto pequeño, los errores de conteo por
clase y un verdadero o falso sobre detectar desde el aire."""

from __future__ import annotations

import math

import numpy as np

from ia100.exercises.day042 import _STATEMENTS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 42.1 · ¿Qué imgsz necesita un objeto pequeño? -------------------------------------------


def _short_side(object_px, frame_wh, target_px, stride=32):
    return math.ceil(target_px * min(frame_wh) / object_px / stride) * stride


def _nearest(object_px, frame_wh, target_px, stride=32):
    return round(target_px * max(frame_wh) / object_px / stride) * stride


def _floor(object_px, frame_wh, target_px, stride=32):
    return math.floor(target_px * max(frame_wh) / object_px / stride) * stride


def _not_multiple(object_px, frame_wh, target_px, stride=32):
    return math.ceil(target_px * max(frame_wh) / object_px)


# --- 42.2 · Errores de conteo por clase -----------------------------------------------------


def _abs_of_mean(pred, true):
    mae = np.abs((pred - true).mean(axis=0))
    present = true.mean(axis=0)
    return mae, np.where(present > 0, mae / np.where(present > 0, present, 1), np.nan)


def _zero_for_absent(pred, true):
    mae = np.abs(pred - true).mean(axis=0)
    present = true.mean(axis=0)
    return mae, np.where(present > 0, mae / np.where(present > 0, present, 1), 0.0)


def _over_prediction(pred, true):
    mae = np.abs(pred - true).mean(axis=0)
    shown = pred.mean(axis=0)
    rel = np.where(true.mean(axis=0) > 0, mae / np.where(shown > 0, shown, 1), np.nan)
    return mae, rel


def _axis_one(pred, true):
    mae = np.abs(pred - true).mean(axis=1)
    return mae, mae / np.maximum(true.mean(axis=1), 1)


# --- 42.3 · Verdadero o falso ----------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-042.1", "usa el lado corto", _short_side, r"lado LARGO"),
    Mistake("dia-042.1", "redondea al más cercano", _nearest, r"hacia\s+arriba"),
    Mistake("dia-042.1", "redondea hacia abajo", _floor, r"hacia\s+arriba"),
    Mistake("dia-042.1", "no redondea al múltiplo", _not_multiple, r"múltiplo de"),
    Mistake("dia-042.2", "valor absoluto de la media", _abs_of_mean, r"se compensan"),
    Mistake("dia-042.2", "0 para una clase ausente", _zero_for_absent, r"np\.nan"),
    Mistake("dia-042.2", "divide entre lo detectado", _over_prediction, r"media del detector"),
    Mistake("dia-042.2", "media por fotograma (axis=1)", _axis_one, r"axis=0"),
    Mistake("dia-042.3", "cree que más imgsz siempre ayuda", _flipped(1), r"Revisa 1 de 7"),
    Mistake(
        "dia-042.3",
        "confía en imgsz de entrenamiento y en contar cajas",
        _flipped(3, 6),
        r"Revisa 2 de 7",
    ),
    Mistake(
        "dia-042.3",
        "textos en vez de booleanos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
