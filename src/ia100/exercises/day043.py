"""Comprobadores de los ejercicios del día 43 (mapas de calor)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect, expect_choices


def _reference_decayed(positions_per_frame, shape, decay, *, repeated=True):
    heat = np.zeros(shape, np.float64)
    for points in positions_per_frame:
        heat *= decay
        points = np.asarray(points, float).reshape(-1, 2).astype(int)
        if repeated:
            np.add.at(heat, (points[:, 1], points[:, 0]), 1)
        else:  # el error: con índices repetidos, += suma una sola vez
            heat[points[:, 1], points[:, 0]] += 1
    return heat


def _cases():
    rng = np.random.default_rng(43)
    shape = (6, 9)  # (alto, ancho): ni cuadrado ni simétrico, para que se note x ↔ y
    frames = []
    for _ in range(5):
        n = int(rng.integers(2, 5))
        pts = np.column_stack([rng.uniform(0, 9, n), rng.uniform(0, 6, n)])
        frames.append(pts)
    frames[2] = np.vstack([frames[2], frames[2][:1], frames[2][:1]])  # votos repetidos
    return [(frames, shape, 0.5), (frames, shape, 0.9), (frames[:1], shape, 0.8)]


@exercise(
    "dia-043.1",
    title="Un mapa de calor con decaimiento",
    hint="Empieza con np.zeros(shape); en cada fotograma, primero multiplica todo el mapa por "
    "decay y después suma un voto por punto con np.add.at(mapa, (filas, columnas), 1), donde "
    "la fila es int(y) y la columna int(x).",
)
def _decayed_heatmap(decayed_heatmap):
    expect(callable(decayed_heatmap), "La respuesta debe ser tu función decayed_heatmap.")
    for frames, shape, decay in _cases():
        got = decayed_heatmap([np.array(f) for f in frames], shape, decay)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        got = as_array(got, "el mapa")
        expect(
            got.shape == shape, f"El mapa debe medir {shape} (alto, ancho); el tuyo, {got.shape}."
        )
        want = _reference_decayed(frames, shape, decay)
        if np.allclose(got, want):
            continue
        expect(
            not np.allclose(got, _reference_decayed(frames, shape, 1.0)),
            "Tu mapa suma un voto por punto sin olvidar nada: falta multiplicar por decay en "
            "cada fotograma.",
        )
        expect(
            not np.allclose(got, want * decay),
            "Multiplicas por decay después de sumar: así ni los votos del último fotograma "
            "pesan 1. Primero se olvida (mapa *= decay) y luego se suma lo nuevo.",
        )
        expect(
            not np.allclose(got, _reference_decayed(frames, shape, decay, repeated=False)),
            "Pierdes votos cuando dos puntos caen en el mismo píxel: «mapa[y, x] += 1» con "
            "índices repetidos solo suma una vez. Usa np.add.at.",
        )
        raise Wrong(
            f"Con decay={decay} el mapa no coincide: suma {got.sum():.3f}, "
            f"debería sumar {want.sum():.3f}. ¿Redondeas con int() (hacia abajo)?"
        )
    return (
        "Cada voto de hace k fotogramas pesa decay**k: es una media móvil exponencial. Con "
        "decay = 0,9 la vida media es de unos 6,6 fotogramas."
    )


def _reference_overlap(pred, truth, k):
    top = lambda a: set(np.argsort(np.asarray(a).ravel(), kind="stable")[-k:])  # noqa: E731
    return len(top(pred) & top(truth)) / k


@exercise(
    "dia-043.2",
    title="Las k celdas más calientes",
    hint="Aplana los dos mapas con .ravel(); np.argsort(a)[-k:] da los índices de las k celdas "
    "más calientes. Devuelve cuántas comparten los dos conjuntos dividido entre k.",
)
def _top_k_overlap(top_k_overlap):
    expect(callable(top_k_overlap), "La respuesta debe ser tu función top_k_overlap.")
    rng = np.random.default_rng(7)
    truth = rng.random((6, 8))
    cases = [
        (truth + 0.3 * rng.random((6, 8)), truth, 5),
        (rng.random((6, 8)), truth, 10),
        (truth, truth, 4),
        (-truth, truth, 6),
        (truth.max() - truth + rng.random((6, 8)) * 0.05, truth, 12),
    ]
    for pred, true, k in cases:
        got = top_k_overlap(pred.copy(), true.copy(), k)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        want = _reference_overlap(pred, true, k)
        expect(
            isinstance(got, int | float | np.integer | np.floating)
            or (isinstance(got, np.ndarray) and got.ndim == 0),
            "Debe devolver un solo número (la fracción de celdas en común), no un conjunto ni "
            "una lista.",
        )
        got = float(got)
        if np.isclose(got, want):
            continue
        expect(
            not np.isclose(got, want * k),
            "Devuelves cuántas celdas coinciden; hay que dividir entre k para tener una "
            "fracción entre 0 y 1.",
        )
        expect(
            not np.isclose(got, want * k / pred.size),
            "Divides entre el número total de celdas; la fracción es sobre las k más calientes.",
        )
        coldest = len(set(np.argsort(pred.ravel())[:k]) & set(np.argsort(true.ravel())[:k])) / k
        expect(
            not np.isclose(got, coldest),
            "Comparas las k celdas más FRÍAS: np.argsort ordena de menor a mayor, así que las "
            "más calientes son las últimas, argsort(...)[-k:].",
        )
        raise Wrong(f"Con k={k} esperaba {want:.3f} y tu función da {got:.3f}.")
    return "Con k celdas de N, un mapa al azar acierta en promedio k/N: compáralo siempre con eso."


_STATEMENTS = {
    "Heatmap de Ultralytics 8.4.190 olvida poco a poco el pasado (tiene decaimiento)": False,
    "Heatmap suma calor en un círculo inscrito en cada caja rastreada": True,
    "Heatmap normaliza su mapa por mín-máx antes de colorearlo": True,
    "Un objeto que el rastreador aún no ha confirmado (sin identificador) ya calienta el mapa": False,
    "cv2.applyColorMap devuelve la imagen en RGB, lista para matplotlib": False,
    "Un suavizado gaussiano con un núcleo que suma 1 conserva el calor total (lejos del borde)": True,
    "Un coche parado calienta más su zona que uno que pasa rápido": True,
}


@exercise(
    "dia-043.3",
    title="Verdadero o falso: mapas de calor",
    hint="Repasa la sección «Heatmap por dentro» (qué suma, si olvida, cómo normaliza, qué cajas "
    "usa) y los pasos 2 y 5 (núcleo normalizado, BGR de OpenCV).",
)
def _true_or_false(answer):
    expect_choices(answer, _STATEMENTS, item="afirmación", choices=(True, False))
    return (
        "Siete de siete. Recuerda: el mapa mide ocupación a lo largo del tiempo, y el de "
        "Ultralytics no olvida ni pinta objetos sin trayectoria."
    )
