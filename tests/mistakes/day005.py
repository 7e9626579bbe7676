"""Errores típicos del día 5: una neurona en NumPy, pesos de puertas lógicas y contar parámetros."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake

_GATES = {"OR": (1.0, 1.0, -0.5), "NAND": (-1.0, -1.0, 1.5), "AND": (1.0, 1.0, -1.5)}


def _neuron_no_bias(x, w, b, activation):
    return activation(x @ w)


def _neuron_no_activation(x, w, b, activation):
    return x @ w + b


def _neuron_sum_all(x, w, b, activation):
    # np.sum(x * w) vale para un ejemplo, pero con un lote suma todas las filas juntas.
    return activation(np.sum(x * w) + b)


def _neuron_activation_before_bias(x, w, b, activation):
    return activation(x @ w) + b


def _only_weights(sizes):
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))


def _bias_per_neuron_everywhere(sizes):
    # Un sesgo por neurona, también en la capa de entrada.
    return _only_weights(sizes) + sum(sizes)


def _skips_last_layer(sizes):
    return sum((sizes[i] + 1) * sizes[i + 1] for i in range(len(sizes) - 2))


def _first_layer_only(sizes):
    return (sizes[0] + 1) * sizes[1]


def _bias_counted_on_inputs(sizes):
    # (salida + 1) en vez de (entrada + 1): el sesgo pegado al lado equivocado.
    return sum(a * (b + 1) for a, b in zip(sizes[:-1], sizes[1:], strict=True))


MISTAKES = [
    Mistake("dia-005.1", "sin sesgo", _neuron_no_bias, r"Falta sumar el sesgo b"),
    Mistake("dia-005.1", "sin activación", _neuron_no_activation, r"falta aplicar activation\(z\)"),
    Mistake(
        "dia-005.1", "np.sum(x * w) no vale para lotes", _neuron_sum_all, r"debe tener forma \(4,\)"
    ),
    Mistake(
        "dia-005.1",
        "suma el sesgo después de la activación",
        _neuron_activation_before_bias,
        r"Sumas b después de la activación",
    ),
    Mistake(
        "dia-005.2",
        "los pesos de AND puestos en OR",
        {**_GATES, "OR": (1.0, 1.0, -1.5)},
        r"Con OR = \(1, 1, -1\.5\).*debería dar \[0, 1, 1, 1\]",
    ),
    Mistake(
        "dia-005.2",
        "umbral justo en el borde: w·x + b = 0 no dispara",
        {**_GATES, "OR": (1.0, 1.0, -1.0)},
        r"en \[\(0, 1\), \(1, 0\)\] la suma .* vale exactamente 0",
    ),
    Mistake(
        "dia-005.2",
        "NAND con el umbral de NOR",
        {**_GATES, "NAND": (-1.0, -1.0, 0.5)},
        r"Con NAND = .*debería dar \[1, 1, 1, 0\]",
    ),
    Mistake("dia-005.3", "sin sesgos", _only_weights, r"solo cuentas los pesos"),
    Mistake(
        "dia-005.3",
        "sesgos también en la capa de entrada",
        _bias_per_neuron_everywhere,
        r"la capa de entrada no tiene sesgos",
    ),
    Mistake("dia-005.3", "se salta la última capa", _skips_last_layer, r"falta la última capa"),
    Mistake(
        "dia-005.3", "solo la primera capa", _first_layer_only, r"solo cuentas la primera capa"
    ),
    Mistake(
        "dia-005.3",
        "entrada·(salida + 1)",
        _bias_counted_on_inputs,
        r"mlp_params\(\[2, 2, 1\]\) = 10 no",
    ),
]
