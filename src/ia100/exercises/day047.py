"""Comprobadores de los ejercicios del día 47 (gestión de aparcamientos)."""

from __future__ import annotations

import math

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect, expect_choices


def _shoelace(poly: np.ndarray) -> float:
    """Área de un polígono simple (k, 2) con la fórmula del cordón."""
    if len(poly) < 3:
        return 0.0
    x, y = poly[:, 0], poly[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


def _clip(poly: np.ndarray, box) -> np.ndarray:
    """Recorta un polígono convexo con una caja (x1, y1, x2, y2): Sutherland-Hodgman."""
    x1, y1, x2, y2 = box
    edges = [
        (lambda p: p[0] >= x1, lambda a, b: a + (b - a) * (x1 - a[0]) / (b[0] - a[0])),
        (lambda p: p[0] <= x2, lambda a, b: a + (b - a) * (x2 - a[0]) / (b[0] - a[0])),
        (lambda p: p[1] >= y1, lambda a, b: a + (b - a) * (y1 - a[1]) / (b[1] - a[1])),
        (lambda p: p[1] <= y2, lambda a, b: a + (b - a) * (y2 - a[1]) / (b[1] - a[1])),
    ]
    out = [np.asarray(p, dtype=float) for p in poly]
    for inside, cut in edges:
        points, out = out, []
        for i, b in enumerate(points):
            a = points[i - 1]
            if inside(b):
                if not inside(a):
                    out.append(cut(a, b))
                out.append(b)
            elif inside(a):
                out.append(cut(a, b))
        if not out:
            return np.zeros((0, 2))
    return np.array(out)


def _coverage(box, poly) -> float:
    poly = np.asarray(poly, dtype=float)
    return _shoelace(_clip(poly, box)) / _shoelace(poly)


def _box_poly(box) -> np.ndarray:
    x1, y1, x2, y2 = box
    return np.array([[x1, y1], [x2, y1], [x2, y2], [x1, y2]], dtype=float)


# Plazas: una recta y una en batería inclinada (paralelogramo); cajas que las tocan de varias formas.
_SPACE = np.array([[100, 50], [130, 50], [130, 100], [100, 100]], dtype=float)
_SLANTED = np.array([[100, 50], [130, 50], [150, 100], [120, 100]], dtype=float)
_CASES = [
    (_SPACE, (108, 55, 124, 90)),  # coche bien aparcado
    (_SPACE, (90, 40, 140, 110)),  # caja que tapa la plaza entera
    (_SPACE, (200, 50, 230, 100)),  # lejos
    (_SPACE, (120, 55, 136, 90)),  # mal aparcado: media caja fuera
    (_SPACE, (95, 85, 145, 105)),  # coche del pasillo que invade el fondo
    (_SLANTED, (110, 60, 140, 95)),  # plaza inclinada
    (_SLANTED, (95, 45, 125, 75)),
]


@exercise(
    "dia-047.1",
    title="La fracción de una plaza que tapa una caja",
    hint="Intersección de la caja con el polígono de la plaza (por ejemplo con "
    "cv2.intersectConvexConvex, que devuelve primero el área), dividida entre el área de la "
    "PLAZA (cv2.contourArea). Es una fracción entre 0 y 1.",
)
def _coverage_checker(coverage):
    expect(callable(coverage), "La respuesta debe ser tu función coverage(box, poly).")
    for poly, box in _CASES:
        got = as_array(coverage(box, poly.copy()), "Lo que devuelve tu función")
        expect(got.size == 1, "Tu función debe devolver un solo número por caja y plaza.")
        got = float(got.reshape(-1)[0])
        want = _coverage(box, poly)
        if math.isclose(got, want, abs_tol=1e-3):
            continue
        box_area = (box[2] - box[0]) * (box[3] - box[1])
        inter = want * _shoelace(poly)
        expect(
            not math.isclose(got, want * 100, abs_tol=0.1) or want == 0,
            "Devuelves un porcentaje: la fracción va de 0 a 1 (no multipliques por 100).",
        )
        expect(
            not math.isclose(got, inter / (box_area + _shoelace(poly) - inter), abs_tol=1e-3),
            "Eso es la IoU (intersección entre unión): aquí se divide solo entre el área de la "
            "plaza.",
        )
        expect(
            not math.isclose(got, inter / box_area, abs_tol=1e-3),
            "Divides entre el área de la caja: la pregunta es qué parte de la PLAZA está tapada, "
            "así que se divide entre el área de la plaza.",
        )
        xs, ys = poly[:, 0], poly[:, 1]
        rect = (xs.min(), ys.min(), xs.max(), ys.max())
        bbox_cover = _shoelace(_clip(_box_poly(rect), box)) / _shoelace(_box_poly(rect))
        expect(
            not math.isclose(got, bbox_cover, abs_tol=1e-3),
            "Usas el rectángulo que envuelve la plaza en lugar de su polígono: falla con plazas "
            "inclinadas (en batería oblicua).",
        )
        expect(got <= 1 + 1e-6, f"Una fracción no puede pasar de 1 y devuelves {got:.3f}.")
        raise Wrong(
            f"Con la caja {box} y la plaza {poly.astype(int).tolist()} devuelves {got:.3f}; "
            f"debería ser {want:.3f}."
        )
    return (
        "Con plazas inclinadas no vale recortar con rectángulos: la intersección de dos "
        "polígonos convexos es la herramienta general."
    )


def _debounce(states: np.ndarray, k: int) -> np.ndarray:
    out = np.empty_like(states)
    current, streak = states[0].copy(), np.zeros(states.shape[1], dtype=int)
    for t, row in enumerate(states):
        streak = np.where(row != current, streak + 1, 0)
        flip = streak >= k
        current = np.where(flip, row, current)
        streak[flip] = 0
        out[t] = current
    return out


def _debounce_cases():
    rng = np.random.default_rng(47)
    truth = np.zeros((60, 4), dtype=bool)
    truth[20:, 0] = True  # llega un coche
    truth[:35, 1] = True  # se va un coche
    truth[:, 2] = True  # siempre ocupada
    noisy = truth ^ (rng.random(truth.shape) < 0.15)
    noisy[0] = truth[0]
    flicker = np.zeros((12, 1), dtype=bool)
    flicker[[2, 3, 5, 6, 7, 9, 10, 11], 0] = True  # rachas de 2, 3 y 3
    return [(noisy, 3), (noisy, 1), (noisy, 5), (flicker, 3), (flicker, 4)]


@exercise(
    "dia-047.2",
    title="La histéresis que decide cuándo cambia una plaza",
    hint="Guarda el estado actual de cada plaza (al empezar, el del fotograma 0) y cuántos "
    "fotogramas SEGUIDOS lleva la observación en desacuerdo con él. Cuando la racha llega a k, "
    "cambia el estado y la racha vuelve a 0; si la observación vuelve a coincidir, la racha "
    "vuelve a 0. Solo se mira el pasado.",
)
def _debounce_checker(debounce):
    expect(callable(debounce), "La respuesta debe ser tu función debounce(states, k).")
    for states, k in _debounce_cases():
        got = debounce(states.copy(), k)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        got = np.asarray(got)
        expect(
            got.shape == states.shape,
            f"Debe devolver una matriz con la forma de la entrada {states.shape}, no {got.shape}.",
        )
        expect(
            set(np.unique(got).tolist()) <= {0, 1},  # True == 1 y False == 0
            "Cada elemento debe ser True (ocupada) o False (libre).",
        )
        got = got.astype(bool)
        want = _debounce(states, k)
        if np.array_equal(got, want):
            continue
        expect(
            not (k > 1 and np.array_equal(got, states)),
            f"Con k = {k} devuelves la entrada sin cambios: un parpadeo de un fotograma no debe "
            "cambiar el estado.",
        )
        expect(
            not (k > 1 and np.array_equal(got, _debounce(states, k - 1))),
            f"Cambias de estado tras {k - 1} fotogramas en desacuerdo; hacen falta k = {k}.",
        )
        expect(
            not np.array_equal(got, _debounce(states, k + 1)),
            f"Cambias de estado tras {k + 1} fotogramas en desacuerdo; basta con k = {k}.",
        )
        expect(
            np.array_equal(got[0], states[0]),
            "El estado inicial de cada plaza es el que se observa en el fotograma 0.",
        )
        expect(
            not np.array_equal(got, _majority_centered(states, k)),
            "Usas una ventana centrada: mira fotogramas futuros, que en directo aún no existen. "
            "La histéresis solo usa el pasado.",
        )
        expect(
            not np.array_equal(got, _cumulative(states, k)),
            "Acumulas desacuerdos aunque no sean seguidos: cuando la observación vuelve a "
            "coincidir con el estado, la racha empieza de cero.",
        )
        bad = np.argwhere(got != want)[0]
        raise Wrong(
            f"Con k = {k}, en el fotograma {bad[0]} la plaza {bad[1]} debería estar "
            f"{'ocupada' if want[tuple(bad)] else 'libre'}."
        )
    return "Un cambio real llega k - 1 fotogramas tarde: ese es el precio de no parpadear."


def _majority_centered(states: np.ndarray, k: int) -> np.ndarray:
    half = k // 2
    n = len(states)
    return np.array(
        [states[max(0, t - half) : min(n, t + half + 1)].mean(axis=0) > 0.5 for t in range(n)]
    )


def _cumulative(states: np.ndarray, k: int) -> np.ndarray:
    out = np.empty_like(states)
    current, count = states[0].copy(), np.zeros(states.shape[1], dtype=int)
    for t, row in enumerate(states):
        count = count + (row != current)
        flip = count >= k
        current = np.where(flip, row, current)
        count[flip] = 0
        out[t] = current
    return out


_STATEMENTS = {
    "ParkingManagement usa el detector fotograma a fotograma, sin seguimiento": False,
    "Si no se le pasa la lista de clases, una persona que cruza una plaza libre la marca como ocupada": True,
    "El resultado de ParkingManagement dice qué plazas concretas están libres": False,
    "En la imagen anotada de ParkingManagement, las plazas libres se dibujan en rojo": True,
    "Con el criterio del centro dentro, un coche mal aparcado sobre dos plazas marca las dos": False,
    "Con el criterio de fracción cubierta, un umbral bajo puede marcar plazas que solo invade la "
    "caja de un coche del pasillo": True,
    "Una histéresis de k fotogramas retrasa k - 1 fotogramas cada cambio real": True,
}


@exercise(
    "dia-047.3",
    title="Verdadero o falso: ParkingManagement y los criterios",
    hint="Repasa la lectura del código de process (seguimiento, clases, qué devuelve, colores "
    "en BGR), la tabla de los tres coches y la sección del suavizado.",
)
def _true_or_false(answer):
    expect_choices(answer, _STATEMENTS, item="afirmación", choices=(True, False))
    return (
        "Siete de siete. La más fácil de olvidar: ParkingManagement solo devuelve cuentas; "
        "qué plaza está libre hay que recalcularlo."
    )
