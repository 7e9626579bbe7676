"""Comprobadores de los ejercicios del día 20 (funciones de activación)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import as_array, exercise, expect


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def _autograd_silu_grad(z: np.ndarray) -> np.ndarray:
    import torch

    t = torch.tensor(z, dtype=torch.float64, requires_grad=True)
    torch.nn.functional.silu(t).sum().backward()
    return t.grad.numpy()


@exercise(
    "dia-020.1",
    title="La derivada de SiLU",
    hint="SiLU(z) = z · σ(z) es un producto: su derivada es σ(z) + z · σ'(z), con "
    "σ'(z) = σ(z) · (1 − σ(z)).",
)
def _silu_grad(silu_grad):
    expect(callable(silu_grad), "La respuesta debe ser tu función silu_grad(z).")
    for z in [np.linspace(-6, 6, 25), np.array([0.0]), np.array([-1.5, 0.3, 2.0, 10.0])]:
        got = as_array(silu_grad(z.copy()), "Lo que devuelve tu función")
        expect(
            got.shape == z.shape, f"Con z de forma {z.shape} devuelve {got.shape}; debe ser igual."
        )
        s = _sigmoid(z)
        expected = _autograd_silu_grad(z)
        if np.allclose(got, expected, atol=1e-8):
            continue
        expect(
            not np.allclose(got, s),
            "Devuelves σ(z): falta el término z · σ'(z) de la regla del producto.",
        )
        expect(not np.allclose(got, z * s), "Devuelves SiLU(z) en sí, no su derivada.")
        expect(
            not np.allclose(got, s * (1 - s)),
            "Devuelves la derivada de la sigmoide; SiLU es z · σ(z).",
        )
        expect(
            not np.allclose(got, s + s * (1 - s)),
            "Sumas σ(z) + σ'(z): en la regla del producto, σ'(z) va multiplicada por z.",
        )
        expect(False, "Los valores no coinciden con la derivada de z · σ(z).")
    return (
        "Es lo que calcula autograd con F.silu(z).sum().backward(). Pasa de 1 para z > 1,28 (con "
        "un máximo de 1,1 en z ≈ 2,4) y es negativa para z < −1,28: SiLU no es monótona."
    )


@exercise(
    "dia-020.2",
    title="Una softmax que no se desborda",
    hint="Resta a cada fila su máximo antes de np.exp (softmax(z) = softmax(z − c)) y divide "
    "entre la suma a lo largo del último eje, con keepdims=True.",
)
def _softmax(softmax):
    expect(callable(softmax), "La respuesta debe ser tu función softmax(z).")
    cases = [
        np.array([1.0, 2.0, 3.0]),
        np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [-5.0, 2.0, 1.0]]),
        np.array([1000.0, 1001.0, 1002.0]),
        np.array([[-1000.0, 0.0], [800.0, 790.0]]),
    ]
    for z in cases:
        with np.errstate(all="ignore"):
            got = as_array(softmax(z.copy()), "Lo que devuelve tu función")
        expect(
            got.shape == z.shape, f"Con z de forma {z.shape} devuelve {got.shape}; debe ser igual."
        )
        expect(
            np.all(np.isfinite(got)),
            f"Con z = {z.tolist()} salen inf o nan: e^1000 se desborda, y si restas un solo "
            "máximo para toda la matriz, las filas lejanas dan 0/0. Resta a cada fila su máximo "
            "(axis=-1, keepdims=True) antes de exponenciar.",
        )
        shifted = np.exp(z - z.max(axis=-1, keepdims=True))
        expected = shifted / shifted.sum(axis=-1, keepdims=True)
        if np.allclose(got, expected, atol=1e-9):
            continue
        if z.ndim == 2:
            by_column = np.exp(z - z.max(axis=0)) / np.exp(z - z.max(axis=0)).sum(axis=0)
            expect(
                not np.allclose(got, by_column),
                "Normalizas por columnas; cada fila es un ejemplo y debe sumar 1 (axis=-1).",
            )
            expect(
                not np.isclose(got.sum(), 1.0),
                "Toda la matriz suma 1, pero debe sumar 1 cada fila: usa axis=-1 y keepdims=True.",
            )
        with np.errstate(over="ignore"):
            unnormalized = np.allclose(got, shifted) or np.allclose(got, np.exp(z))
        expect(
            not unnormalized,
            "Las probabilidades de cada fila no suman 1: falta dividir entre la suma.",
        )
        expect(
            np.allclose(got.sum(axis=-1), 1.0),
            "Las probabilidades de cada fila no suman 1. "
            + (
                "Sin keepdims=True, el máximo o la suma de cada fila tiene forma (n,) y NumPy "
                "lo empareja con las columnas: usa axis=-1, keepdims=True al restar y al dividir."
                if z.ndim == 2
                else "Divide cada exponencial entre la suma de todas."
            ),
        )
        expect(False, f"Con z = {z.tolist()} los valores no son los de la softmax.")
    return (
        "Es lo que hacen por dentro torch.softmax y F.cross_entropy: restar el máximo no cambia "
        "el resultado y evita el desbordamiento."
    )


@exercise(
    "dia-020.3",
    title="Contar neuronas muertas",
    hint="Una neurona (una columna de h) está muerta si su salida es 0 para todos los ejemplos "
    "(todas las filas): (h <= 0).all(axis=0); la fracción es la media de eso.",
)
def _dead_fraction(dead_fraction):
    expect(callable(dead_fraction), "La respuesta debe ser tu función dead_fraction(h).")
    rng = np.random.default_rng(20)
    for n, units, n_dead in [(50, 10, 3), (200, 64, 40), (5, 8, 0), (30, 4, 4)]:
        h = np.maximum(rng.normal(size=(n, units)), 0)  # salidas de una ReLU
        h[:, :n_dead] = 0.0  # neuronas muertas
        h[0, n_dead:] = 0.0  # una fila entera a cero: un ejemplo que no activa nada
        h[1, n_dead:] = 1.0  # cada neurona viva se activa al menos con un ejemplo
        quiet = n_dead < units
        if quiet:  # viva, pero casi en silencio: solo un ejemplo la activa, y muy poco
            h[:, n_dead] = 0.0
            h[2, n_dead] = 1e-3
        got = dead_fraction(h.copy())
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            np.ndim(got) == 0,
            f"Debe devolver un solo número (una fracción), no {type(got).__name__}.",
        )
        got = float(got)
        expected = n_dead / units
        if np.isclose(got, expected):
            continue
        expect(
            not np.isclose(got, n_dead),
            f"Devuelves {got:g}, el número de neuronas muertas; se pide la fracción (entre 0 y 1).",
        )
        expect(
            not np.isclose(got, (h <= 0).mean()),
            "Cuentas los ceros de toda la matriz; una neurona está muerta solo si es 0 para "
            "todos los ejemplos.",
        )
        expect(
            not np.isclose(got, (h <= 0).all(axis=1).mean()),
            "Recorres el eje equivocado: las filas son ejemplos y las columnas, neuronas (axis=0).",
        )
        expect(
            not np.isclose(got, (h <= 0).any(axis=0).mean()),
            "Basta un cero para que la cuentes como muerta; debe ser 0 en todos los ejemplos (all).",
        )
        expect(
            not (quiet and np.isclose(got, (n_dead + 1) / units)),
            "Cuentas como muerta una neurona que casi nunca se activa (un solo ejemplo, con "
            "0,001). Está viva: recibe gradiente. Muerta es exactamente 0 con todos los ejemplos.",
        )
        expect(
            False,
            f"Con {units} neuronas y {n_dead} muertas, la fracción es {expected:g}, no {got:g}.",
        )
    return (
        "Un ejemplo que no activa ninguna neurona no dice nada; una neurona que no se activa con "
        "ningún ejemplo no recibe gradiente nunca: esa es la muerta."
    )
