"""Errores típicos del día 46: el punto en polígono, la ley de Little desde los conjuntos por
fotograma y un verdadero o falso sobre colas y QueueManager."""

from __future__ import annotations

from ia100.exercises.day046 import STATEMENTS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 46.1 · ¿Dentro o fuera? El método del rayo ---------------------------------------------


def _pip_bbox(point, polygon):
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    return min(xs) <= point[0] <= max(xs) and min(ys) <= point[1] <= max(ys)


def _crossings(point, polygon, closed=True):
    x, y = point
    n = len(polygon)
    count = 0
    for k in range(n if closed else n - 1):
        (x1, y1), (x2, y2) = polygon[k], polygon[(k + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            count += 1
    return count


def _pip_any(point, polygon):
    return _crossings(point, polygon) > 0


def _pip_open(point, polygon):
    return _crossings(point, polygon, closed=False) % 2 == 1


def _pip_inverted(point, polygon):
    return _crossings(point, polygon) % 2 == 0


def _pip_count(point, polygon):
    return _crossings(point, polygon)  # el número de cortes, no True/False


def _pip_left_only_vertices(point, polygon):
    # Solo mira los vértices a la derecha del punto, no los lados.
    return sum(px > point[0] and abs(py - point[1]) < 1 for px, py in polygon) % 2 == 1


# --- 46.2 · La ley de Little -----------------------------------------------------------------


def _frames_inside(inside):
    frames = {}
    for ids in inside:
        for tid in ids:
            frames[tid] = frames.get(tid, 0) + 1
    return frames


def _little_nonempty(inside, fps):
    frames = _frames_inside(inside)
    busy = [s for s in inside if s]
    n = len(inside)
    return (
        sum(len(s) for s in busy) / len(busy),
        len(frames) / (n / fps),
        sum(frames.values()) / len(frames) / fps,
    )


def _little_person_frames(inside, fps):
    frames = _frames_inside(inside)
    n = len(inside)
    total = sum(len(s) for s in inside)
    return total / n, total / (n / fps), sum(frames.values()) / len(frames) / fps


def _little_per_frame(inside, fps):
    frames = _frames_inside(inside)
    n = len(inside)
    return (
        sum(len(s) for s in inside) / n,
        len(frames) / n,
        sum(frames.values()) / len(frames) / fps,
    )


def _little_w_frames(inside, fps):
    frames = _frames_inside(inside)
    n = len(inside)
    return (
        sum(len(s) for s in inside) / n,
        len(frames) / (n / fps),
        sum(frames.values()) / len(frames),
    )


def _little_span(inside, fps):
    first, last = {}, {}
    for i, ids in enumerate(inside):
        for tid in ids:
            first.setdefault(tid, i)
            last[tid] = i
    n = len(inside)
    spans = [last[t] - first[t] + 1 for t in first]
    return sum(len(s) for s in inside) / n, len(first) / (n / fps), sum(spans) / len(spans) / fps


# --- 46.3 · Verdadero o falso ----------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-046.1", "el rectángulo que lo envuelve", _pip_bbox, r"rectángulo que envuelve"),
    Mistake("dia-046.1", "True en cuanto corta un lado", _pip_any, r"son impares"),
    Mistake("dia-046.1", "sin el lado de cierre", _pip_open, r"último vértice con el primero"),
    Mistake("dia-046.1", "paridad al revés", _pip_inverted, r"al revés"),
    Mistake("dia-046.1", "devuelve el número de cortes", _pip_count, r"Debe devolver True o False"),
    Mistake("dia-046.1", "mira vértices, no lados", _pip_left_only_vertices, r"dice lo contrario"),
    Mistake("dia-046.2", "L sin los fotogramas vacíos", _little_nonempty, r"también los vacíos"),
    Mistake(
        "dia-046.2", "λ con personas × fotogramas", _little_person_frames, r"personas DISTINTAS"
    ),
    Mistake("dia-046.2", "λ por fotograma", _little_per_frame, r"personas por fotograma"),
    Mistake("dia-046.2", "W en fotogramas", _little_w_frames, r"divide entre fps"),
    Mistake("dia-046.2", "W de la primera a la última vez", _little_span, r"fotogramas DENTRO"),
    Mistake(
        "dia-046.3",
        "cree que QueueManager cuenta desde el primer fotograma y acumula",
        _flipped(0, 1),
        r"Revisa 2 de 7",
    ),
    Mistake("dia-046.3", "cree que Little necesita Poisson", _flipped(2), r"Revisa 1 de 7"),
    Mistake(
        "dia-046.3",
        "responde con textos en vez de booleanos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
