"""Errores típicos del día 33: las reglas de ``scales``, la forma de la salida de cada tarea y
contar las detecciones de un ``Results`` por clase."""

from __future__ import annotations

import math

from mistakes import Mistake

# --- 33.1 · Las reglas de scales -------------------------------------------------------------


def _right_repeats(n, depth):
    return max(round(n * depth), 1) if n > 1 else n


def _no_cap(channels, repeats, scale):
    depth, width, _ = scale
    return math.ceil(channels * width / 8) * 8, _right_repeats(repeats, depth)


def _cap_after_width(channels, repeats, scale):
    depth, width, max_channels = scale
    return math.ceil(min(channels * width, max_channels) / 8) * 8, _right_repeats(repeats, depth)


def _floor_to_8(channels, repeats, scale):
    depth, width, max_channels = scale
    return int(min(channels, max_channels) * width // 8 * 8), _right_repeats(repeats, depth)


def _no_multiple_of_8(channels, repeats, scale):
    depth, width, max_channels = scale
    return int(min(channels, max_channels) * width), _right_repeats(repeats, depth)


def _right_channels(channels, scale):
    _, width, max_channels = scale
    return math.ceil(min(channels, max_channels) * width / 8) * 8


def _truncated_repeats(channels, repeats, scale):
    return _right_channels(channels, scale), max(int(repeats * scale[0]), 1)


def _zero_repeats(channels, repeats, scale):
    return _right_channels(channels, scale), round(repeats * scale[0])


def _swapped(channels, repeats, scale):
    return _right_repeats(repeats, scale[0]), _right_channels(channels, scale)


# --- 33.2 · La forma de la salida de cada tarea ----------------------------------------------

_EXTRA = {"detect": 0, "segment": 32, "pose": 51, "obb": 1}


def _positions(imgsz):
    return sum((imgsz // s) ** 2 for s in (8, 16, 32))


def _shape_with(task, imgsz, nc, *, positions=None, box=4, extra=None):
    if task == "classify":
        return (1, nc)
    extra = _EXTRA if extra is None else extra
    return (1, box + nc + extra[task], (positions or _positions)(imgsz))


def _only_stride_32(task, imgsz, nc):
    return _shape_with(task, imgsz, nc, positions=lambda s: (s // 32) ** 2)


def _dfl_box(task, imgsz, nc):
    return _shape_with(task, imgsz, nc, box=64)


def _pose_without_classes(task, imgsz, nc):
    if task == "pose":
        return (1, 4 + 51, _positions(imgsz))
    return _shape_with(task, imgsz, nc)


def _keypoints_xy_only(task, imgsz, nc):
    return _shape_with(task, imgsz, nc, extra={**_EXTRA, "pose": 34})


def _no_batch(task, imgsz, nc):
    return _shape_with(task, imgsz, nc)[1:]


def _segment_like_detect(task, imgsz, nc):
    return _shape_with(task, imgsz, nc, extra={**_EXTRA, "segment": 0})


def _classify_with_positions(task, imgsz, nc):
    if task == "classify":
        return (1, nc, _positions(imgsz))
    return _shape_with(task, imgsz, nc)


# --- 33.3 · Contar detecciones por clase -----------------------------------------------------


def _count(result, conf, *, strict=False, names=True, threshold=True):
    out = {}
    for score, cls in zip(result.boxes.conf.tolist(), result.boxes.cls.tolist(), strict=True):
        keep = (score > conf if strict else score >= conf) if threshold else True
        if keep:
            key = result.names[int(cls)] if names else int(cls)
            out[key] = out.get(key, 0) + 1
    return out


MISTAKES = [
    Mistake("dia-033.1", "sin el tope de canales", _no_cap, r"falta el tope"),
    Mistake("dia-033.1", "tope después de la anchura", _cap_after_width, r"recortas después"),
    Mistake("dia-033.1", "redondea hacia abajo", _floor_to_8, r"hacia ARRIBA"),
    Mistake("dia-033.1", "sin múltiplo de 8", _no_multiple_of_8, r"falta redondear al múltiplo"),
    Mistake("dia-033.1", "trunca las repeticiones", _truncated_repeats, r"int\(\) trunca"),
    Mistake("dia-033.1", "repeticiones sin max(..., 1)", _zero_repeats, r"al menos una vez"),
    Mistake("dia-033.1", "devuelve (repeticiones, canales)", _swapped, r"el orden es"),
    Mistake("dia-033.2", "solo el mapa de paso 32", _only_stride_32, r"TRES mapas"),
    Mistake("dia-033.2", "64 valores de caja (DFL)", _dfl_box, r"4 × 16"),
    Mistake("dia-033.2", "pose sin la clase", _pose_without_classes, r"falta la puntuación"),
    Mistake("dia-033.2", "puntos clave sin visibilidad", _keypoints_xy_only, r"3 valores"),
    Mistake("dia-033.2", "sin la dimensión del lote", _no_batch, r"dimensión, la del lote"),
    Mistake("dia-033.2", "segment igual que detect", _segment_like_detect, r"eso es la salida"),
    Mistake(
        "dia-033.2",
        "classify con posiciones",
        _classify_with_positions,
        r"no predice cajas",
    ),
    Mistake(
        "dia-033.3",
        "cuenta todas las cajas",
        lambda result, conf: _count(result, conf, threshold=False),
        r"cuentas todas las cajas",
    ),
    Mistake(
        "dia-033.3",
        "umbral estricto (>)",
        lambda result, conf: _count(result, conf, strict=True),
        r"justo igual",
    ),
    Mistake(
        "dia-033.3",
        "claves numéricas",
        lambda result, conf: _count(result, conf, names=False),
        r"NOMBRES",
    ),
]
