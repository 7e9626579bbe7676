"""Comprobadores de los ejercicios del día 41 (U-Net)."""

from __future__ import annotations

from ia100.exercises import Wrong, exercise, expect, expect_choices


def _input_size(
    out: int, depth: int, *, convs: int = 2, bottom: bool = True, check: bool = True
) -> int | None:
    """Entrada que necesita una U-Net sin relleno para dar una salida de ``out`` píxeles."""
    lost = 2 * convs  # cada convolución 3x3 sin relleno quita un píxel por lado
    s = out
    for _ in range(depth):
        s += lost  # deshace las convoluciones del decodificador
        if s % 2 and check:
            return None
        s //= 2  # deshace la convolución traspuesta
    if bottom:
        s += lost
    for _ in range(depth):
        s = 2 * s + lost  # deshace el pooling y las convoluciones del codificador
    return s


#: (tamaño de salida, profundidad): casos con y sin solución.
SIZE_CASES = [(388, 4), (100, 2), (36, 3), (4, 1), (390, 4), (101, 2), (30, 3)]


@exercise(
    "dia-041.1",
    title="El tamaño de entrada de una tesela",
    hint="Recorre la red al revés, de la salida a la entrada. En cada nivel del decodificador: "
    "+4 (sus dos convoluciones sin relleno) y /2 (la convolución traspuesta dobló el tamaño): "
    "si no es par, no hay solución (None). En el fondo, +4. En cada nivel del codificador: "
    "·2 (el pooling) y +4.",
)
def _unet_input_size(unet_input_size):
    expect(callable(unet_input_size), "La respuesta debe ser tu función unet_input_size.")
    for out, depth in SIZE_CASES:
        got = unet_input_size(out, depth)
        right = _input_size(out, depth)
        if right is None:
            expect(
                got is None,
                f"Una salida de {out} píxeles con profundidad {depth} es imposible: al deshacer "
                "una convolución traspuesta sale un tamaño impar. Devuelve None en ese caso.",
            )
            continue
        if got is None:
            always_none = all(unet_input_size(o, d) is None for o, d in SIZE_CASES)
            expect(not always_none, "Tu función devuelve None: ¿olvidaste el return?")
            raise Wrong(
                f"Una salida de {out} píxeles con profundidad {depth} sí es posible (con una "
                f"entrada de {right}) y tu función dice que no. ¿Cuentas bien lo que quita cada "
                "bloque? Son dos convoluciones de 3×3: 4 píxeles."
            )
        expect(
            isinstance(got, int) and not isinstance(got, bool),
            f"Debe devolver un entero (un tamaño en píxeles), no {type(got).__name__}.",
        )
        if got == right:
            continue
        expect(
            got != _input_size(out, depth, bottom=False),
            "Te olvidas de las dos convoluciones del fondo de la U: también quitan 4 píxeles.",
        )
        expect(
            got != _input_size(out, depth, convs=1),
            "Cada bloque tiene DOS convoluciones de 3×3: quitan 4 píxeles, no 2.",
        )
        expect(
            got != out + 184,
            "El margen de 92 píxeles por lado solo vale para la red del artículo (profundidad "
            "4): calcúlalo nivel a nivel.",
        )
        expect(got != out, "Sin relleno, la entrada tiene que ser MAYOR que la salida.")
        raise Wrong(
            f"Para una salida de {out} píxeles con profundidad {depth}, la entrada es {right}; "
            f"tu función da {got}."
        )
    return "572 → 388: el artículo eligió teselas con las que todos los poolings reciben un par."


def _conv(c_in: int, c_out: int, k: int, bias: bool = True) -> int:
    return k * k * c_in * c_out + (c_out if bias else 0)


def _params(
    in_channels: int,
    n_classes: int,
    depth: int,
    width: int,
    *,
    bias: bool = True,
    transposed: bool = True,
    concat: bool = True,
    head: bool = True,
    up_kernel: int = 2,
) -> int:
    w = [width * 2**level for level in range(depth + 1)]
    total = 0
    for c_in, c_out in zip([in_channels] + w[:-2], w[:-1], strict=True):
        total += _conv(c_in, c_out, 3, bias) + _conv(c_out, c_out, 3, bias)
    total += _conv(w[-2], w[-1], 3, bias) + _conv(w[-1], w[-1], 3, bias)
    for i in range(depth):
        if transposed:
            total += _conv(w[i + 1], w[i], up_kernel, bias)
        total += _conv((2 if concat else 1) * w[i], w[i], 3, bias) + _conv(w[i], w[i], 3, bias)
    if head:
        total += _conv(width, n_classes, 1, bias)
    return total


PARAM_CASES = [(1, 2, 4, 64), (3, 4, 3, 8), (3, 5, 2, 16), (1, 1, 1, 4)]


@exercise(
    "dia-041.2",
    title="Los parámetros de una U-Net, con lápiz",
    hint="Una convolución k×k de a a b canales tiene k·k·a·b pesos y b sesgos. Suma: dos 3×3 por "
    "nivel del codificador y en el fondo; por nivel del decodificador, una traspuesta 2×2 (de "
    "2c a c canales) y dos 3×3, la primera de 2c a c (por la concatenación); y la cabeza 1×1.",
)
def _unet_params(unet_params):
    expect(callable(unet_params), "La respuesta debe ser tu función unet_params.")
    for case in PARAM_CASES:
        got = unet_params(*case)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(got, int) and not isinstance(got, bool),
            "Debe devolver un número entero de parámetros.",
        )
        right = _params(*case)
        if got == right:
            continue
        mistakes = [
            (
                dict(bias=False),
                "Te faltan los sesgos: cada convolución tiene uno por canal de salida.",
            ),
            (dict(transposed=False), "Te faltan las convoluciones traspuestas 2×2 de la subida."),
            (dict(up_kernel=3), "La convolución hacia arriba es de 2×2, no de 3×3."),
            (
                dict(concat=False),
                "La primera convolución de cada nivel del decodificador recibe el DOBLE de "
                "canales: los suyos más los del atajo concatenado.",
            ),
            (
                dict(head=False),
                "Te falta la cabeza: la convolución 1×1 que da una puntuación por clase.",
            ),
        ]
        for options, message in mistakes:
            expect(got != _params(*case, **options), message)
        raise Wrong(
            f"Con (in_channels, n_classes, depth, width) = {case} salen {right:,} parámetros; "
            f"tu función da {got:,}.".replace(",", " ")
        )
    return "31 030 658 para la red del artículo: la cuenta de PyTorch y la de lápiz coinciden."


_STATEMENTS = {
    "En la U-Net original, la salida es más pequeña que la entrada porque sus convoluciones no "
    "usan relleno": True,
    "Las conexiones de salto de la U-Net suman los mapas del codificador a los del "
    "decodificador": False,
    "Una U-Net con relleno y profundidad 3 acepta imágenes cuyo lado sea múltiplo de 8": True,
    "En la ablación del capítulo, la red sin saltos tiene menos parámetros que la red con "
    "saltos": False,
    "La pérdida de Dice promediada por clase da a una clase pequeña el mismo peso que al "
    "fondo": True,
    "En la estrategia de teselas solapadas, el contexto que falta en el borde de la imagen se "
    "rellena reflejando la propia imagen": True,
    "nnU-Net es una arquitectura que sustituye la U-Net por un transformer": False,
    "SAM 3 puede segmentar todas las instancias de un concepto descrito con una frase corta": True,
}


@exercise(
    "dia-041.3",
    title="Verdadero o falso: la U-Net y sus sucesores",
    hint="Repasa la tabla de tamaños de la red del artículo, cómo se construyó la red sin saltos "
    "de la ablación, la pérdida de Dice y la lista de sucesores.",
)
def _true_or_false(answer):
    expect_choices(answer, _STATEMENTS, item="afirmación", choices=(True, False))
    return (
        "Ocho de ocho. La U-Net concatena (DenseNet también; ResNet suma), y nnU-Net no cambia "
        "la red: la configura sola."
    )
