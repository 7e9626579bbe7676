"""Corrector automático de los ejercicios del curso.

Para qué sirve: el alumno llama a :func:`check` con el identificador del ejercicio
(``"dia-007.2"``) y su respuesta, y ve ✅ o ❌ con una pista en español. Cada ejercicio se
registra con :func:`exercise` en el módulo del día, ``dayNNN.py``. :func:`check` importa solo el
módulo del día que nombra el identificador: un día posterior roto o pesado no rompe los anteriores.

Para qué NO sirve: no contiene la lección ni muestra la solución; un comprobador puede calcular
la respuesta correcta para compararla, pero solo dice si la del alumno lo es.

Variables de entorno que usan las pruebas del curso:

- ``IA100_STRICT=1``: un ejercicio que falla lanza ``AssertionError`` (así las soluciones de
  referencia no pueden romperse sin que lo note la integración continua);
- ``IA100_CHECK_LOG=fichero``: cada comprobación añade una línea JSON con su resultado.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import pkgutil
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from ia100.env import _flag

__all__ = [
    "as_array",
    "CheckResult",
    "Exercise",
    "Wrong",
    "check",
    "evaluate",
    "exercise",
    "exercises",
    "expect",
    "expect_choices",
]

_ID_RE = re.compile(r"^dia-\d{3}\.\d+$")
_REGISTRY: dict[str, Exercise] = {}
_loaded = {"done": False}
_MODULE_RE = re.compile(r"^day\d{3}$")


class Wrong(Exception):
    """La respuesta no es correcta; el mensaje explica por qué (en español)."""


def expect(condition: Any, message: str) -> None:
    """Para escribir comprobadores: lanza :class:`Wrong` con ``message`` si la condición es falsa."""
    if not condition:
        raise Wrong(message)


def _plain(text: str) -> str:
    """Minúsculas, sin tildes y sin espacios alrededor: «Difusión » y «difusion» coinciden."""
    text = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _choice_list(choices: Sequence[Any]) -> str:
    shown = [repr(c) for c in choices]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " o " + shown[-1]


def expect_choices(
    answer: Any,
    expected: Mapping[str, Any],
    *,
    item: str,
    choices: Sequence[Any],
    aliases: Mapping[str, Any] | None = None,
) -> None:
    """Comprueba una respuesta «elige una opción para cada caso» o lanza :class:`Wrong`.

    La respuesta es un diccionario ``{caso: opción}`` con los mismos casos que ``expected``. Los
    textos se comparan sin distinguir mayúsculas, tildes ni espacios alrededor; ``aliases``
    acepta otras formas de decir una opción (``{"convolucional": "CNN"}``). Las opciones que no
    son texto (``True``/``False``) deben ser de ese mismo tipo. Los mensajes dicen qué caso
    falta, cuál sigue en ``...``, cuál usa una opción que no existe y cuántos están mal.

    Args:
        answer: lo que respondió el alumno.
        expected: la opción correcta de cada caso, o un conjunto de opciones igual de válidas.
        item: cómo se llama un caso en el enunciado («operación», «afirmación»…).
        choices: las opciones válidas, en el orden en que las muestra el enunciado.
        aliases: otras grafías aceptadas para alguna opción.

    Raises:
        Wrong: con un mensaje en español que ayuda a corregir la respuesta.
    """
    options = _choice_list(choices)
    expect(
        isinstance(answer, dict),
        f"La respuesta debe ser un diccionario {{{item}: {' | '.join(repr(c) for c in choices)}}}.",
    )
    missing = [k for k in expected if k not in answer]
    expect(not missing, f"Faltan casos del enunciado ({item}): {missing}.")
    pending = [k for k in expected if answer[k] is Ellipsis]
    expect(not pending, f"Aún te falta responder {len(pending)} de {len(expected)}: {pending}.")
    canonical = {_plain(c): c for c in choices if isinstance(c, str)}
    canonical.update({_plain(k): v for k, v in (aliases or {}).items()})

    def normal(value: Any) -> Any:
        return canonical.get(_plain(value), value) if isinstance(value, str) else value

    def right(value: Any, correct: Any) -> bool:
        return value in correct if isinstance(correct, set | frozenset) else value == correct

    values = {k: normal(answer[k]) for k in expected}
    unknown = [
        k for k, v in values.items() if not any(type(v) is type(c) and v == c for c in choices)
    ]
    expect(not unknown, f"Usa solo {options}; revisa: {unknown}.")
    wrong = [k for k, v in expected.items() if not right(values[k], v)]
    expect(not wrong, f"Revisa {len(wrong)} de {len(expected)}: {wrong}.")


def as_array(value: Any, what: str) -> np.ndarray:
    """Convierte la respuesta del alumno en un array de reales o lanza :class:`Wrong` explicando por qué.

    Args:
        value: lo que devolvió el código del alumno.
        what: cómo nombrarlo en el mensaje («Lo que devuelve tu función»…).
    """
    expect(value is not None, f"{what} es None: ¿olvidaste el return?")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError) as error:
        raise Wrong(f"{what} no es un número ni un array de números.") from error


@dataclass(frozen=True)
class Exercise:
    """Un ejercicio registrado: identificador, título, pista y la función que lo comprueba."""

    id: str  # "dia-NNN.K"
    title: str  # lo que se pide, en pocas palabras
    hint: str  # la pista que se muestra al fallar
    checker: Callable[[Any], str | None]  # lanza Wrong si la respuesta no vale


class CheckResult(NamedTuple):
    """Resultado de comprobar una respuesta."""

    exercise_id: str
    passed: bool
    message: str


def exercise(
    exercise_id: str, *, title: str, hint: str
) -> Callable[[Callable[[Any], str | None]], Callable[[Any], str | None]]:
    """Decorador que registra un comprobador.

    El comprobador recibe la respuesta del alumno; lanza :class:`Wrong` (por ejemplo con
    :func:`expect`) si no es correcta y puede devolver un texto de felicitación con algo que
    aprender.
    """
    if not _ID_RE.match(exercise_id):
        raise ValueError(
            f"Identificador de ejercicio no válido: {exercise_id!r} (formato dia-NNN.K)."
        )

    def register(checker: Callable[[Any], str | None]):
        if exercise_id in _REGISTRY:
            raise ValueError(f"El ejercicio {exercise_id} está registrado dos veces.")
        _REGISTRY[exercise_id] = Exercise(exercise_id, title, hint, checker)
        return checker

    return register


def _load_day(exercise_id: str) -> None:
    """Importa solo el módulo de comprobadores del día que nombra ``exercise_id`` (si existe)."""
    if _loaded["done"] or not isinstance(exercise_id, str) or not _ID_RE.match(exercise_id):
        return
    name = f"day{exercise_id[4:7]}"
    if importlib.util.find_spec(f"{__name__}.{name}") is not None:
        importlib.import_module(f"{__name__}.{name}")


def _load_catalog() -> None:
    """Importa todos los módulos de comprobadores (para listar el catálogo y para las pruebas)."""
    if _loaded["done"]:
        return
    for module in pkgutil.iter_modules(__path__):
        if _MODULE_RE.match(module.name):
            importlib.import_module(f"{__name__}.{module.name}")
    _loaded["done"] = True


def exercises(day: int | None = None) -> list[Exercise]:
    """Lista los ejercicios registrados (todos, o los de un día), ordenados por identificador."""
    _load_catalog()
    items = sorted(_REGISTRY.values(), key=lambda e: (e.id.split(".")[0], int(e.id.split(".")[1])))
    if day is None:
        return items
    if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 100:
        raise ValueError(f"El día debe ser un entero entre 1 y 100, no {day!r}.")
    return [e for e in items if e.id.startswith(f"dia-{day:03d}.")]


def evaluate(exercise_id: str, answer: Any) -> CheckResult:
    """Comprueba una respuesta sin imprimir nada y devuelve un :class:`CheckResult`.

    Los errores del código del alumno (una excepción dentro de su función) cuentan como
    respuesta incorrecta, con el error en el mensaje; un identificador desconocido es un error.
    """
    _load_day(exercise_id)
    if exercise_id not in _REGISTRY:
        day = exercise_id.split(".")[0] if isinstance(exercise_id, str) else "?"
        known = ", ".join(e for e in sorted(_REGISTRY) if e.startswith(day)) or "ninguno"
        raise KeyError(f"No existe el ejercicio {exercise_id!r}. Ejercicios de {day}: {known}.")
    if answer is Ellipsis:
        return CheckResult(
            exercise_id, False, "Aún no has escrito tu respuesta: sustituye los `...`."
        )
    try:
        note = _REGISTRY[exercise_id].checker(answer)
    except Wrong as wrong:
        return CheckResult(exercise_id, False, str(wrong))
    except Exception as error:  # el código del alumno falló dentro del comprobador
        return CheckResult(exercise_id, False, f"Tu código lanzó {type(error).__name__}: {error}")
    return CheckResult(exercise_id, True, note or "¡Correcto!")


def check(exercise_id: str, answer: Any) -> None:
    """Comprueba tu respuesta a un ejercicio y muestra ✅ o ❌ con una pista.

    Args:
        exercise_id: identificador que aparece en el enunciado, por ejemplo ``"dia-007.2"``.
        answer: tu respuesta (un número, una lista, una función…, según el enunciado).

    Se usa en: todos los cuadernos de ejercicios.
    """
    result = evaluate(exercise_id, answer)
    item = _REGISTRY[exercise_id]
    if result.passed:
        print(f"✅ {exercise_id} · {item.title}: {result.message}")
    else:
        print(f"❌ {exercise_id} · {item.title}: {result.message}\n   💡 Pista: {item.hint}")
    log = os.environ.get("IA100_CHECK_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"id": exercise_id, "passed": result.passed}) + "\n")
    if not result.passed and _flag("IA100_STRICT"):
        raise AssertionError(f"{exercise_id}: {result.message}")
