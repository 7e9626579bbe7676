"""Respuestas equivocadas pero verosímiles, una tabla por día (``dayNNN.py``).

Para qué sirve: demostrar que cada comprobador **rechaza** los errores típicos que sus mensajes
nombran, con el mensaje que ayuda a corregirlos. Las versiones en blanco de los cuadernos no lo
demuestran: fallan antes, por los ``...`` o por devolver ``None``.

Cada módulo ``dayNNN.py`` define ``MISTAKES``, una lista de :class:`Mistake`. Una respuesta que
tarda en construirse (un modelo entrenado) se da como función sin argumentos con
``lazy=True``. ``tests/test_checkers.py`` las recorre todas y exige al menos una por ejercicio.

Para qué NO sirve: no son soluciones ni pruebas de la lección; solo errores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Mistake:
    """Un error típico: a qué ejercicio responde, la respuesta y el mensaje que debe provocar."""

    exercise_id: str  # "dia-NNN.K"
    why: str  # el error, en pocas palabras («Adam sin ε»)
    answer: Any  # la respuesta equivocada (o una función que la construye, con lazy=True)
    message: str  # expresión regular que debe aparecer en el mensaje del comprobador
    lazy: bool = False

    def build(self) -> Any:
        return self.answer() if self.lazy else self.answer
