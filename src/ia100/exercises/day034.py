"""Comprobadores de los ejercicios del día 34 (aplicaciones de la detección: velocidad desde un
dron)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect, expect_choices


def _reference_speed(frames, centers, fps, meter_per_pixel):
    frames, centers = np.asarray(frames, float), np.asarray(centers, float)
    seconds = (frames[-1] - frames[0]) / fps
    return float(np.linalg.norm(centers[-1] - centers[0]) * meter_per_pixel / seconds * 3.6)


# (fotogramas, centros, fps, metros por píxel): horizontal, vertical, diagonal, con huecos.
_SPEED_CASES = [
    ([0, 1, 2, 3, 4], [[10, 50], [15, 50], [20, 50], [25, 50], [30, 50]], 10, 0.09375),
    ([7, 8, 9, 10], [[200, 40], [200, 46], [200, 52], [200, 58]], 25, 0.05),
    ([3, 4, 6, 9], [[100, 100], [103, 104], [109, 112], [118, 124]], 10, 0.1),
    ([20, 25, 30], [[400, 80], [380, 80], [360, 80]], 30, 0.2),
]


@exercise(
    "dia-034.1",
    title="La velocidad de un rastro",
    hint="Distancia en píxeles entre el primer centro y el último (np.linalg.norm, en x e y) × "
    "metros por píxel = metros; tiempo = (último fotograma - primero) / fps segundos; m/s × 3,6 = "
    "km/h. Cuenta el tiempo con los números de fotograma, no con cuántos puntos hay.",
)
def _speed(speed_kmh):
    expect(callable(speed_kmh), "La respuesta debe ser tu función speed_kmh.")
    for frames, centers, fps, mpp in _SPEED_CASES:
        got = speed_kmh(np.array(frames), np.array(centers, float), fps, mpp)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        got = float(as_array(got, "La velocidad").ravel()[0])
        want = _reference_speed(frames, centers, fps, mpp)
        if np.isclose(got, want, rtol=1e-6):
            continue
        expect(
            not np.isclose(got, want / 3.6, rtol=1e-6),
            f"Devuelves {got:.2f}, que son m/s: multiplica por 3,6 para pasar a km/h.",
        )
        c = np.asarray(centers, float)
        only_x = abs(c[-1, 0] - c[0, 0]) * mpp / ((frames[-1] - frames[0]) / fps) * 3.6
        expect(
            not np.isclose(got, only_x, rtol=1e-6),
            "Solo usas el desplazamiento en x: un vehículo puede moverse en vertical (calle "
            "girada) o en diagonal. Usa la distancia euclídea entre los dos centros.",
        )
        n_points = np.linalg.norm(c[-1] - c[0]) * mpp / (len(frames) / fps) * 3.6
        n_steps = np.linalg.norm(c[-1] - c[0]) * mpp / ((len(frames) - 1) / fps) * 3.6
        expect(
            not (np.isclose(got, n_points, rtol=1e-6) or np.isclose(got, n_steps, rtol=1e-6)),
            "Cuentas el tiempo por el número de puntos; si el rastreador pierde el vehículo "
            "algún fotograma hay huecos. Usa (fotograma final - inicial) / fps.",
        )
        per_frame = np.linalg.norm(c[-1] - c[0]) * mpp / (frames[-1] - frames[0]) * 3.6
        expect(
            not np.isclose(got, per_frame, rtol=1e-6),
            "Divides entre fotogramas, no entre segundos: el tiempo es (fotogramas) / fps.",
        )
        raise Wrong(
            f"Con fotogramas {frames} a {fps} fps y {mpp} m/px esperaba {want:.2f} km/h; "
            f"das {got:.2f}."
        )
    return (
        "Es la cuenta de SpeedEstimator; su precisión depende de dónde y durante cuánto tiempo "
        "la hagas."
    )


def _reference_mask(boxes, width, height, margin):
    b = np.asarray(boxes, float).reshape(-1, 4)
    return (
        (b[:, 0] >= margin)
        & (b[:, 1] >= margin)
        & (b[:, 2] <= width - margin)
        & (b[:, 3] <= height - margin)
    )


_BOXES = np.array(
    [
        [2, 150, 40, 170],  # entra por la izquierda
        [100, 150, 148, 170],  # dentro
        [450, 100, 478, 120],  # sale por la derecha
        [200, 3, 216, 40],  # entra por arriba (calle vertical)
        [300, 290, 316, 318],  # sale por abajo
        [20, 20, 60, 60],  # dentro, cerca de la esquina
        [230, 120, 260, 200],  # dentro
        [10, 100, 30, 200],  # pegado a la izquierda por dentro del margen
    ],
    float,
)


@exercise(
    "dia-034.2",
    title="Lejos del borde",
    hint="Una caja (x1, y1, x2, y2) está lejos del borde si x1 ≥ margin, y1 ≥ margin, "
    "x2 ≤ ancho - margin e y2 ≤ alto - margin: mira sus cuatro lados, no su centro, y los "
    "cuatro bordes de la imagen.",
)
def _away_from_edge(away_from_edge):
    expect(callable(away_from_edge), "La respuesta debe ser tu función away_from_edge.")
    for width, height, margin in ((480, 320, 16), (480, 320, 8)):
        got = away_from_edge(_BOXES.copy(), width, height, margin)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        got = np.asarray(got)
        want = _reference_mask(_BOXES, width, height, margin)
        expect(
            got.shape == want.shape,
            f"Devuelve un booleano por caja: forma {want.shape}; la tuya es {got.shape}.",
        )
        got = got.astype(bool)
        if np.array_equal(got, want):
            continue
        expect(
            not np.array_equal(got, ~want),
            "Devuelves lo contrario: True debe ser «lejos del borde» (las cajas que sirven).",
        )
        b = _BOXES
        lr = (b[:, 0] >= margin) & (b[:, 2] <= width - margin)
        expect(
            not np.array_equal(got, lr),
            "Solo miras los bordes izquierdo y derecho: si la calle es vertical, los vehículos "
            "entran por arriba y por abajo.",
        )
        cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        centre = (cx >= margin) & (cy >= margin) & (cx <= width - margin) & (cy <= height - margin)
        expect(
            not np.array_equal(got, centre),
            "Miras el centro de la caja: una caja cortada por el borde puede tener el centro "
            "dentro. Mira sus lados.",
        )
        raise Wrong(f"Con margen {margin}: esperaba {want.tolist()}, das {got.tolist()}.")
    return "Son las cajas cuyo centro sí es el del vehículo: solo con ellas se mide la velocidad."


_STATEMENTS = {
    "Casi toda aplicación es detectar, seguir, aplicar una regla geométrica y decidir": True,
    "SpeedEstimator mide la velocidad durante todo el rastro y la va corrigiendo": False,
    "Cuando un vehículo entra en el encuadre, el centro de su caja avanza más despacio que él": True,
    "Una ventana de medida más larga reduce el efecto del temblor de las cajas": True,
    "Un 10 % de error en los metros por píxel da un 1 % de error en la velocidad": False,
    "Con una cámara oblicua basta un único meter_per_pixel para toda la imagen": False,
    "Un detector de lesiones en radiografías puede diagnosticar sin revisión médica": False,
}


@exercise(
    "dia-034.3",
    title="Verdadero o falso: aplicaciones y velocidad",
    hint="Repasa el esquema de las aplicaciones, qué hace SpeedEstimator (¿cuándo fija la "
    "cifra?), la figura del vehículo que entra, la tabla de ventanas y el aviso sobre salud.",
)
def _true_or_false(answer):
    expect_choices(answer, _STATEMENTS, item="afirmación", choices=(True, False))
    return "Siete de siete: antes de fiarte de una velocidad, mide dónde y durante cuánto."
