"""Comprobadores de los ejercicios del día 26 (clasificador de perros y gatos en Keras y PyTorch)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import as_array, exercise, expect


def _cnn_params(
    image_size,
    channels,
    hidden,
    n_classes,
    *,
    in_channels=3,
    bias=True,
    pool=True,
    area=9,
    exact=False,
):
    """Parámetros de la CNN del día: bloques conv 3×3 ('same') + ReLU + max pooling 2×2."""
    b = 1 if bias else 0
    total, c_in, side = 0, in_channels, image_size
    for c_out in channels:
        total += (area * c_in + b) * c_out
        c_in = c_out
        if pool:
            side = side / 2 if exact else side // 2
    flat = c_in * side * side
    return total + (flat + b) * hidden + (hidden + b) * n_classes


@exercise(
    "dia-026.1",
    title="Parámetros de la CNN de perros y gatos",
    hint="Un filtro 3×3 sobre c_in canales tiene 9·c_in pesos y un sesgo; una capa conv con "
    "c_out filtros tiene (9·c_in + 1)·c_out. Cada max pooling 2×2 divide el lado entre 2 "
    "(división entera); al aplanar quedan lado × lado × canales números.",
)
def _count_cnn(count):
    expect(
        callable(count),
        "La respuesta debe ser tu función cnn_params(image_size, channels, hidden, n_classes).",
    )
    cases = [
        (48, (8, 16, 32), 64, 2),
        (64, (16, 32, 64), 128, 2),
        (32, (8,), 16, 10),
        (50, (4, 8), 32, 3),  # 50 → 25 → 12: la división es entera
        (28, (6, 16), 120, 10),
    ]
    for image_size, channels, hidden, n_classes in cases:
        label = f"cnn_params({image_size}, {channels}, {hidden}, {n_classes})"
        got = count(image_size, tuple(channels), hidden, n_classes)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(got, int | float | np.integer | np.floating) and not isinstance(got, bool),
            f"Debe devolver un solo número, no {type(got).__name__}.",
        )
        expect(
            np.isfinite(float(got)) and float(got).is_integer(),
            f"{label}: el número de parámetros es un entero; has devuelto {got}.",
        )
        got = int(got)
        args = (image_size, channels, hidden, n_classes)
        expect(
            got != _cnn_params(*args, bias=False),
            f"{label} = {got}: solo cuentas pesos; cada filtro y cada neurona tienen su sesgo.",
        )
        expect(
            got != _cnn_params(*args, pool=False),
            f"{label} = {got}: olvidas que cada max pooling divide el lado de la imagen entre 2 "
            "antes de aplanar.",
        )
        expect(
            got != _cnn_params(*args, in_channels=1),
            f"{label} = {got}: las imágenes son en color; la primera convolución ve 3 canales.",
        )
        expect(
            got != _cnn_params(*args, area=3),
            f"{label} = {got}: un filtro 3×3 tiene 3·3 = 9 pesos por canal de entrada, no 3.",
        )
        exact = _cnn_params(*args, exact=True)
        expect(
            got != exact or exact == _cnn_params(*args),
            f"{label} = {got}: el max pooling 2×2 descarta la fila y la columna que sobran, así "
            f"que el lado se divide con división entera (//): {image_size} → "
            f"{image_size // 2} → {image_size // 4}…",
        )
        expect(
            got == _cnn_params(*args),
            f"{label} devuelve {got}, que no es el total de parámetros.",
        )
    return (
        "Con 48 píxeles, (8, 16, 32), 64 y 2 salen 79 954, lo mismo que dicen "
        "model.count_params() de Keras y la suma de p.numel() en PyTorch. Fíjate en que más "
        "del 90 % está en la primera capa densa, la que sigue a Flatten."
    )


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@exercise(
    "dia-026.2",
    title="De dos salidas softmax a una salida sigmoide",
    hint="Con dos logits, softmax da a la clase 1 la probabilidad σ(z₁ − z₀). Como z₁ − z₀ = "
    "h·(W[1] − W[0]) + (b[1] − b[0]), el peso de la neurona única es la diferencia de las dos "
    "filas de W, y su sesgo, la diferencia de los sesgos.",
)
def _sigmoid_head(to_sigmoid):
    expect(callable(to_sigmoid), "La respuesta debe ser tu función to_sigmoid_head(W, b).")
    rng = np.random.default_rng(26)
    for hidden in (64, 5, 1):
        W, b = rng.normal(size=(2, hidden)), rng.normal(size=2)
        h = np.abs(rng.normal(size=(20, hidden)))  # activaciones ReLU: no negativas
        result = to_sigmoid(W.copy(), b.copy())
        expect(result is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(result, tuple | list) and len(result) == 2,
            "Debe devolver una pareja (w, c): el vector de pesos y el sesgo de la neurona única.",
        )
        w = as_array(result[0], "El vector de pesos w").reshape(-1)
        c = as_array(result[1], "El sesgo c").reshape(-1)
        expect(
            w.shape == (hidden,),
            f"Con W de forma (2, {hidden}), w debe tener {hidden} números, no {w.size}.",
        )
        expect(c.size == 1, f"El sesgo c debe ser un solo número, no {c.size}.")
        p_sigmoid = _sigmoid(h @ w + c[0])
        p_dog = _softmax(h @ W.T + b)[:, 1]
        if not np.allclose(p_sigmoid, p_dog, atol=1e-6):
            expect(
                not np.allclose(p_sigmoid, 1 - p_dog, atol=1e-6),
                "Tu neurona da la probabilidad de la clase 0 (gato): resta al revés.",
            )
            expect(
                not np.allclose(w, W[1]),
                "Usas solo la fila de la clase 1: la softmax compara las dos salidas, así que "
                "lo que cuenta es su diferencia.",
            )
            expect(
                not np.allclose(w, W[1] - W[0]),
                "El vector w está bien, pero el sesgo no: también es una diferencia, "
                "c = b[1] − b[0].",
            )
            expect(False, "σ(h·w + c) no coincide con la probabilidad de perro de la softmax.")
    return (
        "Dense(2, softmax) y Dense(1, sigmoid) representan las mismas funciones; la primera "
        "tiene un juego de pesos redundante (sumar lo mismo a las dos filas no cambia nada). "
        "Keras suele usar la sigmoide con binary_crossentropy; con dos salidas, el código "
        "sirve igual para más clases."
    )


@exercise(
    "dia-026.3",
    title="Un filtro de Keras en PyTorch",
    hint="Keras guarda el núcleo de Conv2D como (alto, ancho, entradas, salidas) y PyTorch como "
    "(salidas, entradas, alto, ancho). Mueve los ejes con kernel.transpose(...): reshape no "
    "reordena los números, solo cambia cómo se leen.",
)
def _keras_to_torch(convert):
    expect(callable(convert), "La respuesta debe ser tu función keras_kernel_to_torch(kernel).")
    rng = np.random.default_rng(263)
    for shape in [(3, 5, 2, 4), (1, 1, 3, 8), (5, 3, 4, 6), (3, 3, 3, 8)]:
        kernel = rng.normal(size=shape).astype(np.float32)
        got = convert(kernel.copy())
        got = as_array(got.detach().cpu().numpy() if hasattr(got, "detach") else got, "El núcleo")
        kh, kw, c_in, c_out = shape
        expect(
            got.size == kernel.size,
            f"Con un núcleo de forma {shape} el resultado debe tener {kernel.size} números.",
        )
        expect(
            kh == kw or got.shape != (c_out, c_in, kw, kh),
            f"Con un núcleo de Keras {shape} devuelves la forma {got.shape}: intercambias el "
            "alto y el ancho del filtro.",
        )
        expect(
            got.shape == (c_out, c_in, kh, kw),
            f"Con un núcleo de Keras {shape} PyTorch espera la forma {(c_out, c_in, kh, kw)}, "
            f"no {got.shape}.",
        )
        expected = kernel.transpose(3, 2, 0, 1)
        if not np.allclose(got, expected):
            expect(
                not np.allclose(got, kernel.reshape(got.shape)),
                "La forma es correcta pero los números no: reshape no reordena ejes, usa "
                "transpose.",
            )
            expect(
                not np.allclose(got, kernel.transpose(3, 2, 1, 0).reshape(got.shape)),
                "Intercambias el alto y el ancho del filtro: el filtro quedaría traspuesto.",
            )
            expect(False, "Los valores no están donde PyTorch los espera.")
    return (
        "Es kernel.transpose(3, 2, 0, 1). Para una capa densa basta con trasponer (.T), salvo "
        "la primera tras Flatten: Keras aplana (alto, ancho, canales) y PyTorch "
        "(canales, alto, ancho), así que esas filas también hay que reordenarlas."
    )
