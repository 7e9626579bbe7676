"""Escenas de campo con su verdad: un bosque que arde visto desde una torre o un dron, y hojas de cultivo con plagas y manchas.

Para qué sirve: dar a los días 48–49 y a los laboratorios 9–10 imágenes y vídeos sin conexión
donde se sabe **todo**:

- :func:`make_forest` dibuja un bosque visto desde arriba (copas, claros, un camino, a veces un
  lago) donde pueden empezar incendios: primero sale humo, que el viento arrastra y agranda; las
  llamas se ven algo después y el fuego crece dejando tierra quemada. Hay distractores que se
  parecen a lo que se busca (bancos de niebla que derivan, copas otoñales rojizas, un tejado rojo,
  destellos del sol en el agua) y que no deben disparar una alerta. La verdad: máscaras de
  instancia de cada columna de humo y de cada foco de llamas, y el fotograma en que empieza cada
  uno (``scene.actors``);
- :func:`make_leaves` dibuja hojas de cultivo sobre tierra, con manchas de enfermedad, agujeros
  de mordidas y plagas (pulgones en colonias y orugas). La verdad: máscaras de instancia, un mapa
  por píxel de hoja sana / dañada / plaga y, por hoja, la fracción dañada (:meth:`LeafScene.severity`).

Contrato (el de todo :mod:`ia100.synth`): la misma semilla da los mismos píxeles y la misma
verdad; el tamaño y la cantidad se piden; no descarga nada. Las dos devuelven una
:class:`~ia100.synth.scenes.Scene` (o una subclase), así que ``scene.boxes(i)`` y
:func:`ia100.vision.data.write_yolo` funcionan igual que con las calles.

Para qué NO sirve: no imita la física del fuego ni la biología de una plaga; imita lo que ve una
cámara lo bastante bien como para que un detector tenga algo que aprender y un laboratorio algo
que medir.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ia100.synth.scenes import Actor, Scene

__all__ = [
    "FOREST_CLASSES",
    "LEAF_CLASSES",
    "LeafScene",
    "fire_onsets",
    "make_forest",
    "make_leaves",
]

#: Clases de :func:`make_forest`, en el orden de sus índices.
FOREST_CLASSES: tuple[str, ...] = ("humo", "fuego")
#: Clases de :func:`make_leaves`, en el orden de sus índices.
LEAF_CLASSES: tuple[str, ...] = ("hoja", "mancha", "pulgón", "oruga")


def _noise(rng, h: int, w: int, cell: int) -> np.ndarray:
    """Ruido suave en [0, 1]: una rejilla gruesa al azar ampliada con interpolación bilineal."""
    from PIL import Image

    small = rng.random((h // cell + 2, w // cell + 2)).astype(np.float32)
    img = Image.fromarray(small).resize((w + 2 * cell, h + 2 * cell), Image.BILINEAR)
    return np.asarray(img)[cell : cell + h, cell : cell + w]


def _whole(actor: Actor) -> Actor:
    actor.occludable = False  # el humo y el fuego no los tapa nada: visibles enteros
    return actor


# --------------------------------------------------------------------------- bosque


def _forest_background(rng, w: int, h: int, s: float, distractors: bool):
    """Copas de árboles, claros, un camino y (a veces) un lago; y los distractores fijos."""
    from PIL import Image, ImageDraw

    base = np.array([48, 92, 42], np.float32) * rng.uniform(0.85, 1.1)
    tone = _noise(rng, h, w, 40)[..., None] * 0.35 + 0.8
    img = Image.fromarray((base * tone).clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    for _ in range(rng.integers(1, 4)):  # claros de hierba seca
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(20, 45) * s
        u = np.linspace(0, 2 * math.pi, 14, endpoint=False)
        rr = r * rng.uniform(0.6, 1.2, 14)
        draw.polygon(
            list(zip(cx + rr * np.cos(u), cy + rr * np.sin(u), strict=True)), fill=(150, 140, 80)
        )
    water = None
    if rng.random() < 0.5:  # un lago
        cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
        rx, ry = rng.uniform(25, 50) * s, rng.uniform(15, 30) * s
        draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=(40, 70, 110))
        water = (cx, cy, rx, ry)
    y0, y1 = rng.uniform(0, h), rng.uniform(0, h)  # camino de tierra que cruza
    xs = np.linspace(-10, w + 10, 12)
    ys = np.linspace(y0, y1, 12) + rng.normal(0, 12 * s, 12)
    draw.line(list(zip(xs, ys, strict=True)), fill=(150, 125, 90), width=max(2, int(6 * s)))
    n_crowns = int(w * h / (180 * s * s))
    for _ in range(n_crowns):  # copas: círculos con el centro más claro
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(3.5, 8) * s
        g = rng.uniform(0.7, 1.25)
        dark = tuple(int(c * g * 0.75) for c in (40, 85, 38))
        light = tuple(int(c * g) for c in (62, 120, 52))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=dark)
        draw.ellipse(
            [x - r * 0.55 - r * 0.2, y - r * 0.55 - r * 0.2, x + r * 0.35, y + r * 0.35], fill=light
        )
    if distractors:
        for _ in range(rng.integers(1, 3)):  # grupos de copas otoñales, rojizas o naranjas
            cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
            for _ in range(rng.integers(3, 9)):
                x, y = cx + rng.normal(0, 8 * s), cy + rng.normal(0, 8 * s)
                r = rng.uniform(4, 8) * s
                col = tuple(
                    int(v) for v in rng.choice([(190, 80, 30), (170, 50, 30), (200, 130, 40)])
                )
                draw.ellipse([x - r, y - r, x + r, y + r], fill=col)
        if rng.random() < 0.7:  # una cabaña con tejado rojo
            x, y = rng.uniform(0.1, 0.85) * w, rng.uniform(0.1, 0.85) * h
            a, b = rng.uniform(10, 18) * s, rng.uniform(8, 12) * s
            draw.rectangle([x, y, x + a, y + b], fill=(175, 45, 35))
            draw.line([x, y + b / 2, x + a, y + b / 2], fill=(120, 30, 25), width=max(1, int(s)))
    return np.asarray(img).astype(np.float32), water


def _plume_alpha(yy, xx, puffs) -> np.ndarray:
    """Opacidad de una columna de humo: bocanadas gaussianas que se suman como densidad."""
    dens = np.zeros(yy.shape, np.float32)
    for x, y, r, a in puffs:
        x0, x1 = int(max(x - 3 * r, 0)), int(min(x + 3 * r + 1, xx.shape[1]))
        y0, y1 = int(max(y - 3 * r, 0)), int(min(y + 3 * r + 1, yy.shape[0]))
        if x0 >= x1 or y0 >= y1:
            continue
        d2 = (xx[y0:y1, x0:x1] - x) ** 2 + (yy[y0:y1, x0:x1] - y) ** 2
        dens[y0:y1, x0:x1] += a * np.exp(-d2 / (2 * r * r))
    return 1 - np.exp(-dens)


@dataclass
class _Fire:
    x: float
    y: float
    t0: float  # empieza el humo
    delay: float  # las llamas se ven ``delay`` fotogramas después
    growth: float  # px/fotograma de radio del frente de llamas
    r_max: float
    jitter: np.ndarray  # desviación lateral de cada bocanada
    shade: tuple[float, float, float]


def make_forest(
    seed: int = 0,
    *,
    frames: int = 90,
    size: tuple[int, int] = (480, 320),
    fires: int = 1,
    distractors: bool = True,
    scale: float | None = None,
) -> Scene:
    """Un bosque visto desde arriba donde pueden empezar incendios, y su verdad.

    Cada incendio empieza como una columna de humo que el viento de la escena arrastra y
    agranda; sus llamas se ven entre 3 y 15 fotogramas después y crecen dejando tierra
    quemada. Con ``distractors`` hay bancos de niebla que derivan con el viento (blancos, sin
    fuente), copas otoñales, un tejado rojo y destellos del sol en el lago: lo que hace falsas
    alarmas. Con ``fires=0`` no arde nada: la verdad de una alerta que no debe saltar.

    Args:
        seed: semilla.
        frames: fotogramas (10 por segundo).
        size: ``(ancho, alto)`` en píxeles (al menos 128×128).
        fires: incendios que empiezan durante el vídeo (0–3), en momentos al azar de su primera
            mitad larga (60 %).
        distractors: si dibujar niebla, copas otoñales, tejado y destellos.
        scale: tamaño de las cosas (1 = copas de ~12 px a 320 px de alto); al azar si ``None``.

    Returns:
        Una :class:`~ia100.synth.scenes.Scene` con ``classes = FOREST_CLASSES``; por incendio,
        un actor de clase 0 (humo) y otro de clase 1 (fuego), quietos en su foco, cuyo primer
        instante es el fotograma en que empiezan a verse (:func:`fire_onsets`). La máscara del
        humo son los píxeles con opacidad ≥ 0,3.
    """
    w, h = size
    if not (isinstance(frames, int) and frames >= 1 and w >= 128 and h >= 128):
        raise ValueError(
            f"make_forest: hacen falta frames ≥ 1 y al menos 128×128 px, no {frames!r}, {size!r}."
        )
    if not (isinstance(fires, int) and 0 <= fires <= 3):
        raise ValueError(f"make_forest: «fires» debe ser un entero entre 0 y 3, no {fires!r}.")
    rng = np.random.default_rng(seed)
    s = (min(w, h) / 320) * (rng.uniform(0.8, 1.3) if scale is None else scale)
    background, water = _forest_background(rng, w, h, s, distractors)
    wind_a = rng.uniform(0, 2 * math.pi)
    wind = np.array([math.cos(wind_a), math.sin(wind_a)]) * rng.uniform(1.0, 2.2) * s
    plan = []
    for _ in range(fires):
        plan.append(
            _Fire(
                x=rng.uniform(0.15, 0.85) * w,
                y=rng.uniform(0.15, 0.85) * h,
                t0=float(rng.integers(0, max(int(0.6 * frames), 1))),
                delay=float(rng.integers(3, 16)),
                growth=rng.uniform(0.15, 0.4) * s,
                r_max=rng.uniform(10, 22) * s,
                jitter=rng.normal(0, 1, (frames + 1, 2)),
                shade=tuple(rng.uniform(0.9, 1.05, 3) * np.array([165, 162, 158])),
            )
        )
    fogs = []
    if distractors:
        for _ in range(rng.integers(0, 3)):
            fogs.append(
                (
                    rng.uniform(0, w),
                    rng.uniform(0, h),
                    rng.uniform(18, 35) * s,
                    rng.normal(0, 1, (12, 3)),
                )
            )
    actors = []
    for f in plan:
        actors.append(
            _whole(Actor(0, 0, [(f.t0, f.x, f.y), (math.inf, f.x, f.y)], (160, 160, 160), s))
        )
        if f.t0 + f.delay <= frames - 1:
            actors.append(
                _whole(
                    Actor(
                        0, 1, [(f.t0 + f.delay, f.x, f.y), (math.inf, f.x, f.y)], (240, 120, 20), s
                    )
                )
            )
    actors = [a for a in actors if a.path[0][0] <= frames - 1]
    order = sorted(range(len(actors)), key=lambda k: (actors[k].path[0][0], actors[k].cls))
    for new_id, k in enumerate(order, start=1):
        actors[k].id = new_id
    by_fire = {}
    for a in actors:
        fire = next(i for i, f in enumerate(plan) if (f.x, f.y) == (a.path[0][1], a.path[0][2]))
        by_fire[(fire, a.cls)] = a.id

    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    light = np.float32(rng.uniform(0.85, 1.12))
    noise_rng = np.random.default_rng(rng.integers(2**31))
    out = np.empty((frames, h, w, 3), np.uint8)
    ids = np.zeros((frames, h, w), np.int32)
    burnt = np.zeros((h, w), np.float32)
    char = np.array([38, 30, 26], np.float32)
    smoke_side = np.array([-wind[1], wind[0]]) / (np.linalg.norm(wind) + 1e-9)

    def window(x, y, r):  # recorte de la imagen alrededor de (x, y) con radio r
        return (
            slice(int(max(y - r, 0)), int(min(y + r + 1, h))),
            slice(int(max(x - r, 0)), int(min(x + r + 1, w))),
        )

    for t in range(frames):
        img = background.copy()
        fronts = []
        for k, f in enumerate(plan):  # tierra quemada bajo cada fuego que arde (queda)
            age = t - f.t0 - f.delay
            if age < 0:
                continue
            r = min(f.r_max, 2.5 * s + f.growth * age)
            win = window(f.x, f.y, r + 1)
            d = np.hypot(xx[win] - f.x, yy[win] - f.y)
            burnt[win] = np.maximum(burnt[win], (d < 0.85 * r).astype(np.float32))
            fronts.append((k, r, d, win))
        if burnt.any():
            b3 = 0.75 * burnt[..., None]
            img = img * (1 - b3) + b3 * char
        if water is not None and distractors:  # destellos del sol en el lago
            cx, cy, rx, ry = water
            for _ in range(3):
                gx = cx + noise_rng.uniform(-0.6, 0.6) * rx
                gy = cy + noise_rng.uniform(-0.5, 0.5) * ry
                win = window(gx, gy, 6 * s)
                g = np.exp(-((xx[win] - gx) ** 2 + (yy[win] - gy) ** 2) / (2 * (1.8 * s) ** 2))
                img[win] += g[..., None] * np.array([160, 140, 90], np.float32)
        best = np.zeros((h, w), np.float32)
        for k, f in enumerate(plan):  # humo: bocanadas que el viento arrastra y agranda
            if t < f.t0:
                continue
            strength = min(1.0, (t - f.t0 + 1) / 4)  # el humo empieza tenue
            puffs = []
            for te in range(max(int(f.t0), t - 45), t + 1):
                age = t - te
                spread = smoke_side * f.jitter[te, 0] * (1 + 0.25 * age) * s
                p = np.array([f.x, f.y]) + wind * age + spread
                puffs.append(
                    (p[0], p[1], (2.5 + 0.45 * age) * s, 0.6 * strength * math.exp(-age / 30))
                )
            alpha = _plume_alpha(yy, xx, puffs)
            img = img * (1 - alpha[..., None]) + alpha[..., None] * np.array(f.shade, np.float32)
            mine = (alpha >= 0.3) & (alpha > best)
            best = np.maximum(best, alpha)
            ids[t][mine] = by_fire[(k, 0)]
        for k, r, d, win in fronts:  # llamas: núcleo amarillo, borde naranja, parpadean
            hh, ww = d.shape
            flick = _noise(noise_rng, hh, ww, max(2, int(3 * s)))
            on = (d < r) & (flick > 0.15 + 0.35 * (d / max(r, 1e-6)))
            heat = np.clip(1 - d / max(r, 1e-6), 0, 1)[..., None]
            color = heat * np.array([255, 230, 90], np.float32) + (1 - heat) * np.array(
                [230, 80, 20], np.float32
            )
            img[win] = np.where(on[..., None], color, img[win])
            ids[t][win][on] = by_fire[(k, 1)]
        for fx, fy, fr, jit in fogs:  # niebla: blanca, ancha, sin foco; no es humo
            puffs = [
                (
                    fx + wind[0] * 0.6 * t + jit[j, 0] * fr,
                    fy + wind[1] * 0.6 * t + jit[j, 1] * fr * 0.5,
                    fr * (0.6 + 0.2 * abs(jit[j, 2])),
                    0.12,
                )
                for j in range(12)
            ]
            alpha = _plume_alpha(yy, xx, puffs)
            img = img * (1 - alpha[..., None]) + alpha[..., None] * np.array(
                [232, 234, 238], np.float32
            )
        img = img * light + noise_rng.standard_normal(img.shape, dtype=np.float32) * 3
        out[t] = img.clip(0, 255).astype(np.uint8)
    return Scene(out, ids, actors, FOREST_CLASSES, {}, {})


def fire_onsets(scene: Scene) -> list[tuple[int, int, int]]:
    """Verdad de una escena de :func:`make_forest`: ``(fotograma, id, clase)`` de cada humo y cada fuego, en orden.

    El fotograma es el primero en que esa columna de humo (clase 0) o ese foco de llamas
    (clase 1) tiene algún píxel en la imagen: lo que una alerta temprana debería ver.
    """
    first = {}
    for i in range(len(scene)):
        for tid in np.unique(scene.ids[i]):
            if tid and int(tid) not in first:
                first[int(tid)] = i
    return sorted((t, tid, scene.actor(tid).cls) for tid, t in first.items())


# --------------------------------------------------------------------------- hojas


@dataclass
class LeafScene(Scene):
    """Imágenes de hojas (cada fotograma es una foto distinta) con su verdad por píxel.

    Además de lo de :class:`~ia100.synth.scenes.Scene`:

    - ``parts``: (n, alto, ancho) ``uint8``: 0 fondo, 1 hoja sana, 2 hoja dañada (mancha o
      mordida), 3 plaga encima de una hoja;
    - ``leaf_of``: (n, alto, ancho) ``int32``: a qué hoja pertenece cada píxel del contorno
      visible de una hoja (con sus agujeros y lo que tiene encima), 0 si a ninguna.
    """

    parts: np.ndarray = field(default=None)
    leaf_of: np.ndarray = field(default=None)

    def boxes(self, i: int, *, min_visible: float = 0.0) -> np.ndarray:
        """Como :meth:`Scene.boxes`, pero la caja de una hoja es la de su contorno visible entero
        (con las manchas, mordidas y plagas que tiene encima), no solo la de su parte sana."""
        key = ("hojas", i, float(min_visible))
        if key not in self._cache:
            from scipy import ndimage

            rows = [r for r in super().boxes(i, min_visible=min_visible) if r[1] != 0]
            counts = np.bincount(self.leaf_of[i].ravel())
            for lid, box in enumerate(ndimage.find_objects(self.leaf_of[i]), start=1):
                if box is None or counts[lid] < 2:
                    continue
                visible = min(1.0, counts[lid] / self.actor(lid).area)
                if visible >= min_visible:
                    ys, xs = box
                    rows.append((lid, 0, xs.start, ys.start, xs.stop, ys.stop, visible))
            rows = sorted(tuple(float(v) for v in r) for r in rows)
            self._cache[key] = np.array(rows, dtype=float).reshape(-1, 7)
        return self._cache[key].copy()

    def mask(self, i: int, track_id: int) -> np.ndarray:
        """Como :meth:`Scene.mask`; la de una hoja es su contorno visible entero."""
        if self.actor(track_id).cls == 0:
            return self.leaf_of[i] == track_id
        return self.ids[i] == track_id

    def severity(self, i: int) -> dict[int, float]:
        """Fracción dañada de cada hoja visible del fotograma ``i``: ``{id de la hoja: fracción}``.

        Dañado = mancha de enfermedad o mordida; la base es el contorno visible de la hoja
        (sin la parte que tapa otra hoja). Las plagas no cuentan como daño ni como sano: se
        descuentan de la base (tapan lo que hay debajo).
        """
        leaf, part = self.leaf_of[i], self.parts[i]
        out = {}
        for lid in np.unique(leaf):
            if lid == 0:
                continue
            m = (leaf == lid) & (part != 3)
            out[int(lid)] = float((part[m] == 2).sum() / max(m.sum(), 1))
        return out


def _leaf_outline(cx, cy, length, width, angle, rng) -> np.ndarray:
    """Contorno de una hoja lanceolada (punta y base), girado ``angle`` y centrado en (cx, cy)."""
    u = np.linspace(0, 1, 24)
    half = (
        width
        / 2
        * np.sin(np.pi * u) ** 0.8
        * (1 + 0.15 * np.sin(2 * np.pi * u + rng.uniform(0, 6)))
    )
    along = (u - 0.5) * length
    pts = np.concatenate([np.stack([along, half], 1), np.stack([along[::-1], -half[::-1]], 1)])
    rot = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    return pts @ rot.T + (cx, cy)


def _blob(cx, cy, r, rng, k=10) -> list[tuple[float, float]]:
    u = np.linspace(0, 2 * math.pi, k, endpoint=False)
    rr = r * rng.uniform(0.7, 1.2, k)
    return list(zip(cx + rr * np.cos(u), cy + rr * np.sin(u), strict=True))


def make_leaves(
    seed: int = 0,
    *,
    n: int = 16,
    size: tuple[int, int] = (320, 320),
    leaves: tuple[int, int] = (1, 3),
    severity: tuple[float, float] = (0.0, 0.3),
    pests: float = 0.5,
) -> LeafScene:
    """Fotos cenitales de hojas de cultivo con enfermedad y plagas, y su verdad.

    Cada foto tiene entre ``leaves[0]`` y ``leaves[1]`` hojas (pueden solaparse) sobre tierra.
    Cada hoja recibe una severidad objetivo al azar en ``severity`` (un tercio de las hojas
    sanas) y se le dibujan manchas marrones con halo amarillo y, a veces, mordidas en el borde
    hasta alcanzarla. Con probabilidad ``pests`` una hoja tiene plaga: una colonia de pulgones
    (puntos verdes o negros de 3–5 px) o una oruga (segmentos verdes y amarillos).

    Returns:
        Una :class:`LeafScene` con ``classes = LEAF_CLASSES``: un actor por hoja (clase 0), por
        mancha (1), por pulgón (2) y por oruga (3) con sus máscaras en ``ids``; ``parts`` y
        ``leaf_of`` para la severidad (:meth:`LeafScene.severity`).
    """
    from PIL import Image, ImageDraw

    w, h = size
    if not (isinstance(n, int) and n >= 1 and w >= 96 and h >= 96):
        raise ValueError(f"make_leaves: hacen falta n ≥ 1 y al menos 96×96 px, no {n!r}, {size!r}.")
    lo, hi = severity
    if not (0 <= lo <= hi <= 0.6):
        raise ValueError(
            f"make_leaves: «severity» debe cumplir 0 ≤ mín ≤ máx ≤ 0,6, no {severity!r}."
        )
    rng = np.random.default_rng(seed)
    frames = np.empty((n, h, w, 3), np.uint8)
    ids = np.zeros((n, h, w), np.int32)
    parts = np.zeros((n, h, w), np.uint8)
    leaf_of = np.zeros((n, h, w), np.int32)
    actors: list[Actor] = []
    s = min(w, h) / 320
    counter = [0]  # identificadores únicos en toda la escena

    def poly_mask(poly) -> np.ndarray:
        m = Image.new("L", (w, h), 0)
        ImageDraw.Draw(m).polygon([tuple(p) for p in poly], fill=1)
        return np.asarray(m) > 0

    for i in range(n):
        soil = (np.array([105, 80, 58]) * rng.uniform(0.8, 1.15))[None, None] * (
            _noise(rng, h, w, 12)[..., None] * 0.3 + 0.85
        )
        img = soil.clip(0, 255).astype(np.uint8)
        lab = np.zeros((h, w), np.int32)
        part = np.zeros((h, w), np.uint8)
        owner = np.zeros((h, w), np.int32)
        local: list[Actor] = []

        def new_actor(cls, x, y, color=(0, 0, 0), i=i, local=local):
            counter[0] += 1
            a = Actor(counter[0], cls, [(i, x, y), (i, x, y)], color, s)
            local.append(a)
            return a

        for _ in range(rng.integers(leaves[0], leaves[1] + 1)):
            length = rng.uniform(0.55, 0.85) * min(w, h)
            width = length * rng.uniform(0.3, 0.45)
            cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
            outline = _leaf_outline(cx, cy, length, width, rng.uniform(0, math.pi), rng)
            leaf = new_actor(0, cx, cy)
            green = np.array([70, 140, 50]) * rng.uniform(0.8, 1.15)
            before = img
            pil = Image.fromarray(img)
            draw = ImageDraw.Draw(pil)
            draw.polygon([tuple(p) for p in outline], fill=tuple(int(v) for v in green))
            vein = tuple(int(v) for v in green * 1.25)
            base, tip = outline[0], outline[23]  # el contorno va de la base (0) a la punta (23)
            draw.line([tuple(base), tuple(tip)], fill=vein, width=max(1, int(2 * s)))
            along = (tip - base) / (np.linalg.norm(tip - base) + 1e-9)
            across = np.array([-along[1], along[0]])
            for f in np.linspace(0.15, 0.85, 6):  # nervios laterales
                p = base + f * (tip - base)
                for sign in (-1, 1):
                    q = p + along * 0.12 * length + sign * across * width * 0.35
                    draw.line([tuple(p), tuple(q)], fill=vein, width=1)
            leaf_px = poly_mask(outline)
            img = np.where(leaf_px[..., None], np.array(pil), before)  # nervios, dentro de la hoja
            lab[leaf_px], part[leaf_px], owner[leaf_px] = leaf.id, 1, leaf.id
            leaf.area = float(leaf_px.sum())
            # severidad objetivo: un tercio de las hojas, sanas
            target = 0.0 if hi == 0 or rng.random() < 1 / 3 else rng.uniform(max(lo, 0.02), hi)
            damaged = np.zeros((h, w), bool)
            area = max(int(leaf_px.sum()), 1)
            for _ in range(80):
                if damaged.sum() / area >= target:
                    break
                if rng.random() < 0.2:  # mordida en el borde: se ve la tierra
                    bx, by = outline[rng.integers(len(outline))]
                    hole = poly_mask(_blob(bx, by, rng.uniform(6, 14) * s, rng)) & leaf_px
                    img[hole] = soil[hole].clip(0, 255).astype(np.uint8)
                    lab[hole], part[hole] = 0, 2
                    damaged |= hole
                    continue
                ys, xs = np.nonzero(leaf_px & ~damaged)
                if len(xs) == 0:
                    break
                j = rng.integers(len(xs))
                r = rng.uniform(3, 9) * s
                spot = new_actor(1, float(xs[j]), float(ys[j]))
                halo = poly_mask(_blob(xs[j], ys[j], r * 1.45, rng)) & leaf_px & ~damaged
                core = poly_mask(_blob(xs[j], ys[j], r, rng)) & halo
                img[halo] = (np.array([200, 185, 70]) * rng.uniform(0.85, 1.05)).astype(np.uint8)
                img[core] = (np.array([95, 60, 35]) * rng.uniform(0.8, 1.1)).astype(np.uint8)
                lab[halo], part[halo] = spot.id, 2
                spot.area = float(halo.sum())
                damaged |= halo
            if rng.random() < pests:
                _draw_pests(rng, img, lab, part, outline, new_actor, s, poly_mask)
        frames[i] = img
        ids[i], parts[i], leaf_of[i] = lab, part, owner
        actors += local
    return LeafScene(frames, ids, actors, LEAF_CLASSES, {}, {}, parts=parts, leaf_of=leaf_of)


def _draw_pests(rng, img, lab, part, outline, new_actor, s, poly_mask) -> None:
    """Una colonia de pulgones o una oruga sobre la hoja de contorno ``outline``."""
    centre = outline.mean(0)

    def ellipse(x, y, rx, ry):
        u = np.linspace(0, 2 * math.pi, 12, endpoint=False)
        return poly_mask(np.stack([x + rx * np.cos(u), y + ry * np.sin(u)], 1))

    if rng.random() < 0.6:  # pulgones: puntos pequeños agrupados
        base = centre + (outline[rng.integers(len(outline))] - centre) * rng.uniform(0.2, 0.6)
        color = np.array([(150, 200, 90), (35, 35, 30)][rng.integers(2)], np.uint8)
        for _ in range(rng.integers(4, 13)):
            x, y = base + rng.normal(0, 7 * s, 2)
            r = rng.uniform(1.8, 2.8) * s
            bug = new_actor(2, float(x), float(y), tuple(int(v) for v in color))
            m = ellipse(x, y, r, r * 0.7)
            img[m], lab[m], part[m] = color, bug.id, 3
            bug.area = float(m.sum())
    else:  # oruga: segmentos en fila
        x, y = centre + (outline[rng.integers(len(outline))] - centre) * rng.uniform(0.1, 0.5)
        ang = rng.uniform(0, 2 * math.pi)
        bug = new_actor(3, float(x), float(y), (120, 170, 50))
        body = np.zeros(lab.shape, bool)
        for j in range(rng.integers(6, 10)):
            px, py = x + math.cos(ang) * j * 3.6 * s, y + math.sin(ang) * j * 3.6 * s
            m = ellipse(px, py, 2.8 * s, 2.8 * s)
            img[m] = (120, 170, 50) if j % 2 else (200, 190, 60)
            lab[m], part[m] = bug.id, 3
            body |= m
        bug.area = float(body.sum())
