"""Errores típicos del día 18: el tamaño de salida de una convolución, el relleno «same» con
dilatación y el campo receptivo con dilatación."""

from __future__ import annotations

import math

from mistakes import Mistake

# --- 18.1 · el tamaño de salida de una convolución -----------------------------------------------


def _no_dilation(n, k, s=1, p=0, d=1):
    return (n + 2 * p - k) // s + 1


def _padding_once(n, k, s=1, p=0, d=1):
    return (n + p - d * (k - 1) - 1) // s + 1


def _no_plus_one(n, k, s=1, p=0, d=1):
    return (n + 2 * p - d * (k - 1) - 1) // s


def _ceil(n, k, s=1, p=0, d=1):
    return math.ceil((n + 2 * p - d * (k - 1) - 1) / s) + 1


def _true_division(n, k, s=1, p=0, d=1):
    return (n + 2 * p - d * (k - 1) - 1) / s + 1


def _same_by_default(n, k, s=1, p=1, d=1):  # p=1 por defecto, «como casi siempre»
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def _dilation_times_k(n, k, s=1, p=0, d=1):
    return (n + 2 * p - d * k) // s + 1  # el filtro dilatado no abarca d·k


# --- 18.3 · el campo receptivo con dilatación ----------------------------------------------------


def _field_no_stride(layers):
    return 1 + sum(d * (k - 1) for k, _, d in layers)


def _field_no_dilation(layers):
    field, jump = 1, 1
    for k, s, _ in layers:
        field += (k - 1) * jump
        jump *= s
    return field


def _field_jump_first(layers):
    field, jump = 1, 1
    for k, s, d in layers:
        jump *= s
        field += d * (k - 1) * jump
    return field


def _field_empty_zero(layers):
    field, jump = 0, 1
    for i, (k, s, d) in enumerate(layers):
        field += d * (k - 1) + 1 if i == 0 else d * (k - 1) * jump  # «la primera capa abarca…»
        jump *= s
    return field


def _field_dilation_on_jump(layers):
    field, jump = 1, 1
    for k, s, d in layers:
        field += (k - 1) * jump
        jump *= s * d  # la dilatación no cambia el paso entre neuronas
    return field


MISTAKES = [
    Mistake("dia-018.1", "sin dilatación", _no_dilation, "ignoras la dilatación"),
    Mistake("dia-018.1", "relleno una sola vez", _padding_once, "suma 2p"),
    Mistake("dia-018.1", "sin el + 1", _no_plus_one, r"te falta el \+ 1"),
    Mistake("dia-018.1", "redondea hacia arriba", _ceil, "redondeas hacia arriba"),
    Mistake("dia-018.1", "división real", _true_division, r"división entera \(//\)"),
    Mistake("dia-018.1", "p=1 por defecto", _same_by_default, "Los valores por defecto"),
    Mistake("dia-018.1", "el filtro dilatado abarca d·k", _dilation_times_k, "no d·k"),
    Mistake(
        "dia-018.1",
        "olvida el + 1 del filtro y el de las posiciones",
        lambda n, k, s=1, p=0, d=1: (n + 2 * p - d * (k - 1)) // s,
        "pero la salida mide",
    ),
    Mistake("dia-018.2", "k // 2 sin dilatación", lambda k, d=1: k // 2, "relleno sin dilatación"),
    Mistake("dia-018.2", "el relleno total", lambda k, d=1: d * (k - 1), "el relleno total"),
    Mistake(
        "dia-018.2",
        "división real: un float",
        lambda k, d=1: d * (k - 1) / 2,
        "solo acepta un relleno entero",
    ),
    Mistake(
        "dia-018.2",
        "d · (k // 2) + d",
        lambda k, d=1: d * (k // 2) + (d - 1),
        "la salida no mide lo mismo",
    ),
    Mistake("dia-018.3", "sin pasos", _field_no_stride, "no tienes en cuenta el paso"),
    Mistake("dia-018.3", "sin dilatación", _field_no_dilation, "te falta la dilatación"),
    Mistake("dia-018.3", "salto actualizado antes", _field_jump_first, "salto acumulado"),
    Mistake("dia-018.3", "sin capas da 0", _field_empty_zero, "el campo receptivo es 1"),
    Mistake(
        "dia-018.3",
        "la dilatación multiplica el salto",
        _field_dilation_on_jump,
        "pero el campo es",
    ),
]
