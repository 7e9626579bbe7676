"""Comprobadores de los ejercicios del día 15 (aplicaciones de las CNN en la industria)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, exercise, expect, expect_choices


def _pair(value, what: str) -> tuple[float, float]:
    expect(value is not None, f"{what} devuelve None: ¿olvidaste el return?")
    try:
        first, second = value
        return float(first), float(second)
    except (TypeError, ValueError) as error:
        raise Wrong(f"{what} debe devolver dos números: (precisión, exhaustividad).") from error


def _reference(y_true, scores, threshold):
    pred = scores >= threshold
    tp = np.sum(pred & (y_true == 1))
    fp = np.sum(pred & (y_true == 0))
    fn = np.sum(~pred & (y_true == 1))
    precision = tp / (tp + fp) if tp + fp else 1.0
    return float(precision), float(tp / (tp + fn)), int(fn), int(fp)


def _cost(y_true, scores, threshold, cost_fn, cost_fp) -> float:
    _, _, fn, fp = _reference(y_true, scores, threshold)
    return cost_fn * fn + cost_fp * fp


@exercise(
    "dia-015.1",
    title="Precisión y exhaustividad",
    hint="Predice «defectuosa» si score >= threshold. Precisión = VP / (VP + FP): de lo que "
    "marcas, cuánto es defecto. Exhaustividad = VP / (VP + FN): de los defectos, cuántos "
    "marcas. Sin ninguna pieza marcada, la precisión vale 1.",
)
def _precision_recall(precision_recall):
    expect(
        callable(precision_recall),
        "La respuesta debe ser tu función precision_recall(y_true, scores, threshold).",
    )
    rng = np.random.default_rng(15)
    y = np.array([1, 1, 1, 0, 0, 0, 0, 1, 0, 0])
    s = np.array([0.9, 0.6, 0.3, 0.7, 0.2, 0.1, 0.5, 0.5, 0.05, 0.4])
    y_rand = (rng.random(200) < 0.3).astype(int)
    s_rand = np.clip(0.35 * y_rand + rng.normal(0.35, 0.2, 200), 0, 1)
    cases = [(y, s, 0.5), (y, s, 0.35), (y, s, 0.95), (y_rand, s_rand, 0.4), (y_rand, s_rand, 0.6)]
    for y_true, scores, threshold in cases:
        call = f"precision_recall(…, threshold={threshold})"
        got = _pair(precision_recall(y_true.copy(), scores.copy(), threshold), call)
        precision, recall, _, _ = _reference(y_true, scores, threshold)
        if np.allclose(got, (precision, recall)):
            continue
        expect(
            not np.allclose(got, (recall, precision)),
            f"{call}: devuelves (exhaustividad, precisión); el orden es (precisión, exhaustividad).",
        )
        strict = _reference(y_true, scores + 0.0, np.nextafter(threshold, 2))[:2]
        expect(
            not np.allclose(got, strict),
            f"{call}: una puntuación igual al umbral cuenta como «defectuosa» (usa >=, no >).",
        )
        expect(
            not (not np.any(scores >= threshold) and (got[0] == 0 or np.isnan(got[0]))),
            f"{call}: si no marcas ninguna pieza, la precisión vale 1 por convenio (no has dado "
            f"ninguna falsa alarma), no {got[0]:g}.",
        )
        accuracy = float(np.mean((scores >= threshold) == (y_true == 1)))
        expect(
            not np.isclose(got[0], accuracy),
            f"{call}: tu precisión es la exactitud; la precisión solo mira las piezas marcadas.",
        )
        expect(False, f"{call} = {got}, pero debería ser ({precision:.4f}, {recall:.4f}).")
    return "Bajar el umbral sube la exhaustividad y suele bajar la precisión: es el dilema del día."


@exercise(
    "dia-015.2",
    title="El umbral más barato",
    hint="Prueba cada umbral de np.linspace(0, 1, 101), cuenta FN y FP con score >= u, "
    "calcula cost_fn · FN + cost_fp · FP y devuelve el umbral (no el coste) más barato.",
)
def _best_threshold(best_threshold):
    expect(
        callable(best_threshold),
        "La respuesta debe ser tu función best_threshold(y_true, scores, cost_fn, cost_fp).",
    )
    rng = np.random.default_rng(150)
    y = (rng.random(300) < 0.3).astype(int)
    s = np.clip(0.3 * y + rng.normal(0.35, 0.18, 300), 0, 1)
    grid = np.linspace(0, 1, 101)
    for cost_fn, cost_fp in [(20, 1), (1, 1), (1, 20), (5, 2)]:
        call = f"best_threshold(…, cost_fn={cost_fn}, cost_fp={cost_fp})"
        value = best_threshold(y.copy(), s.copy(), cost_fn, cost_fp)
        expect(value is not None, f"{call} devuelve None: ¿olvidaste el return?")
        expect(np.ndim(value) == 0, f"{call} debe devolver un solo número: el umbral.")
        try:
            u = float(value)
        except (TypeError, ValueError) as error:
            raise Wrong(f"{call} no devuelve un número.") from error
        best = min(_cost(y, s, t, cost_fn, cost_fp) for t in grid)
        if not 0 <= u <= 1 and u.is_integer() and 0 <= u < len(grid):
            expect(
                not np.isclose(_cost(y, s, grid[int(u)], cost_fn, cost_fp), best),
                f"{call} = {u:g}: es la posición del mejor umbral en la rejilla (np.argmin); "
                "devuelve el umbral, thresholds[i].",
            )
        expect(0 <= u <= 1, f"{call} = {u:g}: ¿devuelves el coste en vez del umbral?")
        if np.isclose(_cost(y, s, u, cost_fn, cost_fp), best):
            continue
        swapped = min(_cost(y, s, t, cost_fp, cost_fn) for t in grid)
        expect(
            not np.isclose(_cost(y, s, u, cost_fp, cost_fn), swapped),
            f"{call}: intercambias los costes; un falso negativo cuesta cost_fn.",
        )
        mine = _cost(y, s, u, cost_fn, cost_fp)
        expect(False, f"{call} = {u:.2f} cuesta {mine}, y hay umbrales que cuestan {best}.")
    return (
        "Con cost_fn = 20 el umbral baja mucho; con cost_fp = 20, sube. El modelo es el "
        "mismo: solo cambia la decisión."
    )


_TASKS = {
    "decidir si una radiografía de tórax muestra neumonía": "clasificación",
    "dibujar una caja alrededor de cada peatón en la imagen de la cámara del coche": "detección",
    "marcar qué píxeles de una resonancia son tumor, para medir su volumen": "segmentación",
    "contar las manzanas de un árbol con una caja por manzana": "detección",
    "separar, píxel a píxel, la calzada de la acera": "segmentación",
    "decir si una hoja de tomate está sana o tiene una enfermedad concreta": "clasificación",
    "localizar los huecos vacíos de una estantería del supermercado": "detección",
    "medir qué fracción de la foto de un campo es mala hierba, píxel a píxel": "segmentación",
}


@exercise(
    "dia-015.3",
    title="¿Clasificación, detección o segmentación?",
    hint="Mira qué hay que entregar: una etiqueta por imagen (clasificación), una caja por "
    "objeto (detección) o una clase por píxel (segmentación).",
)
def _which_task(answer):
    choices = ("clasificación", "detección", "segmentación")
    expect_choices(answer, _TASKS, item="aplicación", choices=choices)
    return (
        "Ocho de ocho. Fíjate en lo que cuesta anotar cada una: una etiqueta, una caja por "
        "objeto o una máscara entera por imagen."
    )
