"""Comprobadores de los ejercicios del día 45 (alarma de seguridad: eventos con histéresis y
puntuación de una alarma contra la verdad)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, exercise, expect

# --- 45.1 · Eventos con histéresis N/M --------------------------------------------------------


def _debounce(detected, n_open: int, m_close: int, *, variant: str = "") -> list[tuple[int, int]]:
    """La máquina de histéresis del día y sus variantes equivocadas (para reconocerlas)."""
    events, start, hits, misses = [], None, 0, 0
    for i, d in enumerate(detected):
        if d:
            hits, misses = hits + 1, (misses if variant == "misses_not_reset" else 0)
        else:
            hits, misses = (hits if variant == "hits_not_reset" else 0), misses + 1
        if start is None and hits >= n_open + (variant == "strict_open"):
            start = i - n_open + 1 if variant == "open_at_run_start" else i
        elif start is not None and misses >= m_close:
            events.append((start, i - m_close + 1 if variant == "close_at_first_miss" else i))
            start = None
    if start is not None and variant != "drops_open":
        events.append((start, len(detected)))
    return events


def _cases() -> list[tuple[list[bool], int, int]]:
    toy = [0, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0]
    rng = np.random.default_rng(45)
    noisy = (rng.random(80) < np.r_[np.full(25, 0.15), np.full(35, 0.8), np.full(20, 0.1)]).tolist()
    return [
        ([bool(v) for v in toy], 2, 3),
        ([bool(v) for v in toy], 1, 1),
        ([False, True, True, True, True, False, True, True], 3, 2),  # acaba en alarma
        ([bool(v) for v in noisy], 3, 4),
        ([bool(v) for v in noisy], 2, 2),
        ([False] * 12, 2, 3),
        ([True, False, True, False, True, False, True], 2, 2),  # nunca dos seguidos
    ]


def _as_events(answer) -> list[tuple[int, int]]:
    expect(answer is not None, "Tu función devuelve None: ¿olvidaste el return?")
    expect(
        isinstance(answer, list | tuple),
        "Devuelve una lista de eventos, cada uno una pareja (apertura, cierre).",
    )
    events = []
    for item in answer:
        expect(
            isinstance(item, list | tuple | np.ndarray) and len(item) == 2,
            "Cada evento es una pareja (fotograma de apertura, fotograma de cierre); "
            f"hay un elemento que no lo es: {item!r}.",
        )
        expect(
            all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in item),
            "La apertura y el cierre de cada evento son números enteros de fotograma.",
        )
        events.append((int(item[0]), int(item[1])))
    return events


@exercise(
    "dia-045.1",
    title="Eventos con histéresis N/M",
    hint="Lleva dos contadores: fotogramas seguidos con detección (se pone a 0 con un fotograma "
    "sin ella) y seguidos sin detección (a 0 con uno con ella). En calma, abre en el fotograma i "
    "en que los seguidos con detección llegan a n_open; en alarma, cierra en el fotograma i en "
    "que los seguidos sin detección llegan a m_close. Un evento abierto al final se cierra en "
    "len(detected).",
)
def _check_debounce(debounce):
    expect(callable(debounce), "La respuesta debe ser tu función debounce.")
    for detected, n, m in _cases():
        got = _as_events(debounce(list(detected), n, m))
        right = _debounce(detected, n, m)
        if got == right:
            continue
        seq = "".join("1" if d else "0" for d in detected)
        hints = [
            (
                "drops_open",
                "El vídeo acaba con la alarma sonando: ese evento también cuenta, "
                "con cierre len(detected).",
            ),
            (
                "open_at_run_start",
                "La apertura es el fotograma en que se cumple la condición "
                "(el N-ésimo seguido con detección, cuando se manda el aviso), no el primero del "
                "tramo.",
            ),
            (
                "close_at_first_miss",
                "El cierre es el fotograma en que se cumple la condición (el "
                "M-ésimo seguido sin detección), no el primero sin detección.",
            ),
            ("strict_open", "Abre cuando hay n_open seguidos (>=), no cuando hay más de n_open."),
            (
                "hits_not_reset",
                "Los fotogramas con detección tienen que ser SEGUIDOS: un "
                "fotograma sin detección pone a 0 la cuenta.",
            ),
            (
                "misses_not_reset",
                "Los fotogramas sin detección tienen que ser SEGUIDOS: una "
                "detección dentro del evento pone a 0 la cuenta para cerrarlo.",
            ),
        ]
        for variant, message in hints:
            if got == _debounce(detected, n, m, variant=variant) != right:
                raise Wrong(message)
        raise Wrong(
            f"Con detected = {seq} (1 = detección), n_open={n}, m_close={m} los eventos son "
            f"{right}; tu función da {got}."
        )
    return (
        "Es la máquina de dos estados del día: N filtra lo suelto a cambio de retraso y M tapa "
        "los parpadeos a cambio de poder juntar dos intrusiones seguidas."
    )


# --- 45.2 · Puntuar una alarma contra la verdad ------------------------------------------------


def _score(alarms, episodes, *, variant: str = "") -> tuple[int, int, int]:
    def inside(a, start, end):
        return start <= a <= end if variant == "inclusive_end" else start <= a < end

    hits = [[a for a in alarms if inside(a, s, e)] for s, e in episodes]
    false = sum(not any(inside(a, s, e) for s, e in episodes) for a in alarms)
    if variant == "repeated_as_false":
        false += sum(max(len(h) - 1, 0) for h in hits)
    missed = sum(not h for h in hits)
    if variant == "episodes_with_repeats":
        repeated = sum(len(h) > 1 for h in hits)
    else:
        repeated = sum(max(len(h) - 1, 0) for h in hits)
    return false, missed, repeated


_SCORE_CASES = [
    ([3, 12, 14, 15, 40], [(10, 20), (30, 35), (38, 50)]),
    ([20, 31], [(10, 20), (30, 35)]),  # un aviso justo en el fin (excluido) de un episodio
    ([], [(0, 5)]),
    ([1, 2, 60], []),
    ([5, 6, 7, 8, 22, 23], [(4, 10), (20, 30), (50, 55)]),
]


@exercise(
    "dia-045.2",
    title="Puntuar una alarma contra la verdad",
    hint="Un aviso a cuenta dentro de un episodio (inicio, fin) si inicio <= a < fin (el fin "
    "está excluido). Falsas alarmas: avisos fuera de todo episodio. Perdidas: episodios sin "
    "ningún aviso. Repetidos: en cada episodio, los avisos de más (len - 1 si hay alguno).",
)
def _check_score(score_alarms):
    expect(callable(score_alarms), "La respuesta debe ser tu función score_alarms.")
    for alarms, episodes in _SCORE_CASES:
        got = score_alarms(list(alarms), list(episodes))
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(got, list | tuple)
            and len(got) == 3
            and all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in got),
            "Devuelve una tupla de tres enteros: (falsas alarmas, intrusiones perdidas, avisos "
            "repetidos).",
        )
        got = tuple(int(v) for v in got)
        right = _score(alarms, episodes)
        if got == right:
            continue
        expect(
            got != _score(alarms, episodes, variant="inclusive_end"),
            "El fin de cada episodio está excluido (como en range y en los cortes de Python): "
            "un aviso en el fotograma fin ya es fuera del episodio.",
        )
        expect(
            got != _score(alarms, episodes, variant="repeated_as_false"),
            "Un segundo aviso dentro del mismo episodio no es una falsa alarma: es un aviso "
            "repetido (hubo intrusión, pero ya se había avisado).",
        )
        expect(
            got != _score(alarms, episodes, variant="episodes_with_repeats"),
            "Los repetidos cuentan cada aviso de más, no los episodios con más de un aviso: tres "
            "avisos en un episodio son dos repetidos.",
        )
        expect(
            got[::-1] != right or right[::-1] == right,
            "Tienes los números bien pero en otro orden: (falsas, perdidas, repetidos).",
        )
        raise Wrong(
            f"Con avisos {alarms} y episodios {episodes} la respuesta es {right}; la tuya, {got}."
        )
    return (
        "Así se mide una alarma: cada falsa alarma cuesta confianza, cada perdida es un fallo "
        "grave y cada repetido, ruido en la bandeja de entrada."
    )
