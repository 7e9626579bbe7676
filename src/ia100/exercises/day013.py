"""Comprobadores de los ejercicios del día 13 (conceptos básicos y arquitectura de las CNN)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, exercise, expect


def _number(value, what: str) -> float:
    expect(value is not None, f"{what} devuelve None: ¿olvidaste el return?")
    expect(
        np.ndim(value) == 0 and not isinstance(value, str | bytes),
        f"{what} debe devolver un solo número, no {type(value).__name__}.",
    )
    try:
        return float(value)
    except (TypeError, ValueError) as error:
        raise Wrong(f"{what} no devuelve un número.") from error


@exercise(
    "dia-013.1",
    title="Los parámetros de una convolución",
    hint="Cada filtro tiene k·k pesos por cada canal de entrada, más un sesgo; y hay un filtro "
    "por cada canal de salida.",
)
def _conv_params(conv_params):
    expect(callable(conv_params), "La respuesta debe ser tu función conv_params(c_in, c_out, k).")
    # El primer caso distingue todos los errores de abajo; con c_in = k, dos de ellos coinciden.
    for c_in, c_out, k in [(8, 16, 3), (3, 8, 3), (1, 6, 5), (16, 32, 1), (64, 128, 3)]:
        got = _number(conv_params(c_in, c_out, k), f"conv_params({c_in}, {c_out}, {k})")
        expected = (k * k * c_in + 1) * c_out
        if got == expected:
            continue
        call = f"conv_params({c_in}, {c_out}, {k}) = {got:g}"
        expect(got != k * k * c_in * c_out, f"{call}: te faltan los sesgos (uno por filtro).")
        expect(
            got != (k * k + 1) * c_out or c_in == k,
            f"{call}: cada filtro tiene k·k pesos por **cada** canal de entrada.",
        )
        expect(
            got != (k * c_in + 1) * c_out or c_in == k,
            f"{call}: un filtro de k×k tiene k², no k, pesos.",
        )
        expect(
            got != k * k * c_in * c_out + 1,
            f"{call}: hay un sesgo por filtro, no uno para toda la capa.",
        )
        expect(
            got != (k * k * c_out + 1) * c_in,
            f"{call}: intercambias c_in y c_out; hay c_out filtros, cada uno con k·k·c_in "
            "pesos y un sesgo.",
        )
        expect(False, f"{call}, pero la capa tiene {expected} parámetros.")
    return (
        "El tamaño de la imagen no aparece en la fórmula: son los pesos compartidos. "
        "Puedes comprobarlo con sum(p.numel() for p in nn.Conv2d(c_in, c_out, k).parameters())."
    )


def _as_shape(value) -> tuple:
    try:
        return tuple(int(n) for n in value)
    except (TypeError, ValueError):
        return ()


@exercise(
    "dia-013.2",
    title="La forma después de cada capa",
    hint="Recorre el modelo con un bucle for: aplica cada capa a la salida de la anterior "
    "(x = layer(x)) y guarda tuple(x.shape) en una lista.",
)
def _output_shapes(output_shapes):
    import torch
    from torch import nn

    expect(callable(output_shapes), "La respuesta debe ser tu función output_shapes(model, x).")
    torch.manual_seed(13)
    cases = [
        (
            nn.Sequential(
                nn.Conv2d(3, 4, 3, padding=1),
                nn.ReLU(),
                nn.MaxPool2d(2),
                nn.Flatten(),
                nn.Linear(4 * 8 * 8, 5),
            ),
            torch.rand(2, 3, 16, 16),
        ),
        (
            nn.Sequential(
                nn.Conv2d(1, 6, 5),
                nn.ReLU(),
                nn.MaxPool2d(2),
                nn.Conv2d(6, 16, 5),
                nn.ReLU(),
                nn.MaxPool2d(2),
            ),
            torch.rand(1, 1, 28, 28),
        ),
    ]
    for model, x in cases:
        expected = []
        with torch.no_grad():
            h = x
            for layer in model:
                h = layer(h)
                expected.append(tuple(h.shape))
        got = output_shapes(model, x.clone())
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            not (isinstance(got, tuple | torch.Size) and all(isinstance(n, int) for n in got)),
            "Devuelves una sola forma; se pide una lista con la forma tras **cada** capa.",
        )
        shapes = [_as_shape(s) for s in got] if isinstance(got, list | tuple) else []
        expect(shapes, "Devuelve una lista de formas, por ejemplo [(1, 8, 64, 64), …].")
        expect(
            not (len(shapes) == len(expected) + 1 and shapes[0] == tuple(x.shape)),
            "Incluyes la forma de la entrada; se pide solo la salida de cada capa.",
        )
        expect(
            len(shapes) == len(expected),
            f"El modelo tiene {len(expected)} capas y tu lista tiene {len(shapes)} formas.",
        )
        expect(
            shapes != [tuple(x.shape), *expected[:-1]],
            "Guardas la forma antes de aplicar cada capa (la de su entrada); se pide la de su "
            "salida: primero x = layer(x) y después la forma.",
        )
        expect(
            shapes != [s[1:] for s in expected],
            "Te falta la primera dimensión, la del lote: guarda tuple(x.shape) entera, "
            f"por ejemplo {expected[0]}.",
        )
        for i, (mine, right) in enumerate(zip(shapes, expected, strict=True)):
            expect(
                not (0 < len(mine) < len(right) and right[-len(mine) :] == mine),
                f"Tras la capa {i} ({model[i].__class__.__name__}) la forma es {right}, no "
                f"{mine}: guarda tuple(x.shape) entera, con todas sus dimensiones.",
            )
            expect(
                mine == right,
                f"Tras la capa {i} ({model[i].__class__.__name__}) la forma es {right}, "
                f"no {mine}. ¿Aplicas cada capa a la salida de la anterior?",
            )
    return (
        "Es el bucle de la lección. En PyTorch el modelo es Python normal: puedes poner un "
        "print donde quieras para depurar formas."
    )


def _receptive_field(layers) -> int:
    r, j = 1, 1
    for k, s in layers:
        r, j = r + (k - 1) * j, j * s
    return r


@exercise(
    "dia-013.3",
    title="El campo receptivo de una pila de capas",
    hint="Lleva dos números: r (lado del campo receptivo) y j (paso acumulado, en píxeles de "
    "la entrada). Empieza con r = j = 1 y, por cada capa (k, s): r += (k - 1) · j y después "
    "j *= s.",
)
def _receptive(receptive_field):
    expect(callable(receptive_field), "La respuesta debe ser tu función receptive_field(layers).")
    cases = [
        [(3, 1)],
        [(3, 1), (3, 1)],
        [(3, 1), (2, 2), (3, 1), (2, 2), (3, 1), (2, 2)],
        [(5, 1), (2, 2), (5, 1), (2, 2)],
        [(7, 2), (3, 2), (3, 1)],
        [(3, 2), (3, 2), (3, 2), (3, 2)],
    ]
    for layers in cases:
        got = _number(receptive_field(list(layers)), f"receptive_field({layers})")
        expected = _receptive_field(layers)
        if got == expected:
            continue
        call = f"receptive_field({layers}) = {got:g}"
        no_stride = 1 + sum(k - 1 for k, _ in layers)
        expect(
            got != no_stride,
            f"{call}: ese resultado ignora los pasos. Tras una capa con paso 2, las neuronas "
            "vecinas están el doble de lejos en la entrada.",
        )
        r, j = 1, 1
        for k, s in layers:
            j *= s
            r += (k - 1) * j
        expect(
            got != r,
            f"{call}: multiplicas por el paso acumulado **después** de la capa; cada capa usa "
            "el paso de las capas anteriores (actualiza j después de r).",
        )
        expect(
            got != expected - 1,
            f"{call}: te falta 1; empieza con r = 1, porque cada neurona ya ve al menos un píxel.",
        )
        expect(False, f"{call}, pero el campo receptivo es {expected}×{expected}.")
    empty = _number(receptive_field([]), "receptive_field([])")
    expect(
        empty == 1,
        f"Sin capas, cada neurona es un píxel: receptive_field([]) debe ser 1, no {empty:g}.",
    )
    return (
        "Con tres bloques de la lección sale 22: lo que medimos con el gradiente. Los pasos "
        "hacen crecer el campo receptivo mucho más deprisa que apilar capas con paso 1."
    )
