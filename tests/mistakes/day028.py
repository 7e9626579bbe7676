"""Errores típicos del día 28: la convolución separable en profundidad, el escalado compuesto de
EfficientNet y volver a montar una imagen a partir de sus parches."""

from __future__ import annotations

from torch import nn

from mistakes import Mistake

# --- 28.1 · Una convolución separable en profundidad ----------------------------------------


def _separable(*, groups=True, bias=False, padding=True, between=None, pointwise_first=False):
    def separable_conv(c_in, c_out, k):
        pad = k // 2 if padding else 0
        if pointwise_first:
            return nn.Sequential(
                nn.Conv2d(c_in, c_out, 1, bias=bias),
                nn.Conv2d(c_out, c_out, k, padding=pad, groups=c_out, bias=bias),
            )
        depthwise = nn.Conv2d(c_in, c_in, k, padding=pad, groups=c_in if groups else 1, bias=bias)
        layers = [depthwise] + ([between(c_in)] if between else [])
        return nn.Sequential(*layers, nn.Conv2d(c_in, c_out, 1, bias=bias))

    return separable_conv


def _normal_conv(c_in, c_out, k):
    return nn.Conv2d(c_in, c_out, k, padding=k // 2, bias=False)


# --- 28.2 · El escalado compuesto de EfficientNet ---------------------------------------------


def _scaling_linear(phi, alpha=1.2, beta=1.1, gamma=1.15):
    return alpha**phi, beta**phi, gamma**phi, (alpha * beta * gamma) ** phi


def _scaling_without_phi(phi, alpha=1.2, beta=1.1, gamma=1.15):
    return alpha**phi, beta**phi, gamma**phi, alpha * beta**2 * gamma**2


def _scaling_times_phi(phi, alpha=1.2, beta=1.1, gamma=1.15):
    return alpha * phi, beta * phi, gamma * phi, (alpha * beta**2 * gamma**2) ** phi


def _scaling_depth_squared(phi, alpha=1.2, beta=1.1, gamma=1.15):
    return alpha**phi, beta**phi, gamma**phi, (alpha**2 * beta**2 * gamma**2) ** phi


# --- 28.3 · Volver a montar la imagen a partir de sus parches ------------------------------


def _unpatchify_reshape(tokens, patch, height, width):
    n, _, dim = tokens.shape
    return tokens.reshape(n, dim // (patch * patch), height, width)


def _unpatchify_wrong_permute(tokens, patch, height, width):
    n, _, dim = tokens.shape
    channels = dim // (patch * patch)
    x = tokens.reshape(n, height // patch, width // patch, channels, patch, patch)
    x = x.permute(0, 3, 1, 2, 4, 5)  # (n, C, filas, columnas, P, P): sin intercalar
    return x.reshape(n, channels, height, width)


def _unpatchify_channels_last(tokens, patch, height, width):
    # Lee cada token como (P, P, C), el orden de un parche de Keras.
    n, _, dim = tokens.shape
    channels = dim // (patch * patch)
    x = tokens.reshape(n, height // patch, width // patch, patch, patch, channels)
    x = x.permute(0, 5, 1, 3, 2, 4)
    return x.reshape(n, channels, height, width)


def _unpatchify_swapped_grid(tokens, patch, height, width):
    # Recorre los parches por columnas: (columnas, filas).
    n, _, dim = tokens.shape
    channels = dim // (patch * patch)
    x = tokens.reshape(n, width // patch, height // patch, channels, patch, patch)
    x = x.permute(0, 3, 2, 4, 1, 5)
    return x.reshape(n, channels, height, width)


def _unpatchify_fold_without_transpose(tokens, patch, height, width):
    # fold sin trasponer: espera (n, C·P·P, L) y recibe (n, L, C·P·P) leído al revés.
    fold = nn.functional.fold
    n, n_tokens, dim = tokens.shape
    return fold(tokens.reshape(n, dim, n_tokens), (height, width), patch, stride=patch)


MISTAKES = [
    Mistake(
        "dia-028.1",
        "una convolución normal",
        _normal_conv,
        r"los de una convolución normal",
    ),
    Mistake(
        "dia-028.1",
        "la capa en profundidad sin groups",
        _separable(groups=False),
        r"mezcla canales",
    ),
    Mistake("dia-028.1", "con sesgos", _separable(bias=True), r"sobran los sesgos"),
    Mistake("dia-028.1", "sin relleno", _separable(padding=False), r"padding=k // 2"),
    Mistake(
        "dia-028.1",
        "una ReLU entre las dos capas",
        _separable(between=lambda c: nn.ReLU()),
        r"no es lineal",
    ),
    Mistake(
        "dia-028.1",
        "BatchNorm sin parámetros entre las dos capas",
        _separable(between=lambda c: nn.BatchNorm2d(c, affine=False)),
        r"no es lineal",
    ),
    Mistake(
        "dia-028.1",
        "la puntual antes que la de profundidad",
        _separable(pointwise_first=True),
        r"la puntual 1×1 antes",
    ),
    Mistake("dia-028.2", "operaciones (α·β·γ)^φ", _scaling_linear, r"al cuadrado"),
    Mistake("dia-028.2", "sin elevar a φ", _scaling_without_phi, r"elevar a φ"),
    Mistake("dia-028.2", "multiplica por φ", _scaling_times_phi, r"α\^φ, β\^φ, γ\^φ"),
    Mistake(
        "dia-028.2",
        "la profundidad también al cuadrado",
        _scaling_depth_squared,
        r"deberían crecer",
    ),
    Mistake("dia-028.3", "un reshape directo", _unpatchify_reshape, r"un reshape solo no basta"),
    Mistake(
        "dia-028.3",
        "permute sin intercalar filas de parches y de píxeles",
        _unpatchify_wrong_permute,
        r"en otro orden",
    ),
    Mistake(
        "dia-028.3",
        "lee cada parche como (P, P, C)",
        _unpatchify_channels_last,
        r"como \(P, P, C\)",
    ),
    Mistake(
        "dia-028.3",
        "recorre los parches por columnas",
        _unpatchify_swapped_grid,
        r"orden de lectura, fila a fila",
    ),
    Mistake(
        "dia-028.3",
        "fold con un reshape en lugar de trasponer",
        _unpatchify_fold_without_transpose,
        r"en otro orden",
    ),
]
