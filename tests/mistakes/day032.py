"""Errores típicos del día 32: columna frente a cuello y cabeza, quién hizo cada YOLO y un
verdadero o falso sobre historia, medidas y licencias."""

from __future__ import annotations

from ia100.exercises.day032 import _WHO as _RIGHT_WHO
from ia100.exercises.day032 import STATEMENTS as _RIGHT
from mistakes import Mistake

# --- 32.1 · Columna frente a cuello y cabeza -------------------------------------------------


def _count(layers):
    return sum(p.numel() for layer in layers for p in layer.parameters())


def _cut(model, k):
    layers = list(model.model.model)
    return _count(layers[:k]), _count(layers[k:])


def _right_cut(model):
    return _cut(model, len(model.model.yaml["backbone"]))


def _swapped(model):
    backbone, rest = _right_cut(model)
    return rest, backbone


def _head_is_last_layer(model):
    layers = list(model.model.model)
    return _count(layers[:-1]), _count(layers[-1:])


def _cut_by_head_length(model):
    return _cut(model, len(model.model.yaml["head"]))


def _one_layer_short(model):
    return _cut(model, len(model.model.yaml["backbone"]) - 1)


def _with_buffers(model):
    # Cuenta con state_dict: parámetros y también las medias móviles de BatchNorm.
    n = len(model.model.yaml["backbone"])
    state = model.model.state_dict()
    backbone = sum(v.numel() for k, v in state.items() if int(k.split(".")[1]) < n)
    return backbone, sum(v.numel() for v in state.values()) - backbone


def _backbone_only_twice(model):
    backbone, _ = _right_cut(model)
    return backbone, backbone


# --- 32.3 · Verdadero o falso ------------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-032.1", "columna y resto al revés", _swapped, r"orden al revés"),
    Mistake(
        "dia-032.1",
        "toma solo la última capa como cabeza",
        _head_is_last_layer,
        r"el cuello",
    ),
    Mistake(
        "dia-032.1",
        "corta tras len(head) capas",
        _cut_by_head_length,
        r"las que tiene 'head'",
    ),
    Mistake("dia-032.1", "corta una capa antes", _one_layer_short, r"una capa antes o después"),
    Mistake(
        "dia-032.1",
        "cuenta con state_dict (buffers incluidos)",
        _with_buffers,
        r"estadísticas de la normalización",
    ),
    Mistake(
        "dia-032.1",
        "devuelve la columna dos veces",
        _backbone_only_twice,
        r"tienen que estar todas las capas",
    ),
    Mistake(
        "dia-032.2",
        "YOLOv6 y YOLO12 atribuidos a Ultralytics",
        {
            **{k: next(iter(v)) if isinstance(v, frozenset) else v for k, v in _RIGHT_WHO.items()},
            "YOLOv6": "Ultralytics",
            "YOLO12": "Ultralytics",
        },
        r"Revisa 2 de 12",
    ),
    Mistake(
        "dia-032.2",
        "YOLOv4 a Redmon",
        {
            **{k: next(iter(v)) if isinstance(v, frozenset) else v for k, v in _RIGHT_WHO.items()},
            "YOLOv4": "Redmon",
        },
        r"Revisa 1 de 12",
    ),
    Mistake(
        "dia-032.2",
        "una organización que no está en la lista",
        {
            **{k: next(iter(v)) if isinstance(v, frozenset) else v for k, v in _RIGHT_WHO.items()},
            "YOLOv6": "Meta",
        },
        r"Usa solo",
    ),
    Mistake(
        "dia-032.3",
        "cree que menos parámetros es siempre más rápido",
        _flipped(5),
        r"Revisa 1 de 9",
    ),
    Mistake(
        "dia-032.3",
        "cree que Ultralytics trae v1 y v2 y publica artículos",
        _flipped(0, 1),
        r"Revisa 2 de 9",
    ),
    Mistake(
        "dia-032.3",
        "cree que v3 en Ultralytics es el original y que YOLO12 es de Ultralytics",
        _flipped(2, 3),
        r"Revisa 2 de 9",
    ),
    Mistake(
        "dia-032.3",
        "responde con textos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
