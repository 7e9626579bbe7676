"""Comprobadores de los ejercicios del día 31 (detección de objetos: cajas, IoU, NMS y AP)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect, expect_choices

# --- 31.1 · De xyxy al formato YOLO ---------------------------------------------------------


def _cxcywh(boxes: np.ndarray) -> np.ndarray:
    x1, y1, x2, y2 = boxes.T
    return np.stack([(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1], 1)


_YOLO_CASES = [
    (np.array([[413.0, 184, 421, 196], [56, 128, 87, 144], [0, 172, 16, 179]]), 480, 320),
    (np.array([[10.5, 20.0, 110.5, 70.0]]), 640, 480),
    (np.array([[0.0, 0, 300, 200], [150, 50, 250, 200]]), 300, 200),
]


@exercise(
    "dia-031.1",
    title="De xyxy al formato YOLO",
    hint="Primero el centro, ((x1 + x2) / 2, (y1 + y2) / 2), y el tamaño, (x2 - x1, y2 - y1); "
    "después divide las x y los anchos entre width, y las y y los altos entre height.",
)
def _xyxy_to_yolo(xyxy_to_yolo):
    expect(callable(xyxy_to_yolo), "La respuesta debe ser tu función xyxy_to_yolo.")
    for boxes, width, height in _YOLO_CASES:
        got = as_array(xyxy_to_yolo(boxes.copy(), width, height), "Lo que devuelve tu función")
        expect(
            got.shape == boxes.shape,
            f"Con {len(boxes)} cajas hay que devolver un array de forma {boxes.shape} "
            f"(una fila cx, cy, w, h por caja); devuelves {got.shape}.",
        )
        scale = np.array([width, height, width, height], float)
        right = _cxcywh(boxes) / scale
        if np.allclose(got, right, atol=1e-9):
            continue
        x1, y1, x2, y2 = boxes.T
        corner = np.stack([x1, y1, x2 - x1, y2 - y1], 1) / scale
        expect(
            not np.allclose(got, corner, atol=1e-9),
            "Las dos primeras columnas son la esquina superior izquierda: en YOLO son el "
            "centro de la caja, ((x1 + x2) / 2, (y1 + y2) / 2).",
        )
        expect(
            not np.allclose(got, _cxcywh(boxes), atol=1e-9),
            "No has dividido entre el tamaño de la imagen: en YOLO todo va en fracciones de la "
            "imagen, entre 0 y 1.",
        )
        expect(
            not np.allclose(got, _cxcywh(boxes) / scale[[1, 0, 1, 0]], atol=1e-9),
            "Divides las x entre el alto y las y entre el ancho: cx y w van entre width; cy y h, "
            "entre height.",
        )
        half = np.stack([(x2 - x1) / 2, (y2 - y1) / 2, x2 - x1, y2 - y1], 1) / scale
        expect(
            not np.allclose(got[:, :2], half[:, :2], atol=1e-9),
            "El centro es (x1 + x2) / 2, no (x2 - x1) / 2 (eso es medio ancho).",
        )
        expect(
            np.allclose(got[:, :2], right[:, :2], atol=1e-9),
            "El centro no es correcto: cx = (x1 + x2) / 2 / width y cy = (y1 + y2) / 2 / height.",
        )
        raise Wrong(
            "El centro está bien, pero el tamaño no: w = (x2 - x1) / width y h = (y2 - y1) / height."
        )
    return (
        "Es lo que escribe cada línea de un .txt de YOLO (tras la clase). Cuidado: Ultralytics "
        "llama «xywh» a este centro con tamaño, y torchvision y COCO llaman «xywh» a la esquina."
    )


# --- 31.2 · La IoU de dos cajas -------------------------------------------------------------


def _area(box: np.ndarray) -> float:
    return float(max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0))


def _reference_iou(a, b) -> float:
    a, b = np.asarray(a, float), np.asarray(b, float)
    w = max(min(a[2], b[2]) - max(a[0], b[0]), 0.0)
    h = max(min(a[3], b[3]) - max(a[1], b[1]), 0.0)
    inter = w * h
    return inter / (_area(a) + _area(b) - inter)


_IOU_CASES = {  # nombre: (caja a, caja b)
    "se solapan en parte": ([0, 0, 4, 4], [2, 2, 6, 6]),
    "una dentro de otra": ([2, 2, 4, 4], [0, 0, 10, 10]),
    "idénticas": ([1, 2, 5, 9], [1, 2, 5, 9]),
    "separadas en diagonal": ([0, 0, 2, 2], [3, 3, 5, 5]),
    "separadas en horizontal": ([0, 0, 2, 2], [3, 0, 5, 2]),
    "se tocan por un borde": ([0, 0, 2, 2], [2, 0, 4, 2]),
    "con decimales": ([1.5, 2.0, 7.0, 5.5], [3.0, 1.0, 8.5, 4.0]),
}


def _as_number(value: Any, what: str) -> float:
    arr = as_array(value, what)
    expect(arr.size == 1, f"{what} debe ser un número (la IoU), no {arr.size} valores.")
    return float(arr.reshape(-1)[0])


@exercise(
    "dia-031.2",
    title="La IoU de dos cajas",
    hint="Intersección: esquina superior izquierda = máximo de las dos; inferior derecha = mínimo "
    "de las dos; ancho y alto recortados a 0 con max(0, …). Unión = área A + área B - "
    "intersección.",
)
def _iou(iou):
    expect(callable(iou), "La respuesta debe ser tu función iou.")
    # Primero el caso más sencillo, que delata los errores de fórmula antes de que otro caso
    # (dos cajas que solo se tocan) haga dividir entre cero a una fórmula equivocada.
    partial = _as_number(iou([0, 0, 4, 4], [2, 2, 6, 6]), "La IoU de dos cajas que se solapan")
    if abs(partial - 4 / 28) > 1e-9:
        expect(
            abs(partial - 4.0) > 1e-9,
            "Devuelves el área de la intersección: falta dividirla entre la de la unión.",
        )
        expect(
            0 <= partial <= 1,
            "La IoU siempre está entre 0 y 1; revisa la intersección: su esquina superior "
            "izquierda es el máximo de las dos y la inferior derecha, el mínimo.",
        )
        expect(
            abs(partial - 4 / 32) > 1e-9,
            "La unión no es la suma de las áreas: así cuentas dos veces la zona común. Resta la "
            "intersección.",
        )
        expect(
            abs(partial - 0.25) > 1e-9,
            "Divides entre el área de una sola caja; la IoU divide entre la unión de las dos.",
        )
        raise Wrong(
            f"Con [0, 0, 4, 4] y [2, 2, 6, 6] das {partial:.4f}: la intersección es un cuadrado "
            "de 2 x 2 y la unión, 16 + 16 - 4 = 28."
        )
    got = {}
    for name, (a, b) in _IOU_CASES.items():
        got[name] = _as_number(iou(list(a), list(b)), f"La IoU de las cajas que {name}")
        expect(np.isfinite(got[name]), f"Con cajas que {name}, tu IoU no es un número finito.")
    wrong = [n for n, (a, b) in _IOU_CASES.items() if abs(got[n] - _reference_iou(a, b)) > 1e-9]
    if not wrong:
        return (
            "Es la IoU de torchvision.ops.box_iou, para una pareja. Fíjate en el recorte a 0: sin "
            "él, dos cajas separadas en diagonal tendrían una «intersección» positiva."
        )
    expect(
        "separadas en diagonal" not in wrong
        and "separadas en horizontal" not in wrong
        and "se tocan por un borde" not in wrong,
        "Dos cajas que no se solapan deben dar 0: recorta a 0 el ancho y el alto de la "
        "intersección (max(0, …)) antes de multiplicarlos.",
    )
    expect(
        abs(got["una dentro de otra"] - 1.0) > 1e-9,
        "Divides entre el área de una sola caja; la IoU divide entre la unión de las dos.",
    )
    raise Wrong(f"La IoU no es correcta en estos casos: {wrong}.")


# --- 31.3 · NMS para un caso pequeño ----------------------------------------------------------


def _reference_nms(boxes: np.ndarray, scores: np.ndarray, threshold: float) -> list[int]:
    order = list(np.argsort(-scores, kind="stable"))
    keep = []
    while order:
        best, order = order[0], order[1:]
        keep.append(int(best))
        order = [i for i in order if _reference_iou(boxes[best], boxes[i]) <= threshold]
    return keep


_NMS_CASES = {  # nombre: (cajas, puntuaciones, umbral)
    "puntuaciones desordenadas": (
        [[0, 0, 10, 10], [1, 1, 11, 11], [30, 30, 40, 40], [31, 30, 41, 40]],
        [0.3, 0.8, 0.6, 0.9],
        0.5,
    ),
    "tres coches en fila": (
        [[0, 0, 10, 10], [5, 0, 15, 10], [10, 0, 20, 10]],
        [0.9, 0.8, 0.7],
        0.3,
    ),
    "IoU igual al umbral": ([[0, 0, 4, 1], [0, 0, 2, 1]], [0.9, 0.8], 0.5),
    "duplicados de dos objetos": (
        [[10, 10, 50, 30], [12, 11, 52, 31], [9, 8, 48, 29], [60, 10, 90, 40], [61, 12, 91, 41]],
        [0.55, 0.9, 0.4, 0.7, 0.75],
        0.5,
    ),
    "una sola caja": ([[3, 3, 9, 9]], [0.5], 0.5),
}


def _indices(value: Any, what: str) -> list[int]:
    expect(value is not None, f"{what} es None: ¿olvidaste el return?")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError) as error:
        raise Wrong(f"{what} debe ser una lista de índices enteros.") from error
    expect(
        arr.ndim == 1,
        f"{what} debe ser una lista de índices (enteros), no las cajas ni una tabla: tiene forma "
        f"{arr.shape}.",
    )
    expect(
        arr.size == 0 or np.issubdtype(arr.dtype, np.integer),
        f"{what} debe contener índices enteros de las cajas conservadas, no puntuaciones ni "
        "coordenadas.",
    )
    return [int(i) for i in arr]


@exercise(
    "dia-031.3",
    title="NMS para un caso pequeño",
    hint="Ordena por puntuación de mayor a menor; conserva la primera; quita de la lista las que "
    "se solapan con ella con IoU > umbral; repite con las que quedan. Devuelve los índices en el "
    "orden en que los conservas.",
)
def _nms(nms):
    expect(callable(nms), "La respuesta debe ser tu función nms.")
    for name, (boxes, scores, threshold) in _NMS_CASES.items():
        b, s = np.array(boxes, float), np.array(scores, float)
        got = _indices(nms(b.copy(), s.copy(), threshold), f"Con «{name}», lo que devuelves")
        right = _reference_nms(b, s, threshold)
        if got == right:
            continue
        expect(
            sorted(got) != sorted(right),
            f"Con «{name}» conservas las cajas correctas, pero devuélvelas en el orden en que las "
            "conservas: de mayor a menor puntuación (como torchvision.ops.nms).",
        )
        expect(
            name != "IoU igual al umbral",
            "Con una IoU igual al umbral, la caja se conserva: solo se suprime si la IoU es "
            "MAYOR que el umbral.",
        )
        expect(
            name != "tres coches en fila",
            "Una caja ya suprimida no puede suprimir a otras: compara cada candidata solo con las "
            "cajas que has conservado.",
        )
        expect(
            name != "puntuaciones desordenadas",
            "Empieza siempre por la caja de MAYOR puntuación de las que quedan: ordénalas por "
            "puntuación, de mayor a menor.",
        )
        raise Wrong(f"Con «{name}» conservas {got}; deberías conservar {right}.")
    return (
        "Es la NMS voraz de torchvision.ops.nms. Por clase se hace igual, tras separar las cajas "
        "de cada clase con un desplazamiento."
    )


# --- 31.4 · El AP de una lista de detecciones ordenadas ---------------------------------------

_X = np.linspace(0, 1, 101)


def _curve(hits: np.ndarray, n_true: int) -> tuple[np.ndarray, np.ndarray]:
    tps, fps = np.cumsum(hits), np.cumsum(~hits)
    return tps / (tps + fps), tps / n_true


def _reference_ap(hits: np.ndarray, n_true: int) -> float:
    precision, recall = _curve(hits, n_true)
    r = np.concatenate([[0.0], recall, [recall[-1] if len(recall) else 1.0], [1.0]])
    p = np.concatenate([[1.0], precision, [0.0], [0.0]])
    p = np.maximum.accumulate(p[::-1])[::-1]
    y = np.interp(_X, r, p)
    return float(np.sum(np.diff(_X) * (y[1:] + y[:-1]) / 2))


def _coco_ap(hits: np.ndarray, n_true: int) -> float:
    precision, recall = _curve(hits, n_true)
    if not len(recall):
        return 0.0
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    idx = np.searchsorted(recall, _X, side="left")
    return float(np.where(idx < len(recall), envelope[np.minimum(idx, len(recall) - 1)], 0).mean())


def _ap_without_envelope(hits: np.ndarray, n_true: int) -> float:
    precision, recall = _curve(hits, n_true)
    r = np.concatenate([[0.0], recall, [recall[-1]], [1.0]])
    p = np.concatenate([[1.0], precision, [0.0], [0.0]])
    y = np.interp(_X, r, p)
    return float(np.sum(np.diff(_X) * (y[1:] + y[:-1]) / 2))


def _ap_recall_over_detections(hits: np.ndarray, n_true: int) -> float:
    return _reference_ap(hits, len(hits))


_AP_CASES = [
    ([True, True, False, True, False, False, True], 5),
    ([True, False, True, True, False, True, False, False, True, False], 8),
    ([False, True, True, False, False, True], 4),
    ([True, True, True], 3),
    ([False, False, False], 2),
]


@exercise(
    "dia-031.4",
    title="El AP de una lista de detecciones ordenadas",
    hint="Acumula aciertos y fallos para tener precisión (TP / (TP + FP)) y exhaustividad "
    "(TP / n_true) tras cada detección; añade los extremos (R = 0, P = 1) y (R final y 1, P = 0); "
    "toma la envolvente; interpola en np.linspace(0, 1, 101) y suma los trapecios.",
)
def _average_precision(average_precision):
    expect(callable(average_precision), "La respuesta debe ser tu función average_precision.")
    checks: list[tuple[str, Callable[[np.ndarray, int], float], str]] = [
        (
            "sin envolvente",
            _ap_without_envelope,
            "Falta la envolvente: en cada punto, la mejor precisión de ahí en adelante "
            "(np.maximum.accumulate sobre la curva dada la vuelta).",
        ),
        (
            "escalones de COCO",
            _coco_ap,
            "Casi: ese es el AP de pycocotools (escalones y media de los 101 valores). Aquí se "
            "pide el de Ultralytics: interpolación lineal en 101 puntos y regla del trapecio.",
        ),
        (
            "exhaustividad entre detecciones",
            _ap_recall_over_detections,
            "La exhaustividad se divide entre el número de objetos de verdad (n_true), no entre "
            "el número de detecciones.",
        ),
    ]
    for hits, n_true in _AP_CASES:
        arr = np.array(hits, bool)
        got = _as_number(average_precision(list(hits), n_true), "Lo que devuelve tu función")
        right = _reference_ap(arr, n_true)
        if abs(got - right) <= 1e-6:
            continue
        expect(0 <= got <= 1, f"El AP está entre 0 y 1; con {hits} y n_true={n_true} das {got}.")
        for _, variant, message in checks:
            expect(
                abs(got - variant(arr, n_true)) > 1e-6 or abs(right - variant(arr, n_true)) < 1e-6,
                message,
            )
        raise Wrong(
            f"Con is_tp={hits} y n_true={n_true} tu AP es {got:.4f}; debería ser {right:.4f}."
        )
    return (
        "Es el AP de ultralytics.utils.metrics.compute_ap. Fíjate en el caso perfecto: 0,995, no "
        "1, porque el último trapecio baja a 0 entre las exhaustividades 0,99 y 1."
    )


# --- 31.5 · Verdadero o falso ---------------------------------------------------------------

_STATEMENTS = {
    "En un fichero de etiquetas YOLO, los dos primeros números de una caja son su esquina "
    "superior izquierda": False,
    "Si dos cajas no se solapan, su IoU es 0": True,
    "Un píxel de error en la posición de una caja baja más la IoU de un objeto pequeño que la de "
    "uno grande": True,
    "En la NMS voraz, una caja suprimida puede suprimir a su vez a otras": False,
    "Un duplicado con una caja perfecta que sobrevive a la NMS cuenta como falso positivo": True,
    "El mAP50-95 es la media del AP sobre las clases y sobre diez umbrales de IoU, de 0,50 a "
    "0,95": True,
    "Si las cajas se desplazan un poco, el mAP50 baja más que el mAP50-95": False,
    "Ultralytics y pycocotools calculan el AP exactamente igual": False,
}


@exercise(
    "dia-031.5",
    title="Verdadero o falso: cajas, NMS y métricas",
    hint="Repasa los formatos de caja, la IoU de un píxel de error, cómo se empareja una "
    "predicción con la verdad y el experimento del ruido de posición.",
)
def _true_or_false(answer):
    expect_choices(answer, _STATEMENTS, item="afirmación", choices=(True, False))
    return (
        "Ocho de ocho. La del duplicado es la más traicionera: su objeto ya tenía dueño, así que "
        "es un falso positivo por bien puesta que esté la caja."
    )
