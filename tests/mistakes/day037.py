"""Errores típicos del día 37: armar las máscaras de YOLO-seg y un verdadero o falso sobre cómo
funciona por dentro."""

from __future__ import annotations

from ia100.exercises.day037 import _STATEMENTS as _RIGHT  # las respuestas correctas
from ia100.exercises.day037 import _reference
from mistakes import Mistake

# --- 37.1 · Arma las máscaras de YOLO-seg ----------------------------------------------------


def _variant(**kwargs):
    def assemble_masks(protos, coefs, boxes, shape):
        return _reference(protos, coefs, boxes, shape, **kwargs)

    return assemble_masks


def _prototype_size(protos, coefs, boxes, shape):
    import torch

    logits = torch.einsum("nk,khw->nhw", coefs, protos)
    return logits > 0  # sin ampliar: se queda en la resolución de los prototipos


# --- 37.2 · Verdadero o falso ------------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-037.1", "no recorta a la caja", _variant(crop=False), r"recorta cada máscara"),
    Mistake(
        "dia-037.1", "recorta antes de ampliar", _variant(crop_first=True), r"antes de ampliar"
    ),
    Mistake("dia-037.1", "umbral 0,5 sobre el logit", _variant(sigmoid=False), r"logit"),
    Mistake("dia-037.1", "vecino más cercano", _variant(mode="nearest"), r"bilineal"),
    Mistake("dia-037.1", "align_corners=True", _variant(align=True), r"align_corners=False"),
    Mistake("dia-037.1", "caja con el borde incluido", _variant(inclusive=True), r"no ≤"),
    Mistake("dia-037.1", "no amplía", _prototype_size, r"amplía la"),
    Mistake("dia-037.2", "cree que hay prototipos por caja", _flipped(0), r"Revisa 1 de 8"),
    Mistake("dia-037.2", "cree que predict conserva las vacías", _flipped(5), r"Revisa 1 de 8"),
    Mistake("dia-037.2", "cree que proto y cv4 se trasladan", _flipped(6), r"Revisa 1 de 8"),
    Mistake(
        "dia-037.2",
        "responde con textos en vez de booleanos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
