"""Comprobadores de los ejercicios del día 11 (una red neuronal con Keras: dígitos escritos a mano)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import exercise, expect


def _dense_stack(n_inputs: int, units: list[int]) -> tuple[int, int]:
    """Devuelve (pesos, sesgos) de una pila de capas densas."""
    sizes = [n_inputs, *units]
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
    return weights, sum(units)


@exercise(
    "dia-011.1",
    title="Parámetros de una pila de capas densas",
    hint="Recorre las capas "
    "por parejas (entradas, neuronas): cada capa aporta entradas × neuronas pesos más un "
    "sesgo por neurona, y sus neuronas son las entradas de la capa siguiente.",
)
def _count_params(count):
    expect(callable(count), "La respuesta debe ser tu función count_dense_params(n_inputs, units).")
    cases = [(784, [128, 10]), (784, [256, 128, 10]), (64, [10]), (4, [8, 8, 3]), (3, [1])]
    for n_inputs, units in cases:
        got = count(n_inputs, list(units))
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(got, int | float | np.integer | np.floating),
            f"Debe devolver un solo número, no {type(got).__name__}.",
        )
        weights, biases = _dense_stack(n_inputs, units)
        expect(
            np.isfinite(float(got)) and float(got).is_integer(),
            f"El número de parámetros es un entero; has devuelto {got}.",
        )
        got = int(got)
        label = f"count_dense_params({n_inputs}, {units})"
        expect(got != weights, f"{label}: solo cuentas los pesos; te faltan los sesgos.")
        expect(
            got != n_inputs * units[0] + units[0] or len(units) == 1,
            f"{label}: solo cuentas la primera capa; recorre todas.",
        )
        same_inputs = sum(n_inputs * n + n for n in units)
        expect(
            got != same_inputs or len(units) == 1,
            f"{label}: usas n_inputs como entrada de todas las capas; a partir de la segunda, "
            "las entradas de una capa son las neuronas de la anterior.",
        )
        expect(
            got == weights + biases, f"{label} devuelve {got}, que no es el total de parámetros."
        )
    return "Coincide con model.count_params() de Keras para cualquier pila de capas densas."


def _digits_split():
    """Dígitos 8×8 de scikit-learn en [0, 1], divididos por el comprobador (no por el alumno)."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    x = (digits.images / 16.0).astype("float32")  # (1797, 8, 8)
    y = digits.target.astype("int64")
    return train_test_split(x, y, test_size=0.3, stratify=y, random_state=11)


@exercise(
    "dia-011.2",
    title="Tu propia red de Keras para los dígitos",
    hint="Dentro de la "
    "función: keras.Sequential con keras.Input(x_train.shape[1:]), Flatten, una capa Dense "
    "con ReLU y Dense(10, activation='softmax'); compila con Adam y "
    "sparse_categorical_crossentropy, entrena unas 20 épocas con fit y devuelve el modelo.",
)
def _keras_digits(train):
    expect(callable(train), "La respuesta debe ser tu función train_digits(x_train, y_train).")
    x_train, x_test, y_train, y_test = _digits_split()
    model = train(x_train.copy(), y_train.copy())
    expect(model is not None, "Tu función devuelve None: al final debe hacer return model.")
    expect(
        type(model).__module__.split(".")[0] == "keras" and hasattr(model, "predict"),
        f"Debe devolver el modelo de Keras entrenado, no un {type(model).__name__}.",
    )
    probs = np.asarray(model.predict(x_test, verbose=0))
    expect(
        probs.shape == (len(x_test), 10),
        f"Con {len(x_test)} imágenes de 8×8, predict debe dar forma {(len(x_test), 10)} "
        f"(una probabilidad por dígito), no {probs.shape}. ¿La última capa tiene 10 neuronas?",
    )
    expect(
        np.allclose(probs.sum(axis=1), 1, atol=1e-3),
        "Las salidas no suman 1 por fila: ¿falta activation='softmax' en la última capa?",
    )
    accuracy = float(np.mean(probs.argmax(axis=1) == y_test))
    expect(
        accuracy >= 0.9,
        f"Exactitud en {len(x_test)} dígitos que tu red no vio: "
        f"{accuracy:.1%}; hace falta al menos un 90 %. ¿Entrenas suficientes épocas?",
    )
    return f"Exactitud en {len(x_test)} dígitos que tu red no vio: {accuracy:.1%}."


def _reference_errors(y_true, probs, k):
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != y_true)
    conf = probs[wrong, pred[wrong]]
    return wrong[np.argsort(-conf, kind="stable")][:k]


@exercise(
    "dia-011.3",
    title="Los errores más seguros",
    hint="Calcula la clase predicha con "
    "argmax, quédate con los índices donde no coincide con y_true (np.flatnonzero), ordénalos "
    "por la probabilidad de la clase predicha de mayor a menor y devuelve los k primeros.",
)
def _confident_errors(find):
    expect(
        callable(find), "La respuesta debe ser tu función most_confident_errors(y_true, probs, k)."
    )
    rng = np.random.default_rng(3)
    cases = []
    for n, k in [(50, 5), (200, 10), (30, 100)]:
        logits = rng.normal(size=(n, 10)) * 3
        probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        y_true = np.where(rng.random(n) < 0.7, probs.argmax(axis=1), rng.integers(0, 10, n))
        cases.append((y_true, probs, k))
    perfect = np.eye(10)[np.arange(20) % 10] * 0.9 + 0.01
    cases.append((np.arange(20) % 10, perfect, 3))  # sin ningún error
    for y_true, probs, k in cases:
        got = find(y_true.copy(), probs.copy(), k)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        got = np.asarray(got).ravel()
        expected = _reference_errors(y_true, probs, k)
        pred = probs.argmax(axis=1)
        expect(
            len(got) == len(expected),
            f"Con {int(np.sum(pred != y_true))} errores y k={k} "
            f"hay que devolver {len(expected)} índices, no {len(got)}.",
        )
        if not len(got):
            continue
        expect(
            np.issubdtype(got.dtype, np.integer),
            "Devuelve índices enteros (posiciones de las "
            "imágenes), no probabilidades ni etiquetas.",
        )
        expect(
            np.all(pred[got] != y_true[got]), "Alguno de los índices es un acierto, no un error."
        )
        expect(
            set(got.tolist()) == set(expected.tolist()),
            "Son errores, pero no los más seguros: "
            "elige los de mayor probabilidad en la clase predicha.",
        )
        expect(
            np.array_equal(got, expected),
            "Son los errores correctos, pero el orden no: de mayor a menor confianza.",
        )
    return "Estos son los errores que más conviene mirar: la red estaba segura y se equivocó."
