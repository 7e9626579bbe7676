"""Errores típicos del día 30: los grupos de parámetros con tasas discriminativas, el calendario
de la descongelación gradual y un verdadero o falso sobre congelar capas."""

from __future__ import annotations

from ia100.exercises.day030 import _STATEMENTS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 30.1 · Grupos de parámetros con tasas discriminativas ----------------------------------


def _groups_reversed(layers, top_lr, factor):
    # La primera capa recibe top_lr y las de arriba, cada vez menos.
    return [
        {"params": list(layer.parameters()), "lr": top_lr / factor**i}
        for i, layer in enumerate(layers)
    ]


def _groups_multiply(layers, top_lr, factor):
    n = len(layers)
    return [
        {"params": list(layer.parameters()), "lr": top_lr * factor ** (n - 1 - i)}
        for i, layer in enumerate(layers)
    ]


def _groups_off_by_one(layers, top_lr, factor):
    n = len(layers)
    return [
        {"params": list(layer.parameters()), "lr": top_lr / factor ** (n - i)}
        for i, layer in enumerate(layers)
    ]


def _groups_weights_only(layers, top_lr, factor):
    n = len(layers)
    return [
        {"params": [layer.weight], "lr": top_lr / factor ** (n - 1 - i)}
        for i, layer in enumerate(layers)
    ]


def _groups_single(layers, top_lr, factor):
    return [{"params": [p for layer in layers for p in layer.parameters()], "lr": top_lr}]


def _groups_cumulative(layers, top_lr, factor):
    # Cada grupo con su capa y todas las de encima, como en la descongelación gradual.
    n = len(layers)
    return [
        {
            "params": [p for layer in layers[i:] for p in layer.parameters()],
            "lr": top_lr / factor ** (n - 1 - i),
        }
        for i in range(n)
    ]


def _groups_divides_by_index(layers, top_lr, factor):
    n = len(layers)
    return [
        {"params": list(layer.parameters()), "lr": top_lr / (factor * (n - 1 - i) or 1)}
        for i, layer in enumerate(layers)
    ]


# --- 30.2 · El calendario de la descongelación gradual ----------------------------------------


def _schedule_from_input(n_groups, n_stages):
    return [[g <= stage for g in range(n_groups)] for stage in range(n_stages)]


def _schedule_starts_frozen(n_groups, n_stages):
    # En la etapa 0 todo congelado: la cabeza empieza en la etapa 1.
    return [[g > n_groups - 1 - stage for g in range(n_groups)] for stage in range(n_stages)]


def _schedule_all_at_once(n_groups, n_stages):
    return [[True] * n_groups for _ in range(n_stages)]


def _schedule_one_group_at_a_time(n_groups, n_stages):
    return [
        [g == max(n_groups - 1 - stage, 0) for g in range(n_groups)] for stage in range(n_stages)
    ]


def _schedule_restarts(n_groups, n_stages):
    return [
        [g >= n_groups - 1 - stage % n_groups for g in range(n_groups)] for stage in range(n_stages)
    ]


def _schedule_two_per_stage(n_groups, n_stages):
    return [[g >= n_groups - 1 - 2 * stage for g in range(n_groups)] for stage in range(n_stages)]


# --- 30.3 · Verdadero o falso: congelar capas ----------------------------------------------


def _flipped(*indices):
    return {k: (not v) if i in indices else v for i, (k, v) in enumerate(_RIGHT.items())}


MISTAKES = [
    Mistake("dia-030.1", "tasas al revés", _groups_reversed, r"orden al revés"),
    Mistake("dia-030.1", "multiplica por factor", _groups_multiply, r"hay que dividir"),
    Mistake("dia-030.1", "la cabeza ya dividida una vez", _groups_off_by_one, r"deberían ser"),
    Mistake("dia-030.1", "solo los pesos", _groups_weights_only, r"Faltan parámetros"),
    Mistake("dia-030.1", "un solo grupo", _groups_single, r"uno por capa"),
    Mistake(
        "dia-030.1",
        "cada grupo con su capa y las de encima",
        _groups_cumulative,
        r"aparece en dos grupos",
    ),
    Mistake(
        "dia-030.1",
        "divide entre factor·k en vez de factor^k",
        _groups_divides_by_index,
        r"deberían ser",
    ),
    Mistake("dia-030.2", "descongela desde la entrada", _schedule_from_input, r"de abajo arriba"),
    Mistake(
        "dia-030.2",
        "en la etapa 0 no entrena nada",
        _schedule_starts_frozen,
        r"la cabeza ya debe entrenarse",
    ),
    Mistake(
        "dia-030.2",
        "todo descongelado desde el principio",
        _schedule_all_at_once,
        r"solo se entrena la cabeza",
    ),
    Mistake(
        "dia-030.2",
        "un solo grupo entrenable en cada etapa",
        _schedule_one_group_at_a_time,
        r"vuelves a congelar un grupo",
    ),
    Mistake(
        "dia-030.2",
        "vuelve a empezar al terminar (stage % n_groups)",
        _schedule_restarts,
        r"siguen así",
    ),
    Mistake(
        "dia-030.2",
        "dos grupos más por etapa",
        _schedule_two_per_stage,
        r"un grupo más por etapa",
    ),
    Mistake(
        "dia-030.3",
        "cree que requires_grad_(False) deja quieta a BatchNorm",
        _flipped(0),
        r"Revisa 1 de 7",
    ),
    Mistake(
        "dia-030.3",
        "descongela y reparte las tasas desde la entrada",
        _flipped(3, 4),
        r"Revisa 2 de 7",
    ),
    Mistake(
        "dia-030.3",
        "cree que Keras no necesita recompilar ni cambia el modo de BatchNormalization",
        _flipped(1, 6),
        r"Revisa 2 de 7",
    ),
    Mistake(
        "dia-030.3",
        "responde con textos en vez de booleanos",
        {k: str(v) for k, v in _RIGHT.items()},
        r"Usa solo True o False",
    ),
]
