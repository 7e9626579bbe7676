"""Comprobadores de los ejercicios del día 35 (mejorar la precisión de un detector).

Unir las detecciones de varias teselas, fusionar cajas con WBF y elegir ``imgsz`` con un
presupuesto de tiempo. Las cajas son filas ``(x1, y1, x2, y2, confianza, clase)``.
"""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, exercise, expect


def _as_boxes(got, what: str) -> np.ndarray:
    """La respuesta del alumno como matriz (k, 6) de reales, o un ``Wrong`` que explica por qué no."""
    expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
    try:
        arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError) as error:
        raise Wrong(f"{what} debe ser una matriz de NumPy (k, 6).") from error
    if arr.size == 0:
        return np.zeros((0, 6))
    expect(
        arr.ndim == 2 and arr.shape[1] == 6,
        f"{what} debe tener forma (k, 6): x1, y1, x2, y2, confianza, clase; tiene {arr.shape}.",
    )
    return arr


def _same_boxes(got: np.ndarray, want: np.ndarray, tol: float = 1e-3) -> bool:
    if got.shape != want.shape:
        return False
    order_g = np.lexsort(np.round(got, 3).T[::-1])
    order_w = np.lexsort(np.round(want, 3).T[::-1])
    return bool(np.allclose(got[order_g], want[order_w], atol=tol))


def _iou(a, b) -> float:
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = w * h
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


# --- 35.1 · Unir las detecciones de las teselas ------------------------------------------------


def _merge(dets, origins, thr, *, shift=True, swap=False, per_class=True, suppress=True):
    """Referencia (y sus variantes equivocadas, para nombrar el error)."""
    rows = []
    for d, (x, y) in zip(dets, origins, strict=True):
        d = np.array(d, dtype=float).reshape(-1, 6)
        if shift:
            dx, dy = (y, x) if swap else (x, y)
            d[:, [0, 2]] += dx
            d[:, [1, 3]] += dy
        rows.append(d)
    rows = np.concatenate(rows)
    rows = rows[np.argsort(-rows[:, 4], kind="stable")]
    keep = []
    for r in rows:
        clash = any((not per_class or k[5] == r[5]) and _iou(k, r) > thr for k in keep)
        if not (suppress and clash):
            keep.append(r)
    return np.array(keep).reshape(-1, 6)


# Cada caso: (detecciones por tesela en coordenadas de la tesela, orígenes (x, y)).
_TILE_CASES = [
    (  # el mismo coche visto por dos teselas solapadas (la segunda lo ve cortado por su borde)
        [[[250.0, 40.0, 282.0, 56.0, 0.9, 2.0]], [[0.0, 40.5, 26.0, 56.5, 0.7, 2.0]]],
        [(0, 0), (256, 0)],
    ),
    (  # una tesela de la segunda fila (origen con y > 0)
        [[[10.0, 10.0, 20.0, 30.0, 0.8, 0.0]], [[100.0, 50.0, 132.0, 66.0, 0.6, 2.0]]],
        [(0, 0), (64, 160)],
    ),
    (  # una moto y una bici en el mismo sitio: NMS por clase, se quedan las dos
        [[[300.0, 100.0, 319.0, 108.0, 0.5, 3.0]], [[44.0, 100.0, 63.0, 108.0, 0.45, 1.0]]],
        [(0, 0), (256, 0)],
    ),
    (  # una tesela sin detecciones y otra de la segunda fila
        [np.zeros((0, 6)), [[5.0, 5.0, 37.0, 21.0, 0.95, 2.0]]],
        [(0, 0), (0, 256)],
    ),
]

_TILE_ERRORS = [
    (
        {"shift": False},
        "Las cajas siguen en coordenadas de su tesela: suma el origen (x a x1 y x2, y a y1 e y2) "
        "antes de unir.",
    ),
    (
        {"swap": True},
        "Sumas el origen cambiado: la x del origen va a x1 y x2, y la y a y1 e y2.",
    ),
    (
        {"per_class": False},
        "Te sobran supresiones: una moto y una bici que se solapan no son la misma detección. "
        "Haz la NMS por clase (batched_nms con la clase como grupo).",
    ),
    (
        {"suppress": False},
        "Quedan duplicados: el mismo objeto visto por dos teselas solapadas debe quedar una sola "
        "vez. Aplica NMS a todas las cajas juntas, ya en la imagen entera.",
    ),
]


@exercise(
    "dia-035.1",
    title="Unir las detecciones de las teselas",
    hint="Suma el origen de cada tesela: x del origen a x1 y x2, y del origen a y1 e y2. Junta "
    "todas las filas y aplica NMS por clase con el umbral dado (torchvision.ops.batched_nms con "
    "la clase como grupo). Devuelve las filas que sobreviven, de más a menos confianza.",
)
def _merge_tiles(merge_tiles):
    expect(callable(merge_tiles), "La respuesta debe ser tu función.")
    for dets, origins in _TILE_CASES:
        inputs = [np.array(d, dtype=float).reshape(-1, 6) for d in dets]
        got = _as_boxes(merge_tiles([d.copy() for d in inputs], origins, 0.5), "El resultado")
        want = _merge(inputs, origins, 0.5)
        if _same_boxes(got, want):
            expect(
                np.all(np.diff(got[:, 4]) <= 1e-9),
                "Las cajas están bien, pero ordénalas de más a menos confianza.",
            )
            continue
        for variant, message in _TILE_ERRORS:
            if _same_boxes(got, _merge(inputs, origins, 0.5, **variant)):
                raise Wrong(message)
        raise Wrong(
            f"Con orígenes {origins} se esperaban las cajas {np.round(want, 2).tolist()} y "
            f"devuelves {np.round(got, 2).tolist()}."
        )
    return "Es la unión que hace SAHI (que además puede fusionar en vez de suprimir)."


# --- 35.2 · Fusión ponderada de cajas (WBF) ----------------------------------------------------


def _wbf(a, b, thr, *, weighted=True, penalize=True, per_class=True, average=True):
    """Referencia de WBF con dos modelos (y sus variantes equivocadas)."""
    rows = np.concatenate([np.reshape(a, (-1, 6)), np.reshape(b, (-1, 6))]).astype(float)
    rows = rows[np.argsort(-rows[:, 4], kind="stable")]
    groups, fused = [], []
    for r in rows:
        ious = [_iou(f, r) if (not per_class or f[5] == r[5]) else -1.0 for f in fused]
        k = int(np.argmax(ious)) if ious else -1
        if k < 0 or ious[k] < thr:
            groups.append([r])
            fused.append(r.copy())
            continue
        groups[k].append(r)
        g = np.array(groups[k])
        if average:
            w = g[:, 4] if weighted else np.ones(len(g))
            fused[k][:4] = (g[:, :4] * w[:, None]).sum(0) / w.sum()
    out = np.array(fused).reshape(-1, 6)
    for i, g in enumerate(groups):
        conf = np.mean([r[4] for r in g])
        out[i, 4] = conf * min(len(g), 2) / 2 if penalize else conf
    return out


# Cada caso: (cajas del modelo A, cajas del modelo B).
_WBF_CASES = [
    (  # el mismo coche visto por los dos modelos
        [[100.0, 50.0, 132.0, 66.0, 0.9, 2.0]],
        [[104.0, 50.0, 136.0, 66.0, 0.6, 2.0]],
    ),
    (  # un objeto que solo ve un modelo
        [[10.0, 10.0, 20.0, 30.0, 0.8, 0.0]],
        np.zeros((0, 6)),
    ),
    (  # una moto y una bici en el mismo sitio: no se mezclan
        [[300.0, 100.0, 319.0, 108.0, 0.5, 3.0]],
        [[300.0, 100.0, 319.0, 108.0, 0.5, 1.0]],
    ),
    (  # dos cajas del mismo modelo y una del otro: un grupo de tres
        [[0.0, 0.0, 40.0, 20.0, 0.8, 2.0], [2.0, 0.0, 42.0, 20.0, 0.4, 2.0]],
        [[0.0, 2.0, 40.0, 22.0, 0.8, 2.0]],
    ),
]

_WBF_ERRORS = [
    (
        {"average": False},
        "Te quedas con la caja más segura de cada grupo en vez de promediarlas: eso es NMS, no "
        "WBF.",
    ),
    (
        {"weighted": False},
        "Haces la media simple de las cajas: pondérala por la confianza (la caja más segura "
        "debe pesar más).",
    ),
    (
        {"penalize": False},
        "Las cajas están bien, pero la confianza no: un grupo que solo vio un modelo debe perder "
        "peso (media de las confianzas × min(n, 2) / 2).",
    ),
    (
        {"per_class": False},
        "Unes cajas de clases distintas: cada caja solo puede entrar en un grupo de su misma "
        "clase.",
    ),
]


@exercise(
    "dia-035.2",
    title="Fusión ponderada de cajas (WBF)",
    hint="Ordena todas las cajas por confianza. Cada caja se une al grupo de su clase cuya caja "
    "fusionada tenga la IoU más alta con ella, si llega al umbral, o abre uno. La caja de un "
    "grupo es la media de sus cajas ponderada por la confianza; su confianza, la media de las "
    "confianzas del grupo × min(tamaño del grupo, 2) / 2.",
)
def _wbf_pair(wbf_pair):
    expect(callable(wbf_pair), "La respuesta debe ser tu función.")
    for a, b in _WBF_CASES:
        a_arr = np.array(a, dtype=float).reshape(-1, 6)
        b_arr = np.array(b, dtype=float).reshape(-1, 6)
        got = _as_boxes(wbf_pair(a_arr.copy(), b_arr.copy(), 0.55), "El resultado")
        want = _wbf(a_arr, b_arr, 0.55)
        if _same_boxes(got, want):
            continue
        for variant, message in _WBF_ERRORS:
            if _same_boxes(got, _wbf(a_arr, b_arr, 0.55, **variant)):
                raise Wrong(message)
        raise Wrong(
            f"Con A={np.round(a_arr, 2).tolist()} y B={np.round(b_arr, 2).tolist()} se esperaba "
            f"{np.round(want, 3).tolist()} y devuelves {np.round(got, 3).tolist()}."
        )
    return "WBF (Solovyev y otros, 2021): la fusión habitual de los ensembles de detectores."


# --- 35.3 · Elegir imgsz con un presupuesto ------------------------------------------------------

_BENCH = {
    320: (0.313, 34.0),
    384: (0.460, 50.0),
    448: (0.551, 76.0),
    512: (0.550, 79.0),
    640: (0.535, 126.0),
    768: (0.431, 183.0),
}
# Cada caso: (presupuesto en ms por imagen, imgsz esperado).
_BUDGETS = [(200.0, 448), (76.0, 448), (60.0, 384), (30.0, None), (79.0, 448), (34.0, 320)]


@exercise(
    "dia-035.3",
    title="Elegir imgsz con un presupuesto de tiempo",
    hint="Quédate con los imgsz cuyo tiempo cabe en el presupuesto (tiempo ≤ presupuesto) y, de "
    "ellos, devuelve el de mayor mAP; si empatan en mAP, el más rápido. Si ninguno cabe, None.",
)
def _pick_imgsz(pick_imgsz):
    expect(callable(pick_imgsz), "La respuesta debe ser tu función.")
    for budget, want in _BUDGETS:
        got = pick_imgsz(dict(_BENCH), budget)
        if want is None:
            expect(
                got is None,
                f"Con {budget} ms no cabe ningún imgsz (el más rápido tarda "
                f"{min(t for _, t in _BENCH.values()):.0f} ms): devuelve None, no {got!r}.",
            )
            continue
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        if got == want:
            continue
        if got not in _BENCH:
            raise Wrong(f"Devuelve uno de los imgsz medidos ({list(_BENCH)}), no {got!r}.")
        if _BENCH[got][1] > budget:
            raise Wrong(
                f"imgsz={got} tarda {_BENCH[got][1]:.0f} ms y el presupuesto es {budget:.0f} ms: "
                "descarta primero lo que no cabe."
            )
        if _BENCH[got][1] == min(t for _, t in _BENCH.values()):
            raise Wrong(
                f"Con {budget:.0f} ms devuelves el más rápido ({got}); se pide el de mayor mAP "
                "entre los que caben."
            )
        if budget in (t for _, t in _BENCH.values()):
            raise Wrong(
                f"Con un presupuesto de {budget:.0f} ms, un imgsz que tarda exactamente eso "
                "también cabe: usa tiempo ≤ presupuesto."
            )
        raise Wrong(f"Con {budget:.0f} ms se esperaba imgsz={want} y devuelves {got}.")
    return "Es la decisión de cada despliegue: la mejor precisión que cabe en el tiempo que hay."
