"""Los comprobadores rechazan respuestas equivocadas, no solo las que están en blanco.

1. **Errores típicos** (``tests/mistakes/dayNNN.py``): cada ejercicio tiene al menos uno, y cada
   uno debe fallar con el mensaje que lo explica (no con «¿olvidaste el return?»).
2. **Sonda genérica**: ceros, unos, listas vacías, la identidad, funciones que devuelven ceros o
   lanzan errores, módulos que no hacen nada… Ningún comprobador puede aceptarlas, y ninguno
   puede romperse con ellas (un error dentro del comprobador sería un fallo del curso, no del
   alumno).
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import numpy as np
import pytest
import torch

import mistakes
from ia100 import exercises as ex

GENERIC_MESSAGES = ("olvidaste el return", "sustituye los `...`")


def _tables() -> dict[str, list[mistakes.Mistake]]:
    tables = {}
    for module in pkgutil.iter_modules(mistakes.__path__):
        tables[module.name] = importlib.import_module(f"mistakes.{module.name}").MISTAKES
    return tables


TABLES = _tables()
ALL = [m for table in TABLES.values() for m in table]


def test_every_exercise_has_known_wrong_answers():
    registered = {e.id for e in ex.exercises()}
    covered = {m.exercise_id for m in ALL}
    assert covered <= registered, f"errores de ejercicios que no existen: {covered - registered}"
    missing = sorted(registered - covered)
    assert not missing, f"ejercicios sin errores típicos en tests/mistakes/: {missing}"
    for name, table in TABLES.items():
        assert all(m.exercise_id.startswith(f"dia-{name[3:6]}.") for m in table), name


@pytest.mark.parametrize("mistake", ALL, ids=[f"{m.exercise_id}-{i}" for i, m in enumerate(ALL)])
def test_known_wrong_answer_is_rejected_with_its_message(mistake):
    answer = mistake.build()
    assert answer is not Ellipsis and answer is not None, "un error típico no es dejarlo en blanco"
    result = ex.evaluate(mistake.exercise_id, answer)
    assert not result.passed, f"{mistake.exercise_id} acepta «{mistake.why}»: {result.message}"
    assert not result.message.startswith("Tu código lanzó"), (
        f"«{mistake.why}» rompe el comprobador en vez de explicarse: {result.message}"
    )
    assert not any(g in result.message for g in GENERIC_MESSAGES), result.message
    assert re.search(mistake.message, result.message), (
        f"«{mistake.why}»: se esperaba /{mistake.message}/ y el mensaje es «{result.message}»"
    )


def _raises(*args, **kwargs):
    raise ValueError("respuesta de la sonda")


GENERIC = {
    "cero": 0,
    "uno": 1,
    "menos uno": -1,
    "un real": 0.5,
    "infinito": float("inf"),
    "nan": float("nan"),
    "True": True,
    "texto": "no sé",
    "lista vacía": [],
    "diccionario vacío": {},
    "tupla de ceros": (0, 0, 0),
    "array de ceros": np.zeros(3),
    "array 2D de unos": np.ones((4, 4)),
    "identidad": lambda *args, **kwargs: args[0] if args else None,
    "devuelve cero": lambda *args, **kwargs: 0,
    "devuelve ceros como el primer argumento": lambda *args, **kwargs: (
        np.zeros_like(np.asarray(args[0], dtype=float)) if args else 0
    ),
    "lanza un error": _raises,
    "módulo que no hace nada": torch.nn.Identity(),
    "capa lineal 1→1": torch.nn.Linear(1, 1),
    "tensor de ceros": torch.zeros(2, 3),
}
EXERCISE_IDS = [e.id for e in ex.exercises()]


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_generic_wrong_answers_are_rejected(exercise_id):
    for name, answer in GENERIC.items():
        result = ex.evaluate(exercise_id, answer)
        assert not result.passed, f"{exercise_id} acepta la sonda «{name}»: {result.message}"
