"""Comprobadores de los ejercicios del día 6 (propagación hacia adelante y hacia atrás)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import as_array, exercise, expect


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # Forma estable de la sigmoide: nunca exponencia un número grande.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


@exercise(
    "dia-006.1",
    title="La derivada de la sigmoide",
    hint="Calcula primero s = σ(z) con "
    "NumPy y expresa la derivada con s, como en la lección. Debe funcionar igual con un "
    "número que con un array de cualquier forma.",
)
def _sigmoid_derivative(fn):
    expect(callable(fn), "La respuesta debe ser tu función sigmoid_derivative(z).")
    at_zero = as_array(fn(0.0), "Lo que devuelve tu función en z = 0")
    expect(
        at_zero.size == 1,
        f"Con un solo número, z = 0, debes devolver un solo número, no {at_zero.shape}.",
    )
    expect(
        not np.isclose(at_zero.item(), 0.5),
        "En z = 0 tu función da 0.5, que es σ(0): devuelves la sigmoide, no su derivada.",
    )
    expect(
        not np.isclose(at_zero.item(), 0.0),
        "En z = 0 tu función da 0: ¿calculas z·(1 − z)? La fórmula es s·(1 − s) con "
        "s = σ(z): calcula antes la sigmoide.",
    )
    expect(
        np.isclose(at_zero.item(), 0.25),
        f"En z = 0 la derivada vale 0.25 (la pendiente máxima de la sigmoide); tu función da {at_zero.item():.4g}.",
    )
    rng = np.random.default_rng(6)
    for shape in [(5,), (3, 4), (2, 3, 2)]:
        z = rng.normal(0, 3, size=shape)
        out = as_array(fn(z), f"Lo que devuelve tu función con z de forma {shape}")
        expect(
            out.shape == shape,
            f"Con z de forma {shape} la salida debe tener la misma forma, no {out.shape}.",
        )
        expect(
            np.all(out >= 0) and np.all(out <= 0.25 + 1e-12),
            "La derivada de la sigmoide está siempre entre 0 y 0.25, y tu función da valores fuera: "
            "¿devuelves la sigmoide en lugar de su derivada?",
        )
        expect(
            np.allclose(out, _sigmoid(z) * (1 - _sigmoid(z)), rtol=1e-7, atol=1e-12),
            "Los valores no coinciden con la derivada de la sigmoide: revisa la fórmula.",
        )
    with np.errstate(over="ignore"):
        tails = as_array(fn(np.array([-40.0, 40.0])), "Lo que devuelve tu función con z = ±40")
    expect(
        np.all(np.isfinite(tails)) and np.all(np.abs(tails) < 1e-15),
        "Con |z| grande la sigmoide está saturada: su derivada debe ser casi 0 (y nunca nan).",
    )
    return (
        "σ'(z) = σ(z)(1 − σ(z)) nunca pasa de 0.25: por eso, al apilar muchas sigmoides, el "
        "gradiente se hace cada vez más pequeño."
    )


@exercise(
    "dia-006.2",
    title="Retropropagación de una capa lineal",
    hint="Usa la regla de las "
    "formas: dW tiene la forma de W (d, m), db la de b (m,) y dX la de X (n, d). Busca qué "
    "producto de matrices entre X, W y dY (con alguna traspuesta) da cada forma.",
)
def _linear_backward(fn):
    expect(callable(fn), "La respuesta debe ser tu función linear_backward(dY, X, W).")
    rng = np.random.default_rng(60)
    for n, d, m in [(5, 3, 4), (1, 2, 3), (7, 4, 1), (6, 6, 6)]:
        X, W, dY = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=(n, m))
        out = fn(dY, X, W)
        expect(out is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(out, (tuple, list)) and len(out) == 3,
            "Tu función debe devolver una tupla con tres gradientes: (dW, db, dX).",
        )
        dW, db, dX = (as_array(g, name) for g, name in zip(out, ["dW", "db", "dX"], strict=True))
        sizes = f"con X {X.shape}, W {W.shape} y dY {dY.shape}"
        expect(
            dW.shape == W.shape,
            f"dW debe tener la forma de W, {W.shape}, {sizes}; tiene {dW.shape}.",
        )
        expect(db.shape == (m,), f"db debe tener la forma de b, {(m,)}, {sizes}; tiene {db.shape}.")
        expect(
            dX.shape == X.shape,
            f"dX debe tener la forma de X, {X.shape}, {sizes}; tiene {dX.shape}.",
        )
        if n > 1 and np.allclose(dW, X.T @ dY / n):
            expect(
                False,
                "dW es Xᵀ·dY dividido entre n: dY ya es el gradiente de la pérdida respecto a "
                "Y (si la pérdida es una media, la división ya va dentro de dY); no dividas otra vez.",
            )
        expect(
            np.allclose(dW, X.T @ dY),
            "dW tiene la forma correcta pero no los valores: "
            "¿has multiplicado las matrices adecuadas, en el orden adecuado?",
        )
        if n > 1 and np.allclose(db, dY.mean(axis=0)):
            expect(
                False,
                "db es la media de dY sobre los ejemplos: el sesgo se suma a cada ejemplo, "
                "así que su gradiente acumula la contribución de todos.",
            )
        expect(
            np.allclose(db, dY.sum(axis=0)),
            "db no es correcto: piensa que b se suma a cada fila de XW.",
        )
        expect(
            np.allclose(dX, dY @ W.T),
            "dX tiene la forma correcta pero no los valores: "
            "¿qué matriz lleva el gradiente de vuelta de la salida a la entrada?",
        )
    return (
        "Con estas tres líneas se retropropaga cualquier capa densa; dX es lo que recibe la "
        "capa anterior para seguir la cadena."
    )


def _reference_bce_grad(W, X, y):
    p = _sigmoid(X @ W)
    return X.T @ (p - y) / len(y)


@exercise(
    "dia-006.3",
    title="Un gradiente numérico",
    hint="Recorre cada entrada de x con "
    "np.ndindex(x.shape); muévela +h y −h, evalúa f en los dos casos, divide la diferencia "
    "entre 2h y devuelve la entrada a su valor original antes de pasar a la siguiente.",
)
def _numeric_gradient(fn):
    expect(callable(fn), "La respuesta debe ser tu función numeric_gradient(f, x, h=1e-5).")
    rng = np.random.default_rng(600)
    X = rng.normal(size=(30, 3))
    y = (rng.uniform(size=30) < 0.5).astype(float)

    def bce(W):
        p = _sigmoid(X @ W)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    cases = [
        (
            "f(x) = suma de x³",
            lambda x: float(np.sum(x**3)),
            lambda x: 3 * x**2,
            rng.normal(size=(3, 4)),
        ),
        (
            "f(x) = suma de eˣ",
            lambda x: float(np.sum(np.exp(x))),
            np.exp,
            rng.uniform(0.5, 1.5, size=5),
        ),
        (
            "la entropía cruzada de una neurona",
            bce,
            lambda W: _reference_bce_grad(W, X, y),
            rng.normal(size=3),
        ),
        (
            "f(x) = x₀·x₂ + sen(x₁)",
            lambda x: float(x[0] * x[2] + np.sin(x[1])),
            lambda x: np.array([x[2], np.cos(x[1]), x[0]]),
            rng.normal(size=3),
        ),
    ]
    for name, f, grad, x in cases:
        original = x.copy()
        out = as_array(fn(f, x), f"Con {name}, lo que devuelve tu función")
        expect(
            np.array_equal(x, original),
            f"Con {name}, tu función ha modificado x: "
            "devuelve cada entrada a su valor original después de medir.",
        )
        expect(
            out.shape == x.shape,
            f"Con {name} y x de forma {x.shape}, el gradiente debe tener "
            f"la misma forma, no {out.shape}.",
        )
        exact = grad(x)
        err = np.linalg.norm(out - exact) / max(np.linalg.norm(out) + np.linalg.norm(exact), 1e-12)
        expect(
            err < 1e-3,
            f"Con {name}, tus valores no se parecen al gradiente exacto "
            f"(error relativo {err:.1e}): revisa la fórmula y la división.",
        )
        expect(
            err < 1e-8,
            f"Con {name}, el error relativo es {err:.1e}: cerca, pero demasiado. "
            "¿Usas diferencias centradas, moviendo cada entrada hacia los dos lados?",
        )
    return (
        "Con esta función puedes comprobar cualquier retropropagación que escribas: "
        "si el error relativo no baja de 1e-6, algo falla."
    )
