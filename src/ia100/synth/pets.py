"""Imágenes dibujadas por el curso: caras de animales de dibujos animados, sin descargar nada.

Para qué sirve:

- :func:`make_pets` dibuja conjuntos de imágenes de varias clases (gatos con orejas en punta,
  perros con orejas caídas, y otros cuatro animales) con variaciones de color, postura, tamaño,
  posición y fondo, del tamaño y la cantidad que se pida, siempre iguales para una misma semilla;
- :func:`save_image_folder` guarda un conjunto como carpetas ``raíz/clase/NNNNN.png``, la
  disposición que leen ``keras.utils.image_dataset_from_directory`` y
  ``torchvision.datasets.ImageFolder``.

Para qué NO sirve: no sustituye a las fotos reales en lo que enseñan (texturas, fondos
naturales, razas); es el plan B sin conexión de la Parte II, parecido en forma y dificultad, no
en contenido. Tampoco aumenta datos (*data augmentation*): eso se enseña en los cuadernos.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import NamedTuple

import numpy as np

__all__ = ["ANIMALS", "Images", "make_pets", "save_image_folder"]

#: Animales que sabe dibujar :func:`make_pets`, en este orden.
ANIMALS: tuple[str, ...] = ("gato", "perro", "conejo", "oso", "ratón", "cerdo")

_FUR = [  # colores de pelaje compartidos por todas las clases: el color no delata al animal
    (222, 142, 62),
    (150, 150, 156),
    (60, 56, 58),
    (236, 230, 220),
    (140, 96, 62),
    (238, 206, 150),
    (196, 110, 80),
    (110, 110, 120),
]
_PINK = (236, 150, 160)
_DARK = (30, 24, 26)


class Images(NamedTuple):
    """Un conjunto de imágenes: ``x`` (n, alto, ancho, 3) ``uint8``, ``y`` (n,) y nombres de clase."""

    x: np.ndarray
    y: np.ndarray
    class_names: list[str]


def _shade(color, factor: float) -> tuple[int, int, int]:
    return tuple(int(np.clip(c * factor, 0, 255)) for c in color)


_COS = np.cos(np.linspace(0, 2 * math.pi, 28, endpoint=False))
_SIN = np.sin(np.linspace(0, 2 * math.pi, 28, endpoint=False))


def _ellipse(draw, cx, cy, rx, ry, fill, angle=0.0):
    """Elipse rellena de centro (cx, cy) y semiejes (rx, ry), girada ``angle`` grados."""
    if angle == 0.0:
        draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=fill)
        return
    a = math.radians(angle)
    px = cx + rx * _COS * math.cos(a) - ry * _SIN * math.sin(a)
    py = cy + rx * _COS * math.sin(a) + ry * _SIN * math.cos(a)
    draw.polygon(list(zip(px.tolist(), py.tolist(), strict=True)), fill=fill)


def _background(rng: np.random.Generator, side: int) -> np.ndarray:
    """Fondo: degradado de dos colores apagados más unas manchas suaves que distraen.

    Se calcula a 32×32 (es suave) y luego se amplía: así cuesta poco.
    """
    from PIL import Image

    low = 32
    c0, c1 = rng.uniform(40, 215, size=(2, 3))
    angle = rng.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:low, 0:low] / low
    t = (np.cos(angle) * xx + np.sin(angle) * yy + 1.5) / 3.0
    img = c0 * (1 - t[..., None]) + c1 * t[..., None]
    for _ in range(rng.integers(1, 5)):
        bx, by = rng.uniform(0, 1, size=2)
        br = rng.uniform(0.05, 0.25)
        mask = np.exp(-((xx - bx) ** 2 + (yy - by) ** 2) / (2 * br**2))
        img += mask[..., None] * rng.uniform(-60, 60, size=3)
    small = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    return small.resize((side, side), Image.BILINEAR)


def _draw_face(draw, animal: str, rng: np.random.Generator, c: float, r: float) -> None:
    """Dibuja una cara de ``animal`` centrada en (c, c) con radio ``r`` (sin girar)."""
    fur = _FUR[rng.integers(len(_FUR))]
    inner = _shade(fur, rng.uniform(0.55, 0.8)) if rng.random() < 0.5 else _PINK
    wide, tall = r * rng.uniform(0.95, 1.1), r * rng.uniform(0.88, 1.02)
    if animal == "perro":
        tall = r * rng.uniform(0.98, 1.12)
    # Orejas: lo que distingue a cada animal (se dibujan antes que la cabeza).
    spread = rng.uniform(0.45, 0.7)
    for side in (-1, 1):
        ex = c + side * wide * spread
        if animal == "gato":
            h, w = r * rng.uniform(0.65, 0.95), r * rng.uniform(0.32, 0.45)
            tip = (ex + side * w * rng.uniform(0.0, 0.5), c - tall * 0.55 - h)
            base = [(ex - w, c - tall * 0.45), (ex + w, c - tall * 0.45)]
            draw.polygon([base[0], tip, base[1]], fill=fur)
            inner_tip = (tip[0] * 0.75 + ex * 0.25, tip[1] + h * 0.3)
            draw.polygon(
                [(ex - w * 0.5, c - tall * 0.5), inner_tip, (ex + w * 0.5, c - tall * 0.5)],
                fill=inner,
            )
        elif animal == "perro":
            ear = _shade(fur, rng.uniform(0.45, 0.75))
            lx, ly = c + side * wide * rng.uniform(0.85, 1.0), c + tall * rng.uniform(0.05, 0.25)
            _ellipse(
                draw,
                lx,
                ly,
                r * rng.uniform(0.22, 0.32),
                r * rng.uniform(0.55, 0.75),
                ear,
                angle=side * rng.uniform(5, 25),
            )
        elif animal == "conejo":
            h = r * rng.uniform(0.75, 1.0)
            ex = c + side * wide * rng.uniform(0.25, 0.42)
            tilt = side * rng.uniform(0, 18)
            _ellipse(draw, ex, c - tall * 0.7 - h * 0.6, r * 0.2, h, fur, angle=tilt)
            _ellipse(draw, ex, c - tall * 0.7 - h * 0.6, r * 0.1, h * 0.75, inner, angle=tilt)
        elif animal == "oso":
            _ellipse(draw, c + side * wide * 0.72, c - tall * 0.72, r * 0.26, r * 0.26, fur)
            _ellipse(draw, c + side * wide * 0.72, c - tall * 0.72, r * 0.13, r * 0.13, inner)
        elif animal == "ratón":
            er = r * rng.uniform(0.45, 0.58)
            _ellipse(draw, c + side * wide * 0.85, c - tall * 0.7, er, er, fur)
            _ellipse(draw, c + side * wide * 0.85, c - tall * 0.7, er * 0.6, er * 0.6, inner)
        elif animal == "cerdo":
            w = r * 0.3
            base = [(ex - w, c - tall * 0.6), (ex + w, c - tall * 0.6)]
            tip = (ex + side * w * 1.2, c - tall * 0.55 + r * 0.25)  # doblada hacia delante
            draw.polygon([base[0], (ex, c - tall * 1.05), base[1], tip], fill=_shade(fur, 0.85))
    _ellipse(draw, c, c, wide, tall, fur)
    # Ojos (todos los animales): posición, tamaño y color varían.
    eye_y, eye_dx = c - tall * rng.uniform(0.05, 0.25), wide * rng.uniform(0.32, 0.45)
    eye_r = r * rng.uniform(0.1, 0.16)
    iris = [(70, 160, 70), (90, 70, 40), (60, 110, 190), (200, 170, 40)][rng.integers(4)]
    for side in (-1, 1):
        _ellipse(draw, c + side * eye_dx, eye_y, eye_r, eye_r * 1.1, (250, 250, 245))
        _ellipse(draw, c + side * eye_dx, eye_y, eye_r * 0.65, eye_r * 0.75, iris)
        _ellipse(draw, c + side * eye_dx, eye_y, eye_r * 0.3, eye_r * 0.5, _DARK)
    # Hocico y nariz.
    ny = c + tall * rng.uniform(0.25, 0.4)
    whiskers = animal in ("gato", "ratón", "conejo")
    if animal == "perro":
        muzzle = _shade(fur, rng.uniform(1.15, 1.35))
        _ellipse(draw, c, ny + r * 0.12, wide * 0.45, tall * 0.35, muzzle)
        _ellipse(draw, c, ny, r * 0.2, r * 0.13, _DARK)
        if rng.random() < 0.5:  # lengua
            _ellipse(draw, c, ny + r * 0.42, r * 0.12, r * 0.16, (220, 80, 90))
    elif animal == "oso":
        _ellipse(draw, c, ny + r * 0.08, wide * 0.33, tall * 0.25, _shade(fur, 1.3))
        _ellipse(draw, c, ny, r * 0.13, r * 0.09, _DARK)
    elif animal == "cerdo":
        _ellipse(draw, c, ny + r * 0.05, r * 0.3, r * 0.2, _PINK)
        for side in (-1, 1):
            _ellipse(draw, c + side * r * 0.11, ny + r * 0.05, r * 0.05, r * 0.08, _DARK)
    else:
        nr = r * 0.08
        draw.polygon(
            [(c - nr, ny - nr * 0.6), (c + nr, ny - nr * 0.6), (c, ny + nr * 0.7)],
            fill=_PINK if animal != "ratón" else _DARK,
        )
    if whiskers:
        width = max(1, int(r * 0.03))
        for side in (-1, 1):
            for k in range(3):
                dy = (k - 1) * r * 0.09
                draw.line(
                    [
                        (c + side * r * 0.15, ny + dy * 0.4),
                        (c + side * r * rng.uniform(0.75, 0.95), ny + dy * 1.8),
                    ],
                    fill=(245, 245, 240) if sum(fur) < 400 else _DARK,
                    width=width,
                )


def _draw_one(animal: str, size: int, rng: np.random.Generator) -> np.ndarray:
    from PIL import Image, ImageDraw

    side = 2 * size  # se dibuja al doble y se reduce: bordes suaves (antialiasing)
    canvas = _background(rng, side)
    layer = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    r = side * rng.uniform(0.17, 0.25)
    _draw_face(ImageDraw.Draw(layer), animal, rng, side / 2, r)
    layer = layer.rotate(rng.uniform(-25, 25), resample=Image.BILINEAR, center=(side / 2, side / 2))
    max_shift = side / 2 - 1.6 * r
    dx, dy = (int(v) for v in rng.uniform(-max_shift, max_shift, size=2))
    canvas.paste(layer, (dx, dy), layer)
    small = np.asarray(canvas.reduce(2), dtype=np.float64)  # media de cada bloque 2×2
    small += rng.normal(0, 5, size=small.shape)  # ruido de sensor
    return np.clip(np.rint(small), 0, 255).astype(np.uint8)


def make_pets(
    n: int = 1000,
    *,
    size: int = 64,
    classes: tuple[str, ...] | list[str] = ("gato", "perro"),
    seed: int = 0,
) -> Images:
    """Dibuja ``n`` caras de animales de dibujos animados, repartidas por igual entre ``classes``.

    Cada imagen varía en color de pelaje y de ojos, tamaño, giro (±25°), posición y fondo
    (degradado con manchas), con un poco de ruido: la clase solo se reconoce por la forma
    (orejas en punta o caídas, hocico, bigotes), como en las fotos reales.

    Args:
        n: número de imágenes (≥ 1).
        size: lado de las imágenes en píxeles (≥ 16).
        classes: animales de :data:`ANIMALS`; el índice en esta lista es la etiqueta.
        seed: semilla; la misma semilla da exactamente las mismas imágenes.

    Returns:
        ``Images(x, y, class_names)``: ``x`` ``uint8`` (n, size, size, 3), ``y`` ``int64`` (n,).

    Se usa en: Parte II (días 014–030) y laboratorio 03.
    """
    classes = list(classes)
    unknown = [c for c in classes if c not in ANIMALS]
    if unknown or len(classes) < 1 or len(set(classes)) != len(classes):
        raise ValueError(f"Clases no válidas {classes!r}: elige sin repetir entre {ANIMALS}.")
    if n < 1 or size < 16:
        raise ValueError(f"Hacen falta n ≥ 1 y size ≥ 16 (recibí n={n}, size={size}).")
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.arange(n) % len(classes)).astype(np.int64)
    children = rng.spawn(n)  # un generador independiente por imagen
    x = np.stack([_draw_one(classes[label], size, g) for label, g in zip(y, children, strict=True)])
    return Images(x=x, y=y, class_names=classes)


def save_image_folder(images: Images, root: str | os.PathLike) -> Path:
    """Guarda ``images`` como ``root/<clase>/<número>.png`` y devuelve ``root``.

    Es la disposición que leen ``keras.utils.image_dataset_from_directory(root)`` y
    ``torchvision.datasets.ImageFolder(root)``: una subcarpeta por clase. Ambos ordenan las
    clases alfabéticamente, así que la etiqueta que asignan puede no coincidir con ``images.y``
    si ``class_names`` no está en orden alfabético (con ``("gato", "perro")`` coincide).

    Args:
        images: el conjunto (por ejemplo, de :func:`make_pets`).
        root: carpeta de destino; se crea si no existe.
    """
    from PIL import Image

    root = Path(root)
    for name in images.class_names:
        (root / name).mkdir(parents=True, exist_ok=True)
    for i, (img, label) in enumerate(zip(images.x, images.y, strict=True)):
        Image.fromarray(np.asarray(img, dtype=np.uint8)).save(
            root / images.class_names[int(label)] / f"{i:05d}.png"
        )
    return root
