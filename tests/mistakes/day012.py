"""Errores típicos del día 12: la desviación típica de He, un bloque residual y qué redes pierden
su gradiente."""

from __future__ import annotations

import math

import torch

from ia100.exercises.day012 import _CONFIGS as _RIGHT  # las respuestas correctas
from mistakes import Mistake

# --- 12.2 · el bloque residual -------------------------------------------------------------------


def _branch_only(x, W1, b1, W2, b2):
    return torch.relu(x @ W1 + b1) @ W2 + b2  # falta el atajo


def _relu_after_sum(x, W1, b1, W2, b2):
    return torch.relu(x + torch.relu(x @ W1 + b1) @ W2 + b2)


def _relu_at_end_of_branch(x, W1, b1, W2, b2):
    return x + torch.relu(torch.relu(x @ W1 + b1) @ W2 + b2)


def _no_hidden_relu(x, W1, b1, W2, b2):
    return x + (x @ W1 + b1) @ W2 + b2


def _first_layer_only(x, W1, b1, W2, b2):
    return torch.relu(x @ W1 + b1)  # se queda en la capa oculta: forma (n, h)


def _forgets_b2(x, W1, b1, W2, b2):
    return x + torch.relu(x @ W1 + b1) @ W2


# --- 12.3 · ¿qué red pierde su gradiente? --------------------------------------------------------


MISTAKES = [
    Mistake("dia-012.1", "la varianza, sin raíz", lambda fan_in: 2 / fan_in, "falta la raíz"),
    Mistake(
        "dia-012.1",
        "varianza 1/fan_in (LeCun)",
        lambda fan_in: math.sqrt(1 / fan_in),
        "la de LeCun",
    ),
    Mistake(
        "dia-012.1",
        "el límite de la uniforme de He",
        lambda fan_in: math.sqrt(6 / fan_in),
        "versión uniforme",
    ),
    Mistake(
        "dia-012.1",
        "raíz solo del denominador",
        lambda fan_in: 2 / math.sqrt(fan_in),
        "no es la desviación típica de He",
    ),
    Mistake("dia-012.2", "solo F(x), sin el atajo", _branch_only, "falta sumar la entrada"),
    Mistake("dia-012.2", "ReLU después de sumar", _relu_after_sum, "ReLU después de sumar"),
    Mistake("dia-012.2", "ReLU al final de F", _relu_at_end_of_branch, "ReLU al final de F"),
    Mistake("dia-012.2", "sin ReLU entre las capas", _no_hidden_relu, "Falta la ReLU entre"),
    Mistake("dia-012.2", "solo la primera capa", _first_layer_only, "la misma forma"),
    Mistake("dia-012.2", "se olvida de b2", _forgets_b2, "Falta el sesgo de la segunda capa"),
    Mistake(
        "dia-012.3",
        "cree que la inicialización por defecto de PyTorch ya sirve para ReLU",
        {**_RIGHT, "ReLU con la inicialización por defecto de PyTorch": "estable"},
        "Revisa 1 de 7",
    ),
    Mistake(
        "dia-012.3",
        "pesos pequeños «explotan» y los residuales no bastan",
        {
            **_RIGHT,
            "ReLU con pesos de desviación típica 0,01": "explota",
            "sigmoide con conexiones residuales": "se desvanece",
        },
        "Revisa 2 de 7",
    ),
]
