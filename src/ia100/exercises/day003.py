"""Comprobadores de los ejercicios del día 3 (las grandes familias de técnicas)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import as_array, exercise, expect, expect_choices


def _conv_reference(image, kernel, stride):
    kh, kw = kernel.shape
    rows = (image.shape[0] - kh) // stride + 1
    cols = (image.shape[1] - kw) // stride + 1
    out = np.empty((rows, cols))
    for i in range(rows):
        for j in range(cols):
            r, c = i * stride, j * stride
            out[i, j] = np.sum(image[r : r + kh, c : c + kw] * kernel)
    return out


@exercise(
    "dia-003.1",
    title="Una convolución con paso",
    hint="La salida tiene (H − kh) // stride + 1 filas (y lo mismo con las columnas). La casilla "
    "(i, j) es la suma de image[i·stride : i·stride + kh, j·stride : j·stride + kw] * kernel.",
)
def _conv2d(conv2d):
    expect(callable(conv2d), "La respuesta debe ser tu función conv2d(image, kernel, stride).")
    rng = np.random.default_rng(3)
    cases = [((6, 6), (3, 3), 1), ((7, 9), (2, 3), 1), ((8, 8), (3, 3), 2), ((9, 11), (3, 2), 3)]
    for image_shape, kernel_shape, stride in cases:
        image, kernel = rng.normal(size=image_shape), rng.normal(size=kernel_shape)
        expected = _conv_reference(image, kernel, stride)
        out = as_array(
            conv2d(image.copy(), kernel.copy(), stride),
            f"La salida con una imagen {image_shape}, un filtro {kernel_shape} y paso {stride}",
        )
        expect(
            out.shape == expected.shape,
            f"Con una imagen {image_shape}, un filtro {kernel_shape} y paso {stride}, la salida "
            f"debe tener forma {expected.shape}, no {out.shape}.",
        )
        flipped = _conv_reference(image, kernel[::-1, ::-1], stride)
        if not np.allclose(out, expected) and np.allclose(out, flipped):
            expect(
                False,
                "Volteas el filtro (la convolución de los libros de matemáticas): las redes usan "
                "la correlación cruzada, sin voltear.",
            )
        expect(
            np.allclose(out, expected),
            f"Los valores no coinciden con una imagen {image_shape}, un filtro {kernel_shape} "
            f"y paso {stride}.",
        )
    return "Con paso 2 la salida mide la mitad: así reducen tamaño muchas CNN sin usar pooling."


def _attention_reference(Q, K, V, causal):
    scores = Q @ K.T / np.sqrt(K.shape[1])
    if causal:
        scores = np.where(np.tril(np.ones(scores.shape, dtype=bool)), scores, -np.inf)
    scores = scores - scores.max(axis=1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=1, keepdims=True)
    return weights @ V, weights


@exercise(
    "dia-003.2",
    title="Atención con máscara causal",
    hint="Puntuaciones Q·Kᵀ/√d, con d el número de columnas de K. Con causal=True, pon −∞ "
    "donde la columna es mayor que la fila (np.triu o np.tril ayudan). Softmax por filas "
    "(resta antes el máximo de cada fila) y, al final, pesos @ V.",
)
def _attention(attention):
    expect(
        callable(attention), "La respuesta debe ser tu función attention(Q, K, V, causal=False)."
    )
    rng = np.random.default_rng(33)
    for n, d, dv in [(4, 3, 2), (6, 8, 5), (1, 4, 3)]:
        Q, K, V = rng.normal(size=(n, d)), rng.normal(size=(n, d)), rng.normal(size=(n, dv))
        for causal in (False, True):
            label = "con máscara causal" if causal else "sin máscara"
            result = attention(Q.copy(), K.copy(), V.copy(), causal=causal)
            expect(result is not None, "Tu función devuelve None: ¿olvidaste el return?")
            expect(
                isinstance(result, (tuple, list)) and len(result) == 2,
                "Tu función debe devolver una pareja (salida, pesos).",
            )
            out = as_array(result[0], "La salida")
            weights = as_array(result[1], "Los pesos")
            expected_out, expected_w = _attention_reference(Q, K, V, causal)
            if n != dv and out.shape == (n, n) and weights.shape == (n, dv):
                expect(False, "Devuelves (pesos, salida): el orden pedido es (salida, pesos).")
            expect(
                weights.shape == (n, n),
                f"Con {n} elementos, los pesos deben tener forma {(n, n)}, no {weights.shape}.",
            )
            expect(
                out.shape == (n, dv),
                f"Con V de forma {(n, dv)}, la salida debe tener forma {(n, dv)}, no {out.shape}.",
            )
            if causal and not np.all(np.isfinite(weights[0])):
                expect(
                    False,
                    "Hay nan en la primera fila de pesos con máscara causal: tu máscara tapa "
                    "también la diagonal y esa fila queda toda en −∞. Cada elemento puede "
                    "mirarse a sí mismo: tapa solo donde la columna es mayor que la fila.",
                )
            expect(
                np.all(np.isfinite(weights)),
                f"Hay nan o infinitos en los pesos {label}: ¿aplicas exp a −∞ sin restar el máximo?",
            )
            expect(
                np.allclose(weights.sum(axis=1), 1),
                f"Cada fila de pesos debe sumar 1 ({label}): aplica softmax por filas (axis=1).",
            )
            if causal:
                expect(
                    np.allclose(np.triu(weights, k=1), 0),
                    "Con la máscara causal, ningún elemento puede mirar a los posteriores: "
                    "los pesos por encima de la diagonal deben ser 0.",
                )
            _, unscaled = _attention_reference(Q * np.sqrt(d), K, V, causal)
            if not np.allclose(weights, expected_w) and np.allclose(weights, unscaled):
                expect(False, "Olvidas dividir las puntuaciones entre √d.")
            expect(np.allclose(weights, expected_w), f"Los pesos {label} no son los esperados.")
            expect(
                np.allclose(out, expected_out),
                "Los pesos están bien, pero la salida no es pesos @ V.",
            )
    big = 1000 * rng.normal(size=(3, 4))
    with np.errstate(over="ignore", invalid="ignore"):
        out, weights = attention(big, big, np.eye(3), causal=False)
    expect(
        np.all(np.isfinite(np.asarray(weights, dtype=float))),
        "Con puntuaciones muy grandes tus pesos dan nan: resta el máximo de cada fila antes de exp.",
    )
    return "Así atiende cada capa de GPT: cada posición mira solo a las anteriores."


_FAMILIES = {
    "clasificar fotos de hojas enfermas con filtros que detectan manchas y bordes": "CNN",
    "predecir la temperatura de mañana leyendo la serie día a día con una memoria que se "
    "actualiza": "RNN",
    "crear caras realistas entrenando a un falsificador contra un detective": "GAN",
    "traducir frases largas relacionando cada palabra con todas las demás a la vez": "Transformer",
    "generar una ilustración partiendo de ruido puro y limpiándolo en muchos pasos": "Difusión",
    "buscar en una galería la foto que mejor encaja con una descripción escrita": "Multimodal",
}
_ALIASES = {
    "cnn": "CNN",
    "convolucional": "CNN",
    "rnn": "RNN",
    "recurrente": "RNN",
    "lstm": "RNN",
    "gan": "GAN",
    "transformer": "Transformer",
    "transformers": "Transformer",
    "difusion": "Difusión",
    "difusión": "Difusión",
    "multimodal": "Multimodal",
}


@exercise(
    "dia-003.3",
    title="¿Qué familia encaja?",
    hint="Busca en cada tarea el mecanismo: filtros que recorren una imagen, una memoria que se "
    "actualiza, dos redes que compiten, todas las palabras a la vez, ruido que se quita o dos "
    "modalidades comparadas.",
)
def _families(answer):
    choices = ("CNN", "RNN", "GAN", "Transformer", "Difusión", "Multimodal")
    expect_choices(answer, _FAMILIES, item="tarea", choices=choices, aliases=_ALIASES)
    return (
        "Seis de seis. En la práctica se combinan: Stable Diffusion une difusión, una U-Net "
        "convolucional con capas de atención y el codificador de texto de CLIP."
    )


@exercise(
    "dia-003.4",
    title="El ruido de la difusión",
    hint="ᾱ_t es el producto de (1 − β_s) para s = 1…t, es decir, np.cumprod(1 - betas)[t - 1] "
    "(y 1 si t = 0). Después, x_t = √ᾱ_t · x0 + √(1 − ᾱ_t) · eps.",
)
def _add_noise(add_noise):
    expect(callable(add_noise), "La respuesta debe ser tu función add_noise(x0, t, betas, eps).")
    rng = np.random.default_rng(34)
    schedules = {
        "lineal": np.linspace(1e-4, 0.02, 1000),
        "corto": np.linspace(0.05, 0.3, 10),
    }
    for name, betas in schedules.items():
        T = len(betas)
        alpha_bar = np.concatenate([[1.0], np.cumprod(1 - betas)])
        for shape in [(5,), (4, 6)]:
            x0, eps = rng.normal(size=shape), rng.normal(size=shape)
            for t in sorted({0, 1, T // 2, T}):
                expected = np.sqrt(alpha_bar[t]) * x0 + np.sqrt(1 - alpha_bar[t]) * eps
                out = as_array(
                    add_noise(x0.copy(), t, betas.copy(), eps.copy()),
                    f"La salida con t = {t}",
                )
                expect(
                    out.shape == shape,
                    f"Con x0 de forma {shape} la salida debe tener la misma forma, no {out.shape}.",
                )
                shifted = alpha_bar[min(t + 1, T)]
                if not np.allclose(out, expected) and np.allclose(
                    out, np.sqrt(shifted) * x0 + np.sqrt(1 - shifted) * eps
                ):
                    expect(False, "Te sobra un paso: ᾱ_t multiplica t factores, de β_1 a β_t.")
                if t == 0:
                    expect(np.allclose(out, x0), "Con t = 0 no se ha añadido ruido: debe salir x0.")
                    continue
                plain = alpha_bar[t] * x0 + (1 - alpha_bar[t]) * eps
                if np.allclose(out, plain):
                    expect(False, "Faltan las raíces cuadradas: es √ᾱ_t y √(1 − ᾱ_t).")
                expect(
                    np.allclose(out, expected),
                    f"Con el calendario {name} y t = {t}, la salida no es √ᾱ_t·x0 + √(1 − ᾱ_t)·eps.",
                )
    return "Con la fórmula cerrada se obtiene cualquier x_t en un solo paso: así se entrena rápido."
