"""Errores típicos del día 11: contar parámetros densos, una red de Keras para los dígitos y los
errores más seguros."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake

# --- 11.1 · parámetros de una pila de capas densas -----------------------------------------------


def _only_weights(n_inputs, units):
    total = 0
    for n_out in units:
        total += n_inputs * n_out  # se olvida del sesgo
        n_inputs = n_out
    return total


def _only_first_layer(n_inputs, units):
    return n_inputs * units[0] + units[0]


def _same_inputs(n_inputs, units):
    return sum(n_inputs * n_out + n_out for n_out in units)  # no encadena las capas


def _one_bias_per_layer(n_inputs, units):
    total = 0
    for n_out in units:
        total += n_inputs * n_out + 1
        n_inputs = n_out
    return total


# --- 11.2 · la red de Keras (cada función entrena dentro del comprobador) ------------------------


def _mlp(x_train, hidden=32, outputs=10, activation="softmax"):
    """La red densa de siempre, con la capa de salida que cada error cambia."""
    import keras

    keras.utils.set_random_seed(0)
    return keras.Sequential(
        [
            keras.Input(x_train.shape[1:]),
            keras.layers.Flatten(),
            keras.layers.Dense(hidden, activation="relu"),
            keras.layers.Dense(outputs, activation=activation),
        ]
    )


def _compile(model, optimizer="adam"):
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def _returns_history(x_train, y_train):
    model = _compile(_mlp(x_train))
    return model.fit(x_train, y_train, epochs=1, verbose=0)  # devuelve el History


def _no_softmax(x_train, y_train):
    # logits: falta la softmax (sin entrenar: el comprobador se detiene antes, en la suma de las filas)
    return _mlp(x_train, activation=None)


def _sigmoid_output(x_train, y_train):
    return _mlp(x_train, activation="sigmoid")


def _one_output_regression(x_train, y_train):
    model = _mlp(x_train, outputs=1, activation=None)  # el dígito como un número: regresión
    model.compile(optimizer="adam", loss="mse")
    model.fit(x_train, y_train, epochs=1, verbose=0)
    return model


def _never_fits(x_train, y_train):
    return _compile(_mlp(x_train))  # compilado, pero se olvida de model.fit


def _too_short(x_train, y_train):
    import keras

    model = _compile(_mlp(x_train, hidden=8), optimizer=keras.optimizers.SGD(learning_rate=0.01))
    model.fit(x_train, y_train, epochs=1, batch_size=128, verbose=0)  # se queda corta
    return model


# --- 11.3 · los errores más seguros --------------------------------------------------------------


def _least_confident_first(y_true, probs, k):
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != y_true)
    return wrong[np.argsort(probs[wrong, pred[wrong]])][:k]  # de menor a mayor


def _most_confident_overall(y_true, probs, k):
    return np.argsort(-probs.max(axis=1))[:k]  # no filtra los errores


def _confidences(y_true, probs, k):
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != y_true)
    return -np.sort(-probs[wrong, pred[wrong]])[:k]  # las probabilidades, no los índices


def _all_errors(y_true, probs, k):
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != y_true)
    return wrong[np.argsort(-probs[wrong, pred[wrong]])]  # se olvida de k


def _sorted_indices(y_true, probs, k):
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != y_true)
    return np.sort(wrong[np.argsort(-probs[wrong, pred[wrong]])][:k])  # pierde el orden


MISTAKES = [
    Mistake("dia-011.1", "solo los pesos, sin sesgos", _only_weights, "faltan los sesgos"),
    Mistake("dia-011.1", "solo la primera capa", _only_first_layer, "solo cuentas la primera"),
    Mistake(
        "dia-011.1",
        "n_inputs como entrada de todas las capas",
        _same_inputs,
        "n_inputs como entrada de todas las capas",
    ),
    Mistake(
        "dia-011.1",
        "un sesgo por capa, no por neurona",
        _one_bias_per_layer,
        "no es el total de parámetros",
    ),
    Mistake("dia-011.2", "devuelve el History de fit", _returns_history, "no un History"),
    Mistake("dia-011.2", "última capa sin softmax", _no_softmax, "activation='softmax'"),
    Mistake("dia-011.2", "sigmoide en la salida", _sigmoid_output, "no suman 1 por fila"),
    Mistake(
        "dia-011.2",
        "una sola neurona de salida y MSE",
        _one_output_regression,
        "¿La última capa tiene 10 neuronas?",
    ),
    Mistake("dia-011.2", "compila pero no entrena", _never_fits, "hace falta al menos un 90"),
    Mistake("dia-011.2", "una época con SGD lento", _too_short, "suficientes épocas"),
    Mistake(
        "dia-011.3",
        "ordena de menos a más segura",
        _least_confident_first,
        "no los más seguros",
    ),
    Mistake(
        "dia-011.3",
        "las predicciones más seguras, aciertos incluidos",
        _most_confident_overall,
        "es un acierto",
    ),
    Mistake("dia-011.3", "devuelve las probabilidades", _confidences, "índices enteros"),
    Mistake("dia-011.3", "se olvida de k", _all_errors, r"hay que devolver \d+ índices"),
    Mistake("dia-011.3", "ordena los índices al final", _sorted_indices, "el orden no"),
]
