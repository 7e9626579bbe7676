"""Comprobadores de los ejercicios del día 42 (inferencia sobre una ciudad desde un dron)."""

from __future__ import annotations

import math

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect, expect_choices


def _reference_imgsz(object_px, frame_wh, target_px, stride=32):
    need = target_px * max(frame_wh) / object_px  # imgsz mínimo (real)
    return int(math.ceil(need / stride - 1e-9) * stride)


_IMGSZ_CASES = [
    (12.8, (480, 320), 32, 32),
    (20.0, (1920, 1080), 32, 32),
    (40.0, (640, 640), 24, 32),
    (14.0, (480, 320), 32, 32),
    (9.0, (3840, 2160), 20, 32),
    (30.0, (1280, 720), 64, 64),
    (16.0, (480, 320), 32, 32),
]


@exercise(
    "dia-042.1",
    title="¿Qué imgsz necesita un objeto pequeño?",
    hint="Ultralytics escala el LADO LARGO del fotograma a imgsz, así que un objeto de p píxeles "
    "llega a la red con p · imgsz / max(ancho, alto). Despeja imgsz para que eso sea al menos "
    "target_px y redondea HACIA ARRIBA al múltiplo de stride (math.ceil).",
)
def _choose_imgsz(choose_imgsz):
    expect(callable(choose_imgsz), "La respuesta debe ser tu función choose_imgsz.")
    for object_px, frame_wh, target_px, stride in _IMGSZ_CASES:
        got = choose_imgsz(object_px, frame_wh, target_px, stride)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        want = _reference_imgsz(object_px, frame_wh, target_px, stride)
        expect(
            isinstance(got, int | np.integer) or float(got).is_integer(),
            f"imgsz debe ser un número entero de píxeles; devuelves {got!r}.",
        )
        got = int(got)
        if got == want:
            continue
        expect(
            got % stride == 0,
            f"imgsz debe ser múltiplo de {stride} (la red reduce la imagen a la mitad varias "
            f"veces); devuelves {got}.",
        )
        short = _reference_imgsz(
            object_px * max(frame_wh) / min(frame_wh), frame_wh, target_px, stride
        )
        expect(
            got != short or short == want,
            "Usas el lado corto del fotograma: Ultralytics escala el lado LARGO a imgsz.",
        )
        expect(
            got >= want,
            f"Con imgsz={got} el objeto llega a la red con "
            f"{object_px * got / max(frame_wh):.1f} px, menos de {target_px}: redondea hacia "
            "arriba, no al más cercano ni hacia abajo.",
        )
        raise Wrong(
            f"Para un objeto de {object_px} px en un fotograma de {frame_wh[0]}×{frame_wh[1]} "
            f"basta imgsz={want}; devuelves {got}, más de lo necesario (cuesta tiempo)."
        )
    return (
        "Cuatro veces más píxeles de lado cuesta unas dieciséis veces más cálculo: por eso con "
        "imágenes enormes se detecta por teselas en lugar de subir imgsz sin fin."
    )


def _reference_errors(pred, true):
    pred, true = np.asarray(pred, float), np.asarray(true, float)
    mae = np.abs(pred - true).mean(axis=0)
    present = true.mean(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = np.where(present > 0, mae / np.where(present > 0, present, 1), np.nan)
    return mae, relative


@exercise(
    "dia-042.2",
    title="Errores de conteo por clase",
    hint="pred y true son (fotogramas, clases). El error absoluto medio de cada clase es la "
    "media, sobre los fotogramas, de |pred - true|; el relativo lo divide entre la media de "
    "true de esa clase (np.nan si la clase nunca aparece).",
)
def _count_errors(count_errors):
    expect(callable(count_errors), "La respuesta debe ser tu función count_errors.")
    rng = np.random.default_rng(42)
    true = rng.poisson([20, 4, 6, 0.5, 1.0], size=(30, 5))
    true[:, 3] = 0  # una clase que nunca aparece
    pred = np.clip(true + rng.integers(-2, 3, size=true.shape), 0, None)
    pred[:, 4] += 1  # una clase que siempre se cuenta de más
    got = count_errors(pred.copy(), true.copy())
    expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
    expect(
        isinstance(got, tuple | list) and len(got) == 2,
        "Devuelve dos arrays: (error_absoluto_medio, error_relativo).",
    )
    mae, relative = (as_array(g, "Cada array que devuelves") for g in got)
    want_mae, want_rel = _reference_errors(pred, true)
    expect(
        mae.shape == (5,) and relative.shape == (5,),
        f"Un valor por clase: con 5 clases, dos arrays de forma (5,); los tuyos son {mae.shape} "
        f"y {relative.shape}. Haz la media con axis=0 (sobre los fotogramas).",
    )
    if not np.allclose(mae, want_mae):
        expect(
            not np.allclose(mae, np.abs((pred - true).mean(axis=0))),
            "Haces la media de pred - true y luego el valor absoluto: los errores de signo "
            "contrario se compensan. Primero el valor absoluto, después la media.",
        )
        expect(
            not np.allclose(mae, (pred - true).mean(axis=0)),
            "Eso es el sesgo (con signo): el error absoluto usa |pred - true|.",
        )
        raise Wrong(
            f"Error absoluto medio: esperaba {np.round(want_mae, 3)}, das {np.round(mae, 3)}."
        )
    expect(
        np.isnan(relative[3]),
        "La clase 3 nunca aparece en la verdad: su error relativo no está definido; devuelve "
        "np.nan (no 0 ni inf).",
    )
    ok = ~np.isnan(want_rel)
    if not np.allclose(relative[ok], want_rel[ok]):
        expect(
            not np.allclose(relative[ok], (mae / pred.mean(axis=0))[ok]),
            "Divides entre la media del detector; el relativo es respecto a lo que hay de verdad "
            "(la media de true).",
        )
        raise Wrong(
            f"Error relativo: esperaba {np.round(want_rel, 3)}, das {np.round(relative, 3)}."
        )
    return "Con el relativo, una clase rara ya no parece la mejor contada solo por ser rara."


_STATEMENTS = {
    "Ultralytics escala el lado largo del fotograma a imgsz antes de pasarlo por la red": True,
    "Subir imgsz mejora la exhaustividad con objetos de cualquier tamaño": False,
    "El coste de la inferencia crece más o menos con el número de píxeles de la entrada": True,
    "Si el detector se entrenó a 320 px, 320 es siempre la mejor imgsz para inferir": False,
    "Al subir el dron, los objetos ocupan menos píxeles y el detector pierde exhaustividad": True,
    "Un detector preentrenado en COCO ve igual de bien los coches desde arriba que de lado": False,
    "Contar cajas fotograma a fotograma dice cuántos vehículos distintos pasaron": False,
}


@exercise(
    "dia-042.3",
    title="Verdadero o falso: detectar desde el aire",
    hint="Repasa qué hace imgsz, la figura de la exhaustividad frente al tamaño en la red (¿hay "
    "techo?) y la diferencia entre contar cajas y seguir objetos.",
)
def _true_or_false(answer):
    expect_choices(answer, _STATEMENTS, item="afirmación", choices=(True, False))
    return "Siete de siete: mide el tamaño de tus objetos en la red antes de elegir imgsz."
