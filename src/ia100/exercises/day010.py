"""Comprobadores de los ejercicios del día 10 (una red neuronal desde cero con Iris)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import exercise, expect


def _softmax(Z: np.ndarray) -> np.ndarray:
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


def _as_array(out, shape: tuple[int, ...], what: str) -> np.ndarray:
    expect(out is not None, "Tu función devuelve None: ¿olvidaste el return?")
    out = np.asarray(out, dtype=float)
    expect(out.shape == shape, f"{what} debe tener forma {shape}, no {out.shape}.")
    return out


@exercise(
    "dia-010.1",
    title="Softmax estable",
    hint="Resta a cada fila su máximo (Z.max(axis=1, keepdims=True)) antes de np.exp "
    "y divide cada fila por su propia suma.",
)
def _stable_softmax(softmax):
    expect(callable(softmax), "La respuesta debe ser tu función softmax(Z).")
    rng = np.random.default_rng(10)
    cases = [
        rng.normal(size=(5, 3)),
        rng.normal(size=(1, 4)),
        3 * rng.normal(size=(7, 10)),
        np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -999.0]]),
        np.array([[-5.0, 800.0, 0.0], [2.0, -750.0, 1.0]]),  # filas con un rango enorme
    ]
    for Z in cases:
        original = Z.copy()
        with np.errstate(all="ignore"):
            out = softmax(Z)
        expect(
            np.array_equal(Z, original),
            "Tu función modifica la matriz Z que recibe: trabaja sobre una copia "
            "(Z - máximo crea una nueva).",
        )
        out = _as_array(out, Z.shape, f"Con Z de forma {Z.shape}, la salida")
        if np.abs(Z).max() >= 1000:
            expect(
                not (np.all(np.isfinite(out[0])) and not np.all(np.isfinite(out[1]))),
                "Con logits como −1000 salen nan: restas el máximo de toda la matriz, y en una "
                "fila muy por debajo todas las exponenciales dan 0. Resta a cada fila su propio "
                "máximo: Z.max(axis=1, keepdims=True).",
            )
            expect(
                np.all(np.isfinite(out)),
                "Con logits como 1000 salen nan o inf: exp(1000) desborda. "
                "Hace falta el truco que hace estable a softmax.",
            )
        expect(
            np.all(np.isfinite(out)),
            f"Con Z = {Z.tolist()} salen nan o inf: ¿restas el mínimo de cada fila? Hay que "
            "restar el máximo, para que el mayor exponente sea exp(0) = 1 y ninguno desborde.",
        )
        expect(np.all(out >= 0), "Hay probabilidades negativas.")
        expect(
            np.allclose(out.sum(axis=1), 1),
            "Cada fila debe sumar 1: ¿normalizas por toda la matriz en lugar de por filas "
            "(axis=1, keepdims=True)?",
        )
        expect(
            np.allclose(out, _softmax(Z), atol=1e-9),
            "Las filas suman 1, pero los valores no son los de softmax.",
        )
    return "Restar el máximo no cambia el resultado y evita que exp desborde."


@exercise(
    "dia-010.2",
    title="Gradiente de softmax con entropía cruzada",
    hint="Repasa la sección «Retropropagación» del día 10: para una flor, el gradiente "
    "respecto a los logits sale de comparar las probabilidades con la etiqueta one-hot; "
    "y la pérdida del lote es una media.",
)
def _softmax_ce_grad(grad_fn):
    expect(callable(grad_fn), "La respuesta debe ser tu función softmax_ce_grad(Z, Y).")
    rng = np.random.default_rng(11)
    for n, k in [(4, 3), (1, 3), (10, 5)]:
        Z = 2 * rng.normal(size=(n, k))
        Y = np.eye(k)[rng.integers(0, k, size=n)]
        with np.errstate(all="ignore"):
            out = grad_fn(Z.copy(), Y.copy())
        out = _as_array(out, (n, k), f"Con Z de forma {(n, k)}, el gradiente")
        P = _softmax(Z)
        right = (P - Y) / n
        if np.allclose(out, right):
            continue
        expect(
            not np.allclose(out, -right),
            "El signo está cambiado: es predicción menos etiqueta, no al revés.",
        )
        expect(
            n == 1 or not np.allclose(out, P - Y),
            f"Con {n} filas tus valores son {n} veces mayores: la pérdida es la media "
            "del lote, así que falta dividir.",
        )
        expect(
            not np.allclose(out, (Z - Y) / n),
            "Estás restando la etiqueta a los logits: antes hay que pasarlos por softmax.",
        )
        expect(
            False,
            f"Con Z de forma {(n, k)} los valores no coinciden con el gradiente de la "
            "entropía cruzada media.",
        )
    return "Softmax y entropía cruzada juntas dan un gradiente limpísimo: (P − Y)/n."


def _iris_splits():
    from sklearn.model_selection import train_test_split

    from ia100.data import load_iris

    iris = load_iris()
    for seed in (11, 23):
        yield train_test_split(iris.X, iris.y, test_size=45, stratify=iris.y, random_state=seed)


@exercise(
    "dia-010.3",
    title="Tu red entrena con Iris",
    hint="Estandariza con la media y la desviación del entrenamiento, entrena una red "
    "4 → 16 → 3 con tanh unas 200 épocas (tasa de aprendizaje ≈ 0.1, minilotes de 16) "
    "y devuelve el argmax de las probabilidades.",
)
def _train_iris(train_and_predict):
    expect(
        callable(train_and_predict),
        "La respuesta debe ser tu función train_and_predict(X_train, y_train, X_test).",
    )
    scores = []
    for X_train, X_test, y_train, y_test in _iris_splits():
        out = train_and_predict(X_train.copy(), y_train.copy(), X_test.copy())
        expect(
            out is None or np.shape(out) != (len(X_test), 3),
            "Devuelves una matriz de probabilidades: cada predicción debe ser la especie "
            "más probable (su argmax).",
        )
        pred = _as_array(out, (len(X_test),), f"Con {len(X_test)} flores de prueba, la predicción")
        expect(
            np.all(np.isfinite(pred)),
            "Tus predicciones contienen nan: revisa la estandarización y la tasa de aprendizaje.",
        )
        expect(
            np.all(np.isin(pred, [0, 1, 2])),
            "Cada predicción debe ser una especie: 0, 1 o 2 (el argmax de las "
            "probabilidades, no las probabilidades).",
        )
        scores.append(float(np.mean(pred == y_test)))
        expect(
            scores[-1] >= 0.9,
            f"Exactitud en {len(X_test)} flores que tu red no vio: {scores[-1]:.2f}; "
            "hace falta ≥ 0.90.",
        )
    # Una sola flor de prueba, la virginica más grande: si la estandarización usara las medias
    # de la prueba, dividiría entre una desviación nula.
    X_train, X_test, y_train, y_test = next(_iris_splits())
    one = X_test[[np.argmax(X_test[:, 2])]]
    with np.errstate(all="ignore"):
        out = train_and_predict(X_train.copy(), y_train.copy(), one)
    pred = _as_array(out, (1,), "Con una sola flor de prueba, la predicción")
    expect(
        pred[0] == 2,
        "Con una sola flor de prueba (una virginica muy clara) tu red falla: "
        "¿estandarizas con la media y la desviación de la prueba? Usa las del entrenamiento.",
    )
    return (
        f"Exactitud en dos divisiones que tu red no vio: {scores[0]:.2f} y {scores[1]:.2f}. "
        "Todo escrito por ti, sin marcos."
    )
