"""Comprobadores de los ejercicios del día 40 (RT-DETR: GIoU, emparejamiento húngaro y
duplicados)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect

# --- 40.1 · La GIoU de dos conjuntos de cajas -------------------------------------------------


def _parts(a: np.ndarray, b: np.ndarray):
    """Intersección, unión y área de la caja envolvente de cada pareja (n, m)."""
    a, b = a[:, None, :], b[None, :, :]
    area_a = (a[..., 2] - a[..., 0]) * (a[..., 3] - a[..., 1])
    area_b = (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])
    wh = np.clip(np.minimum(a[..., 2:], b[..., 2:]) - np.maximum(a[..., :2], b[..., :2]), 0, None)
    inter = wh[..., 0] * wh[..., 1]
    union = area_a + area_b - inter
    hull = np.maximum(a[..., 2:], b[..., 2:]) - np.minimum(a[..., :2], b[..., :2])
    return inter, union, hull[..., 0] * hull[..., 1]


def _giou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    inter, union, hull = _parts(a, b)
    return inter / union - (hull - union) / hull


def _giou_cases() -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(40)
    corner = rng.uniform(0, 50, (6, 2))
    a = np.concatenate([corner, corner + rng.uniform(4, 30, (6, 2))], 1)
    b = a[rng.permutation(6)[:5]] + rng.normal(0, 4, (5, 4))
    b[:, 2:] = np.maximum(b[:, 2:], b[:, :2] + 1)
    fixed_a = np.array([[0.0, 0, 10, 10], [0, 0, 4, 4]])
    fixed_b = np.array([[12.0, 0, 22, 10], [40, 0, 50, 10], [5, 5, 15, 15], [0, 0, 10, 10]])
    return [(fixed_a, fixed_b), (a, b), (b, a)]


@exercise(
    "dia-040.1",
    title="La GIoU de dos conjuntos de cajas",
    hint="Para cada pareja (con broadcasting, a[:, None] frente a b[None]): la intersección "
    "recortada a 0, la unión = área A + área B − intersección, y la caja envolvente, del mínimo "
    "de las esquinas superiores izquierdas al máximo de las inferiores derechas. "
    "GIoU = IoU − (envolvente − unión) / envolvente.",
)
def _giou_matrix(giou_matrix):
    expect(callable(giou_matrix), "La respuesta debe ser tu función giou_matrix.")
    for a, b in _giou_cases():
        got = as_array(giou_matrix(a.copy(), b.copy()), "Lo que devuelve tu función")
        right = _giou(a, b)
        expect(
            got.shape == right.shape,
            f"Con {len(a)} y {len(b)} cajas hay que devolver una matriz {right.shape} (una fila "
            f"por caja de a); devuelves {got.shape}.",
        )
        if np.allclose(got, right, atol=1e-6):
            continue
        inter, union, hull = _parts(a, b)
        expect(
            not np.allclose(got, inter / union, atol=1e-6),
            "Eso es la IoU: falta restarle la parte de la caja envolvente que no cubre la unión, "
            "(envolvente − unión) / envolvente.",
        )
        expect(
            not np.allclose(got, inter / union - (hull - union) / union, atol=1e-6),
            "La parte vacía se divide entre el área de la caja ENVOLVENTE, no entre la unión.",
        )
        expect(
            not np.allclose(got, inter / union + (hull - union) / hull, atol=1e-6),
            "El término de la caja envolvente se RESTA: la GIoU nunca es mayor que la IoU.",
        )
        raw = np.minimum(a[:, None, 2:], b[None, :, 2:]) - np.maximum(
            a[:, None, :2], b[None, :, :2]
        )
        inter_raw = raw[..., 0] * raw[..., 1]
        union_raw = (
            (a[:, None, 2] - a[:, None, 0]) * (a[:, None, 3] - a[:, None, 1])
            + (b[None, :, 2] - b[None, :, 0]) * (b[None, :, 3] - b[None, :, 1])
            - inter_raw
        )
        expect(
            not np.allclose(got, inter_raw / union_raw - (hull - union_raw) / hull, atol=1e-6),
            "Recorta a 0 el ancho y el alto de la intersección: dos cajas separadas en diagonal "
            "tendrían ancho y alto negativos y una «intersección» positiva.",
        )
        expect(
            np.all(got <= 1 + 1e-6) and np.all(got > -1 - 1e-6),
            "La GIoU está entre −1 y 1; alguno de tus valores no.",
        )
        raise Wrong(
            f"Para a[0] = {a[0].round(1).tolist()} la primera fila debería ser "
            f"{right[0].round(3).tolist()}; la tuya es {got[0].round(3).tolist()}."
        )
    return (
        "Es lo que calcula torchvision.ops.generalized_box_iou. Con cajas que no se tocan, la IoU "
        "es 0 y la GIoU sigue diciendo cuánto falta."
    )


# --- 40.2 · Emparejamiento húngaro ------------------------------------------------------------


def _optimal(cost: np.ndarray) -> float:
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(cost)
    return float(cost[rows, cols].sum())


_COSTS = [
    np.array(  # las dos primeras columnas prefieren la misma predicción (la 0)
        [[0.1, 0.2, 5.0], [0.3, 3.0, 5.0], [4.0, 0.9, 5.0], [6.0, 6.0, 0.4], [5.0, 5.0, 5.0]]
    ),
    np.random.default_rng(40).uniform(0, 10, (8, 4)),
    np.array([[1.0, 2.0], [2.0, 4.0], [9.0, 9.0]]),
]


def _as_pairs(answer, n_pred: int, n_obj: int) -> dict[int, int]:
    expect(answer is not None, "Tu función devuelve None: ¿olvidaste el return?")
    expect(
        isinstance(answer, dict),
        "Devuelve un diccionario {objeto: predicción}, con un objeto por columna.",
    )
    expect(
        all(
            isinstance(k, int | np.integer) and isinstance(v, int | np.integer)
            for k, v in answer.items()
        ),
        "Las claves (objetos) y los valores (predicciones) deben ser números enteros.",
    )
    pairs = {int(k): int(v) for k, v in answer.items()}
    expect(
        set(pairs) == set(range(n_obj)),
        f"Hay {n_obj} objetos (las columnas de cost): el diccionario necesita exactamente las "
        f"claves {list(range(n_obj))}; tiene {sorted(pairs)}. ¿Usas las filas como claves?",
    )
    expect(
        all(0 <= v < n_pred for v in pairs.values()),
        f"Los valores deben ser predicciones (filas de cost), de 0 a {n_pred - 1}.",
    )
    return pairs


@exercise(
    "dia-040.2",
    title="Emparejamiento húngaro",
    hint="scipy.optimize.linear_sum_assignment(cost) devuelve (filas, columnas): las predicciones "
    "y los objetos emparejados. Construye {objeto: predicción} a partir de esas dos listas.",
)
def _hungarian_match(hungarian_match):
    expect(callable(hungarian_match), "La respuesta debe ser tu función hungarian_match.")
    for cost in _COSTS:
        n_pred, n_obj = cost.shape
        pairs = _as_pairs(hungarian_match(cost.copy()), n_pred, n_obj)
        used = list(pairs.values())
        repeated = sorted({p for p in used if used.count(p) > 1})
        expect(
            not repeated,
            f"La predicción {repeated[0] if repeated else ''} está emparejada con dos objetos: "
            "eso es lo que hace una asignación voraz (cada objeto con su predicción más barata). "
            "En un DETR cada predicción encuentra a lo sumo un objeto.",
        )
        total = float(sum(cost[p, j] for j, p in pairs.items()))
        best = _optimal(cost)
        expect(
            not np.isclose(total, -_optimal(-cost)) or np.isclose(total, best),
            "Maximizas el coste: el emparejamiento de DETR busca el coste total MÍNIMO.",
        )
        expect(
            np.isclose(total, best),
            f"Tu emparejamiento cuesta {total:.3f} y el mejor posible cuesta {best:.3f}.",
        )
    return (
        "Es lo que hacen DETR, RT-DETR y el HungarianMatcher de Ultralytics en cada imagen de "
        "cada paso de entrenamiento."
    )


# --- 40.3 · Cuántos duplicados ----------------------------------------------------------------


def _iou(boxes: np.ndarray) -> np.ndarray:
    inter, union, _ = _parts(boxes, boxes)
    return inter / union


def _duplicates(boxes, labels, threshold):
    same = labels[:, None] == labels[None, :]
    return int(np.triu((_iou(boxes) > threshold) & same, 1).sum())


_DUP_CASES = [
    (  # dos coches y dos bicis repetidos, dos personas a IoU justo 0,5, tres parejas de clases
        # distintas que se solapan del todo y una persona sola
        np.array(
            [
                [0.0, 0, 10, 10],
                [1, 0, 11, 10],
                [70, 70, 80, 80],
                [70, 71, 80, 81],
                [50, 50, 60, 60],
                [50, 50, 60, 55],
                [100, 100, 110, 110],
                [100, 100, 110, 110],
                [130, 130, 140, 140],
                [130, 130, 140, 140],
                [160, 160, 170, 170],
                [160, 160, 170, 170],
                [30, 30, 40, 40],
            ]
        ),
        np.array([2, 2, 1, 1, 0, 0, 1, 0, 2, 0, 1, 2, 0]),
        0.5,
    ),
    (
        np.array([[0.0, 0, 20, 20], [2, 2, 20, 20], [1, 1, 21, 21], [40, 0, 50, 10]]),
        np.array([1, 1, 1, 1]),
        0.5,
    ),
    (np.array([[0.0, 0, 10, 10], [5, 0, 15, 10], [0, 5, 10, 15]]), np.array([0, 0, 0]), 0.3),
]


@exercise(
    "dia-040.3",
    title="Cuántos duplicados",
    hint="Calcula la matriz de IoU de todas las cajas entre sí; cuenta las parejas (i, j) con "
    "i < j (np.triu(..., 1)), de la misma clase y con IoU > threshold.",
)
def _count_duplicates(count_duplicates):
    expect(callable(count_duplicates), "La respuesta debe ser tu función count_duplicates.")
    for boxes, labels, threshold in _DUP_CASES:
        got = as_array(count_duplicates(boxes.copy(), labels.copy(), threshold), "Tu resultado")
        expect(got.size == 1, "Devuelve un solo número: cuántas parejas duplicadas hay.")
        got = float(got.reshape(-1)[0])
        right = _duplicates(boxes, labels, threshold)
        if got == right:
            continue
        iou, same = _iou(boxes), labels[:, None] == labels[None, :]
        expect(
            got != right + len(boxes),
            "Cuentas cada caja consigo misma (la diagonal tiene IoU 1): solo valen las parejas "
            "de cajas distintas, i < j.",
        )
        expect(
            got != 2 * right or right == 0,
            "Cuentas cada pareja dos veces, (i, j) y (j, i): quédate con i < j.",
        )
        expect(
            got != int(np.triu(iou > threshold, 1).sum()),
            "Solo son duplicados dos cajas de la MISMA clase: un coche y una persona pueden "
            "solaparse sin ser el mismo objeto.",
        )
        expect(
            got != int(np.triu((iou >= threshold) & same, 1).sum()),
            "El umbral es estricto: IoU > threshold (con IoU justo igual, no cuenta).",
        )
        raise Wrong(
            f"En uno de los casos de prueba hay {right} parejas duplicadas y cuentas {got:g}."
        )
    return (
        "Es la medida del día: con emparejamiento uno-a-uno, un DETR casi no produce parejas "
        "así sin ninguna NMS."
    )
