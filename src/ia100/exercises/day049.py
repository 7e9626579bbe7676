"""Comprobadores de los ejercicios del día 49 (agricultura: severidad, ExG y emparejar hojas)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, exercise, expect


def _disk(h: int, w: int, cx: float, cy: float, r: float) -> np.ndarray:
    yy, xx = np.mgrid[:h, :w]
    return (xx - cx) ** 2 + (yy - cy) ** 2 <= r * r


def _severity_cases():
    """(hoja, dañado, plaga, severidad esperada) con máscaras pequeñas hechas a mano."""
    h = w = 40
    leaf = _disk(h, w, 20, 20, 15)
    spot = _disk(h, w, 14, 20, 5)
    outside = _disk(h, w, 2, 2, 3) & ~leaf  # daño dibujado fuera de la hoja: no cuenta
    pest = _disk(h, w, 26, 20, 4)
    none = np.zeros((h, w), bool)
    cases = []
    for damaged, pests in [(spot, none), (spot, pest), (spot | outside, pest), (none, pest)]:
        base = leaf & ~pests
        cases.append((leaf, damaged, pests, float((base & damaged).sum() / base.sum())))
    cases.append((none, spot, none, 0.0))  # sin hoja: severidad 0, no una división por cero
    return cases


@exercise(
    "dia-049.1",
    title="Severidad de una hoja a partir de sus máscaras",
    hint="La base es la hoja sin lo que tapan las plagas: base = leaf & ~pest. La severidad es "
    "(base & damaged).sum() / base.sum(), una fracción entre 0 y 1; si la base está vacía, 0.",
)
def _leaf_severity(leaf_severity):
    expect(callable(leaf_severity), "La respuesta debe ser tu función.")
    for leaf, damaged, pest, want in _severity_cases():
        got = leaf_severity(leaf.copy(), damaged.copy(), pest.copy())
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        try:
            got = float(got)
        except (TypeError, ValueError) as error:
            raise Wrong("Devuelve un número (la fracción dañada), no una máscara.") from error
        if np.isclose(got, want, atol=1e-9):
            continue
        expect(np.isfinite(got), "Con una hoja vacía, devuelve 0 en vez de dividir por cero.")
        expect(
            not np.isclose(got, 100 * want), "Devuelve una fracción entre 0 y 1, no un porcentaje."
        )
        base = leaf & ~pest
        if np.isclose(got, (leaf & damaged).sum() / max(leaf.sum(), 1)):
            raise Wrong(
                "No descuentas las plagas de la base: lo que tapa una plaga no se ve, no es ni "
                "sano ni dañado."
            )
        if np.isclose(got, damaged.sum() / max(base.sum(), 1)):
            raise Wrong(
                "Cuentas daño fuera de la hoja: intersecta el daño con la hoja (sin plagas)."
            )
        raise Wrong(f"Se esperaba una severidad de {want:.4f} y devuelves {got:.4f}.")
    return "Es la definición de LeafScene.severity y la del laboratorio 10."


def _leaf_image():
    from ia100.synth.nature import make_leaves

    scene = make_leaves(49, n=1, size=(160, 160), leaves=(1, 1), severity=(0.2, 0.3), pests=0)
    image = scene.frames[0].copy()
    image[:, 80:] = (image[:, 80:] * 0.3).astype(np.uint8)  # la mitad derecha, a la sombra
    return image, scene.parts[0]


@exercise(
    "dia-049.2",
    title="ExG cromático y umbral de Otsu",
    hint="Divide cada canal por R+G+B (más un épsilon) antes de calcular 2g − r − b. Para Otsu, "
    "con np.histogram y sumas acumuladas calcula w0·w1·(μ0 − μ1)² para cada corte y toma el "
    "máximo. Devuelve la máscara booleana ExG > umbral.",
)
def _green_mask(green_mask):
    expect(callable(green_mask), "La respuesta debe ser tu función.")
    image, parts = _leaf_image()
    got = green_mask(image.copy())
    expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
    got = np.asarray(got)
    expect(
        got.shape == parts.shape,
        f"Devuelve una máscara de {parts.shape} (alto × ancho), no de forma {got.shape}.",
    )
    expect(got.dtype == bool, "Devuelve una máscara booleana (ExG > umbral).")
    healthy, soil = parts == 1, parts == 0
    damaged = (parts == 2) & (image.astype(int).sum(-1) > 350)  # el halo amarillo (al sol)
    on_healthy, on_soil, on_halo = got[healthy].mean(), got[soil].mean(), got[damaged].mean()
    if on_healthy < 0.5 and on_soil > 0.5:
        raise Wrong("La máscara está al revés: lo verde es lo que tiene ExG por encima del umbral.")
    shade = np.zeros_like(healthy)
    shade[:, 80:] = True
    expect(
        got[healthy & shade].mean() > 0.9,
        f"A la sombra (la mitad derecha) solo marcas como verde el {got[healthy & shade].mean():.0%} "
        "de la hoja sana: calcula ExG sobre las coordenadas cromáticas (cada canal dividido por "
        "R+G+B), que no cambian al oscurecer, no sobre los canales en bruto.",
    )
    expect(
        on_soil < 0.05,
        f"Tu máscara marca como verde el {on_soil:.0%} de la tierra: ¿umbral fijo en vez de Otsu?",
    )
    expect(on_healthy > 0.97, f"Solo marcas como verde el {on_healthy:.0%} de la hoja sana.")
    expect(
        on_halo < 0.05,
        f"Marcas como verde el {on_halo:.0%} del halo amarillo de las manchas: tu umbral es "
        "demasiado bajo. ¿Un umbral fijo en vez de Otsu?",
    )
    return "Con esta máscara y la envolvente convexa, el día 49 mide la severidad de una hoja."


def _match_cases():
    """(máscaras predichas, verdaderas, umbral, parejas esperadas)."""
    h, w = 60, 90
    a, b = _disk(h, w, 25, 30, 14), _disk(h, w, 45, 30, 14)
    near_b, far_b = _disk(h, w, 37, 30, 14), _disk(h, w, 57, 30, 14)  # a 12 y 8 px; a 12 px de b
    big = _disk(h, w, 45, 30, 28)  # contiene a la hoja b entera: IoU baja, contención total
    small = _disk(h, w, 75, 12, 5)
    return [
        ([near_b, far_b], [a, b], 0.25, [(0, 0), (1, 1)]),  # la voraz se equivoca aquí
        ([small], [a, b], 0.5, []),  # ninguna pareja llega al umbral
        ([big, a], [b, a], 0.5, [(1, 1)]),  # «big» contiene a b, pero su IoU no llega a 0,5
        ([a, small], [a], 0.5, [(0, 0)]),  # una predicción sobra
    ]


@exercise(
    "dia-049.3",
    title="Emparejar hojas por IoU de máscara",
    hint="Calcula la IoU de cada máscara predicha con cada verdadera: (p & t).sum() / (p | t).sum(). "
    "Con scipy.optimize.linear_sum_assignment sobre 1 − IoU maximizas la IoU total; descarta las "
    "parejas por debajo del umbral y devuelve una lista ordenada de tuplas (predicha, verdadera).",
)
def _match_leaves(match_leaves):
    expect(callable(match_leaves), "La respuesta debe ser tu función.")
    for pred, true, threshold, want in _match_cases():
        got = match_leaves([p.copy() for p in pred], [t.copy() for t in true], threshold)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        try:
            got = sorted((int(p), int(t)) for p, t in got)
        except (TypeError, ValueError) as error:
            raise Wrong("Devuelve una lista de parejas (predicha, verdadera).") from error
        if got == want:
            continue
        iou = np.array([[(p & t).sum() / max((p | t).sum(), 1) for t in true] for p in pred])
        low = [(p, t) for p, t in got if iou[p, t] < threshold]
        if low:
            contained = [(p, t) for p, t in low if (pred[p] & true[t]).sum() == true[t].sum()]
            expect(
                not contained,
                f"Aceptas {contained}: una máscara que contiene a la verdadera no es la misma hoja. "
                "Divide la intersección entre la unión, no entre el área de una de las dos.",
            )
            raise Wrong(f"Aceptas parejas con IoU por debajo del umbral {threshold}: {low}.")
        total = sum(iou[p, t] for p, t in got)
        expect(
            total >= sum(iou[p, t] for p, t in want) - 1e-9,
            f"Tus parejas {got} suman menos IoU que las mejores {want}: ¿asocias de forma voraz "
            "o minimizas la IoU en vez de 1 − IoU?",
        )
        raise Wrong(f"Se esperaban las parejas {want}, no {got}.")
    return "Es el emparejamiento con que el laboratorio 10 compara cada hoja con su verdad."
