"""Comprobadores de los ejercicios del día 9 (sobreajuste y regularización)."""

from __future__ import annotations

from numbers import Integral

import numpy as np

from ia100.exercises import exercise, expect


def _poly_errors(x_train, y_train, x_val, y_val, degree):
    coefs = np.polyfit(x_train, y_train, degree)
    return (
        float(np.mean((np.polyval(coefs, x_train) - y_train) ** 2)),
        float(np.mean((np.polyval(coefs, x_val) - y_val) ** 2)),
    )


def _poly_case(seed):
    rng = np.random.default_rng(seed)
    shapes = [lambda x: np.sin(3 * x) + 0.5 * x, lambda x: x**2 - 0.5 * x, lambda x: np.cos(4 * x)]
    truth = shapes[seed % 3]
    n_train = 25 + 5 * (seed % 3)
    x = rng.uniform(-1, 1, size=n_train + 100)
    y = truth(x) + rng.normal(0, 0.25, size=x.size)
    return x[:n_train], y[:n_train], x[n_train:], y[n_train:]


@exercise(
    "dia-009.1",
    title="El grado que elige la validación",
    hint="Para cada grado, ajusta el "
    "polinomio SOLO con los datos de entrenamiento, mide el error cuadrático medio en "
    "validación y devuelve el grado con el menor.",
)
def _best_degree(choose):
    expect(
        callable(choose),
        "La respuesta debe ser tu función best_degree(x_train, y_train, x_val, y_val, degrees).",
    )
    degrees = list(range(1, 11))
    for seed in (11, 12, 13):
        x_tr, y_tr, x_va, y_va = _poly_case(seed)
        answer = choose(x_tr.copy(), y_tr.copy(), x_va.copy(), y_va.copy(), list(degrees))
        expect(answer is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(answer, Integral) and not isinstance(answer, bool),
            f"Debe devolver un grado (un entero), no {type(answer).__name__}.",
        )
        errors = {d: _poly_errors(x_tr, y_tr, x_va, y_va, d) for d in degrees}
        best_val = min(e[1] for e in errors.values())
        is_best = [d for d in degrees if errors[d][1] <= best_val * (1 + 1e-6)]
        if int(answer) not in is_best and 0 <= int(answer) < len(degrees):
            expect(
                degrees[int(answer)] not in is_best,
                "Devuelves la POSICIÓN del mejor grado en la lista, no el grado en sí.",
            )
        expect(
            int(answer) in degrees, f"Devolviste {answer}, que no está entre los grados {degrees}."
        )
        if int(answer) not in is_best:
            best_train = min(degrees, key=lambda d: errors[d][0])
            expect(
                int(answer) != best_train,
                "Has elegido el grado con menor error de ENTRENAMIENTO (o mides el error en los "
                "mismos datos con los que ajustas): ese siempre favorece al polinomio más "
                "flexible. Ajusta con entrenamiento y mide en validación.",
            )
            expect(
                False,
                f"En uno de los casos de prueba, el grado {answer} no es el de menor "
                "error de validación.",
            )
    return (
        "Elegir la capacidad con datos que el ajuste no vio es la base de toda la regularización."
    )


def _reference_stop(losses, patience, strict=True, return_stop=False):
    best, best_epoch, wait, epoch = float("inf"), 0, 0, 0
    for epoch, loss in enumerate(losses):
        if loss < best or (not strict and loss <= best):
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                break
    return epoch if return_stop else best_epoch


_STOP_CASES = [
    ([1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.6], 3),  # para en la época 5: el 0.6 no llega a verse
    ([1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.6], 4),  # con más paciencia sí llega
    ([0.9, 0.7, 0.5, 0.4, 0.3], 2),  # siempre mejora: la última
    ([0.5, 0.5, 0.5, 0.4], 2),  # empatar no es mejorar
    ([3.0, 2.0, 2.5, 1.0], 1),  # paciencia 1
    ([2.0, 1.5, 1.6, 1.7, 1.4, 1.45, 1.5, 1.6, 1.2], 3),
    ([1.0, 1.1, 1.2, 1.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.1], 3),
]

_STOP_MISTAKES = [  # (variante equivocada, mensaje)
    (
        lambda losses, p: int(np.argmin(losses)),
        "Devuelves el mínimo global, pero con esa paciencia "
        "el entrenamiento se detiene antes de llegar a algunas de esas épocas.",
    ),
    (
        lambda losses, p: _reference_stop(losses, p, strict=False),
        "Cuentas un empate como mejora: "
        "solo una pérdida estrictamente menor que la mejor reinicia la paciencia.",
    ),
    (
        lambda losses, p: _reference_stop(losses, p + 1),
        "Esperas una época de más: con patience=p "
        "se para justo al completar p épocas seguidas sin mejorar.",
    ),
    (
        lambda losses, p: _reference_stop(losses, p - 1),
        "Paras una época antes de tiempo: con "
        "patience=p se para al completar p épocas seguidas sin mejorar, no p − 1.",
    ),
    (
        lambda losses, p: _reference_stop(losses, p, return_stop=True),
        "Devuelves la época en la "
        "que se para; hay que devolver la de la mejor pérdida (la de los pesos que se recuperan).",
    ),
]


@exercise(
    "dia-009.2",
    title="Parada temprana con paciencia",
    hint="Recorre las pérdidas en orden "
    "guardando la mejor y su época. Cuenta las épocas seguidas sin mejorar estrictamente; "
    "cuando el contador llega a `patience`, para y devuelve la época de la mejor.",
)
def _early_stopping(rule):
    expect(callable(rule), "La respuesta debe ser tu función early_stopping(val_losses, patience).")
    answers = []
    for losses, patience in _STOP_CASES:
        answer = rule(list(losses), patience)
        expect(answer is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(answer, Integral) and not isinstance(answer, bool),
            f"Debe devolver el índice de una época (un entero), no {type(answer).__name__}.",
        )
        answers.append(int(answer))
    good = [_reference_stop(losses, p) for losses, p in _STOP_CASES]
    if answers == good:
        return (
            "Es la regla de keras.callbacks.EarlyStopping(patience=…, restore_best_weights=True)."
        )
    for variant, message in _STOP_MISTAKES:
        expect(answers != [variant(losses, p) for losses, p in _STOP_CASES], message)
    i = next(k for k, (a, g) in enumerate(zip(answers, good, strict=True)) if a != g)
    losses, patience = _STOP_CASES[i]
    expect(
        False,
        f"Con val_losses={losses} y patience={patience} devuelves {answers[i]}: "
        "simula la regla época a época, con los índices empezando en 0.",
    )


@exercise(
    "dia-009.3",
    title="Dropout invertido",
    hint="Crea una máscara con rng.random(x.shape) >= p "
    "(conserva cada valor con probabilidad 1 − p), multiplica x por ella y divide entre 1 − p.",
)
def _dropout(dropout):
    expect(callable(dropout), "La respuesta debe ser tu función inverted_dropout(x, p, rng).")
    x = np.random.default_rng(0).uniform(1.0, 2.0, size=(400, 250))
    original = x.copy()
    for p in (0.3, 0.5, 0.1):
        out = dropout(x, p, np.random.default_rng(1))
        expect(out is not None, "Tu función devuelve None: ¿olvidaste el return?")
        out = np.asarray(out, dtype=float)
        expect(np.array_equal(x, original), "Tu función modifica x: devuelve un array nuevo.")
        expect(
            out.shape == x.shape, f"La salida debe tener la forma de x, {x.shape}, no {out.shape}."
        )
        dropped = out == 0
        # Con máscaras independientes, dos filas (o dos columnas) vecinas discrepan en una
        # fracción 2p(1 − p) de las posiciones; con una máscara compartida, en ninguna.
        independent = 2 * p * (1 - p)
        rows = float(np.mean(dropped[1:] != dropped[:-1]))
        cols = float(np.mean(dropped[:, 1:] != dropped[:, :-1]))
        expect(
            not dropped.any()
            or dropped.all()
            or (rows > independent / 2 and cols > independent / 2),
            f"Con p = {p}, {'todas las filas' if rows <= independent / 2 else 'todas las columnas'}"
            " apagan las mismas posiciones: cada valor necesita su propio sorteo. Sortea una "
            "máscara con la forma de x: rng.random(x.shape).",
        )
        zeros = float(np.mean(dropped))
        expect(
            abs(zeros - (1 - p)) > 0.05 or abs(zeros - p) < 0.02,
            f"Con p = {p} apagas el {zeros:.0%} de los valores: p es la probabilidad de APAGAR.",
        )
        expect(
            abs(zeros - p) < 0.02,
            f"Con p = {p} deberías apagar cerca del {p:.0%} de los "
            f"valores, y apagas el {zeros:.0%}.",
        )
        kept = out != 0
        expect(
            not np.allclose(out[kept], x[kept]),
            "Los valores que sobreviven no están escalados: divídelos entre 1 − p.",
        )
        expect(
            not np.allclose(out[kept], x[kept] * (1 - p)),
            "Multiplicas por 1 − p; en el dropout invertido se DIVIDE entre 1 − p.",
        )
        expect(
            np.allclose(out[kept], x[kept] / (1 - p)),
            "Los valores que sobreviven deben ser x / (1 − p).",
        )
    again = [np.asarray(dropout(x, 0.5, np.random.default_rng(7))) for _ in range(2)]
    other = np.asarray(dropout(x, 0.5, np.random.default_rng(8)))
    expect(
        np.array_equal(again[0], again[1]) and not np.array_equal(again[0], other),
        "Usa el generador rng que recibe la función (no np.random directamente): con la misma "
        "semilla debe salir la misma máscara.",
    )
    expect(
        np.allclose(np.asarray(dropout(x, 0.0, np.random.default_rng(3))), x),
        "Con p = 0 la salida debe ser igual que la entrada.",
    )
    return (
        "Así lo hace nn.Dropout en modo train(); gracias al 1/(1 − p), en eval() basta con "
        "devolver x tal cual y la media de las activaciones no cambia."
    )
