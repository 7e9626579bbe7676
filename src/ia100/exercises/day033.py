"""Comprobadores de los ejercicios del día 33 (YOLOv8 y sus variantes con Ultralytics)."""

from __future__ import annotations

import math

from ia100.exercises import Wrong, exercise, expect

# --- 33.1 · Las reglas de `scales` ----------------------------------------------------------


def _channels(c: int, width: float, max_channels: int) -> int:
    return math.ceil(min(c, max_channels) * width / 8) * 8


def _repeats(n: int, depth: float) -> int:
    return max(round(n * depth), 1) if n > 1 else n


#: Escalas de prueba: las de yolov8.yaml y yolo11.yaml, y la del detector del curso.
_SCALES = {
    "yolov8n": [0.33, 0.25, 1024],
    "yolov8m": [0.67, 0.75, 768],
    "yolov8l": [1.00, 1.00, 512],
    "yolov8x": [1.00, 1.25, 512],
    "yolo11n": [0.50, 0.25, 1024],
    "yolo11m": [0.50, 1.00, 512],
    "yolo11x": [1.00, 1.50, 512],
    "escenas": [0.50, 0.1875, 1024],
}
#: (canales, repeticiones) de capas como las de los ficheros de YOLOv8 y YOLO11.
_LAYERS = [(64, 1), (128, 3), (256, 6), (512, 6), (1024, 3), (1024, 1), (512, 2), (256, 2)]


@exercise(
    "dia-033.1",
    title="Las reglas de scales",
    hint="Canales: primero min(canales, canales_máximos), después por la anchura y, por último, "
    "hacia arriba al múltiplo de 8 (math.ceil(x / 8) * 8). Repeticiones: si el fichero dice más "
    "de 1, max(round(n * profundidad), 1); si dice 1, se queda en 1.",
)
def _scale_layer(fn):
    expect(callable(fn), "La respuesta debe ser tu función scale_layer(channels, repeats, scale).")
    for name, scale in _SCALES.items():
        depth, width, max_channels = scale
        for c, n in _LAYERS:
            label = f"scale_layer({c}, {n}, {scale}) (escala {name})"
            got = fn(c, n, list(scale))
            expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
            expect(
                isinstance(got, list | tuple) and len(got) == 2,
                "Debe devolver dos números: (canales, repeticiones).",
            )
            right = (_channels(c, width, max_channels), _repeats(n, depth))
            try:
                got = (int(got[0]), int(got[1]))
            except (TypeError, ValueError) as error:
                raise Wrong(f"{label} debe devolver dos enteros, no {got!r}.") from error
            if got == right:
                continue
            expect(got != right[::-1], f"{label}: el orden es (canales, repeticiones).")
            if got[0] != right[0]:
                plain = min(c, max_channels) * width
                no_cap = math.ceil(c * width / 8) * 8
                cap_after = math.ceil(min(c * width, max_channels) / 8) * 8
                if got[0] in (no_cap, cap_after):
                    reason = (
                        "falta el tope, o recortas después de multiplicar por la anchura"
                        if no_cap == cap_after
                        else "falta el tope"
                        if got[0] == no_cap
                        else "recortas después de multiplicar por la anchura"
                    )
                    raise Wrong(
                        f"{label} da {got[0]} canales: {reason}; el tope de {max_channels} "
                        f"canales se aplica ANTES de multiplicar (debería dar {right[0]})."
                    )
                expect(
                    got[0] != math.floor(plain / 8) * 8,
                    f"{label} da {got[0]} canales: redondeas hacia abajo; Ultralytics redondea "
                    f"hacia ARRIBA al múltiplo de 8 ({plain:g} → {right[0]}).",
                )
                expect(
                    got[0] != round(plain) and got[0] != int(plain),
                    f"{label} da {got[0]} canales: falta redondear al múltiplo de 8 hacia arriba "
                    f"({plain:g} → {right[0]}).",
                )
                raise Wrong(f"{label} da {got[0]} canales; deberían ser {right[0]}.")
            expect(
                got[1] != 0,
                f"{label} da 0 repeticiones: una capa siempre se repite al menos una vez "
                "(max(..., 1)).",
            )
            expect(
                got[1] != int(n * depth) or n <= 1,
                f"{label} da {got[1]} repeticiones: int() trunca ({n} × {depth} = "
                f"{n * depth:g}); hay que redondear, round().",
            )
            raise Wrong(f"{label} da {got[1]} repeticiones; deberían ser {right[1]}.")
    return (
        "Así salen los cinco tamaños de un solo fichero. En yolov8l, el tope de 512 hace que sus "
        "capas más profundas tengan menos canales que las de yolov8m (576)."
    )


# --- 33.2 · La forma de la salida de cada tarea ---------------------------------------------

TASKS = ("detect", "segment", "pose", "obb", "classify")


def _positions(imgsz: int) -> int:
    return sum((imgsz // s) ** 2 for s in (8, 16, 32))


def _shape(task: str, imgsz: int, nc: int) -> tuple[int, ...]:
    extra = {"detect": 0, "segment": 32, "pose": 17 * 3, "obb": 1}
    if task == "classify":
        return (1, nc)
    return (1, 4 + nc + extra[task], _positions(imgsz))


@exercise(
    "dia-033.2",
    title="La forma de la salida de cada tarea",
    hint="Posiciones: (imgsz/8)² + (imgsz/16)² + (imgsz/32)². Valores por posición: 4 de la caja "
    "(ya decodificada), nc puntuaciones y lo propio de la tarea: 32 coeficientes de máscara "
    "(segment), 17 × 3 puntos clave (pose) o 1 ángulo (obb). classify no tiene posiciones: "
    "(1, nc).",
)
def _output_shape(fn):
    expect(callable(fn), "La respuesta debe ser tu función output_shape(task, imgsz, nc).")
    for imgsz, nc in [(320, 80), (640, 80), (256, 5), (416, 1)]:
        for task in TASKS:
            label = f"output_shape({task!r}, {imgsz}, {nc})"
            got = fn(task, imgsz, nc)
            expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
            try:
                got = tuple(int(v) for v in got)
            except (TypeError, ValueError) as error:
                raise Wrong(f"{label} debe devolver una tupla de enteros, no {got!r}.") from error
            right = _shape(task, imgsz, nc)
            if got == right:
                continue
            expect(
                got != right[1:],
                f"{label}: falta la primera dimensión, la del lote (1 imagen): {right}.",
            )
            if task == "classify":
                raise Wrong(
                    f"{label} da {got}: la clasificación no predice cajas ni posiciones; sale "
                    f"una puntuación por clase, {right}."
                )
            expect(
                len(got) == 3,
                f"{label} debe tener tres dimensiones: (lote, valores por posición, posiciones).",
            )
            a = _positions(imgsz)
            expect(
                got[2] != (imgsz // 32) ** 2 and got[2] != (imgsz // 8) ** 2,
                f"{label}: la cabeza predice en TRES mapas (pasos 8, 16 y 32); las posiciones "
                f"son {(imgsz // 8) ** 2} + {(imgsz // 16) ** 2} + {(imgsz // 32) ** 2} = {a}.",
            )
            expect(got[2] == a, f"{label}: {got[2]} posiciones; deberían ser {a}.")
            expect(
                got[1] != right[1] + 60,
                f"{label}: cuentas 64 valores de caja (4 × 16, la distribución de la DFL); en "
                "modo evaluación la caja ya sale decodificada en 4 números.",
            )
            expect(
                not (task == "pose" and got[1] == 4 + 17 * 3),
                f"{label}: falta la puntuación de la clase (nc) antes de los puntos clave.",
            )
            expect(
                not (task == "pose" and got[1] == 4 + nc + 17 * 2),
                f"{label}: cada punto clave tiene 3 valores (x, y y visibilidad), no 2.",
            )
            expect(
                got[1] != 4 + nc or task == "detect",
                f"{label}: eso es la salida de detect; falta lo propio de la tarea {task!r}.",
            )
            raise Wrong(f"{label} da {got}; debería ser {right}.")
    return "A 640 px hay 8400 posiciones: las 8400 cajas candidatas de las que sale cada detección."


# --- 33.3 · Contar detecciones por clase ----------------------------------------------------

_NAMES = {0: "persona", 1: "bicicleta", 2: "coche", 3: "moto", 4: "autobús"}
#: Cajas de prueba: x1, y1, x2, y2, confianza, clase (la confianza 0,25 cae justo en el umbral).
_CASES = [
    [
        [10, 10, 20, 30, 0.90, 0],
        [40, 10, 50, 30, 0.25, 0],
        [60, 60, 90, 80, 0.70, 2],
        [15, 70, 30, 90, 0.10, 2],
        [70, 5, 90, 15, 0.05, 3],
        [5, 40, 25, 50, 0.60, 1],
    ],
    [[0, 0, 50, 20, 0.95, 4], [60, 60, 70, 80, 0.30, 0], [61, 61, 71, 81, 0.24, 0]],
    [],
]


def _results(rows):
    import numpy as np
    import torch

    from ia100.vision import configure

    configure(verbose=False)
    from ultralytics.engine.results import Results

    boxes = torch.tensor(rows, dtype=torch.float32).reshape(-1, 6)
    image = np.zeros((100, 100, 3), dtype=np.uint8)
    return Results(image, path="calle.png", names=dict(_NAMES), boxes=boxes)


def _expected(rows, conf: float) -> dict[str, int]:
    out: dict[str, int] = {}
    for *_, score, cls in rows:
        if score >= conf:
            out[_NAMES[int(cls)]] = out.get(_NAMES[int(cls)], 0) + 1
    return out


@exercise(
    "dia-033.3",
    title="Contar detecciones por clase",
    hint="result.boxes.conf y result.boxes.cls tienen una entrada por caja; quédate con las de "
    "confianza ≥ conf y traduce cada clase con result.names[int(c)]. Devuelve un diccionario "
    "{nombre: número de cajas}.",
)
def _count_by_class(fn):
    expect(callable(fn), "La respuesta debe ser tu función count_by_class(result, conf).")
    for rows in _CASES:
        for conf in (0.25, 0.5):
            result = _results(rows)
            got = fn(result, conf)
            expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
            expect(isinstance(got, dict), "Debe devolver un diccionario {clase: número de cajas}.")
            got = {k: v for k, v in got.items() if v != 0}  # una clase con 0 también vale
            right = _expected(rows, conf)
            if got == right:
                continue
            expect(
                not any(isinstance(k, int | float) for k in got),
                "Las claves deben ser los NOMBRES de las clases (result.names[int(c)]), no sus "
                "números.",
            )
            expect(
                got != _expected(rows, 0.0),
                f"Con conf={conf} cuentas todas las cajas: hay que quedarse solo con las de "
                "confianza ≥ conf.",
            )
            expect(
                got != _expected(rows, conf + 1e-6),
                f"Con conf={conf} dejas fuera las cajas con confianza justo igual a {conf}: el "
                "umbral incluye el propio valor (≥).",
            )
            raise Wrong(f"Con conf={conf} devuelves {got}; deberían ser {right}.")
    return "Es lo que necesitan los contadores de los laboratorios: cuántos hay de cada clase."
