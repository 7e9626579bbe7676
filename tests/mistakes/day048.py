"""Errores típicos del día 48: la confirmación N de M y el juicio de alertas contra la verdad."""

from __future__ import annotations

from mistakes import Mistake

# --- 48.1 · Confirmación N de M -------------------------------------------------------------


def _consecutive(hits, n, m):
    # Exige N detecciones seguidas (la histéresis del día 45), no N de las últimas M.
    run = 0
    for i, h in enumerate(hits):
        run = run + 1 if h else 0
        if run >= n:
            return i
    return None


def _window_without_current(hits, n, m):
    # La ventana son los M fotogramas anteriores, sin el actual.
    for i in range(len(hits)):
        if sum(hits[max(0, i - m) : i]) >= n:
            return i
    return None


def _window_too_wide(hits, n, m):
    # Una ventana de M + 1 fotogramas.
    for i in range(len(hits)):
        if sum(hits[max(0, i - m) : i + 1]) >= n:
            return i
    return None


# --- 48.2 · Juzgar alertas contra la verdad ---------------------------------------------------


def _judge(alerts, fires, *, onset=True, repeat_false=False, last=False, missed_by_alerts=False):
    first, true, false = {}, 0, 0
    for t, x, y in alerts:
        k = next(
            (
                k
                for k, (t0, x1, y1, x2, y2) in enumerate(fires)
                if (t >= t0 or not onset) and x1 <= x <= x2 and y1 <= y <= y2
            ),
            None,
        )
        if k is None or (repeat_false and k in first):
            false += 1
            continue
        true += 1
        first[k] = t if last else first.get(k, t)
    delays = [first[k] - fires[k][0] for k in sorted(first)]
    missed = len(fires) - (true if missed_by_alerts else len(first))
    return true, false, missed, delays


MISTAKES = [
    Mistake("dia-048.1", "N seguidos en vez de N de M", _consecutive, r"seguidas"),
    Mistake("dia-048.1", "ventana sin el fotograma actual", _window_without_current, r"tarde"),
    Mistake("dia-048.1", "ventana de M + 1", _window_too_wide, r"más de M"),
    Mistake(
        "dia-048.2",
        "ignora el inicio del incendio",
        lambda a, f: _judge(a, f, onset=False),
        r"antes del inicio",
    ),
    Mistake(
        "dia-048.2",
        "la repetida cuenta como falsa",
        lambda a, f: _judge(a, f, repeat_false=True),
        r"repetida",
    ),
    Mistake(
        "dia-048.2", "retraso de la última alerta", lambda a, f: _judge(a, f, last=True), r"primera"
    ),
    Mistake(
        "dia-048.2",
        "perdidos = incendios − alertas",
        lambda a, f: _judge(a, f, missed_by_alerts=True),
        r"perdido",
    ),
]
