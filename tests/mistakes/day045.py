"""Errores típicos del día 45: la máquina de histéresis N/M y la puntuación de una alarma."""

from __future__ import annotations

from functools import partial

from ia100.exercises.day045 import _debounce, _score
from mistakes import Mistake

# --- 45.1 · Eventos con histéresis N/M ------------------------------------------------------


def _variant(name):
    return lambda detected, n_open, m_close: _debounce(detected, n_open, m_close, variant=name)


def _rising_edges(detected, n_open, m_close):
    # La alarma del temario original: avisa en cada flanco de subida, sin N ni M.
    return _debounce(detected, 1, 1)


def _only_openings(detected, n_open, m_close):
    return [start for start, _ in _debounce(detected, n_open, m_close)]


# --- 45.2 · Puntuar una alarma contra la verdad ---------------------------------------------


def _reversed(alarms, episodes):
    return _score(alarms, episodes)[::-1]


def _as_dict(alarms, episodes):
    false, missed, repeated = _score(alarms, episodes)
    return {"falsas": false, "perdidas": missed, "repetidos": repeated}


MISTAKES = [
    Mistake(
        "dia-045.1",
        "olvida el evento abierto al final",
        _variant("drops_open"),
        r"acaba con la alarma sonando",
    ),
    Mistake(
        "dia-045.1",
        "abre en el primer fotograma del tramo",
        _variant("open_at_run_start"),
        r"N-ésimo seguido",
    ),
    Mistake(
        "dia-045.1",
        "cierra en el primer fotograma sin detección",
        _variant("close_at_first_miss"),
        r"M-ésimo seguido",
    ),
    Mistake("dia-045.1", "> en vez de >=", _variant("strict_open"), r"\(>=\)"),
    Mistake(
        "dia-045.1",
        "no reinicia la cuenta de detecciones",
        _variant("hits_not_reset"),
        r"SEGUIDOS: un fotograma sin detección",
    ),
    Mistake(
        "dia-045.1",
        "no reinicia la cuenta de huecos",
        _variant("misses_not_reset"),
        r"SEGUIDOS: una detección",
    ),
    Mistake("dia-045.1", "flancos de subida", _rising_edges, r"los eventos son"),
    Mistake("dia-045.1", "solo las aperturas", _only_openings, r"pareja"),
    Mistake(
        "dia-045.2",
        "fin incluido",
        partial(_score, variant="inclusive_end"),
        r"fin de cada episodio está excluido",
    ),
    Mistake(
        "dia-045.2",
        "repetidos como falsas alarmas",
        partial(_score, variant="repeated_as_false"),
        r"no es una falsa alarma",
    ),
    Mistake(
        "dia-045.2",
        "cuenta episodios con repetidos",
        partial(_score, variant="episodes_with_repeats"),
        r"cada aviso de más",
    ),
    Mistake("dia-045.2", "orden al revés", _reversed, r"otro orden"),
    Mistake("dia-045.2", "devuelve un diccionario", _as_dict, r"tupla de tres enteros"),
]
