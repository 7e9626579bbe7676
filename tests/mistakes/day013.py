"""Errores típicos del día 13: parámetros de una convolución, la forma tras cada capa y el campo
receptivo."""

from __future__ import annotations

from mistakes import Mistake

# --- 13.2 · la forma después de cada capa --------------------------------------------------------


def _includes_input(model, x):
    shapes = [tuple(x.shape)]
    for layer in model:
        x = layer(x)
        shapes.append(tuple(x.shape))
    return shapes


def _only_last(model, x):
    return tuple(model(x).shape)


def _shape_before_layer(model, x):
    shapes = []
    for layer in model:
        shapes.append(tuple(x.shape))  # la guarda antes de aplicar la capa
        x = layer(x)
    return shapes


def _without_batch(model, x):
    shapes = []
    for layer in model:
        x = layer(x)
        shapes.append(tuple(x.shape[1:]))  # «la forma de la imagen», sin el lote
    return shapes


def _height_and_width(model, x):
    shapes = []
    for layer in model:
        x = layer(x)
        shapes.append(tuple(x.shape[-2:]))  # «alto y ancho»
    return shapes


def _only_convolutions(model, x):
    shapes = []
    for layer in model:
        x = layer(x)
        if x.ndim == 4 and type(layer).__name__ == "Conv2d":  # se salta ReLU y agrupaciones
            shapes.append(tuple(x.shape))
    return shapes


# --- 13.3 · el campo receptivo -------------------------------------------------------------------


def _ignores_stride(layers):
    r = 1
    for k, _ in layers:
        r += k - 1
    return r


def _jump_first(layers):
    r, j = 1, 1
    for k, s in layers:
        j *= s  # actualiza el paso antes de usarlo
        r += (k - 1) * j
    return r


def _starts_at_zero(layers):
    r, j = 0, 1
    for k, s in layers:
        r += (k - 1) * j
        j *= s
    return r


def _first_layer_special(layers):
    r, j = 0, 1
    for i, (k, s) in enumerate(layers):
        r += k if i == 0 else (k - 1) * j  # la primera capa «ve k píxeles»
        j *= s
    return r  # sin capas se queda en 0


def _sum_of_kernels(layers):
    return sum(k for k, _ in layers)


MISTAKES = [
    Mistake(
        "dia-013.1",
        "sin sesgos",
        lambda c_in, c_out, k: k * k * c_in * c_out,
        "te faltan los sesgos",
    ),
    Mistake(
        "dia-013.1",
        "un filtro de k×k para todos los canales de entrada",
        lambda c_in, c_out, k: (k * k + 1) * c_out,
        r"\*\*cada\*\* canal de entrada",
    ),
    Mistake(
        "dia-013.1",
        "k pesos por canal en vez de k²",
        lambda c_in, c_out, k: (k * c_in + 1) * c_out,
        "tiene k², no k",
    ),
    Mistake(
        "dia-013.1",
        "un solo sesgo para toda la capa",
        lambda c_in, c_out, k: k * k * c_in * c_out + 1,
        "un sesgo por filtro, no uno",
    ),
    Mistake(
        "dia-013.1",
        "intercambia c_in y c_out",
        lambda c_in, c_out, k: (k * k * c_out + 1) * c_in,
        "intercambias c_in y c_out",
    ),
    Mistake("dia-013.2", "incluye la forma de la entrada", _includes_input, "Incluyes la forma"),
    Mistake("dia-013.2", "solo la forma final", _only_last, "Devuelves una sola forma"),
    Mistake(
        "dia-013.2",
        "guarda la forma antes de aplicar la capa",
        _shape_before_layer,
        "antes de aplicar cada capa",
    ),
    Mistake("dia-013.2", "sin la dimensión del lote", _without_batch, "la del lote"),
    Mistake(
        "dia-013.2",
        "solo alto y ancho",
        _height_and_width,
        "con todas sus dimensiones",
    ),
    Mistake(
        "dia-013.2",
        "solo las convoluciones",
        _only_convolutions,
        r"tiene \d+ capas y tu lista tiene \d+ formas",
    ),
    Mistake("dia-013.3", "ignora los pasos", _ignores_stride, "ignora los pasos"),
    Mistake("dia-013.3", "actualiza j antes que r", _jump_first, r"\*\*después\*\* de la capa"),
    Mistake("dia-013.3", "empieza con r = 0", _starts_at_zero, "empieza con r = 1"),
    Mistake("dia-013.3", "sin capas devuelve 0", _first_layer_special, r"receptive_field\(\[\]\)"),
    Mistake(
        "dia-013.3", "suma los tamaños de los filtros", _sum_of_kernels, "el campo receptivo es"
    ),
]
