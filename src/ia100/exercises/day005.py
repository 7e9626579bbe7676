"""Comprobadores de los ejercicios del día 5 (redes neuronales artificiales)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect

_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
_GATES = {"OR": [0, 1, 1, 1], "NAND": [1, 1, 1, 0], "AND": [0, 0, 0, 1]}


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


@exercise(
    "dia-005.1",
    title="Una neurona en NumPy",
    hint="Calcula z = x·w + b con np.dot o @ "
    "(funciona igual para un ejemplo (d,) que para un lote (n, d)) y devuelve activation(z).",
)
def _neuron(neuron):
    expect(callable(neuron), "La respuesta debe ser tu función neuron(x, w, b, activation).")
    rng = np.random.default_rng(5)
    activations = {
        "tanh": np.tanh,
        "sigmoide": _sigmoid,
        "ReLU": lambda z: np.maximum(0, z),
        "identidad": lambda z: z,
    }
    for name, f in activations.items():
        for d in (1, 3, 5):
            w, b = rng.normal(size=d), float(rng.normal())
            x = rng.normal(size=d)
            out = as_array(neuron(x, w, b, f), "Lo que devuelve tu función")
            expect(
                out.size == 1,
                f"Con un solo ejemplo x de forma ({d},) la neurona debe "
                f"devolver un número, no algo de forma {out.shape}: ¿sumaste los productos?",
            )
            z = float(x @ w + b)
            if not np.isclose(out.item(), f(z)):
                no_bias = float(x @ w)
                expect(
                    not np.isclose(out.item(), f(no_bias)) and not np.isclose(out.item(), no_bias),
                    "Falta sumar el sesgo b a la suma ponderada.",
                )
                expect(
                    not np.isclose(out.item(), z),
                    f"Con activación {name} la salida es z sin "
                    "transformar: falta aplicar activation(z).",
                )
                expect(
                    not np.isclose(out.item(), f(no_bias) + b),
                    "Sumas b después de la activación: el sesgo va dentro, activation(x·w + b).",
                )
                raise Wrong(
                    f"Con activación {name}, x={x.round(2)}, w={w.round(2)} y b={b:.2f} "
                    f"la salida {out.item():.4f} no es correcta."
                )
            X = rng.normal(size=(4, d))
            out = as_array(
                neuron(X, w, b, f), f"Con un lote X de forma (4, {d}), lo que devuelve tu función"
            )
            expect(
                out.shape == (4,),
                f"Con un lote X de forma (4, {d}) la salida debe tener forma "
                f"(4,), una por ejemplo; tiene {out.shape}.",
            )
            expect(
                np.allclose(out, f(X @ w + b)),
                f"Con un lote (4, {d}) y activación {name} "
                "los valores no coinciden con activation(X·w + b).",
            )
    return "La misma función sirve para un ejemplo y para un lote: eso es vectorizar."


def _step(z):
    return (np.asarray(z) > 0).astype(int)


@exercise(
    "dia-005.2",
    title="Pesos para OR, NAND y AND",
    hint="Dibuja los cuatro puntos: "
    "busca una recta w1·x1 + w2·x2 + b = 0 que deje los «1» del lado positivo. Para OR, "
    "basta que una entrada valga 1 para superar el umbral; para AND hacen falta las dos.",
)
def _gates(answer):
    expect(isinstance(answer, dict), "La respuesta debe ser un diccionario {puerta: (w1, w2, b)}.")
    missing = [g for g in _GATES if g not in answer]
    expect(not missing, f"Faltan las puertas {missing}.")
    hidden = {}
    for gate, truth in _GATES.items():
        params = answer[gate]
        expect(params is not Ellipsis, f"Aún no has escrito los pesos de {gate}.")
        try:
            w1, w2, b = (float(v) for v in params)
        except (TypeError, ValueError):
            raise Wrong(
                f"Los pesos de {gate} deben ser tres números (w1, w2, b), no {params!r}."
            ) from None
        z = _INPUTS @ np.array([w1, w2]) + b
        out = _step(z)
        if out.tolist() != truth and (z >= 0).astype(int).tolist() == truth:
            edge = [tuple(int(v) for v in x) for x, zi in zip(_INPUTS, z, strict=True) if zi == 0]
            expect(
                False,
                f"Con {gate} = ({w1:g}, {w2:g}, {b:g}), en {edge} la suma w1·x1 + w2·x2 + b vale "
                "exactamente 0 y la neurona solo se dispara si es > 0: la recta pasa justo por "
                "esos puntos; muévela (cambia b) para dejarlos del lado correcto.",
            )
        expect(
            out.tolist() == truth,
            f"Con {gate} = ({w1:g}, {w2:g}, {b:g}) la neurona da "
            f"{out.tolist()} para las entradas (0,0), (0,1), (1,0), (1,1); debería dar {truth}.",
        )
        hidden[gate] = (w1, w2, b)
    # Con las tres neuronas se monta XOR = AND(OR, NAND): lo comprobamos como regalo.
    h = np.stack(
        [_step(_INPUTS @ np.array(hidden[g][:2]) + hidden[g][2]) for g in ("OR", "NAND")], axis=1
    )
    xor = _step(h @ np.array(hidden["AND"][:2]) + hidden["AND"][2])
    note = " Y con ellas ya tienes XOR = AND(OR, NAND)." if xor.tolist() == [0, 1, 1, 0] else ""
    return "Las tres puertas funcionan: cada una es una recta que separa los «1» de los «0»." + note


def _pairs(sizes):
    return list(zip(sizes[:-1], sizes[1:], strict=True))


def _mlp_expected(sizes):
    return sum((a + 1) * b for a, b in _pairs(sizes))


# Errores típicos al contar: (descripción, cuenta equivocada).
_MLP_MISTAKES = [
    ("solo cuentas los pesos; faltan los sesgos", lambda s: sum(a * b for a, b in _pairs(s))),
    (
        "la capa de entrada no tiene sesgos: solo las capas que calculan algo",
        lambda s: sum(a * b for a, b in _pairs(s)) + sum(s),
    ),
    ("falta la última capa (la de salida)", lambda s: _mlp_expected(s[:-1])),
    ("solo cuentas la primera capa; recorre todas", lambda s: (s[0] + 1) * s[1]),
]


@exercise(
    "dia-005.3",
    title="Parámetros de una red densa",
    hint="Recorre las capas por parejas "
    "consecutivas (entrada, salida): cada pareja aporta entrada·salida pesos y un sesgo por "
    "neurona de salida. La capa de entrada no tiene sesgos.",
)
def _mlp_params(count):
    expect(callable(count), "La respuesta debe ser tu función mlp_params(sizes).")
    cases = [[2, 2, 1], [64, 10], [3, 4, 4, 2], [784, 128, 64, 10], [10, 1, 1, 1, 1], [5, 300, 7]]
    answers = []
    for sizes in cases:
        got = count(list(sizes))
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        try:
            got_f = float(got)
        except (TypeError, ValueError):
            raise Wrong(f"mlp_params debe devolver un número entero, no {got!r}.") from None
        expect(got_f.is_integer(), f"mlp_params debe devolver un número entero, no {got!r}.")
        answers.append(int(got_f))
    wrong = [(s, g) for s, g in zip(cases, answers, strict=True) if g != _mlp_expected(s)]
    if wrong:
        sizes, got = wrong[0]
        for why, mistake in _MLP_MISTAKES:
            # Un error típico explica la respuesta si coincide en todos los casos que fallan.
            if all(g == mistake(s) for s, g in wrong):
                raise Wrong(f"mlp_params({sizes}) = {got}: {why}.")
        raise Wrong(f"mlp_params({sizes}) = {got} no es correcto.")
    return "Una red 784 → 128 → 64 → 10 ya pasa de cien mil parámetros, casi todos en la 1.ª capa."
