"""Comprobadores de los ejercicios del día 22 (capas completamente conectadas)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import exercise, expect


def _is_number(value) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool)


@exercise(
    "dia-022.1",
    title="Parámetros de una cabeza: aplanar o promediar",
    hint="Una capa densa con n entradas y k salidas tiene n·k pesos y k sesgos. Al aplanar, "
    "n = canales × alto × ancho; al promediar, cada mapa queda en un número y n = canales.",
)
def _head_params(head_params):
    expect(
        callable(head_params),
        "La respuesta debe ser tu función head_params(channels, height, width, n_classes, gap).",
    )
    cases = [(64, 4, 4, 2), (512, 7, 7, 1000), (32, 3, 5, 10), (1, 1, 1, 1), (2048, 7, 7, 1000)]
    for c, h, w, k in cases:
        for gap in (False, True):
            label = f"head_params({c}, {h}, {w}, {k}, gap={gap})"
            got = head_params(c, h, w, k, gap)
            expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
            expect(_is_number(got), f"{label} debe devolver un número, no {type(got).__name__}.")
            expect(float(got).is_integer(), f"{label}: el número de parámetros es entero ({got}).")
            got = int(got)
            n_in = c if gap else c * h * w
            if (c, h, w) != (1, 1, 1):
                expect(got != n_in * k, f"{label} = {got}: cuentas los pesos pero no los sesgos.")
                expect(
                    got != n_in * k + 1,
                    f"{label} = {got}: hay un sesgo por cada salida, no uno para toda la capa.",
                )
                if gap:
                    expect(
                        got != (c * h * w + 1) * k,
                        f"{label} = {got}: tras el promedio global cada canal es un solo número; "
                        "el alto y el ancho ya no cuentan.",
                    )
                else:
                    expect(
                        got != (c + 1) * k,
                        f"{label} = {got}: al aplanar, cada posición de cada mapa es una entrada "
                        "distinta (canales × alto × ancho).",
                    )
            expect(got == (n_in + 1) * k, f"{label} devuelve {got}, que no es el total.")
    return (
        "Con una VGG (512 mapas de 7×7 y 1000 clases), aplanar cuesta más de 25 millones de "
        "parámetros en una sola capa; promediar, 513 000."
    )


def _linear_case(gen, n_in: int, n_out: int):
    import torch

    linear = torch.nn.Linear(n_in, n_out)
    with torch.no_grad():
        linear.weight.copy_(torch.randn(n_out, n_in, generator=gen))
        linear.bias.copy_(torch.randn(n_out, generator=gen))
    return linear


def _as_module(value, what: str):
    import torch

    expect(value is not None, "Tu función devuelve None: ¿olvidaste el return?")
    expect(
        isinstance(value, torch.nn.Conv2d),
        f"{what} debe devolver una capa nn.Conv2d, no {type(value).__name__}.",
    )
    return value


@exercise(
    "dia-022.2",
    title="Una capa densa convertida en convolución 1×1",
    hint="Crea nn.Conv2d(in_features, out_features, kernel_size=1) y, dentro de torch.no_grad(), "
    "copia linear.weight con forma (salidas, entradas, 1, 1) y linear.bias tal cual.",
)
def _linear_to_conv1x1(convert):
    import torch

    expect(callable(convert), "La respuesta debe ser tu función linear_to_conv1x1(linear).")
    gen = torch.Generator().manual_seed(22)
    # El primer caso es cuadrado: así se reconocen los pesos traspuestos antes de que un caso
    # rectangular falle por la forma.
    for n_in, n_out, size in [(16, 16, (3, 4)), (8, 3, (5, 5)), (4, 10, (1, 1))]:
        linear = _linear_case(gen, n_in, n_out)
        conv = _as_module(convert(linear), "linear_to_conv1x1")
        expect(
            tuple(conv.kernel_size) == (1, 1),
            f"El filtro debe ser de 1×1, no {tuple(conv.kernel_size)}: la capa densa mira un "
            "solo píxel (todos sus canales).",
        )
        expect(
            (conv.in_channels, conv.out_channels) == (n_in, n_out),
            f"Con nn.Linear({n_in}, {n_out}) la convolución debe tener {n_in} canales de entrada "
            f"y {n_out} de salida, no {conv.in_channels} y {conv.out_channels}.",
        )
        expect(conv.bias is not None, "Tu convolución no tiene sesgo (bias=False); la densa sí.")
        x = torch.randn(2, n_in, *size, generator=gen)
        with torch.no_grad():
            got = conv(x)
            expected = linear(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
            no_bias = expected - linear.bias[:, None, None]
        if not torch.allclose(got, expected, atol=1e-4):
            expect(
                not torch.allclose(got, no_bias, atol=1e-4),
                "Los pesos coinciden pero falta copiar el sesgo (linear.bias).",
            )
            if n_in == n_out:
                with torch.no_grad():
                    transposed = torch.nn.functional.conv2d(
                        x, linear.weight.T[:, :, None, None], linear.bias
                    )
                expect(
                    not torch.allclose(got, transposed, atol=1e-4),
                    "Has traspuesto los pesos: nn.Linear guarda weight con forma (salidas, "
                    "entradas), igual que el filtro (salidas, entradas, 1, 1).",
                )
            expect(
                False,
                "La salida no coincide con la capa densa aplicada en cada píxel: ¿copiaste "
                "los pesos (no basta con crear la convolución)?",
            )
    return (
        "Misma salida, mismos parámetros: una convolución 1×1 mezcla canales como una capa "
        "densa, en cada posición por separado."
    )


@exercise(
    "dia-022.3",
    title="La cabeza que aplana, convertida en convolución",
    hint="nn.Flatten ordena los valores como (canal, fila, columna). La convolución equivalente "
    "es nn.Conv2d(c, salidas, kernel_size=(h, w)) con weight = linear.weight.reshape(salidas, "
    "c, h, w) y el mismo sesgo.",
)
def _flatten_linear_to_conv(convert):
    import torch

    expect(
        callable(convert),
        "La respuesta debe ser tu función flatten_linear_to_conv(linear, c, h, w).",
    )
    gen = torch.Generator().manual_seed(2022)
    for c, h, w, n_out in [(4, 3, 3, 2), (3, 2, 5, 6), (8, 4, 4, 10)]:
        linear = _linear_case(gen, c * h * w, n_out)
        conv = _as_module(convert(linear, c, h, w), "flatten_linear_to_conv")
        expect(
            tuple(conv.kernel_size) == (h, w),
            f"Con mapas de {h}×{w} el filtro debe cubrir el mapa entero: kernel_size=({h}, {w}), "
            f"no {tuple(conv.kernel_size)}.",
        )
        expect(
            (conv.in_channels, conv.out_channels) == (c, n_out),
            f"La convolución debe tener {c} canales de entrada y {n_out} de salida.",
        )
        x = torch.randn(3, c, h, w, generator=gen)
        with torch.no_grad():
            got = conv(x)
            expected = linear(x.flatten(1))
        expect(
            tuple(got.shape) == (3, n_out, 1, 1),
            f"Con un mapa de {h}×{w} la salida debe ser (n, {n_out}, 1, 1), no {tuple(got.shape)}: "
            "sin relleno ni paso distinto de 1.",
        )
        if not torch.allclose(got.flatten(1), expected, atol=1e-4):
            with torch.no_grad():
                hwc = linear.weight.reshape(n_out, h, w, c).permute(0, 3, 1, 2)
                wrong_order = torch.nn.functional.conv2d(x, hwc, linear.bias).flatten(1)
            expect(
                not torch.allclose(got.flatten(1), wrong_order, atol=1e-4),
                "El orden de los pesos no es el de nn.Flatten: en PyTorch aplana (canal, fila, "
                "columna), así que reshape(salidas, c, h, w) directamente, sin permutar.",
            )
            expect(
                not torch.allclose(got.flatten(1), expected - linear.bias, atol=1e-4),
                "Los pesos están bien, pero falta copiar el sesgo.",
            )
            expect(False, "La salida no coincide con Flatten seguido de la capa densa.")
        bigger = torch.randn(1, c, h + 2, w + 3, generator=gen)
        with torch.no_grad():
            slid = conv(bigger)
        expect(
            tuple(slid.shape) == (1, n_out, 3, 4),
            f"Con un mapa mayor, ({h + 2}×{w + 3}), la convolución debería deslizarse y dar "
            f"(1, {n_out}, 3, 4), no {tuple(slid.shape)}.",
        )
    return (
        "La cabeza ya es «totalmente convolucional»: con una imagen mayor da una rejilla de "
        "predicciones, una por ventana. Es la idea de OverFeat (2013) y de las FCN de "
        "segmentación (2015)."
    )
