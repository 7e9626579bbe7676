"""Comprobadores de los ejercicios del día 16 (la convolución en imágenes)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import as_array, exercise, expect


def _corr2d(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Correlación cruzada sin relleno, la referencia de los comprobadores."""
    kh, kw = kernel.shape
    windows = np.lib.stride_tricks.sliding_window_view(image, (kh, kw))
    return np.einsum("ijuv,uv->ij", windows, kernel)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and np.allclose(a, b, atol=1e-6)


@exercise(
    "dia-016.1",
    title="La correlación de una imagen en gris",
    hint="Recorre las posiciones (i, j) en las que el filtro cabe entero: hay H - kh + 1 filas y "
    "W - kw + 1 columnas. En cada una, multiplica la ventana image[i:i+kh, j:j+kw] por el filtro "
    "elemento a elemento y suma, sin girar el filtro.",
)
def _correlate(correlate):
    expect(callable(correlate), "La respuesta debe ser tu función correlate(image, kernel).")
    rng = np.random.default_rng(161)
    for h, w, kh, kw in [(5, 5, 3, 3), (6, 9, 2, 4), (7, 4, 3, 1), (4, 4, 4, 4), (8, 6, 1, 1)]:
        image, kernel = rng.normal(size=(h, w)), rng.normal(size=(kh, kw))
        got = as_array(correlate(image.copy(), kernel.copy()), "Lo que devuelve tu función")
        expected = _corr2d(image, kernel)
        if got.shape != expected.shape:
            expect(
                got.shape != (h, w),
                f"Con una imagen de {h}×{w} devuelves otra de {h}×{w}; sin relleno, un filtro "
                f"de {kh}×{kw} solo cabe en {expected.shape[0]}×{expected.shape[1]} posiciones.",
            )
            expect(
                False,
                f"Con una imagen de {h}×{w} y un filtro de {kh}×{kw} la salida debe medir "
                f"{expected.shape}, no {got.shape}.",
            )
        if not _same(got, expected):
            expect(
                not _same(got, _corr2d(image, kernel[::-1, ::-1])),
                "Has calculado la convolución matemática (con el filtro girado 180°); aquí se "
                "pide la correlación cruzada, la que calcula PyTorch: sin girar el filtro.",
            )
            expect(
                kh != kw or not _same(got, _corr2d(image, kernel.T)),
                "Traspones el filtro: kernel[u, v] multiplica a image[i + u, j + v], con u "
                "recorriendo las filas de los dos.",
            )
            expect(
                False,
                f"Los valores no coinciden con la correlación (imagen {h}×{w}, filtro {kh}×{kw}).",
            )
    return (
        "Es exactamente lo que hace F.conv2d con un canal: compruébalo con "
        "scipy.signal.correlate2d(image, kernel, mode='valid')."
    )


def _layer(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    return np.array(
        [
            sum(_corr2d(x[c], weight[o, c]) for c in range(x.shape[0])) + bias[o]
            for o in range(weight.shape[0])
        ]
    )


@exercise(
    "dia-016.2",
    title="Una capa con varios canales y sesgo",
    hint="La salida tiene un canal por filtro: y[o] = bias[o] + la suma, sobre los canales de "
    "entrada c, de la correlación de x[c] con weight[o, c]. Cada filtro mira todos los canales "
    "a la vez y da un solo mapa.",
)
def _conv_layer(conv_layer):
    expect(callable(conv_layer), "La respuesta debe ser tu función conv_layer(x, weight, bias).")
    rng = np.random.default_rng(162)
    for c_in, h, w, c_out, kh, kw in [(3, 6, 7, 2, 3, 3), (1, 5, 5, 4, 2, 2), (2, 8, 5, 3, 3, 1)]:
        x = rng.normal(size=(c_in, h, w))
        weight, bias = rng.normal(size=(c_out, c_in, kh, kw)), rng.normal(size=c_out) + 2.0
        got = as_array(
            conv_layer(x.copy(), weight.copy(), bias.copy()), "Lo que devuelve tu función"
        )
        expected = _layer(x, weight, bias)
        if got.shape != expected.shape:
            expect(
                got.shape != (c_out, c_in) + expected.shape[1:] or c_in == 1,
                f"Tu salida tiene forma {got.shape}: un mapa por cada filtro y cada canal. Falta "
                "sumar sobre los canales de entrada: cada filtro da un solo mapa.",
            )
            expect(
                False,
                f"Con x de forma {x.shape} y weight de forma {weight.shape} la salida debe "
                f"tener forma {expected.shape} (C_out, H_out, W_out), no {got.shape}.",
            )
        if not _same(got, expected):
            no_bias = expected - bias[:, None, None]
            expect(not _same(got, no_bias), "Falta sumar el sesgo: uno por filtro, bias[o].")
            expect(
                not _same(got, no_bias + c_in * bias[:, None, None]) or c_in == 1,
                f"Sumas el sesgo una vez por canal de entrada ({c_in} veces); va una sola vez "
                "por filtro.",
            )
            flipped = _layer(x, weight[:, :, ::-1, ::-1], bias)
            expect(
                not _same(got, flipped),
                "Giras los filtros 180°: eso es la convolución matemática, no la de PyTorch.",
            )
            expect(False, "La forma es buena, pero los valores no coinciden con los de F.conv2d.")
    return (
        "Tu capa hace lo mismo que nn.Conv2d: sus pesos tienen forma (C_out, C_in, kh, kw) y "
        "tiene C_out sesgos."
    )


@exercise(
    "dia-016.3",
    title="Una convolución de verdad con F.conv2d",
    hint="La convolución es la correlación con el filtro girado 180°: dale la vuelta de arriba "
    "abajo y de izquierda a derecha (los dos últimos ejes), y deja en paz los ejes de los "
    "canales. torch.flip(weight, dims=...) hace el giro.",
)
def _flip_for_conv2d(flip_for_conv2d):
    import torch
    import torch.nn.functional as F
    from scipy import signal

    expect(callable(flip_for_conv2d), "La respuesta debe ser tu función flip_for_conv2d(weight).")
    gen = torch.Generator().manual_seed(163)
    for c_out, c_in, kh, kw in [(2, 3, 3, 3), (1, 1, 2, 3), (3, 2, 3, 2)]:
        weight = torch.randn(c_out, c_in, kh, kw, generator=gen, dtype=torch.float64)
        x = torch.randn(1, c_in, 7, 6, generator=gen, dtype=torch.float64)
        original = weight.clone()
        got = flip_for_conv2d(weight)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            torch.equal(weight, original),
            "Tu función modifica el tensor que recibe; devuelve uno nuevo.",
        )
        expect(
            isinstance(got, torch.Tensor),
            f"Devuelve un tensor de PyTorch, no un {type(got).__name__}: F.conv2d solo acepta "
            "tensores. torch.flip(weight, dims=...) hace el giro y devuelve un tensor nuevo.",
        )
        got = got.detach()
        expect(
            tuple(got.shape) == (c_out, c_in, kh, kw),
            f"Los pesos girados deben conservar la forma {(c_out, c_in, kh, kw)}; "
            f"tienen {tuple(got.shape)}.",
        )
        got = got.to(torch.float64)
        expected = torch.flip(original, dims=(-2, -1))
        if not torch.allclose(got, expected):
            for wrong, message in [
                (
                    torch.flip(original, dims=(-1,)),
                    "Solo giras de izquierda a derecha; falta "
                    "darle la vuelta también de arriba abajo.",
                ),
                (
                    torch.flip(original, dims=(-2,)),
                    "Solo giras de arriba abajo; falta darle la "
                    "vuelta también de izquierda a derecha.",
                ),
                (
                    torch.flip(original, dims=(0, 1, 2, 3)),
                    "También das la vuelta a los ejes de "
                    "los canales: el filtro 0 acaba siendo el último. Gira solo los dos últimos.",
                ),
                (original, "Devuelves los pesos sin girar: eso da la correlación."),
            ]:
                expect(not torch.allclose(got, wrong), message)
            if kh == kw:
                expect(
                    not torch.allclose(got, original.transpose(-2, -1)),
                    "Trasponer (cambiar filas por columnas) no es girar 180°.",
                )
            expect(False, "Con tus pesos, F.conv2d no da la convolución matemática.")
        ours = F.conv2d(x, got)[0].numpy()
        true = np.array(
            [
                sum(
                    signal.convolve2d(x[0, c].numpy(), original[o, c].numpy(), "valid")
                    for c in range(c_in)
                )
                for o in range(c_out)
            ]
        )
        expect(np.allclose(ours, true), "F.conv2d con tus pesos no coincide con convolve2d.")
    return (
        "Con torch.flip(weight, dims=(-2, -1)), F.conv2d da lo mismo que scipy.signal."
        "convolve2d: la convolución y la correlación solo se diferencian en ese giro."
    )
