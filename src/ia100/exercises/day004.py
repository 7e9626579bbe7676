"""Comprobadores de los ejercicios del día 4 (comparación y aplicaciones de las técnicas)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, exercise, expect, expect_choices

_OPTIONS = ("MLP", "CNN", "RNN", "Transformer", "GAN", "Difusión", "Multimodal")

# Para cada tarea, las familias que se aceptan (la más adecuada y, si la hay, una alternativa
# igual de razonable).
_TASKS = {
    "detectar piezas defectuosas en fotos de una cadena de montaje": {"CNN"},
    "estimar el precio de una vivienda a partir de una tabla con superficie, barrio y año": {"MLP"},
    "predecir en un sensor con poca memoria la temperatura del minuto siguiente, lectura a lectura": {
        "RNN"
    },
    "traducir documentos con un modelo entrenado con millones de pares de frases": {"Transformer"},
    "crear una ilustración de alta calidad a partir de una descripción escrita": {
        "Difusión",
        "Multimodal",
    },
    "generar caras sintéticas en tiempo real para un videojuego": {"GAN"},
    "buscar en un archivo de fotos con una frase como 'perro en la playa'": {"Multimodal"},
}


@exercise(
    "dia-004.1",
    title="Cada tarea con su técnica",
    hint="Pregúntate qué forma tienen los "
    "datos (tabla, imagen, secuencia, varias modalidades) y si hay que clasificar o generar. "
    "Para generar, recuerda qué familia es más rápida y cuál da más calidad.",
)
def _tasks(answer):
    expect_choices(answer, _TASKS, item="tarea", choices=_OPTIONS)
    return (
        "Siete de siete. La forma de los datos y el objetivo (clasificar o generar) "
        "deciden casi siempre la familia."
    )


def _as_int(value, name: str) -> int:
    """Convierte la respuesta de una función a entero o explica por qué no vale."""
    expect(value is not None, f"{name} devuelve None: ¿olvidaste el return?")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise Wrong(f"{name} debe devolver un número entero, no {value!r}.") from None
    expect(number.is_integer(), f"{name} debe devolver un número entero, no {value!r}.")
    return int(number)


def _conv_expected(k, c_in, c_out):
    return c_out * (k * k * c_in) + c_out


def _dense_expected(n_in, n_out):
    return n_in * n_out + n_out


@exercise(
    "dia-004.2",
    title="Parámetros: convolución frente a capa densa",
    hint="Un filtro de "
    "k×k mira k·k píxeles en cada canal de entrada y suma un sesgo; una capa densa tiene un "
    "peso por cada pareja (entrada, salida) y un sesgo por salida.",
)
def _conv_vs_dense(answer):
    expect(
        isinstance(answer, tuple) and len(answer) == 2,
        "La respuesta debe ser la pareja (conv2d_params, dense_params).",
    )
    conv, dense = answer
    expect(callable(conv) and callable(dense), "Las dos partes de la pareja deben ser funciones.")
    for k, c_in, c_out in [(3, 1, 8), (3, 8, 16), (5, 3, 32), (1, 64, 10)]:
        got = _as_int(conv(k, c_in, c_out), "conv2d_params")
        right = _conv_expected(k, c_in, c_out)
        if got == right:
            continue
        expect(
            got != right - c_out,
            f"conv2d_params({k}, {c_in}, {c_out}) = {got}: falta el sesgo de cada filtro.",
        )
        expect(
            got != c_out * k * k + c_out,
            f"conv2d_params({k}, {c_in}, {c_out}) = {got}: cada "
            "filtro tiene pesos para todos los canales de entrada.",
        )
        expect(
            got != c_out * k * c_in + c_out,
            f"conv2d_params({k}, {c_in}, {c_out}) = {got}: la ventana es de k×k píxeles, no de k.",
        )
        expect(False, f"conv2d_params({k}, {c_in}, {c_out}) = {got} no es correcto.")
    for n_in, n_out in [(64, 10), (784, 128), (3, 1), (3072, 16384)]:
        got = _as_int(dense(n_in, n_out), "dense_params")
        expect(
            got != n_in * n_out,
            f"dense_params({n_in}, {n_out}) = {got}: falta el sesgo de cada neurona de salida.",
        )
        expect(
            got == _dense_expected(n_in, n_out),
            f"dense_params({n_in}, {n_out}) = {got} no es correcto.",
        )
    conv_big = _conv_expected(3, 3, 16)
    dense_big = _dense_expected(32 * 32 * 3, 32 * 32 * 16)
    ratio = f"{dense_big // conv_big:_}".replace("_", " ")
    dense_text = f"{dense_big:_}".replace("_", " ")
    return (
        f"Para una foto de 32×32 en color y 16 mapas de salida del mismo tamaño, la "
        f"convolución usa {conv_big} parámetros y una capa densa equivalente {dense_text}: "
        f"unas {ratio} veces más."
    )


def _digits_test():
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    X = (digits.images / 16.0).astype(np.float32)
    _, X_test, _, y_test = train_test_split(
        X, digits.target, test_size=0.25, stratify=digits.target, random_state=0
    )
    return X_test, y_test


@exercise(
    "dia-004.3",
    title="Una CNN diminuta",
    hint="Dos convoluciones 3×3 con pocos filtros "
    "(entre 4 y 12), cada una con ReLU y MaxPool2d(2), y una capa Linear final. Cuenta los "
    "parámetros de cada capa antes de entrenar.",
)
def _tiny_cnn(model):
    expect(model is not None, "build_tiny_cnn devuelve None: escribe tu red y devuélvela.")
    import torch

    expect(
        isinstance(model, torch.nn.Module),
        "La respuesta debe ser un modelo de PyTorch "
        "(un torch.nn.Module, por ejemplo un nn.Sequential).",
    )
    convolutions = (torch.nn.Conv1d, torch.nn.Conv2d, torch.nn.Conv3d)
    expect(
        any(isinstance(m, convolutions) for m in model.modules()),
        "Tu red no tiene ninguna capa convolucional (nn.Conv2d): se pide una CNN. Un MLP "
        "diminuto puede rozar el 92 %, pero no aprovecha que los píxeles vecinos se parecen.",
    )
    n_params = sum(p.numel() for p in model.parameters())
    expect(n_params < 1500, f"Tu red tiene {n_params} parámetros; el límite es 1 500.")
    X_test, y_test = _digits_test()
    params = list(model.parameters())
    device = params[0].device if params else "cpu"
    model.eval()
    try:
        with torch.no_grad():
            out = model(torch.tensor(X_test, device=device))
    except Exception as error:  # la red no acepta la forma de entrada
        raise Wrong(f"Tu red falló con un lote de forma (n, 8, 8): {error}") from None
    expect(
        tuple(out.shape) == (len(X_test), 10),
        f"La salida debe tener forma (n, 10), una puntuación por dígito; tiene {tuple(out.shape)}.",
    )
    accuracy = float((out.argmax(dim=1).cpu().numpy() == y_test).mean())
    expect(
        accuracy >= 0.92,
        f"Exactitud en prueba {accuracy:.3f} con {n_params} parámetros; hace "
        "falta ≥ 0.92. ¿Entrenaste la red? Prueba más filtros o más épocas.",
    )
    return (
        f"Exactitud {accuracy:.3f} con solo {n_params} parámetros, menos de un tercio de los "
        "del MLP del día (4 810)."
    )
