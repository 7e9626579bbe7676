"""Comprobadores de los ejercicios del día 30 (técnicas de aprendizaje por transferencia)."""

from __future__ import annotations

import math

from ia100.exercises import Wrong, exercise, expect, expect_choices


def _layers(sizes: list[int], seed: int):
    """Una lista de capas lineales de la entrada a la salida (la última hace de cabeza)."""
    import torch
    from torch import nn

    torch.manual_seed(seed)
    return [nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]


@exercise(
    "dia-030.1",
    title="Grupos de parámetros con tasas discriminativas",
    hint="Recorre las capas de la última (la cabeza, top_lr) a la primera; la capa que está k "
    "puestos por debajo de la cabeza usa top_lr / factor**k. Cada grupo es un diccionario "
    "{'params': list(capa.parameters()), 'lr': tasa}.",
)
def _discriminative_groups(discriminative_groups):
    import torch

    expect(callable(discriminative_groups), "La respuesta debe ser tu función.")
    for sizes, top_lr, factor in [([6, 5, 4, 3, 2], 1e-2, 2.6), ([3, 8, 2], 3e-3, 10.0)]:
        layers = _layers(sizes, seed=len(sizes))
        groups = discriminative_groups(layers, top_lr, factor)
        expect(groups is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(groups, list | tuple) and all(isinstance(g, dict) for g in groups),
            "Debe devolver una lista de diccionarios {'params': ..., 'lr': ...}.",
        )
        expect(
            len(groups) == len(layers),
            f"Con {len(layers)} capas hacen falta {len(layers)} grupos, uno por capa; "
            f"devuelves {len(groups)}.",
        )
        expect(
            all("params" in g and "lr" in g for g in groups),
            "Cada grupo necesita las claves 'params' y 'lr'.",
        )
        groups = [dict(g, params=list(g["params"])) for g in groups]
        rate_of = {}  # id(parámetro) -> tasa
        for g in groups:
            for p in g["params"]:
                expect(
                    id(p) not in rate_of,
                    "Un mismo parámetro aparece en dos grupos: PyTorch no lo permite.",
                )
                rate_of[id(p)] = float(g["lr"])
        all_params = [p for layer in layers for p in layer.parameters()]
        expect(
            len(rate_of) == len(all_params) and all(id(p) in rate_of for p in all_params),
            "Faltan parámetros en los grupos (cada capa tiene pesos y sesgo): usa "
            "list(capa.parameters()).",
        )
        rates = [
            rate_of[id(next(iter(layer.parameters())))] for layer in layers
        ]  # entrada → salida
        n = len(layers)
        expected = [top_lr / factor ** (n - 1 - i) for i in range(n)]
        if not all(math.isclose(a, b, rel_tol=1e-6) for a, b in zip(rates, expected, strict=True)):
            expect(
                not all(
                    math.isclose(a, b, rel_tol=1e-6)
                    for a, b in zip(rates, expected[::-1], strict=True)
                ),
                "Tienes el orden al revés: la tasa más alta es para la cabeza (la última capa) y "
                "la más baja para la primera, la de rasgos más generales.",
            )
            expect(
                not math.isclose(rates[0], top_lr * factor ** (n - 1), rel_tol=1e-6),
                "Multiplicas por factor al bajar; hay que dividir: las capas bajas se mueven menos.",
            )
            raise Wrong(
                f"Tasas de la primera a la última capa: {[f'{r:.3g}' for r in rates]}; "
                f"deberían ser {[f'{r:.3g}' for r in expected]}."
            )
        torch.optim.Adam(groups)  # tiene que ser una entrada válida para un optimizador
    return (
        "Es lo que hace ULMFiT con factor 2,6. En PyTorch basta con pasar esta lista al "
        "optimizador: torch.optim.Adam(grupos)."
    )


def _expected_schedule(n_groups: int, n_stages: int) -> list[list[bool]]:
    return [[g >= n_groups - 1 - s for g in range(n_groups)] for s in range(n_stages)]


@exercise(
    "dia-030.2",
    title="El calendario de la descongelación gradual",
    hint="En la etapa s son entrenables los s + 1 grupos de arriba (los últimos de la lista): "
    "en la etapa 0 solo la cabeza. Cuando ya están todos, siguen todos.",
)
def _unfreeze_schedule(unfreeze_schedule):
    expect(callable(unfreeze_schedule), "La respuesta debe ser tu función unfreeze_schedule.")
    for n_groups, n_stages in [(4, 4), (3, 5), (5, 3), (1, 2)]:
        got = unfreeze_schedule(n_groups, n_stages)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(got, list | tuple) and len(got) == n_stages,
            f"Con {n_stages} etapas hace falta una lista de {n_stages} filas.",
        )
        rows = []
        for row in got:
            expect(
                isinstance(row, list | tuple) and len(row) == n_groups,
                f"Cada etapa debe ser una lista de {n_groups} valores True/False, uno por grupo.",
            )
            rows.append([bool(v) for v in row])
        expected = _expected_schedule(n_groups, n_stages)
        if rows == expected:
            continue
        expect(
            rows != [r[::-1] for r in expected],
            "Descongelas de abajo arriba: se empieza por la cabeza (el último grupo) y se baja "
            "hacia la entrada.",
        )
        expect(rows[0][-1], "En la etapa 0 la cabeza ya debe entrenarse (es lo primero).")
        expect(
            not any(rows[0][:-1]),
            "En la etapa 0 solo se entrena la cabeza: el resto de grupos, congelados.",
        )
        refrozen = [
            s
            for s in range(1, n_stages)
            if any(before and not now for before, now in zip(rows[s - 1], rows[s], strict=True))
        ]
        expect(
            not refrozen or refrozen[0] < n_groups,
            "Cuando todos los grupos están descongelados, siguen así en las etapas siguientes.",
        )
        expect(
            not refrozen,
            f"En la etapa {refrozen[0] if refrozen else 0} vuelves a congelar un grupo que ya se "
            "entrenaba: cada etapa AÑADE un grupo a los entrenables, sin quitar ninguno.",
        )
        counts = [sum(r) for r in rows]
        wanted = [min(s + 1, n_groups) for s in range(n_stages)]
        expect(
            counts == wanted,
            f"Con {n_groups} grupos, los entrenables de cada etapa son {counts}; deberían ser "
            f"{wanted}: un grupo más por etapa, empezando por la cabeza.",
        )
        raise Wrong(
            f"Con {n_groups} grupos y {n_stages} etapas el calendario no es el esperado: {rows}."
        )
    return "Cada etapa suelta un grupo más, de arriba abajo: las capas generales, las últimas."


_STATEMENTS = {
    "Con requires_grad_(False) en todos sus parámetros, una BatchNorm2d en modo entrenamiento "
    "no cambia nada al pasarle datos": False,
    "En Keras, después de cambiar trainable hay que volver a compilar el modelo": True,
    "En el ajuste fino conviene una tasa de aprendizaje menor que al entrenar desde cero": True,
    "La descongelación gradual empieza por las capas más cercanas a la entrada": False,
    "Con tasas discriminativas, las capas más cercanas a la entrada reciben la tasa más alta": False,
    "Con la base congelada y en modo evaluación, sus rasgos se pueden calcular una vez y "
    "reutilizar en cada época": True,
    "En Keras, poner trainable en False en una capa BatchNormalization la hace trabajar en "
    "modo inferencia": True,
}


@exercise(
    "dia-030.3",
    title="Verdadero o falso: congelar capas",
    hint="Repasa la sección de la normalización por lotes (parámetros frente a estadísticas), "
    "la receta de Keras y en qué sentido se descongela y se reparten las tasas.",
)
def _true_or_false(answer):
    expect_choices(answer, _STATEMENTS, item="afirmación", choices=(True, False))
    return (
        "Siete de siete. La más traicionera es la primera: las medias móviles de BatchNorm no "
        "son parámetros y cambian en cada pasada en modo entrenamiento."
    )
