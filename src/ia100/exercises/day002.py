"""Comprobadores de los ejercicios del día 2 (historia y evolución del deep learning)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import exercise, expect

# Los hitos del ejercicio 1, en orden cronológico (el año va en el comentario).
_MILESTONES = [
    "neurona de McCulloch y Pitts",  # 1943
    "perceptrón de Rosenblatt",  # 1958
    "libro «Perceptrons» de Minsky y Papert",  # 1969
    "retropropagación de Rumelhart, Hinton y Williams",  # 1986
    "LSTM de Hochreiter y Schmidhuber",  # 1997
    "AlexNet gana ImageNet",  # 2012
    "Transformer",  # 2017
    "ChatGPT",  # 2022
]

_LOGIC_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


def _norm(text) -> str:
    return " ".join(str(text).split()).casefold()


@exercise(
    "dia-002.1",
    title="Ordenar los hitos",
    hint="Busca el año de cada hito en la línea del tiempo de la lección y ordénalos del más "
    "antiguo al más reciente. Copia los nombres tal como aparecen en la lista desordenada.",
)
def _order(order):
    expect(
        isinstance(order, (list, tuple)),
        "La respuesta debe ser una lista con los nombres de los hitos, del más antiguo al más reciente.",
    )
    expect(Ellipsis not in order, "Aún no has escrito tu respuesta: sustituye los `...`.")
    expect(
        len(order) == len(_MILESTONES),
        f"Tu lista tiene {len(order)} elementos; deben ser los {len(_MILESTONES)} hitos, cada uno una vez.",
    )
    known = {_norm(m) for m in _MILESTONES}
    unknown = [item for item in order if _norm(item) not in known]
    expect(not unknown, f"No reconozco estos nombres: {unknown}. Cópialos de la lista desordenada.")
    expect(
        len({_norm(item) for item in order}) == len(order),
        "Hay hitos repetidos en tu lista (y, por tanto, falta alguno).",
    )
    rank = {_norm(m): i for i, m in enumerate(_MILESTONES)}
    positions = [rank[_norm(item)] for item in order]
    if positions == list(reversed(range(len(positions)))):
        expect(False, "Has ordenado del más reciente al más antiguo: se pide al revés.")
    right = sum(p == i for i, p in enumerate(positions))
    expect(
        right == len(positions),
        f"{right} de {len(positions)} hitos están en su sitio. Revisa los años de los demás.",
    )
    return (
        "De 1943 a 2022: más de cuarenta años entre la primera neurona y la retropropagación "
        "de 1986, y solo diez entre AlexNet y ChatGPT."
    )


def _reference_update(w, b, x, target, lr):
    error = target - int(np.dot(w, x) + b > 0)
    return w + lr * error * x, b + lr * error


@exercise(
    "dia-002.2",
    title="La regla del perceptrón",
    hint="Calcula la predicción ŷ = 1 si w·x + b > 0 (si no, 0), el error y − ŷ, y suma "
    "η·error·x a los pesos y η·error al sesgo. Si acierta, el error es 0 y nada cambia.",
)
def _perceptron_update(update):
    expect(
        callable(update), "La respuesta debe ser tu función perceptron_update(w, b, x, target, lr)."
    )
    rng = np.random.default_rng(2)
    cases = []
    for d in (2, 3, 5):
        w, x = rng.normal(size=d), rng.normal(size=d)
        b = float(rng.normal())
        fires = int(np.dot(w, x) + b > 0)
        cases.append((w, b, x, fires, 1.0, "acierta"))  # acierta: nada debe cambiar
        cases.append((w, b, x, 1 - fires, 1.0, "falla"))
        cases.append((w, b, x, 1 - fires, 0.1, "falla con η = 0.1"))
    for w, b, x, target, lr, label in cases:
        expected_w, expected_b = _reference_update(w, b, x, target, lr)
        out = update(w.copy(), b, x.copy(), target, lr)
        expect(out is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(out, (tuple, list)) and len(out) == 2,
            "Tu función debe devolver una pareja (w_nuevo, b_nuevo).",
        )
        new_w, new_b = np.asarray(out[0], dtype=float), np.asarray(out[1], dtype=float)
        expect(
            new_w.shape == w.shape,
            f"Con w de forma {w.shape}, el w nuevo tiene forma {new_w.shape}.",
        )
        expect(new_b.size == 1, "El sesgo nuevo debe ser un solo número.")
        new_b = new_b.item()
        if label == "acierta":
            expect(
                np.allclose(new_w, w) and np.isclose(new_b, b),
                "Cuando el perceptrón acierta, los pesos y el sesgo no deben cambiar.",
            )
            continue
        expect(
            not (np.allclose(new_w, w) and np.isclose(new_b, b)),
            "Cuando el perceptrón se equivoca, los pesos deben cambiar.",
        )
        if np.allclose(new_w, 2 * w - expected_w):
            expect(False, "Corriges en la dirección contraria: el error es y − ŷ, no ŷ − y.")
        expect(
            np.allclose(new_w, expected_w),
            f"Cuando el perceptrón {label}, los pesos nuevos no son w + η·(y − ŷ)·x.",
        )
        expect(
            np.isclose(new_b, expected_b),
            f"Cuando el perceptrón {label}, el sesgo no se actualiza bien.",
        )
    w, b = np.zeros(2), 0.0
    target = np.array([0, 0, 0, 1])
    for _ in range(20):
        for x_i, t_i in zip(_LOGIC_X, target, strict=True):
            w, b = update(w, b, x_i, int(t_i), 1.0)
            w, b = np.asarray(w, dtype=float), np.asarray(b, dtype=float).item()
    learned = (_LOGIC_X @ w + b > 0).astype(int)
    expect(
        np.array_equal(learned, target), "Con tu regla, el perceptrón no aprende AND en 20 épocas."
    )
    return "Con tu regla, un perceptrón que empieza en cero aprende AND en unas pocas épocas."


@exercise(
    "dia-002.3",
    title="Una red de dos capas para XNOR",
    hint="XNOR es lo contrario de XOR: vale 1 cuando las dos entradas coinciden. Piensa en "
    "dos neuronas ocultas, una que detecte «las dos son 1» (AND) y otra «las dos son 0» "
    "(NOR), y una salida que se dispare si alguna de las dos lo hace.",
)
def _xnor(net):
    expect(isinstance(net, dict), "La respuesta debe ser un diccionario con W1, b1, W2 y b2.")
    missing = [k for k in ("W1", "b1", "W2", "b2") if k not in net]
    expect(not missing, f"Faltan claves en el diccionario: {missing}.")
    try:
        W1, b1 = np.asarray(net["W1"], dtype=float), np.asarray(net["b1"], dtype=float)
        W2, b2 = np.asarray(net["W2"], dtype=float), np.asarray(net["b2"], dtype=float)
    except (TypeError, ValueError):
        expect(False, "Los pesos deben ser números o arrays de números (¿queda algún `...`?).")
        raise  # inalcanzable: expect ya lanzó Wrong
    expect(
        W1.shape == (2, 2), f"W1 debe tener forma (2, 2) (2 entradas, 2 ocultas), no {W1.shape}."
    )
    expect(
        b1.shape == (2,), f"b1 debe tener forma (2,), un umbral por neurona oculta, no {b1.shape}."
    )
    expect(
        W2.shape == (2,), f"W2 debe tener forma (2,), un peso por neurona oculta, no {W2.shape}."
    )
    expect(b2.size == 1, f"b2 debe ser un solo número, no un array de forma {b2.shape}.")
    hidden = (_LOGIC_X @ W1 + b1 > 0).astype(float)
    out = (hidden @ W2 + b2.item() > 0).astype(int)
    target = np.array([1, 0, 0, 1])
    wrong = [
        tuple(int(v) for v in x) for x, o, t in zip(_LOGIC_X, out, target, strict=True) if o != t
    ]
    expect(
        len(wrong) < 4,
        "Tu red se equivoca en las cuatro entradas: ¿has calculado XOR en vez de XNOR?",
    )
    expect(not wrong, f"Tu red se equivoca en las entradas {wrong} (de 4).")
    return "XNOR tampoco es separable con una recta, y con una capa oculta basta."


@exercise(
    "dia-002.4",
    title="Tiempo de duplicación",
    hint="Ajusta una recta a log10(parámetros) frente al año con np.polyfit(..., deg=1). Si la "
    "pendiente es a, el tamaño se duplica cada log10(2) / a años; pásalo a meses.",
)
def _doubling(fn):
    expect(callable(fn), "La respuesta debe ser tu función doubling_time(years, n_params).")
    years = np.arange(2010, 2021, dtype=float)
    for months in (6.0, 18.0, 30.0):
        n_params = 1e6 * 2 ** ((years - 2010) * 12 / months)
        out = fn(years.copy(), n_params.copy())
        expect(out is not None, "Tu función devuelve None: ¿olvidaste el return?")
        out = np.asarray(out, dtype=float)
        expect(out.size == 1, "Tu función debe devolver un solo número (meses).")
        value = out.item()
        expect(
            np.isfinite(value) and value > 0,
            f"El tiempo de duplicación debe ser positivo; da {value:.3g}.",
        )
        if np.isclose(value, months / 12):
            expect(False, "Tu resultado parece estar en años: se pide en meses.")
        if np.isclose(value, months * np.log(2) / np.log10(2)) or np.isclose(
            value, months * np.log10(2) / np.log(2)
        ):
            expect(
                False,
                "Mezclas logaritmos: si ajustas log10, usa log10(2); si ajustas ln, usa ln(2).",
            )
        expect(
            np.isclose(value, months, rtol=1e-6),
            f"Con datos que se duplican exactamente cada {months:g} meses, tu función da {value:.3g}.",
        )
    rng = np.random.default_rng(4)
    noisy_years = np.sort(rng.uniform(2000, 2022, size=12))
    noisy = 1e5 * 10 ** (0.3 * (noisy_years - 2000) + rng.normal(0, 0.4, size=12))
    slope = np.polyfit(noisy_years, np.log10(noisy), 1)[0]
    expected = 12 * np.log10(2) / slope
    out = fn(list(noisy_years), list(noisy))
    expect(out is not None, "Tu función devuelve None: ¿olvidaste el return?")
    value = np.asarray(out, dtype=float).reshape(-1)[0].item()
    expect(
        np.isclose(value, expected, rtol=1e-4),
        "Con datos con ruido tu resultado no coincide con el de un ajuste por mínimos cuadrados "
        "de log10(parámetros) frente al año. ¿Usas solo el primer y el último punto? ¿Aceptas listas?",
    )
    return (
        "Con datos reales, que nunca caen exactamente en una recta, el ajuste por mínimos "
        f"cuadrados da la tendencia: en la prueba con ruido, ×2 cada {value:.1f} meses."
    )
