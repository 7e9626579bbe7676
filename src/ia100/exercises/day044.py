"""Comprobadores de los ejercicios del día 44 (conteo de objetos: cruces de línea y asociación)."""

from __future__ import annotations

from ia100.exercises import Wrong, exercise, expect

# Casos de 44.1: (p, q, a, b, sentido esperado). Convenio de ObjectCounter: con una línea más
# vertical que horizontal, +1 es moverse hacia la derecha; con una más horizontal, hacia abajo.
_CROSSINGS = [
    ((200, 180), (250, 182), (240, 100), (240, 240), 1),  # vertical, hacia la derecha
    ((250, 150), (200, 150), (240, 100), (240, 240), -1),  # vertical, hacia la izquierda
    ((200, 180), (250, 182), (240, 240), (240, 100), 1),  # la misma línea dada al revés
    ((200, 20), (250, 20), (240, 100), (240, 240), 0),  # corta la recta, fuera del segmento
    ((200, 150), (230, 150), (240, 100), (240, 240), 0),  # no llega a la línea
    ((100, 50), (98, 90), (0, 70), (300, 70), 1),  # horizontal, hacia abajo (y algo a la izquierda)
    ((100, 90), (102, 50), (0, 70), (300, 70), -1),  # horizontal, hacia arriba
    ((400, 50), (400, 90), (0, 70), (300, 70), 0),  # horizontal, fuera del segmento
    ((10, 10), (30, 30), (0, 40), (40, 0), 1),  # diagonal a 45°: cuenta como horizontal
]


@exercise(
    "dia-044.1",
    title="¿Cruza la línea? ¿En qué sentido?",
    hint="Calcula s(p) = (b − a) × (p − a) y s(q): si tienen el mismo signo, no hay cruce. "
    "Comprueba también que a y b quedan a distinto lado del paso p → q (si no, se corta la recta "
    "pero fuera del segmento). El sentido: si |ax − bx| < |ay − by| (línea vertical), +1 si "
    "qx > px; si no, +1 si qy > py.",
)
def _crossing_sense(crossing_sense):
    expect(callable(crossing_sense), "La respuesta debe ser tu función.")
    for p, q, a, b, want in _CROSSINGS:
        got = crossing_sense(p, q, a, b)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(got in (-1, 0, 1), f"Devuelve +1, -1 o 0, no {got!r}.")
        if got == want:
            continue
        vertical = abs(a[0] - b[0]) < abs(a[1] - b[1])
        if want == 0 and got != 0:
            raise Wrong(
                f"El paso {p} → {q} corta la recta de {a} a {b}, pero fuera del segmento (o no la "
                "corta): comprueba también que a y b quedan a distinto lado del paso."
            )
        if want != 0 and got == -want:
            if not vertical:
                raise Wrong(
                    f"Con la línea horizontal de {a} a {b}, el sentido se decide por y: +1 si el "
                    "objeto baja (y crece), -1 si sube."
                )
            raise Wrong(
                f"El paso {p} → {q} cruza la línea de {a} a {b}, pero con el sentido cambiado: con "
                "una línea vertical, +1 es hacia la derecha (x crece)."
            )
        raise Wrong(f"Con p={p}, q={q}, a={a}, b={b} se esperaba {want} y devuelves {got}.")
    return "Es la prueba que usa ObjectCounter (con shapely) y la de line_crossings."


# Casos de 44.2: (matriz IoU pistas × cajas, umbral, parejas esperadas).
_IOUS = [
    ([[0.82, 0.48], [0.54, 0.14]], 0.3, [(0, 1), (1, 0)]),  # la voraz se equivoca
    ([[0.9, 0.0, 0.0], [0.0, 0.05, 0.7]], 0.3, [(0, 0), (1, 2)]),  # una caja queda libre
    ([[0.6, 0.2], [0.1, 0.25]], 0.3, [(0, 0)]),  # una pareja por debajo del umbral
    ([[0.0, 0.0], [0.0, 0.0]], 0.3, []),
    ([[0.5], [0.7], [0.4]], 0.3, [(1, 0)]),  # más pistas que cajas
]


@exercise(
    "dia-044.2",
    title="Asociación húngara con umbral",
    hint="linear_sum_assignment minimiza un coste: pásale 1 − IoU (no la IoU). Después descarta "
    "las parejas con IoU por debajo del umbral, y devuelve una lista ordenada de tuplas "
    "(pista, caja) con enteros de Python.",
)
def _match_tracks(match_tracks):
    import numpy as np

    expect(callable(match_tracks), "La respuesta debe ser tu función.")
    for iou, threshold, want in _IOUS:
        got = match_tracks(np.array(iou, dtype=float), threshold)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        try:
            got = sorted((int(r), int(c)) for r, c in got)
        except (TypeError, ValueError) as error:
            raise Wrong("Devuelve una lista de parejas (pista, caja).") from error
        if got == want:
            continue
        m = np.array(iou)
        low = [(r, c) for r, c in got if m[r, c] < threshold]
        expect(not low, f"Aceptas parejas con IoU por debajo del umbral {threshold}: {low}.")
        total = sum(m[r, c] for r, c in got)
        expect(
            total >= sum(m[r, c] for r, c in want) - 1e-9,
            f"Con la matriz {iou}, tus parejas {got} suman menos IoU que las mejores {want}: "
            "¿minimizas la IoU en vez de 1 − IoU, o asocias de forma voraz?",
        )
        raise Wrong(f"Con la matriz {iou} y umbral {threshold} se esperaba {want}, no {got}.")
    return "Es la asociación de SORT y de ByteTrack (ellas, con la caja que predice un Kalman)."
