"""Errores típicos del día 31: el formato YOLO, la IoU de dos cajas, la NMS voraz, el AP de una
lista de detecciones y un verdadero o falso sobre cajas y métricas."""

from __future__ import annotations

import numpy as np

from ia100.exercises.day031 import _STATEMENTS as _RIGHT  # las respuestas correctas
from ia100.exercises.day031 import _coco_ap, _reference_ap, _reference_iou
from mistakes import Mistake

# --- 31.1 · De xyxy al formato YOLO ---------------------------------------------------------


def _yolo(boxes, width, height, *, center=True, normalize=True, swap=False, half=False):
    b = np.asarray(boxes, float)
    size = b[:, 2:] - b[:, :2]
    if half:
        first = size / 2  # «el centro es la mitad del ancho»
    elif center:
        first = (b[:, :2] + b[:, 2:]) / 2
    else:
        first = b[:, :2]  # la esquina, como en COCO
    out = np.concatenate([first, size], 1)
    if normalize:
        w, h = (height, width) if swap else (width, height)
        out = out / np.array([w, h, w, h])
    return out


def _yolo_width_is_x2(boxes, width, height):
    b = np.asarray(boxes, float)
    center = (b[:, :2] + b[:, 2:]) / 2
    return np.concatenate([center, b[:, 2:]], 1) / np.array([width, height, width, height])


def _yolo_transposed(boxes, width, height):
    return _yolo(boxes, width, height).T  # (4, n) en vez de (n, 4)


# --- 31.2 · La IoU de dos cajas -------------------------------------------------------------


def _parts(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area_a = (a[2] - a[0]) * (a[3] - a[1])
    area_b = (b[2] - b[0]) * (b[3] - b[1])
    return w, h, area_a, area_b


def _iou_no_clip(a, b):
    w, h, area_a, area_b = _parts(a, b)
    return w * h / (area_a + area_b - w * h)


def _iou_union_is_sum(a, b):
    w, h, area_a, area_b = _parts(a, b)
    return max(w, 0) * max(h, 0) / (area_a + area_b)


def _iou_over_first_area(a, b):
    w, h, area_a, _ = _parts(a, b)
    return max(w, 0) * max(h, 0) / area_a


def _iou_min_max_swapped(a, b):
    w = max(a[2], b[2]) - min(a[0], b[0])
    h = max(a[3], b[3]) - min(a[1], b[1])
    _, _, area_a, area_b = _parts(a, b)
    return w * h / (area_a + area_b - w * h)


def _iou_intersection_only(a, b):
    w, h, _, _ = _parts(a, b)
    return max(w, 0) * max(h, 0)


# --- 31.3 · NMS para un caso pequeño ----------------------------------------------------------


def _nms(boxes, scores, threshold, *, by_score=True, strict=True, only_kept=True, sort=False):
    order = list(np.argsort(-scores, kind="stable")) if by_score else list(range(len(scores)))
    keep, seen = [], []
    for i in order:
        judges = keep if only_kept else seen  # ¿quién puede suprimir?
        suppressed = any(
            (_reference_iou(boxes[j], boxes[i]) > threshold)
            if strict
            else (_reference_iou(boxes[j], boxes[i]) >= threshold)
            for j in judges
        )
        seen.append(i)
        if not suppressed:
            keep.append(int(i))
    return sorted(keep) if sort else keep


def _nms_keeps_boxes(boxes, scores, threshold):
    return boxes[_nms(boxes, scores, threshold)]


def _nms_keeps_scores(boxes, scores, threshold):
    return scores[_nms(boxes, scores, threshold)]


def _nms_keeps_lowest(boxes, scores, threshold):
    return _nms(boxes, -scores, threshold)  # empieza por la de MENOR confianza


# --- 31.4 · El AP de una lista de detecciones ordenadas ---------------------------------------


def _curve(is_tp, n_true):
    hits = np.asarray(is_tp, bool)
    tps, fps = np.cumsum(hits), np.cumsum(~hits)
    return hits, tps / (tps + fps), tps / n_true


def _trapezoid(r, p):
    x = np.linspace(0, 1, 101)
    y = np.interp(x, r, p)
    return float(np.sum(np.diff(x) * (y[1:] + y[:-1]) / 2))


def _ap_no_envelope(is_tp, n_true):
    _, precision, recall = _curve(is_tp, n_true)
    r = np.concatenate([[0.0], recall, [recall[-1]], [1.0]])
    return _trapezoid(r, np.concatenate([[1.0], precision, [0.0], [0.0]]))


def _ap_coco(is_tp, n_true):
    return _coco_ap(np.asarray(is_tp, bool), n_true)


def _ap_recall_over_detections(is_tp, n_true):
    return _reference_ap(np.asarray(is_tp, bool), len(is_tp))


def _ap_eleven_points(is_tp, n_true):
    # El AP de Pascal VOC 2007: la envolvente en R = 0; 0,1; …; 1 y la media.
    _, precision, recall = _curve(is_tp, n_true)
    return float(
        np.mean(
            [
                precision[recall >= t].max() if (recall >= t).any() else 0.0
                for t in np.linspace(0, 1, 11)
            ]
        )
    )


def _ap_no_sentinels(is_tp, n_true):
    _, precision, recall = _curve(is_tp, n_true)
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    return _trapezoid(recall, envelope)


def _ap_as_percent(is_tp, n_true):
    return 100 * _reference_ap(np.asarray(is_tp, bool), n_true)


# --- 31.5 · Verdadero o falso ---------------------------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake(
        "dia-031.1",
        "usa la esquina (xywh de COCO)",
        lambda b, w, h: _yolo(b, w, h, center=False),
        r"esquina superior izquierda",
    ),
    Mistake(
        "dia-031.1",
        "no normaliza",
        lambda b, w, h: _yolo(b, w, h, normalize=False),
        r"No has dividido",
    ),
    Mistake(
        "dia-031.1",
        "divide x entre el alto",
        lambda b, w, h: _yolo(b, w, h, swap=True),
        r"Divides las x entre el alto",
    ),
    Mistake(
        "dia-031.1",
        "centro = medio ancho",
        lambda b, w, h: _yolo(b, w, h, half=True),
        r"no \(x2 - x1\) / 2",
    ),
    Mistake("dia-031.1", "ancho = x2", _yolo_width_is_x2, r"el tamaño no"),
    Mistake("dia-031.1", "devuelve (4, n)", _yolo_transposed, r"forma"),
    Mistake("dia-031.2", "sin recortar a 0", _iou_no_clip, r"no se solapan deben dar 0"),
    Mistake("dia-031.2", "unión = suma de áreas", _iou_union_is_sum, r"cuentas dos veces"),
    Mistake("dia-031.2", "divide entre el área de A", _iou_over_first_area, r"una sola caja"),
    Mistake("dia-031.2", "máximo y mínimo al revés", _iou_min_max_swapped, r"máximo de las dos"),
    Mistake("dia-031.2", "solo la intersección", _iou_intersection_only, r"falta dividirla"),
    Mistake(
        "dia-031.3",
        "no ordena por confianza",
        lambda b, s, t: _nms(b, s, t, by_score=False),
        r"MAYOR puntuación",
    ),
    Mistake(
        "dia-031.3",
        "suprime con IoU igual al umbral",
        lambda b, s, t: _nms(b, s, t, strict=False),
        r"MAYOR que el umbral",
    ),
    Mistake(
        "dia-031.3",
        "las suprimidas también suprimen",
        lambda b, s, t: _nms(b, s, t, only_kept=False),
        r"ya suprimida no puede suprimir",
    ),
    Mistake(
        "dia-031.3",
        "devuelve los índices ordenados",
        lambda b, s, t: _nms(b, s, t, sort=True),
        r"en el orden en que las conservas",
    ),
    Mistake("dia-031.3", "devuelve las cajas", _nms_keeps_boxes, r"no las cajas"),
    Mistake("dia-031.3", "devuelve las confianzas", _nms_keeps_scores, r"índices enteros"),
    Mistake("dia-031.3", "empieza por la menos segura", _nms_keeps_lowest, r"MAYOR puntuación"),
    Mistake("dia-031.4", "sin envolvente", _ap_no_envelope, r"Falta la envolvente"),
    Mistake("dia-031.4", "AP de pycocotools", _ap_coco, r"pycocotools"),
    Mistake(
        "dia-031.4",
        "exhaustividad entre el número de detecciones",
        _ap_recall_over_detections,
        r"n_true",
    ),
    Mistake("dia-031.4", "11 puntos de Pascal VOC", _ap_eleven_points, r"debería ser"),
    Mistake("dia-031.4", "sin los extremos", _ap_no_sentinels, r"debería ser"),
    Mistake("dia-031.4", "en porcentaje", _ap_as_percent, r"entre 0 y 1"),
    Mistake(
        "dia-031.5",
        "cree que YOLO guarda la esquina y que el mAP50 sufre más",
        _flipped(0, 6),
        r"Revisa 2 de 8",
    ),
    Mistake(
        "dia-031.5",
        "cree que la NMS suprime en cadena y que el duplicado no cuenta",
        _flipped(3, 4),
        r"Revisa 2 de 8",
    ),
    Mistake("dia-031.5", "cree que todos los AP son iguales", _flipped(7), r"Revisa 1 de 8"),
    Mistake(
        "dia-031.5",
        "responde con textos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
