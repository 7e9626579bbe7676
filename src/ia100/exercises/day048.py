"""Comprobadores de los ejercicios del día 48 (incendios: confirmación N de M y juicio de alertas)."""

from __future__ import annotations

from ia100.exercises import Wrong, exercise, expect

# Casos de 48.1: (detecciones por fotograma, N, M, primer fotograma con alerta o None).
_CONFIRM = [
    ([0, 1, 0, 1, 1, 0, 0], 2, 3, 3),  # 2 de los últimos 3 en el fotograma 3
    ([1, 0, 1, 0, 0, 0], 2, 3, 2),  # no seguidos: «N de M» sí avisa
    ([0, 0, 1, 0, 0, 1, 0, 0], 2, 3, None),  # separados por más de M
    ([1, 0, 0, 1, 0, 0], 2, 4, 3),  # ventana de 4: 0..3 tiene dos
    ([0, 0, 0, 1], 1, 1, 3),  # N = M = 1: el primer fotograma con detección
    ([1, 1, 1, 1, 1], 3, 5, 2),
    ([0, 0, 0], 1, 2, None),
    ([], 2, 3, None),
]


@exercise(
    "dia-048.1",
    title="Confirmación N de M",
    hint="Recorre los fotogramas; en el fotograma i mira la ventana hits[max(0, i − M + 1) : i + 1] "
    "(los últimos M, incluido el actual) y devuelve i en cuanto tenga al menos N detecciones. "
    "No hace falta que sean seguidas. Si nunca ocurre, devuelve None.",
)
def _first_confirmed(first_confirmed):
    expect(callable(first_confirmed), "La respuesta debe ser tu función.")
    for hits, n, m, want in _CONFIRM:
        got = first_confirmed([bool(h) for h in hits], n, m)
        if got == want and (got is None) == (want is None):
            continue
        case = f"hits={hits}, N={n}, M={m}"
        if want is None:
            raise Wrong(
                f"Con {case} nunca hay {n} detecciones entre {m} fotogramas seguidos: se esperaba "
                f"None, no {got!r}. ¿Tu ventana tiene más de M fotogramas?"
            )
        expect(
            got is not None, f"Con {case} se esperaba la alerta en el fotograma {want}, no None."
        )
        if isinstance(got, int) and got > want:
            raise Wrong(
                f"Con {case} avisas en el fotograma {got}, tarde: en el {want} ya hay {n} detecciones "
                f"entre los últimos {m}. «N de M» no exige que sean seguidas, y la ventana incluye "
                "el fotograma actual."
            )
        raise Wrong(f"Con {case} se esperaba el fotograma {want}, no {got!r}.")
    return "Es la confirmación temporal del día 48 y de la regla de alerta del laboratorio 9."


# Casos de 48.2: (alertas (fotograma, x, y), incendios (inicio, x1, y1, x2, y2), respuesta).
_SCORE = [
    (
        [(12, 50, 40), (15, 52, 41), (30, 200, 100), (40, 210, 110)],
        [(10, 40, 30, 80, 60), (35, 190, 90, 240, 130)],
        (3, 1, 0, [2, 5]),  # repetida en el 1.º; la del fotograma 30 llega antes del 2.º
    ),
    ([(5, 10, 10)], [(0, 100, 100, 150, 150)], (0, 1, 1, [])),  # fuera de la caja
    ([], [(3, 0, 0, 10, 10)], (0, 0, 1, [])),
    ([(7, 5, 5), (20, 300, 300)], [], (0, 2, 0, [])),  # cámara sin fuego
    (
        [(8, 60, 45), (9, 210, 100), (20, 60, 45)],
        [(10, 40, 30, 80, 60), (9, 190, 90, 240, 130)],
        (2, 1, 0, [10, 0]),  # retraso 0: la alerta en el fotograma del inicio
    ),
]


@exercise(
    "dia-048.2",
    title="Juzgar alertas contra la verdad",
    hint="Una alerta (t, x, y) es verdadera si hay un incendio con inicio ≤ t y x1 ≤ x ≤ x2, "
    "y1 ≤ y ≤ y2. Cuenta verdaderas y falsas; un incendio está perdido si ninguna alerta verdadera "
    "cae en él; su retraso es el de su **primera** alerta verdadera menos su inicio. Los retrasos, "
    "en el orden de los incendios.",
)
def _score_alerts(score_alerts):
    expect(callable(score_alerts), "La respuesta debe ser tu función.")
    for alerts, fires, want in _SCORE:
        got = score_alerts(list(alerts), list(fires))
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        try:
            true, false, missed, delays = got
            got = (int(true), int(false), int(missed), [int(d) for d in delays])
        except (TypeError, ValueError) as error:
            raise Wrong("Devuelve una tupla (verdaderas, falsas, perdidos, retrasos).") from error
        if got == want:
            continue
        case = f"alertas={alerts}, incendios={fires}"
        if got[0] > want[0] and got[1] < want[1]:
            raise Wrong(
                f"Con {case} cuentas como verdadera una alerta que llega antes del inicio de su "
                "incendio (o fuera de su caja): lo que no había empezado no pudo causarla."
            )
        if got[1] > want[1] and got[0] < want[0]:
            raise Wrong(
                f"Con {case} cuentas como falsa una alerta repetida sobre un incendio ya avisado: "
                "es verdadera (molesta, pero no es falsa)."
            )
        if got[:3] == want[:3] and got[3] != want[3]:
            raise Wrong(
                f"Con {case} los retrasos deberían ser {want[3]}, no {got[3]}: el retraso es el "
                "de la primera alerta verdadera de cada incendio, menos su inicio."
            )
        if got[2] != want[2]:
            raise Wrong(
                f"Con {case} hay {want[2]} incendio(s) perdido(s), no {got[2]}: un incendio está "
                "perdido si no tiene ninguna alerta verdadera (no restes alertas a incendios)."
            )
        raise Wrong(f"Con {case} se esperaba {want}, no {got}.")
    return "Es el juez del laboratorio 9, con puntos en vez de cajas."
