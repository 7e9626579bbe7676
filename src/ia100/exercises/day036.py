"""Comprobadores de los ejercicios del día 36 (segmentación de imágenes)."""

from __future__ import annotations

import math

import numpy as np

from ia100.exercises import Wrong, exercise, expect, expect_choices


def _confusion(true: np.ndarray, pred: np.ndarray, n: int) -> np.ndarray:
    return np.bincount(n * true.ravel() + pred.ravel(), minlength=n * n).reshape(n, n)


def _ious(cm: np.ndarray, *, dice: bool = False, no_minus: bool = False) -> np.ndarray:
    tp = np.diag(cm).astype(float)
    total = cm.sum(0) + cm.sum(1)
    union = total if no_minus or dice else total - tp
    numerator = 2 * tp if dice else tp
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, numerator / np.maximum(union, 1), np.nan)


def _miou_cases() -> list[tuple[np.ndarray, np.ndarray, int]]:
    """Casos (verdad, predicción, clases): uno con una clase ausente y lotes de varias imágenes."""
    rng = np.random.default_rng(36)
    cases = []
    true = np.zeros((2, 6, 6), int)
    true[0, 1:4, 1:4], true[1, 0:2, :] = 1, 2  # la clase 3 no aparece en la verdad
    pred = true.copy()
    pred[0, 1:4, 3] = 0
    pred[1, 0, :3] = 0
    pred[1, 5, 5] = 1
    cases.append((true, pred, 4))  # la clase 3 no aparece en ningún sitio
    for n_img, side, k in [(3, 8, 3), (4, 10, 5)]:
        t = rng.integers(0, k, (n_img, side, side))
        t[0] = 0  # una imagen casi toda de fondo: la media por imagen y la global difieren
        p = np.where(rng.random(t.shape) < 0.7, t, rng.integers(0, k, t.shape))
        cases.append((t, p, k))
    return cases


def _per_image_miou(true: np.ndarray, pred: np.ndarray, k: int) -> float:
    values = [np.nanmean(_ious(_confusion(t, p, k))) for t, p in zip(true, pred, strict=True)]
    return float(np.mean(values))


@exercise(
    "dia-036.1",
    title="La mIoU desde la matriz de confusión",
    hint="Acumula la matriz de confusión de todos los píxeles del conjunto (np.bincount de "
    "n_classes * verdad + predicción). Para cada clase, IoU = TP / (TP + FP + FN) = C[c, c] / "
    "(fila c + columna c − C[c, c]); una clase sin píxeles ni en la verdad ni en la predicción "
    "no cuenta (np.nanmean).",
)
def _mean_iou(mean_iou):
    expect(callable(mean_iou), "La respuesta debe ser tu función mean_iou.")
    for true, pred, k in _miou_cases():
        got = mean_iou(true.copy(), pred.copy(), k)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        try:
            got = float(got)
        except (TypeError, ValueError) as error:
            raise Wrong(
                "Debe devolver un número: la mIoU (la media de las IoU por clase)."
            ) from error
        cm = _confusion(true, pred, k)
        right = float(np.nanmean(_ious(cm)))
        if math.isclose(got, right, rel_tol=1e-6, abs_tol=1e-9):
            continue
        expect(
            not math.isnan(got),
            "Da NaN: una clase que no aparece ni en la verdad ni en la predicción tiene IoU 0/0; "
            "no cuenta en la media (usa np.nanmean).",
        )
        ious = _ious(cm)
        wrong = {
            "cero": float(np.mean(np.nan_to_num(ious, nan=0.0))),
            "uno": float(np.mean(np.nan_to_num(ious, nan=1.0))),
            "exactitud": float(np.trace(cm) / cm.sum()),
            "dice": float(np.nanmean(_ious(cm, dice=True))),
            "sin restar": float(np.nanmean(_ious(cm, no_minus=True))),
            "por imagen": _per_image_miou(true, pred, k),
        }
        close = [name for name, v in wrong.items() if math.isclose(got, v, rel_tol=1e-6)]
        expect(
            "cero" not in close,
            "Cuentas como 0 la IoU de una clase que no aparece ni en la verdad ni en la "
            "predicción; no hay nada que medir (0/0): déjala fuera de la media.",
        )
        expect(
            "uno" not in close,
            "Cuentas como 1 la IoU de una clase ausente; no hay nada que medir (0/0): déjala "
            "fuera de la media.",
        )
        expect(
            "exactitud" not in close, "Eso es la exactitud de píxel (traza / total), no la mIoU."
        )
        expect(
            "dice" not in close,
            "Eso es el Dice medio (2·TP / (|P| + |T|)), no la IoU: la unión es |P| + |T| − TP.",
        )
        expect(
            "sin restar" not in close,
            "Tu unión cuenta dos veces la intersección: fila c + columna c − C[c, c].",
        )
        expect(
            "por imagen" not in close,
            "Promedias la mIoU imagen a imagen; acumula la matriz de confusión de todo el "
            "conjunto y calcula la IoU al final.",
        )
        raise Wrong(f"Con {k} clases la mIoU debería ser {right:.4f} y la tuya es {got:.4f}.")
    return (
        "La mIoU da el mismo peso a cada clase: por eso no se deja engañar por el fondo, como "
        "la exactitud."
    )


def _pq(iou: np.ndarray, threshold: float = 0.5, strict: bool = True) -> tuple[float, ...]:
    match = iou > threshold if strict else iou >= threshold
    tp = int(match.sum())
    fp, fn = iou.shape[1] - tp, iou.shape[0] - tp
    sq = float(iou[match].sum() / tp) if tp else 0.0
    rq = tp / (tp + fp / 2 + fn / 2)
    return sq * rq, sq, rq


#: Matrices de IoU (verdaderos × predichos) de una categoría, con segmentos que no se solapan.
PQ_CASES = [
    np.array([[0.8, 0.0, 0.0, 0.0], [0.0, 0.6, 0.0, 0.0], [0.0, 0.0, 0.5, 0.0]]),
    np.array([[0.9, 0.1], [0.2, 0.45], [0.0, 0.0]]),
    np.array([[0.7, 0.0, 0.0], [0.0, 0.3, 0.55]]),
    np.array([[0.95]]),
]


@exercise(
    "dia-036.2",
    title="La calidad panóptica desde una matriz de IoU",
    hint="Una pareja es un IoU estrictamente mayor que 0,5. TP = número de parejas; FP = "
    "predichos sin pareja; FN = verdaderos sin pareja. SQ = suma de las IoU de las parejas / TP "
    "(0 si no hay ninguna); RQ = TP / (TP + FP/2 + FN/2); PQ = SQ · RQ.",
)
def _panoptic_quality(panoptic_quality):
    expect(callable(panoptic_quality), "La respuesta debe ser tu función panoptic_quality.")
    for iou in PQ_CASES:
        got = panoptic_quality(iou.copy())
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        try:
            values = tuple(float(v) for v in got)
        except (TypeError, ValueError) as error:
            raise Wrong("Debe devolver una tupla de tres números: (pq, sq, rq).") from error
        expect(len(values) == 3, "Debe devolver tres números, en este orden: (pq, sq, rq).")
        right = _pq(iou)
        if all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(values, right, strict=True)):
            continue
        pq, sq, rq = values
        expect(
            not all(
                math.isclose(a, b, abs_tol=1e-9)
                for a, b in zip(sorted(values), sorted(right), strict=True)
            ),
            "Tus tres números son los buenos, pero en otro orden: devuelve (pq, sq, rq).",
        )
        loose = _pq(iou, strict=False)
        expect(
            not all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(values, loose, strict=True)),
            "Aceptas como pareja una IoU de exactamente 0,5: tiene que ser estrictamente mayor "
            "(así cada segmento tiene como mucho una pareja).",
        )
        tp = int((iou > 0.5).sum())
        fp, fn = iou.shape[1] - tp, iou.shape[0] - tp
        expect(
            not math.isclose(rq, tp / (tp + fp + fn), abs_tol=1e-9) or fp + fn == 0,
            "En la RQ los fallos pesan la mitad: TP / (TP + FP/2 + FN/2).",
        )
        expect(
            not math.isclose(rq, tp / (tp + iou.shape[0] / 2 + iou.shape[1] / 2), abs_tol=1e-9),
            "FP son los predichos SIN pareja (predichos − TP) y FN los verdaderos sin pareja.",
        )
        expect(
            not math.isclose(sq, float(iou[iou > 0.5].sum()) / iou.shape[0], abs_tol=1e-9)
            or tp == iou.shape[0],
            "La SQ es la IoU media de las parejas: divide entre TP, no entre los verdaderos.",
        )
        expect(
            math.isclose(pq, sq * rq, abs_tol=1e-9),
            "Tus tres números no cumplen PQ = SQ · RQ.",
        )
        raise Wrong(
            f"Con la matriz {iou.tolist()} debería salir (pq, sq, rq) = "
            f"({right[0]:.4f}, {right[1]:.4f}, {right[2]:.4f}); tu función da "
            f"({pq:.4f}, {sq:.4f}, {rq:.4f})."
        )
    return "PQ = SQ × RQ: la calidad de las máscaras encontradas por la F1 de encontrarlas."


_STATEMENTS = {
    "En la segmentación semántica, dos coches que se tocan forman una sola región de la clase "
    "coche": True,
    "La segmentación de instancia etiqueta también la calzada y la acera": False,
    "En una segmentación panóptica cada píxel tiene exactamente una categoría": True,
    "Para la misma predicción, el Dice nunca es menor que la IoU": True,
    "Si una predicción tiene más IoU que otra con la misma máscara, también tiene más Dice": True,
    "Una exactitud de píxel del 90 % garantiza una mIoU de al menos 0,5": False,
    "En la PQ, una predicción con IoU exactamente 0,5 con su objeto cuenta como acierto": False,
    "La RQ de la PQ es la F1 de la detección de segmentos": True,
}


@exercise(
    "dia-036.3",
    title="Verdadero o falso: tipos de segmentación y métricas",
    hint="Repasa la tabla de los tres tipos, la relación Dice = 2·IoU / (1 + IoU), el «modelo» "
    "que responde fondo en todas partes y la regla de emparejamiento de la PQ.",
)
def _true_or_false(answer):
    expect_choices(answer, _STATEMENTS, item="afirmación", choices=(True, False))
    return (
        "Ocho de ocho. La más traicionera: la exactitud de píxel puede ser del 90 % con una mIoU "
        "de 0,23, si el fondo ocupa el 90 % de la imagen."
    )
