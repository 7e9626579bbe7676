"""Comprobadores de los ejercicios del día 32 (evolución de YOLO: generaciones, autores, licencias)."""

from __future__ import annotations

from functools import cache

from ia100.exercises import Wrong, exercise, expect, expect_choices

#: Los modelos con los que se prueba la función del ejercicio 1 (ficheros de Ultralytics).
_MODELS = ("yolov8n", "yolo11n", "yolov10n")


@cache
def _yolo(name: str):
    """Un YOLO construido desde su fichero de modelo (sin pesos ni red), una sola vez."""
    from ia100.vision import configure

    configure(verbose=False)
    from ultralytics import YOLO

    return YOLO(f"{name}.yaml", verbose=False)


def _params(modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def _split(model, n_backbone: int) -> tuple[int, int]:
    layers = list(model.model.model)
    return _params(layers[:n_backbone]), _params(layers[n_backbone:])


@exercise(
    "dia-032.1",
    title="Columna frente a cuello y cabeza",
    hint="model.model.yaml['backbone'] tiene una fila por capa de la columna, y model.model.model "
    "es la lista de capas construidas en el mismo orden (primero las de 'backbone', después las "
    "de 'head'). Suma p.numel() de los parámetros de las primeras len(backbone) capas y, aparte, "
    "de las demás.",
)
def _backbone_and_head(fn):
    expect(callable(fn), "La respuesta debe ser tu función backbone_and_head(model).")
    for name in _MODELS:
        model = _yolo(name)
        got = fn(model)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(got, list | tuple) and len(got) == 2,
            "Debe devolver dos números: (parámetros de la columna, parámetros del resto).",
        )
        expect(
            all(isinstance(v, int | float) and not isinstance(v, bool) for v in got),
            "Los dos valores deben ser números de parámetros (enteros).",
        )
        got = (int(got[0]), int(got[1]))
        n_backbone = len(model.model.yaml["backbone"])
        n_layers = len(model.model.model)
        total = _params(model.model.model)
        right = _split(model, n_backbone)
        if got == right:
            continue
        expect(
            got != right[::-1],
            f"Con {name}: tienes el orden al revés; primero la columna, después el resto.",
        )
        buffers = sum(v.numel() for v in model.model.state_dict().values())
        expect(
            sum(got) != buffers,
            f"Con {name}: cuentas también las estadísticas de la normalización por lotes (están en "
            "state_dict pero no son parámetros); usa model.parameters().",
        )
        expect(
            sum(got) == total,
            f"Con {name}: tus dos números suman {sum(got)}, pero el modelo tiene {total} "
            "parámetros. Entre las dos partes tienen que estar todas las capas, una sola vez.",
        )
        expect(
            got != (total - _params(model.model.model[-1:]), _params(model.model.model[-1:])),
            f"Con {name}: la última capa es solo la cabeza de detección; el cuello (las capas de "
            "'head' anteriores a ella) también cuenta en el segundo número.",
        )
        # Dónde cortó el alumno (varios cortes dan lo mismo si hay capas sin parámetros).
        wrong_cut = [k for k in range(n_layers + 1) if _split(model, k) == got]
        n_head = len(model.model.yaml["head"])
        expect(
            n_head not in wrong_cut,
            f"Con {name}: cortas tras {n_head} capas, las que tiene 'head'; el corte va tras las "
            f"{n_backbone} de 'backbone'.",
        )
        expect(
            not any(abs(k - n_backbone) == 1 for k in wrong_cut),
            f"Con {name}: cortas una capa antes o después de la cuenta: la columna son las "
            f"{n_backbone} primeras capas (las filas de 'backbone'), con índices 0 a "
            f"{n_backbone - 1}.",
        )
        raise Wrong(f"Con {name} devuelves {got}; la columna y el resto tienen {right}.")
    shares = {n: _split(_yolo(n), len(_yolo(n).model.yaml["backbone"])) for n in _MODELS}
    share = {n: f"{a / (a + b):.0%}" for n, (a, b) in shares.items()}
    return f"Parte de la columna en el total: {share}. El resto es el cuello y la cabeza."


#: La organización (o el autor) de cada versión; un conjunto cuando hay dos respuestas válidas.
ORGANIZATIONS = (
    "Redmon",
    "AlexeyAB",
    "Academia Sinica",
    "Ultralytics",
    "Meituan",
    "Tsinghua",
    "Buffalo",
)
_WHO = {
    "YOLOv2": "Redmon",
    "YOLOv3": "Redmon",
    "YOLOv4": frozenset({"AlexeyAB", "Academia Sinica"}),
    "YOLOv5": "Ultralytics",
    "YOLOv6": "Meituan",
    "YOLOv7": frozenset({"Academia Sinica", "AlexeyAB"}),
    "YOLOv8": "Ultralytics",
    "YOLOv9": "Academia Sinica",
    "YOLOv10": "Tsinghua",
    "YOLO11": "Ultralytics",
    "YOLO12": "Buffalo",
    "YOLO26": "Ultralytics",
}


@exercise(
    "dia-032.2",
    title="Quién hizo cada YOLO",
    hint="Repasa la tabla del día: Redmon firmó hasta v3; v4 es de AlexeyAB con la Academia "
    "Sinica, que también hizo v7 y v9; Meituan, v6; Tsinghua, v10; la Universidad de Buffalo, "
    "YOLO12; el resto (v5, v8, 11, 26) es de Ultralytics.",
)
def _who(answer):
    expect_choices(
        answer,
        _WHO,
        item="versión",
        choices=ORGANIZATIONS,
        aliases={"Universidad de Buffalo": "Buffalo", "U. de Buffalo": "Buffalo"},
    )
    return "El número de versión no indica familia: siete organizaciones distintas en once años."


STATEMENTS = {
    "YOLOv1 y YOLOv2 se pueden construir con los ficheros de modelo de Ultralytics": False,
    "Ultralytics publicó un artículo en arXiv con cada uno de sus modelos (v5, v8, 11, 26)": False,
    "El YOLOv3 que construye Ultralytics lleva la cabeza sin anclas de YOLOv8, no la original": True,
    "YOLO12 es de la Universidad de Buffalo, no de Ultralytics": True,
    "YOLOv10 y YOLO26 están pensados para no necesitar NMS después de la red": True,
    "Si un modelo tiene menos parámetros, en una CPU siempre tarda menos": False,
    "Con la AGPL-3.0, ofrecer el programa como servicio en red obliga a publicar su código": True,
    "Darknet, el código de YOLOv1 a v3, se publicó como dominio público": True,
    "Medimos en el día la precisión en COCO de cada generación": False,
}


@exercise(
    "dia-032.3",
    title="Verdadero o falso: historia, medidas y licencias",
    hint="Repasa qué hay en cfg/models, qué cabeza llevan v3 y v5 en Ultralytics, quién firmó "
    "YOLO12, qué pasó con YOLOv9t en la medida de latencia, qué añade la AGPL a la GPL y qué "
    "dijimos que no podíamos medir.",
)
def _true_or_false(answer):
    expect_choices(answer, STATEMENTS, item="afirmación", choices=(True, False))
    return (
        "Nueve de nueve. La medida de latencia es la que más engaña: YOLOv9t tiene menos "
        "parámetros que ninguna y no es la más rápida."
    )
