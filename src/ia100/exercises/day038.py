"""Comprobadores de los ejercicios del día 38 (modelos preentrenados: trasladar, elegir, congelar)."""

from __future__ import annotations

from ia100.exercises import Wrong, exercise, expect


def _state(shapes: dict[str, tuple[int, ...]]) -> dict:
    import torch

    return {name: torch.zeros(shape) for name, shape in shapes.items()}


def _numel(shape: tuple[int, ...]) -> int:
    n = 1
    for s in shape:
        n *= s
    return n


# Casos de 38.1: (origen, destino). Nombres al estilo de Ultralytics: la cabeza de clases de un
# detector de 5 clases frente a la de uno de 2; un tensor con el mismo nombre y otra forma; un
# tensor que solo existe en el origen y otro que solo existe en el destino.
_PAIRS = [
    (
        {
            "model.0.conv.weight": (8, 3, 3, 3),
            "model.0.bn.bias": (8,),
            "model.23.cv2.0.2.weight": (64, 16, 1, 1),
            "model.23.cv3.0.2.weight": (5, 16, 1, 1),
            "model.23.cv3.0.2.bias": (5,),
        },
        {
            "model.0.conv.weight": (8, 3, 3, 3),
            "model.0.bn.bias": (8,),
            "model.23.cv2.0.2.weight": (64, 16, 1, 1),
            "model.23.cv3.0.2.weight": (2, 16, 1, 1),
            "model.23.cv3.0.2.bias": (2,),
        },
    ),
    (
        {"a.weight": (4, 4), "b.weight": (10, 4), "solo_origen.weight": (100, 100)},
        {"a.weight": (4, 4), "b.weight": (4, 10), "proto.weight": (32, 4)},
    ),
    (
        {"x.weight": (3, 3)},
        {"y.weight": (3, 3)},
    ),
]


def _truth(src: dict, dst: dict) -> float:
    total = sum(_numel(s) for s in dst.values())
    moved = sum(_numel(s) for k, s in dst.items() if k in src and src[k] == s)
    return moved / total


@exercise(
    "dia-038.1",
    title="¿Qué fracción de los parámetros se traslada?",
    hint="Un tensor del destino se copia si en el origen hay otro con el mismo nombre y la misma "
    "forma (src[k].shape == dst[k].shape). Suma los elementos (.numel()) de los que se copian y "
    "divide por los elementos de todo el destino, no por el número de tensores ni por el origen.",
)
def _transferable(transferable):
    expect(callable(transferable), "La respuesta debe ser tu función.")
    for src_shapes, dst_shapes in _PAIRS:
        want = _truth(src_shapes, dst_shapes)
        got = transferable(_state(src_shapes), _state(dst_shapes))
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        try:
            got = float(got)
        except (TypeError, ValueError) as error:
            raise Wrong("Devuelve un número: la fracción entre 0 y 1.") from error
        if abs(got - want) < 1e-9:
            continue
        by_count = sum(k in src_shapes and src_shapes[k] == s for k, s in dst_shapes.items())
        if abs(got - by_count / len(dst_shapes)) < 1e-9:
            raise Wrong(
                "Cuentas tensores, no parámetros: una capa de 64×16 pesa mucho más que un sesgo "
                "de 2. Suma .numel() de cada tensor."
            )
        by_name = sum(_numel(s) for k, s in dst_shapes.items() if k in src_shapes)
        if abs(got - by_name / sum(_numel(s) for s in dst_shapes.values())) < 1e-9:
            raise Wrong(
                "Con el mismo nombre no basta: si la forma cambia (la última capa de clases con "
                "otro número de clases), el tensor no se puede copiar. Compara también la forma."
            )
        moved = sum(_numel(s) for k, s in dst_shapes.items() if src_shapes.get(k) == s)
        if abs(got - moved / sum(_numel(s) for s in src_shapes.values())) < 1e-9:
            raise Wrong(
                "Divides por los parámetros del origen: la pregunta es qué parte del modelo "
                "nuevo (el destino) empieza con pesos aprendidos."
            )
        raise Wrong(f"En uno de los casos se esperaba {want:.4f} y devuelves {got:.4f}.")
    return (
        "Es la regla de model.load() de Ultralytics (intersect_dicts): nombre y forma. En el "
        "detector del curso, cambiar de 5 a 2 clases solo deja fuera la última capa de clases."
    )


def _imagenet_rows() -> list[tuple[str, float, float, float, bool, bool]]:
    """(pesos, top-1, GFLOPS, parámetros, licencia propia, es DEFAULT) de cada peso de ImageNet-1K."""
    from torchvision import models

    rows = []
    for name in models.list_models(module=models):
        weights = models.get_model_weights(name)
        for w in weights:
            metrics = w.meta.get("_metrics", {}).get("ImageNet-1K")
            if metrics:
                rows.append(
                    (
                        str(w),
                        metrics["acc@1"],
                        w.meta["_ops"],
                        w.meta["num_params"],
                        "license" in w.meta,
                        w is weights.DEFAULT,
                    )
                )
    return rows


def _best(rows, min_acc: float, commercial: bool, cost: int = 2) -> str | None:
    ok = [r for r in rows if r[1] >= min_acc and not (commercial and r[4])]  # nan no pasa
    return min(ok, key=lambda r: r[cost])[0] if ok else None


# Casos de 38.2: (precisión top-1 mínima en %, uso comercial).
_PICKS = [(75.0, True), (80.0, True), (84.0, False), (86.0, False), (86.0, True), (88.0, True)]


@exercise(
    "dia-038.2",
    title="Elegir pesos en el zoológico de torchvision",
    hint="Recorre models.list_models(module=models) y, para cada nombre, todos sus pesos "
    "(models.get_model_weights(nombre)), no solo DEFAULT. En w.meta: '_metrics'['ImageNet-1K']"
    "['acc@1'] es la precisión (en algún peso, nan: descártalo), '_ops' los GFLOPS y 'license' "
    "solo aparece en los pesos con licencia propia (no comercial). Devuelve str(w) del de menos "
    "'_ops', o None si no hay ninguno.",
)
def _pick_weights(pick_weights):
    expect(callable(pick_weights), "La respuesta debe ser tu función.")
    rows = _imagenet_rows()
    nan_weights = {r[0] for r in rows if r[1] != r[1]}
    defaults = {r[0] for r in rows if r[5]}
    for min_acc, commercial in _PICKS:
        want = _best(rows, min_acc, commercial)
        got = pick_weights(min_acc, commercial)
        if got is not None and not isinstance(got, str):
            got = str(got)  # también vale el propio objeto de pesos
        if got == want:
            continue
        where = f"Con precisión ≥ {min_acc} % y uso comercial={commercial}"
        expect(
            got not in nan_weights,
            f"{where} devuelves {got}, cuya precisión en su ficha es nan (pesos para extraer "
            "rasgos, sin clasificador medido): 'nan < x' es False, así que un filtro "
            "'if acc < min_acc: continue' lo deja pasar. Usa 'not acc >= min_acc'.",
        )
        expect(
            want is not None or not commercial,
            f"{where} no hay ninguno: los que llegan llevan 'license' en sus metadatos (los SWAG "
            "de Meta, no comerciales). Devuelve None.",
        )
        expect(
            not (commercial and got == _best(rows, min_acc, False)),
            f"{where} eliges {got}, que lleva 'license' en sus metadatos (no comercial): "
            "descártalo.",
        )
        expect(
            got != _best(rows, min_acc, commercial, cost=3),
            f"{where} devuelves el de menos parámetros ({got}); se pide el de menos cálculo por "
            "imagen, '_ops' (GFLOPS), que es lo que marca la latencia.",
        )
        expect(
            not (got in defaults and want not in defaults),
            f"{where} devuelves {got}, pero hay pesos que no son los DEFAULT de su arquitectura "
            "y cuestan menos: recorre todos los de get_model_weights.",
        )
        raise Wrong(f"{where} se esperaba {want} y devuelves {got!r}.")
    return (
        "Todo eso se lee sin descargar un solo peso: la ficha de un modelo (precisión, coste, "
        "licencia, transformaciones) viaja con la biblioteca."
    )


# Casos de 38.3: nombres de parámetros al estilo de Ultralytics y el valor de freeze.
_NAMES = [
    f"model.{i}.{part}"
    for i in range(24)
    for part in ("conv.weight", "bn.weight", "bn.bias")
    if i != 23
] + [
    "model.23.cv2.0.0.conv.weight",
    "model.23.cv3.0.2.weight",
    "model.23.cv3.0.2.bias",
    "model.23.dfl.conv.weight",
]
_FREEZES = [0, 1, 2, 10, 23]


def _frozen_truth(names, n):
    prefixes = [f"model.{i}." for i in range(n)] + [".dfl"]
    return sorted(k for k in names if any(p in k for p in prefixes))


@exercise(
    "dia-038.3",
    title="Qué congela freeze=N",
    hint="Ultralytics congela los parámetros cuyo nombre contiene 'model.i.' para i = 0 … N−1 "
    "(con el punto final: 'model.1' también estaría dentro de 'model.10') y, siempre, los de "
    "'.dfl' (la capa fija que convierte distribuciones en distancias).",
)
def _frozen(frozen):
    expect(callable(frozen), "La respuesta debe ser tu función.")
    for n in _FREEZES:
        want = _frozen_truth(_NAMES, n)
        got = frozen(list(_NAMES), n)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        try:
            got = sorted(set(got))
        except TypeError as error:
            raise Wrong("Devuelve una lista (o un conjunto) de nombres.") from error
        if got == want:
            continue
        extra, missing = sorted(set(got) - set(want)), sorted(set(want) - set(got))
        if any(".dfl" in k for k in missing):
            raise Wrong(
                "Falta la capa '.dfl': Ultralytics la congela siempre, también con freeze=0 "
                "(no tiene nada que aprender)."
            )
        if any(k.startswith(f"model.{n}.") for k in extra):
            raise Wrong(
                f"Con freeze={n} se congelan las capas 0 a {n - 1}; la capa {n} queda libre "
                "(sobra una)."
            )
        if extra:
            raise Wrong(
                f"Con freeze={n} congelas de más, por ejemplo {extra[0]}: ¿buscas 'model.1' sin "
                "el punto final? Entonces 'model.10', 'model.11'… también coinciden."
            )
        raise Wrong(f"Con freeze={n} faltan nombres congelados, por ejemplo {missing[0]}.")
    return (
        "Así, freeze=10 deja quieta la columna vertebral de YOLO11 (capas 0–9) y freeze=23, todo "
        "menos la cabeza."
    )
