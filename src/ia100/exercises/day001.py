"""Comprobadores de los ejercicios del día 1 (introducción al deep learning)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, exercise, expect, expect_choices

_FIELDS = {
    "reglas escritas a mano para un termostato": "IA",
    "regresión logística que aprende de ejemplos": "ML",
    "árbol de decisión entrenado con datos": "ML",
    "red neuronal con tres capas ocultas": "DL",
    "programa de ajedrez que busca jugadas con reglas": "IA",
    "modelo de lenguaje tipo GPT": "DL",
}


@exercise(
    "dia-001.1",
    title="IA, ML o DL",
    hint="Pregúntate: ¿aprende de datos? Si aprende, "
    "¿usa una red neuronal con varias capas? Elige siempre el conjunto más pequeño que lo contiene.",
)
def _fields(answer):
    expect_choices(answer, _FIELDS, item="técnica", choices=("IA", "ML", "DL"))
    return "Seis de seis: cada técnica está en el conjunto más pequeño que la contiene."


@exercise(
    "dia-001.2",
    title="Una capa oculta con ReLU",
    hint="Multiplica X (n, d) por W (d, m), suma b (m,) a cada fila y aplica np.maximum(0, ·).",
)
def _relu_layer(layer):
    expect(callable(layer), "La respuesta debe ser tu función relu_layer(X, W, b).")
    rng = np.random.default_rng(1)
    for n, d, m in [(5, 2, 16), (1, 3, 4), (7, 4, 1)]:
        X, W, b = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)
        out = layer(X, W, b)
        expect(out is not None, "Tu función devuelve None: ¿olvidaste el return?")
        out = np.asarray(out)
        expect(
            out.shape == (n, m),
            f"Con X {X.shape} y W {W.shape} la salida debe ser {(n, m)}, no {out.shape}.",
        )
        if np.allclose(out, np.maximum(0, X @ W) + b):
            expect(
                False,
                "Aplicas ReLU antes de sumar b: el sesgo va dentro, ReLU(X·W + b).",
            )
        expect(np.all(out >= 0), "Hay valores negativos: falta aplicar ReLU.")
        expect(
            not np.allclose(out, np.maximum(0, X @ W)),
            "Falta sumar el sesgo b antes de aplicar ReLU.",
        )
        expect(
            np.allclose(out, np.maximum(0, X @ W + b)),
            "Los valores no coinciden con ReLU(X·W + b).",
        )
    return "Así calcula MLPClassifier cada capa oculta."


@exercise(
    "dia-001.3",
    title="Una red para los círculos",
    hint="Prueba hidden_layer_sizes con "
    "una o dos capas de 8–32 neuronas y sube max_iter hasta que converja.",
)
def _circles(model):
    from sklearn.datasets import make_circles
    from sklearn.exceptions import NotFittedError

    expect(hasattr(model, "predict"), "La respuesta debe ser un modelo entrenado (con .predict).")
    X, y = make_circles(n_samples=400, noise=0.08, factor=0.5, random_state=123)
    try:
        predictions = model.predict(X)
    except NotFittedError:
        raise Wrong("Tu modelo aún no está entrenado: llama a model.fit(X, y) antes.") from None
    accuracy = float(np.mean(np.asarray(predictions) == y))
    expect(accuracy >= 0.9, f"Exactitud en círculos nuevos: {accuracy:.2f}; hace falta ≥ 0.90.")
    return f"Exactitud en 400 puntos que tu red no vio: {accuracy:.2f}."
