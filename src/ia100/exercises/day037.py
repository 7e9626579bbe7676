"""Comprobadores de los ejercicios del día 37 (segmentación de instancias con YOLO)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import Wrong, exercise, expect, expect_choices


def _cases():
    """Casos (prototipos, coeficientes, cajas, forma): cajas con bordes fraccionarios y enteros."""
    import torch

    g = torch.Generator().manual_seed(37)
    cases = []
    for n, (ph, pw), shape in [(3, (12, 16), (48, 64)), (5, (20, 20), (80, 80))]:
        protos = torch.randn(32, ph, pw, generator=g)
        coefs = torch.randn(n, 32, generator=g) * 0.5
        xy = torch.rand(n, 2, generator=g) * torch.tensor([shape[1], shape[0]]) * 0.6
        wh = (torch.rand(n, 2, generator=g) * 0.3 + 0.15) * torch.tensor([shape[1], shape[0]])
        boxes = torch.cat([xy, xy + wh], 1)
        if n == 5:  # bordes enteros, como los de una caja redondeada
            boxes = boxes.round()
        cases.append((protos, coefs, boxes, shape))
    return cases


def _reference(
    protos,
    coefs,
    boxes,
    shape,
    *,
    mode="bilinear",
    align=False,
    threshold=0.5,
    sigmoid=True,
    crop=True,
    crop_first=False,
    inclusive=False,
):
    """La máscara de YOLO-seg y sus variantes equivocadas (para reconocer el error)."""
    import torch
    import torch.nn.functional as F

    logits = torch.einsum("nk,khw->nhw", coefs, protos)

    def box_window(h, w, scale_x=1.0, scale_y=1.0):
        ys = torch.arange(h)[None, :, None]
        xs = torch.arange(w)[None, None, :]
        x1, y1, x2, y2 = (boxes[:, i, None, None] for i in range(4))
        x1, x2, y1, y2 = x1 * scale_x, x2 * scale_x, y1 * scale_y, y2 * scale_y
        if inclusive:
            return (xs >= x1) & (xs <= x2) & (ys >= y1) & (ys <= y2)
        return (xs >= x1) & (xs < x2) & (ys >= y1) & (ys < y2)

    if crop_first:
        h, w = logits.shape[1:]
        logits = logits * box_window(h, w, w / shape[1], h / shape[0])
    kwargs = {"align_corners": align} if mode == "bilinear" else {}
    logits = F.interpolate(logits[None], shape, mode=mode, **kwargs)[0]
    values = torch.sigmoid(logits) if sigmoid else logits
    masks = values > threshold
    if crop and not crop_first:
        masks = masks & box_window(*shape)
    return masks.numpy()


_VARIANTS = [
    (
        dict(crop=False),
        "Fuera de la caja hay píxeles encendidos: recorta cada máscara a SU caja "
        "(x1 ≤ x < x2, y1 ≤ y < y2); si no, un prototipo que enciende a un vecino se cuela.",
    ),
    (
        dict(crop_first=True),
        "Recortas antes de ampliar: así la interpolación bilineal emborrona "
        "el borde de la caja. Amplía primero al tamaño `shape` y recorta después, ya en píxeles de "
        "la entrada.",
    ),
    (
        dict(sigmoid=False),
        "Comparas el logit con 0,5: el umbral es sigmoid(logit) > 0,5, que equivale a logit > 0.",
    ),
    (
        dict(mode="nearest"),
        "Amplías con el vecino más cercano: Ultralytics usa interpolación "
        "bilineal (mode='bilinear').",
    ),
    (dict(align=True), "Casi: usa align_corners=False en F.interpolate (lo que hace Ultralytics)."),
    (
        dict(inclusive=True),
        "El borde derecho e inferior de la caja no cuentan: x < x2 e y < y2 (no ≤).",
    ),
]


def _as_bool_array(masks, n, shape):
    try:
        import torch

        if isinstance(masks, torch.Tensor):
            masks = masks.detach().cpu().numpy()
        masks = np.asarray(masks)
    except (TypeError, ValueError) as error:
        raise Wrong("Devuelve un tensor o un array (n, H, W) de máscaras.") from error
    expect(masks.ndim == 3, f"La salida debe tener forma (n, H, W); la tuya es {masks.shape}.")
    expect(
        masks.shape[0] == n,
        f"Hace falta una máscara por caja: {n}, y devuelves {masks.shape[0]}.",
    )
    expect(
        tuple(masks.shape[1:]) == tuple(shape),
        f"Las máscaras miden {tuple(masks.shape[1:])} y deben medir {tuple(shape)}: amplía la "
        "mezcla de prototipos al tamaño `shape` con F.interpolate.",
    )
    expect(
        masks.dtype == bool or np.isin(masks, (0, 1)).all(),
        "Las máscaras deben ser binarias (True/False o 0/1), tras el umbral.",
    )
    return masks.astype(bool)


@exercise(
    "dia-037.1",
    title="Arma las máscaras de YOLO-seg",
    hint="Cuatro pasos: mezcla (coefs @ prototipos, con einsum 'nk,khw->nhw'), amplía al tamaño "
    "`shape` con F.interpolate(..., mode='bilinear', align_corners=False), umbral "
    "sigmoid > 0,5 y recorte a la caja (x1 ≤ x < x2, y1 ≤ y < y2).",
)
def _assemble(assemble_masks):
    expect(callable(assemble_masks), "La respuesta debe ser tu función assemble_masks.")
    for protos, coefs, boxes, shape in _cases():
        got = assemble_masks(protos.clone(), coefs.clone(), boxes.clone(), shape)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        got = _as_bool_array(got, len(coefs), shape)
        right = _reference(protos, coefs, boxes, shape)
        if (got == right).all():
            continue
        for kwargs, message in _VARIANTS:
            if (got == _reference(protos, coefs, boxes, shape, **kwargs)).all():
                raise Wrong(message)
        wrong = int((got != right).sum())
        raise Wrong(
            f"{wrong} píxeles distintos de los de Ultralytics. Repasa el orden: mezclar, ampliar, "
            "umbral, recortar."
        )
    return (
        "Exacto: son las mismas máscaras que `results.masks.data` (lo que hace "
        "ultralytics.utils.ops.process_mask)."
    )


_STATEMENTS = {
    "YOLO-seg predice 32 prototipos por cada caja detectada": False,
    "Cada caja que sobrevive a la NMS lleva 32 coeficientes para mezclar los prototipos": True,
    "Los prototipos miden un cuarto del lado de la entrada de la red": True,
    "La máscara se recorta a la caja de su detección": True,
    "Con retina_masks activado, las máscaras salen al tamaño de la imagen original": True,
    "Si la máscara de una detección queda vacía, predict conserva su caja igualmente": False,
    "Al cargar los pesos del detector en un yolo11-seg, también se trasladan proto y cv4": False,
    "El mAP de máscaras usa la IoU entre máscaras en lugar de la IoU entre cajas": True,
}


@exercise(
    "dia-037.2",
    title="Verdadero o falso: YOLO-seg por dentro",
    hint="Repasa qué hay una vez por imagen (prototipos) y qué una vez por caja (coeficientes), "
    "el recorte, retina_masks, qué descarta predict y qué piezas no existen en el detector.",
)
def _true_or_false(answer):
    expect_choices(answer, _STATEMENTS, item="afirmación", choices=(True, False))
    return (
        "Ocho de ocho. La que más sorprende: una detección con la máscara vacía desaparece de "
        "los resultados de predict, aunque su caja fuera buena."
    )
