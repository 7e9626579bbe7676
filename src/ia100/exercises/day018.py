"""Comprobadores de los ejercicios del día 18 (stride y padding)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import exercise, expect


def _out_size(n: int, k: int, s: int, p: int, d: int) -> int:
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


def _as_int(value, what: str, advice: str = "") -> int:
    expect(value is not None, f"{what} es None: ¿olvidaste el return?")
    expect(np.ndim(value) == 0, f"{what} debe ser un solo número, no {type(value).__name__}.")
    try:
        number = float(value)
    except (TypeError, ValueError):
        expect(False, f"{what} no es un número.")
    expect(
        np.isfinite(number) and number == round(number),
        f"{what} vale {number:g}, y un tamaño debe ser un número entero de píxeles.{advice}",
    )
    return int(round(number))


@exercise(
    "dia-018.1",
    title="El tamaño de salida de una convolución",
    hint="El filtro abarca d·(k - 1) + 1 píxeles; la entrada rellena mide n + 2p. Cuenta las "
    "posiciones de s en s: (n + 2p - d·(k - 1) - 1) // s + 1, con división entera.",
)
def _output_size(conv_output_size):
    expect(
        callable(conv_output_size),
        "La respuesta debe ser tu función conv_output_size(n, k, s=1, p=0, d=1).",
    )
    cases = [
        (n, k, s, p, d)
        for n in (7, 8, 32, 64)
        for k in (1, 3, 4, 5)
        for s in (1, 2, 3)
        for p in (0, 1, 2)
        for d in (1, 2)
        if _out_size(n, k, s, p, d) >= 1
    ]
    answers = {
        case: _as_int(
            conv_output_size(case[0], case[1], s=case[2], p=case[3], d=case[4]),
            "conv_output_size({}, {}, s={}, p={}, d={})".format(*case),
            " Usa la división entera (//): el último salto que no cabe entero no se da.",
        )
        for case in cases
    }
    wrong = [case for case in cases if answers[case] != _out_size(*case)]
    if wrong:
        n, k, s, p, d = wrong[0]
        got = answers[wrong[0]]
        where = f"Con n={n}, k={k}, s={s}, p={p}, d={d} das {got}"
        # Un error solo se nombra si explica la respuesta en TODOS los casos: en uno solo,
        # dos errores distintos pueden dar el mismo número (con k = 1 y d = 2, olvidar el + 1
        # y tomar d·k como lo que abarca el filtro dan lo mismo).
        for mistake, message in [
            (
                lambda n, k, s, p, d: _out_size(n, k, s, p, 1),
                "ignoras la dilatación; el filtro abarca d·(k-1)+1.",
            ),
            (
                lambda n, k, s, p, d: (n + 2 * p - d * k) // s + 1,
                "con dilatación el filtro abarca d·(k-1)+1 píxeles, no d·k.",
            ),
            (
                lambda n, k, s, p, d: _out_size(n - p, k, s, p, d),
                "el relleno va a los dos lados, suma 2p.",
            ),
            (
                lambda n, k, s, p, d: (n + 2 * p - d * (k - 1) - 1) // s,
                "te falta el + 1 (la primera posición).",
            ),
            (
                lambda n, k, s, p, d: -(-(n + 2 * p - d * (k - 1) - 1) // s) + 1,
                "redondeas hacia arriba; el último salto que no cabe entero no se da "
                "(división entera //).",
            ),
        ]:
            expect(
                not all(answers[case] == mistake(*case) for case in cases), f"{where}: {message}"
            )
        expect(False, f"{where}, pero la salida mide {_out_size(n, k, s, p, d)}.")
    expect(
        _as_int(conv_output_size(32, 3), "conv_output_size(32, 3)") == 30,
        "Los valores por defecto deben ser s=1, p=0, d=1: conv_output_size(32, 3) da 30.",
    )
    return (
        f"Coincide con nn.Conv2d en las {len(cases)} configuraciones probadas. Es la fórmula que "
        "trae la documentación de nn.Conv2d, en cada dimensión por separado."
    )


@exercise(
    "dia-018.2",
    title="El relleno «same» con dilatación",
    hint="Con paso 1, la salida mide n + 2p - d·(k - 1). Para que sea n, hace falta "
    "2p = d·(k - 1).",
)
def _same_padding(same_padding):
    expect(callable(same_padding), "La respuesta debe ser tu función same_padding(k, d=1).")
    for k in (1, 3, 5, 7):
        for d in (1, 2, 3, 4):
            value = same_padding(k, d=d)
            got = _as_int(value, f"same_padding({k}, d={d})", " Usa la división entera (//).")
            expect(
                not isinstance(value, float | np.floating),
                f"same_padding({k}, d={d}) = {float(value)!r} es un número real, y nn.Conv2d "
                "solo acepta un relleno entero. Usa la división entera (//).",
            )
            expected = d * (k - 1) // 2
            if got == expected:
                continue
            where = f"same_padding({k}, d={d}) = {got}"
            expect(
                got != k // 2,
                f"{where}: ese es el relleno sin dilatación; con d={d} el "
                f"filtro abarca {d * (k - 1) + 1} píxeles.",
            )
            expect(
                got != d * (k - 1), f"{where}: es el relleno total; se reparte entre los dos lados."
            )
            expect(
                False, f"{where}, pero con ese relleno la salida no mide lo mismo que la entrada."
            )
    return (
        "Con una imagen de n píxeles, conv_output_size(n, k, p=same_padding(k, d), d=d) da n. "
        "Es lo que calcula PyTorch con padding='same'."
    )


def _field(layers) -> int:
    field, jump = 1, 1
    for k, s, d in layers:
        field += d * (k - 1) * jump
        jump *= s
    return field


@exercise(
    "dia-018.3",
    title="El campo receptivo con dilatación",
    hint="Empieza con campo 1 y salto 1. En cada capa (k, s, d): el campo crece d·(k - 1)·salto "
    "(el salto de ANTES de esta capa) y después el salto se multiplica por s.",
)
def _receptive_field(receptive_field):
    expect(callable(receptive_field), "La respuesta debe ser tu función receptive_field(layers).")
    cases = [
        [(3, 1, 1)],
        [(3, 1, 1)] * 4,
        [(3, 2, 1)] * 3,
        [(3, 1, 1), (3, 1, 2), (3, 1, 4)],
        [(7, 2, 1), (3, 2, 1), (3, 1, 1)],
        [(5, 1, 1), (2, 2, 1), (3, 1, 2), (2, 2, 1), (3, 1, 1)],
        [(1, 2, 1), (3, 1, 1)],
    ]
    for layers in cases:
        got = _as_int(receptive_field(list(layers)), f"receptive_field({layers})")
        expected = _field(layers)
        if got == expected:
            continue
        where = f"Con las capas {layers} das {got}, pero el campo es {expected}"
        no_stride = 1 + sum(d * (k - 1) for k, _, d in layers)
        expect(
            got != no_stride,
            f"{where}: no tienes en cuenta el paso, que separa cada vez "
            "más las neuronas de las capas siguientes.",
        )
        expect(
            got != _field([(k, s, 1) for k, s, _ in layers]),
            f"{where}: te falta la dilatación, que multiplica lo que abarca cada filtro.",
        )
        early = 1
        jump = 1
        for k, s, d in layers:
            jump *= s
            early += d * (k - 1) * jump
        expect(
            got != early,
            f"{where}: multiplicas por el salto después de aplicar el paso "
            "de la propia capa; usa el salto acumulado de las capas anteriores.",
        )
        expect(False, f"{where}.")
    expect(
        _as_int(receptive_field([]), "receptive_field([])") == 1,
        "Sin capas, cada salida es un píxel de la entrada: el campo receptivo es 1.",
    )
    return (
        "Con esta función puedes comprobar de un vistazo si la última capa de tu red llega a ver "
        "el objeto entero."
    )
