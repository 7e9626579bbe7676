"""Comprobadores de los ejercicios del día 46 (gestión de colas)."""

from __future__ import annotations

import math

import numpy as np

from ia100.exercises import Wrong, exercise, expect, expect_choices

#: Polígonos de prueba: un rectángulo, una L (no convexa), un triángulo en sentido horario y
#: una «U» (un rayo horizontal puede cortarla cuatro veces).
POLYGONS = {
    "rectángulo": [(1, 1), (5, 1), (5, 3), (1, 3)],
    "L": [(0, 0), (6, 0), (6, 2), (2, 2), (2, 5), (0, 5)],
    "triángulo": [(0, 0), (2, 6), (7, 1)],
    "U": [(0, 0), (7, 0), (7, 5), (5, 5), (5, 2), (2, 2), (2, 5), (0, 5)],
}


def _reference(point, polygon, *, closed: bool = True) -> bool:
    """Método del rayo (la respuesta buena; con ``closed=False`` olvida el lado de cierre)."""
    x, y = point
    inside = False
    n = len(polygon)
    for k in range(n if closed else n - 1):
        (x1, y1), (x2, y2) = polygon[k], polygon[(k + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _bbox(point, polygon) -> bool:
    xs, ys = zip(*polygon, strict=True)
    return min(xs) <= point[0] <= max(xs) and min(ys) <= point[1] <= max(ys)


def _any_crossing(point, polygon) -> bool:
    x, y = point
    n = len(polygon)
    for k in range(n):
        (x1, y1), (x2, y2) = polygon[k], polygon[(k + 1) % n]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            return True
    return False


def _points(seed: int = 46, n: int = 400) -> np.ndarray:
    # Coordenadas con dos decimales y un desplazamiento: ninguna cae sobre un lado ni un vértice.
    rng = np.random.default_rng(seed)
    return np.round(rng.uniform(-1.5, 8.5, size=(n, 2)), 2) + 0.003


@exercise(
    "dia-046.1",
    title="¿Dentro o fuera? El método del rayo",
    hint="Recorre los lados (del vértice k al k + 1, y del último al primero). Si el lado cruza "
    "la horizontal del punto (un extremo por encima y otro por debajo), calcula la x del corte; "
    "si queda a la derecha del punto, cambia inside = not inside.",
)
def _point_in_polygon(point_in_polygon):
    expect(callable(point_in_polygon), "La respuesta debe ser tu función point_in_polygon.")
    points = [tuple(map(float, p)) for p in _points()]
    cases = [(name, polygon, p) for name, polygon in POLYGONS.items() for p in points]
    got = []
    for _, polygon, p in cases:
        value = point_in_polygon(p, list(polygon))
        expect(value is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(value, bool | np.bool_),
            f"Debe devolver True o False, no {type(value).__name__} ({value!r}).",
        )
        got.append(bool(value))

    def answers(rule):
        return [bool(rule(p, polygon)) for _, polygon, p in cases]

    want = answers(_reference)
    if got == want:
        return (
            "El mismo método sirve para la fila en forma de serpiente de un aeropuerto: solo "
            "cuenta la paridad de los cortes."
        )
    if got == [not w for w in want]:
        raise Wrong("Tienes la respuesta al revés: un número IMPAR de cortes es dentro.")
    expect(
        got != answers(_bbox),
        "Das dentro todo lo que cae en el rectángulo que envuelve al polígono: eso solo vale "
        "para rectángulos (prueba con la L). Cuenta los cortes del rayo con los lados.",
    )
    expect(
        got != answers(lambda p, poly: _reference(p, poly, closed=False)),
        "Te falta el lado que une el último vértice con el primero: recorre los índices con "
        "(k + 1) % n.",
    )
    expect(
        got != answers(_any_crossing),
        "Devuelves True en cuanto el rayo corta un lado; lo que importa es si los cortes "
        "son impares (un punto a la izquierda del polígono corta dos lados y está fuera).",
    )
    name, polygon, bad = next(c for c, g, w in zip(cases, got, want, strict=True) if g != w)
    raise Wrong(
        f"Con el polígono «{name}» {polygon}, el punto {bad} está "
        f"{'dentro' if _reference(bad, polygon) else 'fuera'} y tu función dice lo contrario."
    )


#: Casos de prueba: (conjuntos por fotograma, fps). El segundo incluye a alguien que sale y
#: vuelve a entrar y fotogramas vacíos.
LITTLE_CASES = [
    ([{1}, {1, 2}, {1, 2}, {2}, set(), {3}, {3}, {3, 4}, {4}, set()], 10),
    ([set(), {7}, {7, 8}, {8}, {7, 8}, {7, 8, 9}, {9}, set(), set(), {9}, {9}, set()], 5),
    ([{1, 2, 3}, {1, 2, 3}, {2, 3}, {3}], 25),
]


def _little(inside, fps):
    frames: dict[int, int] = {}
    for ids in inside:
        for tid in ids:
            frames[tid] = frames.get(tid, 0) + 1
    n = len(inside)
    return (
        sum(len(s) for s in inside) / n,
        len(frames) / (n / fps),
        sum(frames.values()) / len(frames) / fps,
    )


def _span_w(inside, fps):
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, ids in enumerate(inside):
        for tid in ids:
            first.setdefault(tid, i)
            last[tid] = i
    return sum(last[t] - first[t] + 1 for t in first) / len(first) / fps


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


@exercise(
    "dia-046.2",
    title="La ley de Little, desde quién está dentro",
    hint="L = suma de len(conjunto) / número de fotogramas. Cuenta, para cada identificador, en "
    "cuántos fotogramas aparece: las personas distintas son las claves. λ = distintas / "
    "(fotogramas / fps); W = media de los fotogramas de cada una, / fps.",
)
def _little_check(little):
    expect(callable(little), "La respuesta debe ser tu función little.")
    for inside, fps in LITTLE_CASES:
        got = little([set(s) for s in inside], fps)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(got, tuple | list) and len(got) == 3,
            "Debe devolver una tupla de tres números: (L, lam, W).",
        )
        L, lam, W = (float(v) for v in got)
        L0, lam0, W0 = _little(inside, fps)
        nonempty = [s for s in inside if s]
        expect(
            _close(L, L0) or not _close(L, sum(len(s) for s in nonempty) / len(nonempty)),
            "L es la media sobre TODOS los fotogramas, también los vacíos: una cola vacía cuenta "
            "como 0 personas.",
        )
        expect(_close(L, L0), f"L debería ser {L0:.4g} y te sale {L:.4g}.")
        expect(
            not _close(lam, L0 * fps) or _close(lam0, L0 * fps),
            "Tu λ cuenta a cada persona una vez por fotograma (eso son personas × fotogramas): "
            "λ son personas DISTINTAS por segundo.",
        )
        expect(
            not _close(lam, lam0 / fps),
            "Tu λ está en personas por fotograma: pásala a personas por segundo "
            "(la duración del vídeo es fotogramas / fps).",
        )
        expect(_close(lam, lam0), f"λ debería ser {lam0:.4g} personas/s y te sale {lam:.4g}.")
        expect(
            not _close(W, W0 * fps),
            "Tu W está en fotogramas: divide entre fps para tenerla en segundos.",
        )
        expect(
            not _close(W, _span_w(inside, fps)) or _close(W0, _span_w(inside, fps)),
            "Cuentas de la primera a la última vez que ves a cada persona, también los fotogramas "
            "en que estaba fuera: W solo suma los fotogramas DENTRO (y así λ·W = L).",
        )
        expect(_close(W, W0), f"W debería ser {W0:.4g} s y te sale {W:.4g}.")
    return "L = λ·W se cumple exactamente: es la misma suma de personas × fotogramas, contada de dos maneras."


STATEMENTS = {
    "QueueManager cuenta a una persona ya en el primer fotograma en que la detecta": False,
    "queue_count es el número de personas que han pasado por la cola desde el principio del "
    "vídeo": False,
    "La ley de Little solo vale si las llegadas siguen un proceso de Poisson": False,
    "Con una cámara oblicua, el punto de los pies indica mejor que el centro de la caja dónde "
    "pisa la persona": True,
    "Si la intensidad de tráfico ρ es mayor que 1, la cola crece hasta que algo la limita": True,
    "El método del rayo solo sirve para polígonos convexos": False,
    "Contar cuántas personas hay ahora en la región no necesita identidades; contar clientes "
    "distintos, sí": True,
}


@exercise(
    "dia-046.3",
    title="Verdadero o falso: colas y QueueManager",
    hint="Repasa qué hace QueueManager en cada fotograma (la regla de los dos puntos, el conteo "
    "que se reinicia), qué supone la ley de Little, qué es ρ y qué punto de la caja pisa el suelo.",
)
def _true_or_false(answer):
    expect_choices(answer, STATEMENTS, item="afirmación", choices=(True, False))
    return (
        "Siete de siete. La primera es la que más sorprende al leer el código: una pista necesita "
        "dos puntos en su historia antes de contar."
    )
