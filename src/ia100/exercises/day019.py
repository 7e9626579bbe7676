"""Comprobadores de los ejercicios del día 19 (pooling)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import as_array, exercise, expect


def _size(n: int, k: int, s: int, p: int) -> int:
    return (n + 2 * p - k) // s + 1


@exercise(
    "dia-019.1",
    title="El tamaño de la salida",
    hint="Rellena (n + 2p), resta la ventana (k), divide entre el paso con división entera (//) "
    "y suma 1: la primera ventana también cuenta.",
)
def _output_size(pool_output_size):
    expect(
        callable(pool_output_size), "La respuesta debe ser tu función pool_output_size(n, k, s, p)."
    )
    cases = [(64, 2, 2, 0), (7, 2, 2, 0), (7, 3, 2, 1), (28, 3, 1, 1), (10, 4, 3, 2), (5, 5, 1, 0)]
    cases += [(n, k, s, p) for n in (9, 16) for k in (2, 3) for s in (1, 2, 3) for p in (0, 1)]
    for n, k, s, p in cases:
        got = pool_output_size(n, k, s, p)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(np.ndim(got) == 0, f"Debe devolver un solo número, no {type(got).__name__}.")
        expected = _size(n, k, s, p)
        got = float(got)
        where = f"pool_output_size({n}, {k}, {s}, {p})"
        if got == expected:
            continue
        expect(
            got.is_integer(),
            f"{where} = {got:g}: usa división entera (//), el tamaño es un número entero.",
        )
        expect(
            p == 0 or got != (n + p - k) // s + 1,
            f"{where} = {got:g}: el relleno se añade por los dos lados, 2p.",
        )
        expect(got != expected - 1, f"{where} = {got:g}: te falta sumar 1 (la primera ventana).")
        expect(
            got != -(-(n + 2 * p - k) // s) + 1,
            f"{where} = {got:g}: redondeas hacia arriba; una ventana que no cabe entera no "
            "cuenta (división entera //).",
        )
        expect(False, f"{where} devuelve {got:g}, pero la salida mide {expected}.")
    return "Es la misma fórmula que la de la convolución (día 18): el pooling también desliza una ventana."


def _max_pool(x: np.ndarray, k: int) -> np.ndarray:
    h, w = x.shape[0] // k, x.shape[1] // k
    return x[: h * k, : w * k].reshape(h, k, w, k).max(axis=(1, 3))


@exercise(
    "dia-019.2",
    title="Max pooling a mano",
    hint="La ventana (i, j) es x[i*k:(i+1)*k, j*k:(j+1)*k]; la salida tiene x.shape[0] // k filas "
    "y x.shape[1] // k columnas (las filas o columnas que sobran se ignoran).",
)
def _max_pool_check(max_pool):
    expect(callable(max_pool), "La respuesta debe ser tu función max_pool(x, k).")
    rng = np.random.default_rng(19)
    for shape, k in [((4, 4), 2), ((8, 6), 2), ((7, 9), 2), ((9, 9), 3), ((5, 8), 4), ((3, 3), 1)]:
        x = rng.normal(size=shape)
        got = as_array(max_pool(x.copy(), k), "Lo que devuelve tu función")
        expected = _max_pool(x, k)
        if got.shape != expected.shape:
            where = (
                f"Con x de forma {shape} y k={k} la salida debe ser {expected.shape}, "
                f"no {got.shape}."
            )
            expect(
                k == 1 or got.shape != (shape[0] - k + 1, shape[1] - k + 1),
                f"{where} Tus ventanas se solapan (paso 1); aquí el paso es k: la ventana (i, j) "
                "empieza en la fila i·k y la columna j·k.",
            )
            expect(
                got.shape != (-(-shape[0] // k), -(-shape[1] // k)),
                f"{where} Ventanas que no caben enteras no cuentan.",
            )
            expect(False, where)
        if np.allclose(got, expected):
            continue
        h, w = expected.shape
        blocks = x[: h * k, : w * k].reshape(h, k, w, k)
        expect(
            not np.allclose(got, blocks.mean(axis=(1, 3))),
            "Calculas la media de cada ventana; el max pooling se queda con el máximo.",
        )
        expect(
            not np.allclose(got, blocks.min(axis=(1, 3))),
            "Te quedas con el mínimo, no con el máximo.",
        )
        expect(
            not np.allclose(got, np.abs(blocks).max(axis=(1, 3))),
            "Tomas el máximo del valor absoluto; el max pooling toma el máximo con su signo.",
        )
        expect(
            not np.allclose(got, x[: h * k, : w * k].reshape(h, w, k, k).max(axis=(2, 3))),
            "reshape(h, w, k, k) no separa las ventanas: mezcla trozos de filas distintas. Cada "
            "ventana necesita sus dos ejes en su sitio: reshape(h, k, w, k) y max(axis=(1, 3)).",
        )
        expect(
            False, f"Con x de forma {shape} y k={k} los valores no son los máximos de cada ventana."
        )
    return (
        "Coincide con torch.nn.functional.max_pool2d(x[None, None], k). Sin pesos: el pooling "
        "no aprende nada."
    )


def _max_pool_grad(x: np.ndarray, grad_out: np.ndarray, k: int) -> np.ndarray:
    grad = np.zeros_like(x)
    for i, j in np.ndindex(grad_out.shape):
        window = x[i * k : (i + 1) * k, j * k : (j + 1) * k]
        a, b = np.unravel_index(np.argmax(window), window.shape)
        grad[i * k + a, j * k + b] = grad_out[i, j]
    return grad


@exercise(
    "dia-019.3",
    title="El gradiente del max pooling",
    hint="Recorre las ventanas; en cada una busca la posición del máximo (np.argmax y "
    "np.unravel_index) y pon ahí grad_out[i, j]. Todo lo demás vale 0.",
)
def _grad_check(max_pool_grad):
    expect(
        callable(max_pool_grad), "La respuesta debe ser tu función max_pool_grad(x, grad_out, k)."
    )
    rng = np.random.default_rng(190)
    for shape, k in [((4, 4), 2), ((6, 8), 2), ((7, 7), 2), ((9, 6), 3)]:
        x = rng.normal(size=shape)
        out_shape = (shape[0] // k, shape[1] // k)
        grad_out = rng.uniform(1, 3, size=out_shape)
        got = as_array(max_pool_grad(x.copy(), grad_out.copy(), k), "Lo que devuelve tu función")
        expect(
            got.shape == shape,
            f"El gradiente respecto a x tiene la forma de x, {shape}, no {got.shape}.",
        )
        expected = _max_pool_grad(x, grad_out, k)
        if np.allclose(got, expected):
            continue
        spread = np.zeros_like(x)
        spread[: out_shape[0] * k, : out_shape[1] * k] = np.kron(grad_out, np.ones((k, k)))
        expect(
            not np.allclose(got, (expected != 0).astype(float)),
            "Marcas con 1 la posición del máximo, pero falta multiplicar por grad_out (regla de "
            "la cadena).",
        )
        expect(
            not np.allclose(got, spread / k**2),
            "Repartes el gradiente a partes iguales: eso es el gradiente de la media, no del máximo.",
        )
        expect(
            not np.allclose(got, spread),
            "Copias el gradiente en toda la ventana; solo lo recibe la posición del máximo.",
        )
        expect(
            False, f"Con x de forma {shape} y k={k} el gradiente no coincide con el de autograd."
        )
    return (
        "Solo una de cada k² posiciones recibe gradiente, y las filas o columnas que no caben en "
        "ninguna ventana reciben 0: igual que x.grad tras max_pool2d(...).backward(grad_out)."
    )
