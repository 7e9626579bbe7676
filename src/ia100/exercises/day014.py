"""Comprobadores de los ejercicios del día 14 (CNN frente a redes densas)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect, expect_choices


@exercise(
    "dia-014.1",
    title="Una capa densa que imitara a una convolución",
    hint="La salida tiene h·w·c_out neuronas y cada una recibe las h·w·c_in entradas, más "
    "un sesgo: (h·w·c_in + 1) · (h·w·c_out).",
)
def _dense_like_conv(dense_like_conv_params):
    expect(
        callable(dense_like_conv_params),
        "La respuesta debe ser tu función dense_like_conv_params(h, w, c_in, c_out).",
    )
    # El caso de un solo canal va al final: con c_out = 1, varios errores dan lo mismo.
    for h, w, c_in, c_out in [(28, 28, 1, 8), (32, 32, 3, 16), (5, 7, 2, 3), (8, 8, 1, 1)]:
        value = dense_like_conv_params(h, w, c_in, c_out)
        expect(value is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(np.ndim(value) == 0, "Debe devolver un solo número.")
        try:
            got = int(value)
        except (TypeError, ValueError) as error:
            raise Wrong("Tu función no devuelve un número.") from error
        n_in, n_out = h * w * c_in, h * w * c_out
        expected = (n_in + 1) * n_out
        if got == expected:
            continue
        call = f"dense_like_conv_params({h}, {w}, {c_in}, {c_out}) = {got}"
        expect(got != n_in * n_out, f"{call}: faltan los sesgos, uno por neurona de salida.")
        expect(got != n_in * n_out + 1, f"{call}: hay un sesgo por neurona, no uno en total.")
        expect(
            got != n_in * n_out + c_out,
            f"{call}: en la capa densa cada una de las h·w·c_out neuronas tiene su sesgo; uno por "
            "mapa es lo que hace la convolución.",
        )
        expect(
            got != (n_in + 1) * c_out,
            f"{call}: la salida no son c_out números, sino c_out mapas de h×w.",
        )
        expect(
            got not in {(9 * c_in + 1) * c_out, (c_in + 1) * c_out},
            f"{call}: eso se parece a los parámetros de la convolución; se piden los de la "
            "capa densa.",
        )
        expect(False, f"{call}, pero esa capa densa tendría {expected} parámetros.")
    big = f"{(224 * 224 * 3 + 1) * (224 * 224 * 64):,}".replace(",", " ")
    return (
        f"Con una foto de 224×224 y 64 mapas de salida serían {big} parámetros; la convolución "
        "3×3 equivalente tiene 1 792."
    )


def _shift_reference(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    out = np.zeros_like(image)
    h, w = image.shape
    if abs(dy) >= h or abs(dx) >= w:
        return out
    out[max(dy, 0) : h + min(dy, 0), max(dx, 0) : w + min(dx, 0)] = image[
        max(-dy, 0) : h - max(dy, 0), max(-dx, 0) : w - max(dx, 0)
    ]
    return out


@exercise(
    "dia-014.2",
    title="Desplazar una imagen rellenando con ceros",
    hint="Crea np.zeros_like(image) y copia el trozo que sigue dentro: con dy > 0, las filas "
    "0…h-dy-1 de la entrada van a las filas dy…h-1 de la salida (y al revés si dy < 0).",
)
def _shift(shift_image):
    expect(callable(shift_image), "La respuesta debe ser tu función shift_image(image, dy, dx).")
    rng = np.random.default_rng(14)
    image = rng.uniform(0.1, 1.0, size=(6, 7))
    for dy, dx in [(0, 0), (2, 0), (0, 3), (-1, 2), (3, -4), (-2, -2), (6, 0), (0, -9)]:
        original = image.copy()
        got = as_array(shift_image(image, dy, dx), f"shift_image(image, {dy}, {dx})")
        expect(np.array_equal(image, original), "Tu función modifica la imagen de entrada.")
        expect(
            got.shape == image.shape, f"La salida debe tener la forma de la entrada, {image.shape}."
        )
        expected = _shift_reference(image, dy, dx)
        if np.allclose(got, expected):
            continue
        call = f"shift_image(image, {dy}, {dx})"
        expect(
            not np.allclose(got, np.roll(image, (dy, dx), axis=(0, 1))),
            f"{call}: lo que sale por un borde vuelve a entrar por el otro (np.roll). Aquí lo "
            "que queda al descubierto debe ser negro (ceros).",
        )
        expect(
            not np.allclose(got, _shift_reference(image, -dy, -dx)),
            f"{call}: mueves la imagen en sentido contrario; dy > 0 es hacia abajo y dx > 0 "
            "hacia la derecha.",
        )
        expect(
            not np.allclose(got, _shift_reference(image, dx, dy)),
            f"{call}: intercambias filas (dy) y columnas (dx).",
        )
        expect(False, f"{call} no da la imagen desplazada esperada.")
    return (
        "Esta función es la que genera los dígitos desplazados de la lección; con ella puedes "
        "medir la equivariancia de cualquier capa."
    )


_OPERATIONS = {
    "convolución con relleno, lejos de los bordes": "equivariante",
    "ReLU aplicada a cada píxel": "equivariante",
    "sumar un sesgo distinto a cada canal": "equivariante",
    "sumar a cada píxel un valor aprendido distinto según su posición": "ninguna",
    "aplanar la imagen y aplicar una capa densa": "ninguna",
    "máximo global de cada mapa (global max pooling)": "invariante",
    "media global de cada mapa (global average pooling)": "invariante",
    "contar cuántos píxeles de la imagen superan un umbral": "invariante",
}


@exercise(
    "dia-014.3",
    title="¿Equivariante, invariante o ninguna?",
    hint="Mueve la entrada unos píxeles (sin que nada se salga de la imagen). Si la salida se "
    "mueve igual, es equivariante; si no cambia, invariante; si cambia de otra forma, ninguna. "
    "Pregúntate si la operación trata igual todas las posiciones.",
)
def _which_symmetry(answer):
    choices = ("equivariante", "invariante", "ninguna")
    expect_choices(answer, _OPERATIONS, item="operación", choices=choices)
    return (
        "Ocho de ocho. Una CNN encadena operaciones equivariantes y termina con una invariante "
        "(la agrupación global): por eso reconoce el objeto esté donde esté."
    )
