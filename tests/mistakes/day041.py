"""Errores típicos del día 41: el tamaño de entrada de una tesela de la U-Net, sus parámetros
contados con lápiz y un verdadero o falso sobre la U-Net y sus sucesores."""

from __future__ import annotations

from ia100.exercises.day041 import _STATEMENTS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 41.1 · El tamaño de entrada de una tesela -----------------------------------------------


def _size(out, depth, lost=4, bottom=True, check=True):
    s = out
    for _ in range(depth):
        s += lost
        if check and s % 2:
            return None
        s //= 2
    if bottom:
        s += lost
    for _ in range(depth):
        s = 2 * s + lost
    return s


def _size_no_bottom(out, depth):
    return _size(out, depth, bottom=False)


def _size_one_conv(out, depth):
    return _size(out, depth, lost=2)


def _size_never_none(out, depth):
    return _size(out, depth, check=False)  # redondea hacia abajo en vez de rendirse


def _size_paper_margin(out, depth):
    return out + 184  # el margen de la red del artículo, para cualquier profundidad


def _size_same_padding(out, depth):
    return out


# --- 41.2 · Los parámetros de una U-Net, con lápiz --------------------------------------------


def _conv(a, b, k, bias=True):
    return k * k * a * b + (b if bias else 0)


def _params(in_channels, n_classes, depth, width, bias=True, up=True, concat=True, head=True):
    w = [width * 2**level for level in range(depth + 1)]
    total = 0
    for a, b in zip([in_channels] + w[:-1], w, strict=True):  # codificador y fondo
        total += _conv(a, b, 3, bias) + _conv(b, b, 3, bias)
    for i in range(depth):
        total += _conv(w[i + 1], w[i], 2, bias) if up else 0
        total += _conv((2 if concat else 1) * w[i], w[i], 3, bias) + _conv(w[i], w[i], 3, bias)
    return total + (_conv(width, n_classes, 1, bias) if head else 0)


def _params_no_bias(*args):
    return _params(*args, bias=False)


def _params_no_up(*args):
    return _params(*args, up=False)


def _params_no_concat(*args):
    return _params(*args, concat=False)


def _params_no_head(*args):
    return _params(*args, head=False)


def _params_up_3x3(in_channels, n_classes, depth, width):
    w = [width * 2**level for level in range(depth + 1)]
    extra = sum(_conv(w[i + 1], w[i], 3) - _conv(w[i + 1], w[i], 2) for i in range(depth))
    return _params(in_channels, n_classes, depth, width) + extra


# --- 41.3 · Verdadero o falso ---------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-041.1", "olvida el fondo de la U", _size_no_bottom, r"fondo de la U"),
    Mistake("dia-041.1", "una convolución por bloque", _size_one_conv, r"dos convoluciones de 3×3"),
    Mistake("dia-041.1", "nunca devuelve None", _size_never_none, r"Devuelve None"),
    Mistake("dia-041.1", "siempre 92 píxeles por lado", _size_paper_margin, r"92 píxeles"),
    Mistake("dia-041.1", "como si rellenara", _size_same_padding, r"MAYOR que la salida"),
    Mistake("dia-041.2", "sin sesgos", _params_no_bias, r"sesgos"),
    Mistake("dia-041.2", "sin convoluciones traspuestas", _params_no_up, r"traspuestas"),
    Mistake("dia-041.2", "subida de 3×3", _params_up_3x3, r"2×2, no de 3×3"),
    Mistake("dia-041.2", "olvida la concatenación", _params_no_concat, r"DOBLE de"),
    Mistake("dia-041.2", "sin cabeza", _params_no_head, r"cabeza"),
    Mistake("dia-041.3", "cree que los saltos suman", _flipped(1), r"Revisa 1 de 8"),
    Mistake(
        "dia-041.3",
        "cree que quitar los saltos quita parámetros y que nnU-Net es un transformer",
        _flipped(3, 6),
        r"Revisa 2 de 8",
    ),
    Mistake(
        "dia-041.3",
        "responde con textos en vez de booleanos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
