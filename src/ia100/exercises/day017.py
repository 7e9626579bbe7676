"""Comprobadores de los ejercicios del día 17 (filtros y extracción de características)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import as_array, exercise, expect

_SOBEL_X = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])


def _corr2d(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Correlación cruzada sin relleno (lo que calcula F.conv2d con un canal)."""
    windows = np.lib.stride_tricks.sliding_window_view(image, kernel.shape)
    return np.einsum("ijuv,uv->ij", windows, kernel)


@exercise(
    "dia-017.1",
    title="Un detector de bordes diagonales",
    hint="Pon pesos negativos arriba a la izquierda y positivos abajo a la derecha, cada uno en "
    "la posición simétrica del otro respecto a la otra diagonal (la que va de arriba a la "
    "derecha a abajo a la izquierda) y con el mismo valor absoluto, de modo que sumen 0. "
    "Piensa en un Sobel girado 45°.",
)
def _diagonal(kernel):
    k = as_array(kernel, "Tu filtro")
    expect(k.shape == (3, 3), f"El filtro debe ser una tabla de 3×3, no de forma {k.shape}.")
    expect(np.isfinite(k).all(), "El filtro tiene valores no finitos (nan o inf).")
    scale = np.abs(k).max()
    expect(scale > 0, "Tu filtro es todo ceros: no responde a nada.")
    u, v = np.mgrid[0:3, 0:3]
    expect(
        abs(k.sum()) <= 1e-6 * scale,
        f"Tus pesos suman {k.sum():.3g}: en una zona de brillo uniforme la respuesta no sería "
        "0. Un detector de bordes debe sumar 0.",
    )
    along = float((k * (u + v)).sum())  # rampa que sube hacia abajo a la derecha
    across = float((k * (u - v)).sum())  # rampa a lo largo de la otra diagonal
    expect(
        abs(along) > 1e-6 * scale,
        "Tu filtro no responde a un borde que pasa de oscuro (arriba a la izquierda) a claro "
        "(abajo a la derecha)."
        + (
            " Responde, en cambio, a los de la otra diagonal: gíralo 90°."
            if abs(across) > 1e-6 * scale
            else ""
        ),
    )
    expect(
        along > 0,
        "El signo está al revés: tu filtro da una respuesta negativa cuando el brillo aumenta "
        "hacia abajo a la derecha. Cambia el signo de todos los pesos.",
    )
    expect(
        abs(across) <= 1e-6 * scale,
        "Tu filtro también responde a los bordes de la otra diagonal (de arriba a la derecha a "
        "abajo a la izquierda); debe dar 0 con ellos. Los pesos de cada línea paralela a la "
        "diagonal que va de arriba a la izquierda a abajo a la derecha deben sumar 0.",
    )
    step = (np.add.outer(np.arange(9), np.arange(9)) > 8).astype(float)  # escalón diagonal
    response = _corr2d(step, k)
    expect(
        response.max() > 0 and response.min() >= -1e-9 * scale,
        "Con un escalón diagonal de oscuro a claro tu filtro debería dar solo respuestas ≥ 0.",
    )
    other = (np.subtract.outer(np.arange(9), np.arange(9)) < 0).astype(float)  # la otra diagonal
    expect(
        np.abs(_corr2d(other, k)).max() <= 1e-6 * scale,
        "Con un escalón de la otra diagonal (claro arriba a la derecha, oscuro abajo a la "
        "izquierda) tu filtro no da 0 en todas las posiciones. Los pesos de cada línea paralela "
        "a la diagonal que va de arriba a la izquierda a abajo a la derecha (las cinco, también "
        "las esquinas de un solo peso) deben sumar 0 por separado.",
    )
    return (
        "Detectas bordes a 45°. Un filtro como [[-2, -1, 0], [-1, 0, 1], [0, 1, 2]] es el Sobel "
        "diagonal; la primera capa de una CNN aprende detectores así, en muchas orientaciones."
    )


@exercise(
    "dia-017.2",
    title="La magnitud del borde con Sobel",
    hint="Calcula gx con el Sobel x y gy con su traspuesto (sin relleno: la salida mide "
    "(H - 2, W - 2)) y devuelve sqrt(gx**2 + gy**2), elemento a elemento.",
)
def _edge_magnitude(edge_magnitude):
    expect(callable(edge_magnitude), "La respuesta debe ser tu función edge_magnitude(gray).")
    rng = np.random.default_rng(172)
    step = np.full((8, 10), 0.2)
    step[:, 5:] = 0.9
    for gray in [step, rng.random((7, 7)), rng.random((12, 9)), step.T.copy()]:
        got = as_array(edge_magnitude(gray.copy()), "Lo que devuelve tu función")
        gx, gy = _corr2d(gray, _SOBEL_X), _corr2d(gray, _SOBEL_X.T)
        expected = np.hypot(gx, gy)
        if got.shape != expected.shape:
            expect(
                got.shape != gray.shape,
                f"Devuelves una imagen del mismo tamaño que la entrada {gray.shape}; aquí se pide "
                f"sin relleno, de forma {expected.shape}.",
            )
            expect(False, f"Con una imagen {gray.shape}, la salida debe ser {expected.shape}.")
        if not np.allclose(got, expected, atol=1e-6):
            for wrong, message in [
                (gx**2 + gy**2, "Falta la raíz cuadrada: devuelves gx² + gy²."),
                (np.abs(gx) + np.abs(gy), "Sumas |gx| + |gy|; la magnitud es sqrt(gx² + gy²)."),
                (np.abs(gx), "Solo usas el Sobel x: te faltan los bordes horizontales (gy)."),
                (np.abs(gy), "Solo usas el Sobel y: te faltan los bordes verticales (gx)."),
                (
                    np.sqrt(2) * np.abs(gx),
                    "Usas el Sobel x dos veces: el Sobel y es su traspuesto (sobel_x.T).",
                ),
            ]:
                expect(not np.allclose(got, wrong, atol=1e-6), message)
            expect(False, "Los valores no coinciden con sqrt(gx² + gy²) de los filtros de Sobel.")
    return (
        "Fíjate en que la magnitud no cambia si giras los filtros 180° (la convolución de "
        "verdad): gx y gy solo cambian de signo."
    )


def _centre_delta(shape: tuple[int, int]) -> np.ndarray:
    delta = np.zeros(shape)
    delta[shape[0] // 2, shape[1] // 2] = 1.0
    return delta


def _gaussian(size: int, sigma: float) -> np.ndarray:
    offsets = np.arange(size) - (size - 1) / 2
    bell = np.exp(-(offsets**2) / (2 * sigma**2))
    kernel = np.outer(bell, bell)
    return kernel / kernel.sum()


@exercise(
    "dia-017.3",
    title="Realzar a partir de suavizar",
    hint="Construye la identidad: una tabla de ceros del tamaño de blur con un 1 en el centro. "
    "El realce es identidad + amount · (identidad − blur): la imagen más sus detalles.",
)
def _sharpen(sharpen_kernel):
    expect(
        callable(sharpen_kernel), "La respuesta debe ser tu función sharpen_kernel(blur, amount)."
    )
    cases = [(np.full((3, 3), 1 / 9), 1.0), (_gaussian(5, 1.0), 0.5), (_gaussian(7, 1.5), 2.0)]
    for blur, amount in cases:
        original = blur.copy()
        got = as_array(sharpen_kernel(blur, amount), "Lo que devuelve tu función")
        expect(np.array_equal(blur, original), "Tu función modifica el filtro blur que recibe.")
        expect(
            got.shape == blur.shape,
            f"Con un suavizado de {blur.shape} el realce debe tener la misma forma, no {got.shape}.",
        )
        delta = _centre_delta(blur.shape)
        expected = delta + amount * (delta - blur)
        if not np.allclose(got, expected, atol=1e-9):
            expect(
                not np.allclose(got, amount * (delta - blur), atol=1e-9),
                "Devuelves solo los detalles, amount · (identidad − blur), que suman 0: falta "
                "sumar la identidad (la imagen original).",
            )
            expect(
                not np.allclose(got, blur + amount * (delta - blur), atol=1e-9),
                "Sumas los detalles al suavizado (blur + amount · (identidad − blur)); hay que "
                "sumarlos a la imagen original, la identidad.",
            )
            expect(
                not np.allclose(got, delta - amount * (delta - blur), atol=1e-9),
                "Restas los detalles en vez de sumarlos: eso suaviza la imagen. El realce es "
                "identidad + amount · (identidad − blur).",
            )
            eye = np.eye(blur.shape[0])
            expect(
                not np.allclose(got, eye + amount * (eye - blur), atol=1e-9),
                "Usas np.eye como identidad, pero la identidad de un filtro no es la matriz "
                "identidad: es una tabla de ceros con un solo 1 en la casilla central.",
            )
            expect(
                abs(got.sum() - 1) < 1e-6,
                f"Tus pesos suman {got.sum():.3g}; un realce debe sumar 1 para no cambiar el "
                "brillo de las zonas planas.",
            )
            expect(
                np.unravel_index(np.argmax(got), got.shape) == (blur.shape[0] // 2,) * 2,
                "El peso mayor no está en el centro: el 1 de la identidad va en la casilla "
                "central, (tamaño // 2, tamaño // 2).",
            )
            expect(
                False,
                f"Con amount = {amount}, los pesos no son identidad + amount · (identidad − blur).",
            )
    return (
        "Es la «máscara de enfoque» (unsharp masking) de los programas de fotografía. Con el "
        "suavizado de caja y amount = 1 sale 17/9 en el centro y -1/9 alrededor."
    )
