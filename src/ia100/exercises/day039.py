"""Comprobadores de los ejercicios del día 39 (anclas de YOLOv3/v5 y DFL de YOLOv8)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect

# Anclas originales de YOLOv5 (COCO, píxeles de una entrada de 640) y cajas de prueba.
_COCO = np.array(
    [
        [10, 13],
        [16, 30],
        [33, 23],
        [30, 61],
        [62, 45],
        [59, 119],
        [116, 90],
        [156, 198],
        [373, 326],
    ],
    float,
)


def _shape_iou(wh: np.ndarray, anchors: np.ndarray) -> np.ndarray:
    inter = np.minimum(wh[:, None, 0], anchors[None, :, 0]) * np.minimum(
        wh[:, None, 1], anchors[None, :, 1]
    )
    return inter / (wh.prod(1)[:, None] + anchors.prod(1)[None, :] - inter)


def _boxes(seed: int, n: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.exp(rng.uniform(np.log(4), np.log(300), (n, 2)))  # de 4 a 300 px, en escala log


_ANCHOR_CASES = [
    (np.array([[12.0, 15], [40, 20], [150, 30], [300, 300], [9, 40]]), _COCO),
    (_boxes(39, 25), _COCO),
    (_boxes(1, 12), np.array([[10.0, 10], [40, 20], [20, 40]])),
]

# --- 39.1 · La IoU de cada caja con su mejor ancla --------------------------------------------


@exercise(
    "dia-039.1",
    title="La IoU de cada caja con su mejor ancla",
    hint="Con el mismo centro, la intersección es min(w, a_w) · min(h, a_h) y la unión, "
    "w·h + a_w·a_h − intersección. Calcula la matriz (n, k) con broadcasting "
    "(wh[:, None] frente a anchors[None]) y quédate con el máximo de cada fila.",
)
def _best_anchor_iou(best_anchor_iou):
    expect(callable(best_anchor_iou), "La respuesta debe ser tu función best_anchor_iou.")
    for wh, anchors in _ANCHOR_CASES:
        got = as_array(best_anchor_iou(wh.copy(), anchors.copy()), "Lo que devuelve tu función")
        matrix = _shape_iou(wh, anchors)
        right = matrix.max(1)
        expect(
            got.shape != matrix.shape,
            f"Devuelves la matriz entera {matrix.shape}: se pide un valor por caja, la IoU con "
            "su MEJOR ancla (el máximo de cada fila).",
        )
        expect(
            got.shape == right.shape,
            f"Con {len(wh)} cajas hay que devolver {len(wh)} valores (uno por caja); devuelves "
            f"un array de forma {got.shape}.",
        )
        if np.allclose(got, right, atol=1e-9):
            continue
        expect(
            not np.array_equal(got, matrix.argmax(1)),
            "Devuelves el índice de la mejor ancla; se pide su IoU (un número entre 0 y 1).",
        )
        expect(
            not np.allclose(got, matrix.mean(1), atol=1e-9),
            "Haces la media sobre las anclas; se pide la MEJOR: el máximo de cada fila.",
        )
        inter = np.minimum(wh[:, None, 0], anchors[None, :, 0]) * np.minimum(
            wh[:, None, 1], anchors[None, :, 1]
        )
        no_minus = (inter / (wh.prod(1)[:, None] + anchors.prod(1)[None, :])).max(1)
        expect(
            not np.allclose(got, no_minus, atol=1e-9),
            "A la unión le falta restar la intersección: unión = área de la caja + área del "
            "ancla − intersección (si no, la intersección se cuenta dos veces).",
        )
        areas = wh.prod(1)[:, None], anchors.prod(1)[None, :]
        by_area = (np.minimum(*areas) / np.maximum(*areas)).max(1)
        expect(
            not np.allclose(got, by_area, atol=1e-9),
            "Comparas solo las áreas: una caja de 10×40 y un ancla de 40×10 tienen la misma área "
            "y poco en común. La intersección es min(w, a_w) · min(h, a_h).",
        )
        expect(
            np.all(got <= 1 + 1e-9) and np.all(got >= -1e-9),
            "Una IoU está entre 0 y 1; alguno de tus valores no.",
        )
        raise Wrong(
            f"Con las cajas {wh[:3].round(1).tolist()}… las IoU deberían empezar por "
            f"{right[:3].round(3).tolist()}, y las tuyas empiezan por {got[:3].round(3).tolist()}."
        )
    return (
        "Es la medida que usa k-medias (con distancia 1 − IoU) para elegir anclas, y la regla de "
        "YOLOv3 para asignar cada caja a su ancla."
    )


# --- 39.2 · La regla de YOLOv5 ----------------------------------------------------------------


def _ratio_rule(wh: np.ndarray, anchors: np.ndarray, thr: float) -> np.ndarray:
    r = wh[:, None, :] / anchors[None, :, :]
    return np.maximum(r, 1 / r).max(2) < thr


_RULE_CASES = [
    (np.array([[12.0, 15], [40, 10], [3, 3], [400, 400], [40.0, 52]]), _COCO, 4.0),
    (_boxes(7, 20), _COCO, 4.0),
    (np.array([[10.0, 10], [40, 10], [20, 80], [5, 10]]), np.array([[10.0, 10], [20, 20]]), 4.0),
    (_boxes(3, 10), np.array([[30.0, 15], [15, 30]]), 2.5),
]


@exercise(
    "dia-039.2",
    title="La regla de asignación de YOLOv5",
    hint="Para cada caja y cada ancla, r = (w / a_w, h / a_h); el ancla vale si max(r, 1/r) < thr "
    "en los DOS lados. Con broadcasting: wh[:, None, :] / anchors[None, :, :] da (n, k, 2).",
)
def _v5_match(v5_match):
    expect(callable(v5_match), "La respuesta debe ser tu función v5_match.")
    for wh, anchors, thr in _RULE_CASES:
        raw = v5_match(wh.copy(), anchors.copy(), thr)
        got = as_array(raw, "Lo que devuelve tu función")
        right = _ratio_rule(wh, anchors, thr)
        expect(
            got.shape == right.shape,
            f"Con {len(wh)} cajas y {len(anchors)} anclas hay que devolver una matriz "
            f"{right.shape} de True/False; devuelves {got.shape}.",
        )
        expect(
            np.isin(got, (0, 1)).all(),
            "Devuelve True/False (o 1/0) en cada casilla: ¿vale esa ancla para esa caja?",
        )
        got = got.astype(bool)
        if np.array_equal(got, right):
            continue
        r = wh[:, None, :] / anchors[None, :, :]
        expect(
            not np.array_equal(got, r.max(2) < thr),
            "Te falta 1/r: sin él, una caja mucho MÁS PEQUEÑA que el ancla siempre valdría. "
            "Mira max(r, 1/r), que mide cuántas veces difieren en cualquier sentido.",
        )
        expect(
            not np.array_equal(got, np.maximum(r, 1 / r).max(2) <= thr),
            "La regla es estricta: max(r, 1/r) < thr. Con exactamente 4 veces, el ancla ya no "
            "vale (la fórmula de YOLOv5 nunca llega a 4 veces el ancla).",
        )
        expect(
            not np.array_equal(got, np.maximum(r, 1 / r).min(2) < thr),
            "Basta con que UN lado difiera demasiado para descartar el ancla: usa el máximo de "
            "los dos lados, no el mínimo.",
        )
        area = wh.prod(1)[:, None] / anchors.prod(1)[None, :]
        expect(
            not np.array_equal(got, np.maximum(area, 1 / area) < thr),
            "Comparas áreas; la regla compara cada lado por separado (ancho con ancho, alto con "
            "alto).",
        )
        wrong = np.argwhere(got != right)[0]
        raise Wrong(
            f"La caja {wh[wrong[0]].round(1).tolist()} con el ancla "
            f"{anchors[wrong[1]].round(1).tolist()} debería dar {bool(right[tuple(wrong)])}."
        )
    return (
        "Cada caja suele tener varias anclas válidas, en varias escalas: muchos candidatos "
        "aprenden el mismo objeto, y por eso YOLOv5 necesita la NMS al predecir."
    )


# --- 39.3 · De una distribución DFL a una distancia -------------------------------------------


def _softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    e = np.exp(z - z.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)


def _dfl_cases() -> list[np.ndarray]:
    rng = np.random.default_rng(39)
    sharp = np.full((1, 16), -10.0)
    sharp[0, 5] = 10.0
    return [rng.normal(0, 2, (6, 16)), rng.normal(0, 1, (3, 4, 16)), sharp, rng.normal(0, 3, (16,))]


@exercise(
    "dia-039.3",
    title="De una distribución DFL a una distancia",
    hint="softmax sobre el último eje (las 16 casillas) y después la esperanza: "
    "suma de i · p_i con i = 0, 1, …, 15.",
)
def _dfl_distance(dfl_distance):
    expect(callable(dfl_distance), "La respuesta debe ser tu función dfl_distance.")
    for logits in _dfl_cases():
        got = as_array(dfl_distance(logits.copy()), "Lo que devuelve tu función")
        bins = np.arange(16)
        right = (_softmax(logits) * bins).sum(-1)
        expect(
            got.shape == right.shape,
            f"Con logits de forma {logits.shape} hay que devolver una distancia por "
            f"distribución, forma {right.shape}; devuelves {got.shape}. La suma va sobre el "
            "último eje.",
        )
        if np.allclose(got, right, atol=1e-6):
            continue
        expect(
            not np.allclose(got, logits.argmax(-1)),
            "Devuelves la casilla más probable (argmax). La DFL usa la ESPERANZA, suma de i · p_i: "
            "así la distancia puede caer entre dos casillas, por ejemplo 3,3.",
        )
        expect(
            not np.allclose(got, (logits * bins).sum(-1), atol=1e-6),
            "Multiplicas los logits en bruto: primero conviértelos en probabilidades con softmax.",
        )
        expect(
            not np.allclose(got, (_softmax(logits) * (bins + 1)).sum(-1), atol=1e-6),
            "Las casillas valen 0, 1, …, 15 (no 1, …, 16): la distancia 0 también existe.",
        )
        if logits.ndim > 1:
            expect(
                not np.allclose(got, (_softmax(logits, 0) * bins).sum(-1), atol=1e-6),
                "El softmax va sobre las 16 casillas (el último eje), no sobre las cajas.",
            )
        raise Wrong(
            f"Para unos logits de forma {logits.shape} las distancias deberían empezar por "
            f"{np.ravel(right)[:3].round(3).tolist()}; las tuyas, por "
            f"{np.ravel(got)[:3].round(3).tolist()}."
        )
    return (
        "Es lo que hace el módulo DFL de Ultralytics con una convolución de 1×1 de pesos fijos "
        "0, 1, …, 15. Una distribución repartida expresa un borde dudoso."
    )
