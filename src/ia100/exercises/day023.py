"""Comprobadores de los ejercicios del día 23 (regularización en CNN)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import exercise, expect


def _tensor(value, what: str):
    import torch

    expect(value is not None, f"{what} devuelve None: ¿olvidaste el return?")
    expect(
        isinstance(value, torch.Tensor),
        f"{what} debe devolver un tensor de PyTorch, no {type(value).__name__}.",
    )
    return value


@exercise(
    "dia-023.1",
    title="Dropout invertido, a mano",
    hint="En entrenamiento, sortea una máscara torch.rand_like(x) >= p, con la forma de x "
    "(conserva cada valor con probabilidad 1 - p, con un sorteo independiente por valor) y "
    "devuelve x * máscara / (1 - p). En evaluación, devuelve x tal cual.",
)
def _dropout(dropout):
    import torch

    expect(callable(dropout), "La respuesta debe ser tu función dropout(x, p, training).")
    torch.manual_seed(23)
    # Un lote de 500 filas de 400 valores, distintos de 0 y de 1: así se ve si las filas
    # comparten la máscara o si los valores apagados van juntos.
    x = torch.rand(500, 400) + 0.5
    original = x.clone()
    for p in (0.2, 0.5, 0.8):
        out = _tensor(dropout(x, p, True), f"dropout(x, {p}, True)")
        expect(torch.equal(x, original), "Tu función modifica x: devuelve un tensor nuevo.")
        expect(out.shape == x.shape, f"La salida debe tener la forma de x, {tuple(x.shape)}.")
        off = out == 0
        zeros = float(off.float().mean())
        # Con sorteos independientes que apagan una fracción q, dos filas vecinas difieren en
        # 2q(1 - q) de las posiciones y dos valores vecinos de una fila se apagan a la vez con
        # probabilidad q².
        if 0.01 < zeros < 0.99:
            rows_differ = float((off[1:] != off[:-1]).float().mean())
            expect(
                rows_differ > zeros * (1 - zeros),
                f"Con p = {p}, las filas del lote apagan casi las mismas posiciones: sortea una "
                "máscara con la forma de x (torch.rand_like(x)), no una para todo el lote.",
            )
            both_off = float((off[:, 1:] & off[:, :-1]).float().mean())
            expect(
                abs(both_off - zeros**2) < 0.02,
                f"Con p = {p}, dos valores vecinos se apagan a la vez un {both_off:.0%} de las "
                f"veces, y con sorteos independientes sería un {zeros**2:.0%}: cada valor "
                "necesita su propio sorteo (torch.rand_like(x) >= p), no un bloque de valores "
                "seguidos.",
            )
        expect(
            abs(zeros - (1 - p)) > 0.02 or abs(p - 0.5) < 1e-9,
            f"Con p = {p} apagas un {zeros:.0%} de los valores: p es la probabilidad de "
            "APAGAR, no la de conservar.",
        )
        expect(
            abs(zeros - p) < 0.01,
            f"Con p = {p} deberías apagar en torno a un {p:.0%} de los valores y apagas un "
            f"{zeros:.1%}.",
        )
        kept = ~off
        ratio = out[kept] / x[kept]
        expect(
            not torch.allclose(ratio, torch.ones_like(ratio)),
            "Los valores que sobreviven no están reescalados: divide por (1 - p) para que la "
            "media no cambie.",
        )
        expect(
            not torch.allclose(ratio, torch.full_like(ratio, 1 - p)),
            "Multiplicas por (1 - p); en el dropout invertido se DIVIDE por (1 - p).",
        )
        expect(
            torch.allclose(ratio, torch.full_like(ratio, 1 / (1 - p))),
            "Los valores que sobreviven deben valer x / (1 - p).",
        )
    again = _tensor(dropout(x, 0.5, True), "dropout(x, 0.5, True)")
    first = _tensor(dropout(x, 0.5, True), "dropout(x, 0.5, True)")
    expect(
        not torch.equal(again == 0, first == 0),
        "Dos llamadas seguidas apagan los mismos valores: la máscara debe sortearse cada vez.",
    )
    for p in (0.0, 0.5):
        out = _tensor(dropout(x, p, False), f"dropout(x, {p}, False)")
        expect(
            not torch.allclose(out, x * (1 - p)) or p == 0,
            "En evaluación multiplicas por (1 - p): eso era el dropout original; con el "
            "invertido, la evaluación no toca nada.",
        )
        expect(
            torch.allclose(out, x), "En evaluación (training=False) hay que devolver x tal cual."
        )
    out = _tensor(dropout(x, 0.0, True), "dropout(x, 0.0, True)")
    expect(torch.allclose(out, x), "Con p = 0 no se apaga nada: la salida debe ser x.")
    return (
        "Es lo que hace nn.Dropout: gracias al 1 / (1 - p) de entrenamiento, en evaluación no "
        "hay que corregir nada."
    )


@exercise(
    "dia-023.2",
    title="Un volteo horizontal aleatorio, imagen a imagen",
    hint="Sortea un booleano por imagen, flip = torch.rand(len(x)) < 0.5, y elige con "
    "torch.where(flip[:, None, None, None], x.flip(3), x). El eje del ancho es el 3 en (n, C, H, W).",
)
def _random_hflip(hflip):
    import torch

    expect(callable(hflip), "La respuesta debe ser tu función random_hflip(x).")
    torch.manual_seed(2023)
    x = torch.rand(64, 3, 8, 6)
    original = x.clone()
    out = _tensor(hflip(x), "random_hflip(x)")
    expect(torch.equal(x, original), "Tu función modifica x: devuelve un tensor nuevo.")
    expect(
        out.shape == x.shape,
        f"La salida debe tener la forma de la entrada, {tuple(x.shape)}, no {tuple(out.shape)}.",
    )
    same = (out == x).flatten(1).all(dim=1)
    flipped = (out == x.flip(3)).flatten(1).all(dim=1)
    vertical = (out == x.flip(2)).flatten(1).all(dim=1)
    expect(
        not (vertical & ~same).any(),
        "Volteas en vertical (eje 2, el alto): el volteo horizontal invierte el ancho, eje 3.",
    )
    expect(
        (same | flipped).all(),
        "Cada imagen de la salida debe ser la original o su reflejo horizontal, sin más cambios.",
    )
    decisions = [flipped]
    for _ in range(3):
        again = _tensor(hflip(x), "random_hflip(x)")
        expect(
            tuple(again.shape) == tuple(x.shape)
            and ((again == x) | (again == x.flip(3))).flatten(1).all(dim=1).all(),
            "Cada imagen de la salida debe ser la original o su reflejo horizontal, sin más "
            "cambios.",
        )
        decisions.append((again == x.flip(3)).flatten(1).all(dim=1))
    counts = [int(d.sum()) for d in decisions]
    expect(
        all(0 < k < len(x) for k in counts),
        f"En cuatro llamadas con 64 imágenes has volteado {counts}: en alguna, ninguna o todas. "
        "¿Sorteas una vez por lote? Cada imagen necesita su propio sorteo, con probabilidad 1/2.",
    )
    total = sum(counts)
    expect(
        0.38 <= total / (4 * len(x)) <= 0.62,
        f"En cuatro llamadas has volteado {total} de {4 * len(x)} imágenes, un "
        f"{total / (4 * len(x)):.0%}: con probabilidad 1/2 deberían ser en torno a la mitad.",
    )
    expect(
        len({tuple(d.tolist()) for d in decisions}) > 1,
        "Cada llamada voltea las mismas imágenes: el sorteo debe cambiar.",
    )
    expect(
        not all(k == len(x) // 2 for k in counts),
        f"Volteas siempre exactamente {counts[0]} de {len(x)}: con un sorteo independiente por "
        "imagen, el número de volteadas cambia de una llamada a otra (torch.rand(len(x)) < 0.5, "
        "no una selección de la mitad justa).",
    )
    return (
        "Un sorteo por imagen, no uno por lote (el error de aplicar transforms.v2 a un lote "
        "entero). Y la etiqueta no cambia: un gato en el espejo sigue siendo un gato."
    )


def _reference_stop(losses, patience):
    best, best_epoch = float("inf"), 0
    for epoch, loss in enumerate(losses, start=1):
        if loss < best:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch >= patience:
            return best_epoch, epoch
    return best_epoch, len(losses)


_CASES = [
    ([1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.9, 0.6], 3),
    ([5.0, 4.0, 3.0, 2.0, 1.0], 2),
    ([1.0, 1.0, 1.0, 1.0, 1.0], 2),
    ([0.5, 0.6, 0.4], 1),
    ([0.9, 0.7, 0.8, 0.6, 0.65, 0.62, 0.61, 0.64, 0.63, 0.7], 4),
    ([0.3], 5),
    ([1.0, 0.995, 0.99, 0.985, 0.98, 0.979], 2),  # mejoras pequeñas: también cuentan
]


@exercise(
    "dia-023.3",
    title="La regla de la parada temprana",
    hint="Recorre las pérdidas con enumerate(val_losses, start=1). Si la pérdida es "
    "estrictamente menor que la mejor, actualiza la mejor época; si no, y ya van `patience` "
    "épocas desde la mejor (época - mejor >= patience), para en esa época.",
)
def _early_stopping(early_stopping):
    expect(
        callable(early_stopping),
        "La respuesta debe ser tu función early_stopping(val_losses, patience).",
    )
    for losses, patience in _CASES:
        label = f"early_stopping({losses}, patience={patience})"
        got = early_stopping(list(losses), patience)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(got, tuple | list) and len(got) == 2,
            f"{label} debe devolver una pareja (mejor_época, época_de_parada).",
        )
        expect(
            all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in got),
            f"{label}: las épocas son números enteros, no {got}.",
        )
        best, stop = (int(v) for v in got)
        expected = _reference_stop(losses, patience)
        if (best, stop) == expected:
            continue
        expect(
            (best + 1, stop + 1) != expected,
            f"{label} = {(best, stop)}: cuentas las épocas desde 0; aquí la primera es la 1.",
        )
        if best != expected[0] and 1 <= best <= len(losses):
            mine, right = losses[best - 1], losses[expected[0] - 1]
            expect(
                not (best > expected[0] and mine == right),
                f"{label}: la mejor época es la {expected[0]}, no la {best}. Una pérdida igual a "
                "la mejor no cuenta como mejora (estrictamente menor: <, no <=).",
            )
            expect(
                not (best > expected[1]),
                f"{label}: la mejor época es la {expected[0]}, no la {best}: el entrenamiento ya "
                f"se detuvo en la época {expected[1]}; lo que viene después no se llega a ver "
                "(no busques el mínimo de toda la lista).",
            )
            expect(
                not (best < expected[0] and right < mine),
                f"{label}: la mejor época es la {expected[0]}, no la {best}: su pérdida, {right}, "
                f"es menor que {mine}. Cualquier bajada, por pequeña que sea, es una mejora (la "
                "regla no tiene margen mínimo).",
            )
        expect(
            best == expected[0],
            f"{label}: la mejor época es la {expected[0]} (la primera con la pérdida más baja "
            f"hasta la parada), no la {best}.",
        )
        expect(
            stop != expected[1] + 1,
            f"{label}: paras una época tarde ({stop}); con paciencia {patience} se para en "
            f"cuanto van {patience} épocas sin mejorar.",
        )
        expect(
            stop != expected[1] - 1,
            f"{label}: paras una época antes de tiempo ({stop}).",
        )
        expect(False, f"{label} devuelve {(best, stop)}; debería ser {expected}.")
    return (
        "Es la regla de keras.callbacks.EarlyStopping(patience=…, restore_best_weights=True): "
        "parar al agotar la paciencia y quedarse con los pesos de la mejor época."
    )
