"""Comprobadores de los ejercicios del día 24 (retropropagación en CNN).

Los tres ejercicios trabajan con una capa convolucional de un canal, sin sesgo, que calcula la
correlación cruzada válida ``Y = X ⋆ W``: el gradiente del filtro, el de la entrada y el de la
entrada cuando la capa avanza con paso. Las respuestas correctas se calculan aquí con el
*autograd* de PyTorch, no con las fórmulas del día, para que la comprobación sea independiente.
"""

from __future__ import annotations

import numpy as np

from ia100.exercises import as_array, exercise, expect


def _corr2d(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    windows = np.lib.stride_tricks.sliding_window_view(x, w.shape)
    return np.einsum("ijab,ab->ij", windows, w)


def _autograd(x: np.ndarray, w: np.ndarray, g: np.ndarray, stride: int = 1):
    """Gradientes (dx, dw) de sum(conv2d(x, w, stride) · g) según PyTorch."""
    import torch

    xt = torch.tensor(x[None, None], requires_grad=True)
    wt = torch.tensor(w[None, None], requires_grad=True)
    y = torch.nn.functional.conv2d(xt, wt, stride=stride)
    y.backward(torch.tensor(g[None, None]))
    return xt.grad[0, 0].numpy(), wt.grad[0, 0].numpy()


def _cases(seed: int):
    """Parejas (forma de la entrada, forma del filtro), cuadradas y no cuadradas."""
    rng = np.random.default_rng(seed)
    for in_shape, k_shape in [
        ((4, 4), (2, 2)),
        ((6, 5), (3, 2)),
        ((5, 7), (1, 3)),
        ((3, 3), (3, 3)),
    ]:
        x = rng.integers(-3, 4, size=in_shape).astype(float)
        w = rng.integers(-3, 4, size=k_shape).astype(float)
        out_shape = (in_shape[0] - k_shape[0] + 1, in_shape[1] - k_shape[1] + 1)
        g = rng.integers(-3, 4, size=out_shape).astype(float)
        yield x, w, g


@exercise(
    "dia-024.1",
    title="El gradiente del filtro",
    hint="W[a, b] multiplica a x[i+a, j+b] en cada salida (i, j), así que "
    "∂L/∂W[a, b] = Σ G[i, j] · x[i+a, j+b]: la correlación cruzada de la entrada con G, "
    "corr2d(x, g).",
)
def _filter_grad(filter_grad):
    expect(callable(filter_grad), "La respuesta debe ser tu función filter_grad(x, g).")
    for x, w, g in _cases(24):
        got = as_array(filter_grad(x.copy(), g.copy()), "Lo que devuelve filter_grad")
        _, expected = _autograd(x, w, g)
        expect(
            got.shape == w.shape,
            f"Con x de forma {x.shape} y g de forma {g.shape} el filtro era de {w.shape}, y su "
            f"gradiente tiene esa misma forma; tu función devuelve {got.shape}.",
        )
        if not np.allclose(got, expected):
            expect(
                not np.allclose(got, expected[::-1, ::-1]),
                "Tu resultado está girado 180°: el gradiente del filtro es una correlación "
                "cruzada (sin girar nada), no una convolución.",
            )
            expect(
                not np.allclose(got, _corr2d(x, g[::-1, ::-1])),
                "Has girado g 180° (eso es una convolución): el gradiente del filtro es la "
                "correlación cruzada de la entrada con G, tal cual, corr2d(x, g).",
            )
            expect(
                not np.allclose(got, -expected),
                "Tienes el signo cambiado: ∂L/∂W suma G · x, sin el menos del paso de descenso.",
            )
            expect(False, f"Los valores no coinciden con ∂L/∂W para x de forma {x.shape}.")
    return (
        "El filtro «se desliza» por la entrada y el gradiente hace de filtro: por eso "
        "el gradiente de la primera capa de una CNN parece un trozo de imagen."
    )


@exercise(
    "dia-024.2",
    title="El gradiente de la entrada",
    hint="Rellena g con k-1 ceros por cada lado (np.pad) y haz la correlación "
    "cruzada con el filtro girado 180°, w[::-1, ::-1]: es la convolución completa.",
)
def _input_grad(input_grad):
    expect(callable(input_grad), "La respuesta debe ser tu función input_grad(g, w).")
    for x, w, g in _cases(25):
        got = as_array(input_grad(g.copy(), w.copy()), "Lo que devuelve input_grad")
        expected, _ = _autograd(x, w, g)
        if got.shape != x.shape:
            expect(
                got.shape != (g.shape[0] - w.shape[0] + 1, g.shape[1] - w.shape[1] + 1),
                "Has hecho una correlación «válida» de g: le falta el relleno de k-1 ceros por "
                f"cada lado para llegar a la forma de la entrada, {x.shape}.",
            )
            expect(
                False,
                f"∂L/∂X tiene la forma de la entrada, {x.shape}; tu función devuelve {got.shape}.",
            )
        if not np.allclose(got, expected):
            kh, kw = w.shape
            unflipped = _corr2d(np.pad(g, ((kh - 1, kh - 1), (kw - 1, kw - 1))), w)
            expect(
                not np.allclose(got, unflipped),
                "Falta girar el filtro 180° (w[::-1, ::-1]) antes de la correlación cruzada.",
            )
            expect(
                not np.allclose(got, expected[::-1, ::-1]),
                "Tu resultado está girado 180°: ¿has girado g en lugar del filtro? Rellena g tal "
                "cual y haz la correlación cruzada con w[::-1, ::-1].",
            )
            expect(False, f"Los valores no coinciden con ∂L/∂X para g de forma {g.shape}.")
    return (
        "Es la convolución transpuesta (F.conv_transpose2d): cada valor de g "
        "«estampa» una copia del filtro sobre la ventana de la que salió."
    )


@exercise(
    "dia-024.3",
    title="El gradiente de la entrada con paso",
    hint="Construye un array de ceros de forma ((h-1)·s + 1, (w-1)·s + 1), pon g en "
    "[::s, ::s], haz la convolución completa del ejercicio 2 y copia el resultado en un array "
    "de ceros con la forma de la entrada.",
)
def _input_grad_strided(input_grad_strided):
    expect(
        callable(input_grad_strided),
        "La respuesta debe ser tu función input_grad_strided(g, w, stride, input_shape).",
    )
    rng = np.random.default_rng(243)
    # (entrada, filtro, paso): con filas que sobran al final y sin ellas.
    for in_shape, k, stride in [((7, 7), 3, 2), ((8, 8), 3, 2), ((9, 6), 2, 3), ((5, 5), 2, 1)]:
        x = rng.integers(-3, 4, size=in_shape).astype(float)
        w = rng.integers(-3, 4, size=(k, k)).astype(float)
        out_shape = ((in_shape[0] - k) // stride + 1, (in_shape[1] - k) // stride + 1)
        g = rng.integers(-3, 4, size=out_shape).astype(float)
        got = input_grad_strided(g.copy(), w.copy(), stride, in_shape)
        got = as_array(got, "Lo que devuelve input_grad_strided")
        expected, _ = _autograd(x, w, g, stride=stride)
        expect(
            got.shape == in_shape,
            f"Con una entrada de {in_shape}, filtro {k}×{k} y paso {stride}, ∂L/∂X debe tener la "
            f"forma de la entrada, {in_shape}; tu función devuelve {got.shape}. ¿Rellenaste con "
            "ceros las filas o columnas finales que ninguna ventana cubrió?",
        )
        if not np.allclose(got, expected):
            if stride > 1:
                no_dilation = np.zeros(in_shape)
                full = _corr2d(np.pad(g, k - 1), w[::-1, ::-1])
                h, wd = min(full.shape[0], in_shape[0]), min(full.shape[1], in_shape[1])
                no_dilation[:h, :wd] = full[:h, :wd]
                expect(
                    not np.allclose(got, no_dilation),
                    "Parece que haces la convolución completa sin intercalar ceros en g: con "
                    f"paso {stride}, entre dos valores de g hay {stride - 1} salida(s) que la "
                    "capa se saltó y que reciben gradiente 0.",
                )
            expect(
                False,
                f"Los valores no coinciden con ∂L/∂X para entrada {in_shape}, paso {stride}.",
            )
    return (
        "Intercalar ceros y hacer la convolución completa es la convolución transpuesta con "
        "paso: así agrandan la imagen los decodificadores de segmentación."
    )
