"""Escenas vistas desde arriba (como desde un dron o una cámara cenital), con la verdad de lo que ocurre.

Para qué sirve: dar a la Parte III vídeos e imágenes sin conexión donde se conoce **todo**:

- :func:`make_street` dibuja una calle con dos carriles, aceras, un paso de peatones y árboles
  cuyas copas tapan a veces lo que pasa por debajo; personas, bicicletas, coches, motos y
  autobuses se mueven por trayectorias conocidas; hay variación de escala (altura del dron),
  luz y orientación;
- cada :class:`Scene` trae los fotogramas y la verdad: cajas, máscaras de instancia
  (``scene.ids``: qué objeto se ve en cada píxel), identificadores de trayectoria y la
  trayectoria completa de cada objeto;
- :func:`make_queue`, :func:`make_parking` y :func:`make_yard` dibujan una cola ante un
  mostrador, un aparcamiento con plazas pintadas y un recinto donde no debería entrar nadie;
- :func:`add_containers` pone contenedores de basura quietos en las aceras: una clase que el
  detector del curso no ha visto, para enseñarle una nueva (días 35 y 38);
- :func:`line_crossings`, :func:`region_counts` y :func:`space_occupancy` calculan, a partir
  de esa verdad, qué objeto cruzó una línea y en qué sentido, cuántos había en una región en
  cada fotograma y qué plaza estaba ocupada: lo que un laboratorio tiene que encontrar.

Contrato (el de todo :mod:`ia100.synth`): la misma semilla da los mismos píxeles y la misma
verdad; el tamaño y el número de fotogramas se piden; no descarga nada. Las coordenadas son
píxeles de la imagen, ``x`` hacia la derecha, ``y`` hacia abajo.

Para qué NO sirve: no escribe conjuntos YOLO ni vídeos (eso es :mod:`ia100.vision.data`) ni
detecta nada: es el mundo, no el modelo.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "CLASSES",
    "Actor",
    "Scene",
    "add_containers",
    "line_crossings",
    "make_parking",
    "make_queue",
    "make_street",
    "make_yard",
    "region_counts",
    "space_occupancy",
]

#: Clases de las escenas de calle, en el orden de sus índices (el de los ficheros YOLO).
CLASSES: tuple[str, ...] = ("persona", "bicicleta", "coche", "moto", "autobús")

# Tamaño (largo en el sentido de la marcha, ancho) a escala 1, en píxeles.
_SIZE = {0: (7.0, 11.0), 1: (17.0, 6.0), 2: (32.0, 16.0), 3: (19.0, 8.0), 4: (74.0, 23.0)}
_CAR_COLORS = [
    (200, 40, 40),
    (235, 235, 235),
    (30, 30, 34),
    (40, 80, 180),
    (150, 150, 158),
    (220, 190, 40),
    (30, 120, 60),
    (120, 30, 40),
    (90, 160, 200),
    (240, 120, 20),
]
_CLOTHES = [
    (200, 60, 60),
    (60, 90, 200),
    (240, 200, 60),
    (40, 40, 40),
    (230, 230, 230),
    (120, 60, 160),
    (40, 150, 90),
    (250, 130, 40),
    (150, 100, 60),
    (20, 160, 180),
]


@dataclass
class Actor:
    """Un objeto que se mueve por una trayectoria de puntos de paso con sus tiempos.

    ``path`` es una lista de ``(t, x, y)`` con ``t`` creciente (en fotogramas); entre dos puntos
    el objeto va en línea recta a velocidad constante; antes del primero y después del último
    no está en la escena.
    """

    id: int  # identificador de trayectoria (único en la escena, desde 1)
    cls: int  # índice en CLASSES
    path: list[tuple[float, float, float]]
    color: tuple[int, int, int]
    scale: float = 1.0
    z: int = 0  # orden de dibujo: más alto, encima
    area: float | None = None  # área entera en px si no sale del contorno (objetos quietos)
    occludable: bool = True  # False: nada lo tapa (humo, fuego): siempre visible entero

    def position(self, t: float) -> tuple[float, float, float] | None:
        """``(x, y, ángulo en radianes)`` en el instante ``t``, o ``None`` si no está."""
        p = self.path
        if t < p[0][0] or t > p[-1][0]:
            return None
        for (t0, x0, y0), (t1, x1, y1) in zip(p, p[1:], strict=False):
            if t0 <= t <= t1:
                a = 0.0 if t1 == t0 else (t - t0) / (t1 - t0)
                return x0 + a * (x1 - x0), y0 + a * (y1 - y0), self._heading(t)
        return p[0][1], p[0][2], self._heading(t)

    def _heading(self, t: float) -> float:
        """Dirección del tramo en curso; parado, la del último tramo con movimiento."""
        segs = list(zip(self.path, self.path[1:], strict=False))
        moving = [
            (t0, math.atan2(y1 - y0, x1 - x0))
            for (t0, x0, y0), (_, x1, y1) in segs
            if (x1, y1) != (x0, y0)
        ]
        if not moving:
            return 0.0
        past = [angle for t0, angle in moving if t0 <= t]
        return past[-1] if past else moving[0][1]

    def polygon(self, t: float) -> np.ndarray | None:
        """Contorno del cuerpo (k, 2) en el instante ``t``, o ``None`` si no está."""
        pos = self.position(t)
        if pos is None:
            return None
        x, y, a = pos
        length, width = (v * self.scale for v in _SIZE[self.cls])
        if self.cls == 0:  # persona: hombros vistos desde arriba (elipse)
            u = np.linspace(0, 2 * math.pi, 16, endpoint=False)
            local = np.stack([length / 2 * np.cos(u), width / 2 * np.sin(u)], axis=1)
        else:  # vehículos: rectángulo con las esquinas cortadas
            h, w, c = length / 2, width / 2, min(length, width) * 0.18
            local = np.array(
                [
                    (-h + c, -w),
                    (h - c, -w),
                    (h, -w + c),
                    (h, w - c),
                    (h - c, w),
                    (-h + c, w),
                    (-h, w - c),
                    (-h, -w + c),
                ]
            )
        rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
        return local @ rot.T + (x, y)


@dataclass
class Scene:
    """Fotogramas y verdad de una escena.

    - ``frames``: (n, alto, ancho, 3) ``uint8`` en RGB;
    - ``ids``: (n, alto, ancho) ``int32``, el identificador del objeto que se ve en cada píxel
      (0 = fondo): las máscaras de instancia *visibles*, ya recortadas por las oclusiones;
    - ``actors``: los objetos, con su trayectoria completa;
    - ``regions``: zonas con nombre que la escena ofrece (polígonos) y ``lines``, líneas de
      conteo (dos puntos).
    """

    frames: np.ndarray
    ids: np.ndarray
    actors: list[Actor]
    classes: tuple[str, ...] = CLASSES
    regions: dict[str, np.ndarray] = field(default_factory=dict)
    lines: dict[str, np.ndarray] = field(default_factory=dict)
    fps: float = 10.0
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.frames)

    def actor(self, track_id: int) -> Actor:
        """El objeto con ese identificador de trayectoria."""
        if "_by_id" not in self._cache:
            self._cache["_by_id"] = {a.id: a for a in self.actors}
        return self._cache["_by_id"][int(track_id)]

    def boxes(self, i: int, *, min_visible: float = 0.0) -> np.ndarray:
        """Verdad del fotograma ``i``: una fila ``(id, clase, x1, y1, x2, y2, visible)`` por objeto.

        La caja es la de la parte **visible** (como se etiquetan los conjuntos reales), y
        ``visible`` la fracción del cuerpo que se ve (1 = entero; menos, si un árbol o el borde
        de la imagen lo tapan). ``min_visible`` descarta los que se ven menos que eso.
        """
        if not 0 <= i < len(self):
            raise IndexError(f"La escena tiene {len(self)} fotogramas; no existe el {i}.")
        key = (i, float(min_visible))
        if key not in self._cache:
            from scipy import ndimage

            ids = self.ids[i]
            counts = np.bincount(ids.ravel())
            rows = []
            for track_id, box in enumerate(ndimage.find_objects(ids), start=1):
                if box is None or counts[track_id] < 2:
                    continue
                actor = self.actor(track_id)
                if actor.occludable:
                    full = _full_area(actor, i)
                    visible = min(1.0, counts[track_id] / full) if full > 0 else 0.0
                else:
                    visible = 1.0
                if visible < min_visible:
                    continue
                ys, xs = box
                rows.append((track_id, actor.cls, xs.start, ys.start, xs.stop, ys.stop, visible))
            self._cache[key] = np.array(rows, dtype=float).reshape(-1, 7)
        return self._cache[key].copy()

    def mask(self, i: int, track_id: int) -> np.ndarray:
        """Máscara (alto, ancho) de ``bool`` de la parte visible del objeto en el fotograma ``i``."""
        return self.ids[i] == track_id

    def centers(self, i: int) -> dict[int, tuple[float, float]]:
        """Centro de la caja visible de cada objeto del fotograma ``i`` (lo que usa Ultralytics)."""
        return {int(r[0]): ((r[2] + r[4]) / 2, (r[3] + r[5]) / 2) for r in self.boxes(i)}


def _area(poly: np.ndarray | None) -> float:
    if poly is None:
        return 0.0
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))))


def _full_area(actor: Actor, t: float) -> float:
    """Área del objeto entero en ``t``: el cuerpo y, en bicis y motos, lo que el conductor sobresale.

    El conductor es una elipse (semiejes 3,2·s a lo largo y 4,8·s a lo ancho) más ancha que el
    vehículo: se suman los dos casquetes que quedan fuera del cuerpo.
    """
    if actor.area is not None:
        return actor.area
    body = _area(actor.polygon(t))
    if actor.cls not in (1, 3) or body == 0.0:
        return body
    s = actor.scale
    a, b, c = 3.2 * s, 4.8 * s, _SIZE[actor.cls][1] * s / 2
    k = min(c / b, 1.0)
    return body + 2 * a * b * (math.acos(k) - k * math.sqrt(1 - k * k))


def _shade(color, factor: float) -> tuple[int, int, int]:
    return tuple(int(np.clip(c * factor, 0, 255)) for c in color)


def _street_background(rng, w: int, h: int, s: float, layout: dict):
    """Fondo fijo de la calle (césped, aceras, calzada, marcas) y las copas de los árboles."""
    from PIL import Image, ImageDraw

    grass = np.array([70, 120, 55]) * rng.uniform(0.8, 1.15)
    base = (grass + rng.normal(0, 9, size=(h // 4 + 1, w // 4 + 1, 1))).clip(0, 255)
    img = Image.fromarray(base.astype(np.uint8)).resize((w, h), Image.BILINEAR)
    draw = ImageDraw.Draw(img)
    (r0, r1), (s0, s1) = layout["road"], layout["sidewalks"]
    asphalt = tuple(int(v) for v in rng.uniform(70, 110) * np.array([1, 1, 1.05]))
    draw.rectangle([0, s0, w, r0], fill=(175, 170, 160))
    draw.rectangle([0, r1, w, s1], fill=(175, 170, 160))
    draw.rectangle([0, r0, w, r1], fill=asphalt)
    mid = (r0 + r1) / 2
    for x in np.arange(0, w, 26 * s):  # línea discontinua central
        draw.rectangle([x, mid - 1, x + 14 * s, mid + 1], fill=(235, 235, 225))
    cx = layout["crosswalk"]
    for y in np.arange(r0 + 3, r1 - 3, 7 * s):  # paso de peatones
        draw.rectangle([cx - 12 * s, y, cx + 12 * s, y + 3.5 * s], fill=(230, 230, 225))
    for band in ((0, s0 - 26 * s), (s1 + 26 * s, h)):  # tejados de edificios (distraen)
        if band[1] - band[0] < 30:
            continue
        x = rng.uniform(-20, 30)
        while x < w:
            bw, bh = rng.uniform(50, 120) * s, rng.uniform(0.5, 0.9) * (band[1] - band[0])
            y = (
                band[0] + rng.uniform(0, band[1] - band[0] - bh)
                if band[0] > 0
                else band[1] - bh - rng.uniform(0, 10)
            )
            roof = tuple(
                int(v)
                for v in rng.choice([(150, 75, 60), (120, 120, 125), (190, 180, 160), (90, 60, 50)])
            )
            draw.rectangle([x, y, x + bw, y + bh], fill=roof)
            draw.line(
                [x, y + bh / 2, x + bw, y + bh / 2],
                fill=_shade(roof, 0.7),
                width=max(1, int(2 * s)),
            )
            x += bw + rng.uniform(15, 60) * s
    canopy = Image.new("L", (w, h), 0)
    cdraw = ImageDraw.Draw(canopy)
    trees = []
    for x in np.arange(rng.uniform(10, 60), w, rng.uniform(90, 150) * s):
        y = rng.choice([s0 - rng.uniform(0, 8) * s, s1 + rng.uniform(0, 8) * s])
        r = rng.uniform(14, 22) * s
        cdraw.ellipse([x - r, y - r, x + r, y + r], fill=255)
        trees.append((x, y, r))
    leaves = np.array(img).astype(np.float32)
    tone = np.array([40, 95, 40]) * rng.uniform(0.8, 1.2)
    noise = rng.normal(0, 12, size=(h, w, 1))
    occluder = np.array(canopy) > 0
    leaves[occluder] = (tone + noise[occluder]).clip(0, 255)
    return np.array(img), occluder, leaves.astype(np.uint8)


def _street_actors(rng, n: int, w: int, h: int, s: float, layout: dict, density: float, vehicles):
    """Programa de llegadas: vehículos por carril a velocidad común, bicis y peatones."""
    actors: list[Actor] = []
    (r0, r1), (s0, s1) = layout["road"], layout["sidewalks"]
    margin = 80 * s
    lanes = [  # (y, sentido, velocidad en px/fotograma)
        ((r0 + (r0 + r1) / 2) / 2, -1, rng.uniform(3.0, 4.2) * s),
        (((r0 + r1) / 2 + r1) / 2, +1, rng.uniform(3.0, 4.2) * s),
    ]
    start = -int((w + 2 * margin) / (3 * s))  # empezar antes para que haya tráfico en el 0
    for y, sense, v in lanes:
        t = start + rng.uniform(0, 10)
        while t < n:
            cls = int(rng.choice(vehicles))
            length = _SIZE[cls][0] * s
            x0, x1 = (-margin, w + margin) if sense > 0 else (w + margin, -margin)
            dt = (w + 2 * margin) / v
            jitter = rng.uniform(-2, 2) * s
            actors.append(
                Actor(
                    0,
                    cls,
                    [(t, x0, y + jitter), (t + dt, x1, y + jitter)],
                    _CAR_COLORS[rng.integers(len(_CAR_COLORS))],
                    s,
                    z=2,
                )
            )
            t += (length + 12 * s) / v + rng.exponential(30 / density)
    for y, sense in ((r0 + 5 * s, +1), (r1 - 5 * s, -1)):  # bicis junto al bordillo
        t = start + rng.uniform(0, 40)
        v = rng.uniform(1.8, 2.4) * s
        while t < n:
            x0, x1 = (-margin, w + margin) if sense > 0 else (w + margin, -margin)
            actors.append(
                Actor(
                    0,
                    1,
                    [(t, x0, y), (t + (w + 2 * margin) / v, x1, y)],
                    _CAR_COLORS[rng.integers(len(_CAR_COLORS))],
                    s,
                    z=1,
                )
            )
            t += 30 * s / v + rng.exponential(120 / density)
    cx = layout["crosswalk"]
    for _ in range(rng.poisson(density * (n - start) / 12)):  # peatones
        t0 = rng.uniform(start * 2, n)
        v = rng.uniform(0.7, 1.3) * s
        side = rng.integers(2)
        y = (s0 + r0) / 2 if side == 0 else (r1 + s1) / 2
        y += rng.uniform(-3, 3) * s
        sense = rng.choice([-1, 1])
        x_start = -15 if sense > 0 else w + 15
        if rng.random() < 0.3:  # cruza la calle por el paso de peatones
            y_other = (r1 + s1) / 2 if side == 0 else (s0 + r0) / 2
            x_end = w + 15 if sense > 0 else -15
            t1 = t0 + abs(cx - x_start) / v
            t2 = t1 + abs(y_other - y) / v
            path = [
                (t0, x_start, y),
                (t1, cx, y),
                (t2, cx, y_other),
                (t2 + abs(x_end - cx) / v, x_end, y_other),
            ]
        else:
            x_end = w + 15 if sense > 0 else -15
            path = [(t0, x_start, y), (t0 + abs(x_end - x_start) / v, x_end, y)]
        actors.append(Actor(0, 0, path, _CLOTHES[rng.integers(len(_CLOTHES))], s, z=0))
    actors = [a for a in actors if a.path[-1][0] >= 0 and a.path[0][0] <= n - 1]
    for i, actor in enumerate(sorted(actors, key=lambda a: (a.path[0][0], a.cls)), start=1):
        actor.id = i
    return sorted(actors, key=lambda a: a.id)


def _draw_actor(draw, lab, actor: Actor, t: float) -> None:
    """Dibuja un objeto en la imagen (colores y detalles) y su identificador en el mapa ``lab``."""
    poly = actor.polygon(t)
    if poly is None:
        return
    pts = [tuple(p) for p in poly.tolist()]
    lab.polygon(pts, fill=actor.id)
    x, y, a = actor.position(t)
    ca, sa = math.cos(a), math.sin(a)
    s = actor.scale

    def at(u, v):  # coordenadas locales (u hacia delante, v a la izquierda) → imagen
        return x + u * ca - v * sa, y + u * sa + v * ca

    if actor.cls == 0:  # persona: ropa y cabeza
        draw.polygon(pts, fill=actor.color)
        hx, hy = at(0.3 * s, 0)
        r = 2.6 * s
        draw.ellipse([hx - r, hy - r, hx + r, hy + r], fill=(40, 28, 20))
        return
    body = actor.color if actor.cls in (2, 4) else (40, 40, 44)
    draw.polygon(pts, fill=body)
    length, width = (v * s for v in _SIZE[actor.cls])
    if actor.cls in (2, 4):  # coche y autobús: parabrisas oscuro delante, techo más claro
        f = length / 2
        glass = [
            at(f * 0.55, -width * 0.4),
            at(f * 0.85, -width * 0.36),
            at(f * 0.85, width * 0.36),
            at(f * 0.55, width * 0.4),
        ]
        draw.polygon(glass, fill=(35, 45, 60))
        roof = [
            at(-f * 0.7, -width * 0.38),
            at(f * 0.45, -width * 0.38),
            at(f * 0.45, width * 0.38),
            at(-f * 0.7, width * 0.38),
        ]
        draw.polygon(roof, fill=_shade(body, 1.15 if actor.cls == 2 else 0.9))
    else:  # bici y moto: cuerpo oscuro y conductor encima
        rx, ry = 3.2 * s, 4.8 * s
        px, py = at(-length * 0.05, 0)
        draw.ellipse([px - rx, py - ry, px + rx, py + ry], fill=actor.color)
        lab.ellipse([px - rx, py - ry, px + rx, py + ry], fill=actor.id)  # el conductor es parte
        hx, hy = at(length * 0.02, 0)
        draw.ellipse([hx - 2.3 * s, hy - 2.3 * s, hx + 2.3 * s, hy + 2.3 * s], fill=(30, 30, 30))


def _render(scene_w, scene_h, background, occluder, leaves, actors, n, light, noise_rng):
    from PIL import Image, ImageDraw

    frames = np.empty((n, scene_h, scene_w, 3), np.uint8)
    ids = np.empty((n, scene_h, scene_w), np.int32)
    for t in range(n):
        img = Image.fromarray(background)
        lab = Image.new("I", (scene_w, scene_h), 0)
        draw, ldraw = ImageDraw.Draw(img), ImageDraw.Draw(lab)
        for actor in sorted(actors, key=lambda a: (a.z, a.id)):
            if actor.path[0][0] <= t <= actor.path[-1][0]:
                _draw_actor(draw, ldraw, actor, t)
        rgb = np.array(img)
        rgb[occluder] = leaves[occluder]
        lab_np = np.array(lab, dtype=np.int32)
        lab_np[occluder] = 0
        gain = light[0] * (1 + 0.03 * math.sin(t / 7))
        out = rgb.astype(np.float32) * gain * light[1] + noise_rng.normal(0, 3, rgb.shape)
        frames[t] = out.clip(0, 255).astype(np.uint8)
        ids[t] = lab_np
    return frames, ids


def make_street(
    seed: int = 0,
    *,
    frames: int = 60,
    size: tuple[int, int] = (480, 320),
    scale: float | None = None,
    density: float = 1.0,
    rotate: bool = False,
    vehicles: tuple[int, int, int] = (4, 2, 1),
) -> Scene:
    """Dibuja una calle vista desde arriba con tráfico y peatones, y devuelve su verdad.

    Dos carriles (el de arriba va hacia la izquierda, el de abajo hacia la derecha) con coches,
    motos y autobuses a la velocidad de su carril; bicicletas junto al bordillo; peatones por
    las aceras, y algunos cruzan por el paso de peatones. Las copas de los árboles tapan parte de
    la acera y a veces de la calzada. Cada escena varía el tono del asfalto y del césped, la luz
    y, si no se fija, la escala (la altura del dron).

    Args:
        seed: semilla; la misma da la misma escena.
        frames: número de fotogramas (a 10 por segundo). El tráfico se sortea para esa
            duración: con la misma semilla y otro ``frames`` la escena es otra.
        size: (ancho, alto) en píxeles.
        scale: tamaño de los objetos (1 = un coche mide 32 px); por defecto, al azar entre 0,9
            y 1,6.
        density: tráfico relativo (1 = normal; 2 = el doble de llegadas).
        rotate: girar la escena un múltiplo de 90° al azar (para conjuntos de entrenamiento:
            calles verticales también). La verdad se gira con ella.
        vehicles: pesos enteros de coche, moto y autobús entre los vehículos de los carriles
            (por defecto 4:2:1; un conjunto de entrenamiento puede pedir más autobuses).

    Returns:
        Una :class:`Scene` con ``regions["calzada"]``, ``regions["acera_norte"]``,
        ``regions["acera_sur"]`` y la línea ``lines["centro"]``, vertical en mitad de la imagen
        (sin giro).

    Raises:
        ValueError: con tamaños, fotogramas, escala o densidad fuera de rango.
    """
    w, h = size
    if not (isinstance(frames, int) and frames >= 1):
        raise ValueError(f"make_street: «frames» debe ser un entero ≥ 1, no {frames!r}.")
    if not (isinstance(w, int) and isinstance(h, int) and w >= 64 and h >= 64):
        raise ValueError(
            f"make_street: «size» debe ser (ancho, alto) de al menos 64 px, no {size!r}."
        )
    if scale is not None and not 0.3 <= scale <= 3:
        raise ValueError(f"make_street: «scale» debe estar entre 0,3 y 3, no {scale!r}.")
    if (
        len(vehicles) != 3
        or not all(isinstance(v, int) and v >= 0 for v in vehicles)
        or sum(vehicles) == 0
    ):
        raise ValueError(f"make_street: «vehicles» son tres enteros no negativos, no {vehicles!r}.")
    if not 0 < density <= 5:
        raise ValueError(f"make_street: «density» debe estar entre 0 y 5, no {density!r}.")
    rng = np.random.default_rng(seed)
    s = float(scale) if scale is not None else float(rng.uniform(0.9, 1.6))
    road_h = 2 * 24 * s + 12 * s
    mid = h * rng.uniform(0.45, 0.55)
    r0, r1 = mid - road_h / 2, mid + road_h / 2
    layout = {
        "road": (r0, r1),
        "sidewalks": (r0 - 18 * s, r1 + 18 * s),
        "crosswalk": w * rng.uniform(0.6, 0.8),
    }
    background, occluder, leaves = _street_background(rng, w, h, s, layout)
    pool = [2] * vehicles[0] + [3] * vehicles[1] + [4] * vehicles[2]  # sorteo con esos pesos
    actors = _street_actors(rng, frames, w, h, s, layout, density, pool)
    light = (rng.uniform(0.75, 1.2), 1.0)
    out, ids = _render(w, h, background, occluder, leaves, actors, frames, light, rng)
    s0, s1 = layout["sidewalks"]
    regions = {
        "calzada": np.array([[0, r0], [w, r0], [w, r1], [0, r1]], float),
        "acera_norte": np.array([[0, s0], [w, s0], [w, r0], [0, r0]], float),
        "acera_sur": np.array([[0, r1], [w, r1], [w, s1], [0, s1]], float),
    }
    lines = {"centro": np.array([[w / 2, s0], [w / 2, s1]], float)}
    scene = Scene(out, ids, actors, CLASSES, regions, lines)
    if rotate:
        scene = _rotate(scene, int(rng.integers(4)))
    return scene


def _rotate(scene: Scene, k: int) -> Scene:
    """Gira la escena ``k`` cuartos de vuelta (en sentido antihorario, como ``np.rot90``)."""
    if k % 4 == 0:
        return scene
    h, w = scene.ids.shape[1:]
    frames = np.ascontiguousarray(np.rot90(scene.frames, k, axes=(1, 2)))
    ids = np.ascontiguousarray(np.rot90(scene.ids, k, axes=(1, 2)))

    def turn(p: np.ndarray) -> np.ndarray:
        x, y = p[..., 0], p[..., 1]
        ww, hh = w, h
        for _ in range(k % 4):
            x, y = y, ww - x
            ww, hh = hh, ww
        return np.stack([x, y], axis=-1)

    actors = []
    for a in scene.actors:
        pts = turn(np.array([(x, y) for _, x, y in a.path]))
        path = [(t, float(px), float(py)) for (t, _, _), (px, py) in zip(a.path, pts, strict=True)]
        actors.append(Actor(a.id, a.cls, path, a.color, a.scale, a.z))
    regions = {k_: turn(v) for k_, v in scene.regions.items()}
    lines = {k_: turn(v) for k_, v in scene.lines.items()}
    return Scene(frames, ids, actors, scene.classes, regions, lines, scene.fps)


#: Nombre de la clase que añade :func:`add_containers` (va detrás de las de la escena).
CONTAINER = "contenedor"
_BIN_COLORS = [(40, 98, 56), (52, 110, 64), (70, 74, 78), (36, 84, 60)]


def add_containers(scene: Scene, seed: int = 0, *, n: tuple[int, int] = (2, 4)) -> Scene:
    """Devuelve la escena con contenedores de basura quietos en las aceras, una clase más.

    Cada contenedor es un rectángulo verde o gris oscuro, con la tapa (una franja más clara) a lo
    largo de un lado, del tamaño que le toca a la escala de la escena (unos 13 × 9 px cuando un
    coche mide 32). Se ponen en las aceras (``regions["acera_norte"]`` y ``["acera_sur"]``),
    alineados con ellas y sin tocar nada de lo que se ve en el primer fotograma; lo que pasa
    después por encima (un peatón) los tapa, y las copas de los árboles también. La clase nueva,
    :data:`CONTAINER`, va detrás de las de la escena: con las de la calle, es la 5.

    Args:
        scene: una escena de :func:`make_street` (hacen falta sus dos aceras).
        seed: semilla de la colocación; la misma da los mismos contenedores.
        n: cuántos contenedores como mínimo y como máximo (se sortea); si no caben, menos.

    Raises:
        ValueError: si a la escena le faltan las aceras o ``n`` no es un intervalo válido.
    """
    if not {"acera_norte", "acera_sur"} <= set(scene.regions):
        raise ValueError("add_containers: la escena no tiene aceras (usa una de make_street).")
    if not (len(n) == 2 and all(isinstance(v, int) for v in n) and 0 <= n[0] <= n[1]):
        raise ValueError(
            f"add_containers: «n» es (mínimo, máximo) con 0 ≤ mínimo ≤ máximo, no {n!r}."
        )
    rng = np.random.default_rng(seed)
    h, w = scene.ids.shape[1:]
    scales = [a.scale for a in scene.actors if a.cls == 2] or [1.2]
    s = float(np.median(scales))
    frames, ids = scene.frames.copy(), scene.ids.copy()
    first_free = ids[0] == 0
    taken = np.zeros((h, w), bool)
    actors = list(scene.actors)
    next_id = max((a.id for a in actors), default=0) + 1
    for _ in range(int(rng.integers(n[0], n[1] + 1))):
        for _attempt in range(40):
            region = scene.regions[("acera_norte", "acera_sur")[int(rng.integers(2))]]
            (x0, y0), (x1, y1) = region.min(0), region.max(0)
            along_x = (x1 - x0) >= (y1 - y0)
            length, width = rng.uniform(11, 15) * s, rng.uniform(8, 10.5) * s
            bw, bh = (length, width) if along_x else (width, length)
            if bw >= x1 - x0 or bh >= y1 - y0:
                break
            bx = int(rng.uniform(max(x0, 0), min(x1, w) - bw))
            by = int(rng.uniform(max(y0, 0), min(y1, h) - bh))
            bx2, by2 = bx + int(round(bw)), by + int(round(bh))
            if bx < 0 or by < 0 or bx2 > w or by2 > h:
                continue
            pad = (slice(max(by - 2, 0), by2 + 2), slice(max(bx - 2, 0), bx2 + 2))
            if not first_free[pad].all() or taken[pad].any():
                continue
            break
        else:
            continue
        if bw >= x1 - x0 or bh >= y1 - y0:
            continue
        taken[by:by2, bx:bx2] = True
        body = np.array(_BIN_COLORS[int(rng.integers(len(_BIN_COLORS)))], np.float32)
        paint = np.empty((by2 - by, bx2 - bx, 3), np.float32)
        paint[:] = body * rng.uniform(0.85, 1.1)
        lid = max(2, int(round(0.3 * min(bw, bh))))  # la tapa, a lo largo de un lado largo
        side = int(rng.integers(2))
        if along_x:
            rows = slice(0, lid) if side else slice(-lid, None)
            paint[rows, :] = paint[rows, :] * 1.45
        else:
            cols = slice(0, lid) if side else slice(-lid, None)
            paint[:, cols] = paint[:, cols] * 1.45
        paint[[0, -1], :] *= 0.6  # el borde, más oscuro
        paint[:, [0, -1]] *= 0.6
        cx, cy = (bx + bx2) / 2, (by + by2) / 2
        actor = Actor(
            next_id,
            len(scene.classes),
            [(0.0, cx, cy), (float(len(scene)), cx, cy)],
            tuple(int(c) for c in body),
            s,
            z=-1,
            area=float((bx2 - bx) * (by2 - by)),
        )
        for t in range(len(scene)):
            free = ids[t, by:by2, bx:bx2] == 0
            noise = rng.normal(0, 3, paint.shape)
            patch = frames[t, by:by2, bx:bx2]
            patch[free] = (paint + noise).clip(0, 255).astype(np.uint8)[free]
            ids[t, by:by2, bx:bx2][free] = next_id
        actors.append(actor)
        next_id += 1
    return Scene(
        frames,
        ids,
        actors,
        (*scene.classes, CONTAINER),
        dict(scene.regions),
        dict(scene.lines),
        scene.fps,
    )


def _side(p, a, b) -> float:
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])


def line_crossings(scene: Scene, line, *, classes=None) -> list[tuple[int, int, int]]:
    """Qué objetos cruzaron el segmento ``line`` y en qué sentido, según lo que de verdad pasó.

    Usa el centro de la caja visible en fotogramas consecutivos (lo que ve un contador de
    Ultralytics): un objeto cruza si su centro pasa de un lado al otro de la recta y el paso cae
    dentro del segmento.

    El sentido sigue el convenio de ``ultralytics.solutions.ObjectCounter``: en una línea más
    vertical que horizontal, ``+1`` («entra») es moverse hacia la derecha y ``-1`` («sale»),
    hacia la izquierda; en una más horizontal, ``+1`` es hacia abajo y ``-1`` hacia arriba.

    Returns:
        ``(id, fotograma, sentido)`` por cada cruce, en orden de fotograma (un objeto que vuelve
        atrás cruza dos veces; ``{id for id, _, _ in cruces}`` son los que cruzaron).
    """
    a, b = np.asarray(line, float)
    vertical = abs(a[0] - b[0]) < abs(a[1] - b[1])
    wanted = None if classes is None else set(classes)
    events, last = [], {}
    for i in range(len(scene)):
        for tid, c in scene.centers(i).items():
            if wanted is not None and scene.actor(tid).cls not in wanted:
                continue
            side = np.sign(_side(c, a, b))
            if side == 0:  # justo encima de la línea: aún no ha cruzado
                continue
            if tid in last and last[tid][0] != side:
                p = last[tid][1]
                if _side(a, p, c) * _side(b, p, c) <= 0:  # el paso cae dentro del segmento
                    moved = c[0] - p[0] if vertical else c[1] - p[1]
                    events.append((tid, i, 1 if moved > 0 else -1))
            last[tid] = (side, c)
    return events


def region_counts(scene: Scene, polygon, *, classes=None) -> np.ndarray:
    """Cuántos objetos tienen el centro de su caja visible dentro de ``polygon``, por fotograma."""
    from matplotlib.path import Path as MplPath

    region = MplPath(np.asarray(polygon, float))
    wanted = None if classes is None else set(classes)
    counts = np.zeros(len(scene), int)
    for i in range(len(scene)):
        for tid, c in scene.centers(i).items():
            if (wanted is None or scene.actor(tid).cls in wanted) and region.contains_point(c):
                counts[i] += 1
    return counts


def _floor(rng, w: int, h: int, color, tile: float):
    """Suelo de baldosas (vestíbulo) o asfalto: un color con ruido suave y juntas."""
    from PIL import Image, ImageDraw

    base = np.array(color) * rng.uniform(0.85, 1.1) + rng.normal(
        0, 6, size=(h // 4 + 1, w // 4 + 1, 1)
    )
    img = Image.fromarray(base.clip(0, 255).astype(np.uint8)).resize((w, h), Image.BILINEAR)
    if tile:
        draw = ImageDraw.Draw(img)
        joint = _shade(color, 0.85)
        for x in np.arange(0, w, tile):
            draw.line([x, 0, x, h], fill=joint)
        for y in np.arange(0, h, tile):
            draw.line([0, y, w, y], fill=joint)
    return img


def _scene_from(
    img, actors, n, rng, regions, lines, light=None, occluder=None, leaves=None
) -> Scene:
    w, h = img.size
    background = np.array(img)
    if occluder is None:
        occluder = np.zeros((h, w), bool)
        leaves = background
    light = (rng.uniform(0.8, 1.15), 1.0) if light is None else light
    actors = [a for a in actors if a.path[-1][0] >= 0 and a.path[0][0] <= n - 1]
    for i, actor in enumerate(sorted(actors, key=lambda a: (a.path[0][0], a.cls)), start=1):
        actor.id = i
    actors = sorted(actors, key=lambda a: a.id)
    frames, ids = _render(w, h, background, occluder, leaves, actors, n, light, rng)
    return Scene(frames, ids, actors, CLASSES, regions, lines)


def make_queue(
    seed: int = 0,
    *,
    frames: int = 200,
    size: tuple[int, int] = (320, 320),
    arrival_rate: float = 0.04,
    service: tuple[float, float] = (25.0, 60.0),
    slots: int = 8,
) -> Scene:
    """Una cola ante un mostrador, vista desde arriba, con la verdad de cuántos esperan.

    Las personas llegan por abajo (proceso de Poisson de ``arrival_rate`` por fotograma), se
    ponen al final de la fila, avanzan un puesto cada vez que atienden a quien va primero (un
    tiempo de servicio al azar entre ``service``), y al terminar se van por la derecha. Otras
    personas cruzan la sala sin hacer cola (no deben contarse).

    Returns:
        Una :class:`Scene` con ``regions["cola"]``, el pasillo de la fila. La verdad por
        fotograma es ``region_counts(scene, scene.regions["cola"])``.
    """
    from PIL import ImageDraw

    w, h = size
    if not (isinstance(frames, int) and frames >= 1 and w >= 128 and h >= 128):
        raise ValueError(
            f"make_queue: hacen falta frames ≥ 1 y un tamaño de al menos 128 px, no {frames!r}, {size!r}."
        )
    if not (0 < arrival_rate <= 1 and 0 < service[0] <= service[1] and 2 <= slots <= 30):
        raise ValueError(
            "make_queue: «arrival_rate» en (0, 1], «service» creciente y positivo, «slots» entre 2 y 30."
        )
    rng = np.random.default_rng(seed)
    s = min(w, h) / 320 * rng.uniform(1.0, 1.3)
    img = _floor(rng, w, h, (200, 190, 170), 24 * s)
    draw = ImageDraw.Draw(img)
    x0 = w * rng.uniform(0.3, 0.4)
    top = 30 * s
    draw.rectangle([x0 - 45 * s, 4, x0 + 45 * s, top - 6 * s], fill=(120, 80, 50))  # mostrador
    spacing = 14 * s
    slot = [(x0, top + 8 * s + k * spacing) for k in range(slots)]
    lane_w = 12 * s
    for side in (-1, 1):  # cintas que delimitan la fila
        xr = x0 + side * lane_w
        draw.line([xr, top, xr, slot[-1][1] + 8 * s], fill=(40, 40, 160), width=max(1, int(2 * s)))
    actors: list[Actor] = []
    walk = 1.2 * s
    free_at = -1e9  # cuándo queda libre el mostrador
    departures: list[float] = []
    t = -rng.uniform(400, 500)  # empezar antes: al primer fotograma ya hay cola
    while t < frames:
        t += rng.exponential(1 / arrival_rate)
        entry = (x0 + rng.uniform(-40, 40) * s, h + 10)
        ahead = [d for d in departures if d > t]
        tail = slot[min(len(ahead), slots - 1)]
        arrive = t + math.dist(entry, tail) / walk
        ahead = [d for d in departures if d > arrive]
        if len(ahead) >= slots:  # la fila está llena: pasa de largo
            continue
        start = max(arrive, free_at)
        leave = start + rng.uniform(*service)
        path = [(t, *entry), (arrive, *slot[len(ahead)])]
        for k, d in enumerate(sorted(ahead)):  # avanza un puesto cada vez que sale alguien
            pos = slot[len(ahead) - k - 1]
            path += [(d, *path[-1][1:]), (d + spacing / walk, *pos)]
        exit_point = (w + 10, top + rng.uniform(0, 20) * s)
        path += [(leave, *slot[0]), (leave + math.dist(slot[0], exit_point) / walk, *exit_point)]
        path = [p for i, p in enumerate(path) if i == 0 or p[0] > path[i - 1][0]]
        actors.append(Actor(0, 0, path, _CLOTHES[rng.integers(len(_CLOTHES))], s))
        departures.append(leave)
        free_at = leave
    for _ in range(rng.poisson(frames / 60)):  # gente de paso, lejos de la fila
        t0 = rng.uniform(-50, frames)
        y = rng.uniform(0.55, 0.9) * h
        x_a, x_b = (x0 + 40 * s, w + 10) if rng.random() < 0.5 else (w + 10, x0 + 40 * s)
        v = rng.uniform(0.9, 1.4) * s
        actors.append(
            Actor(
                0,
                0,
                [(t0, x_a, y), (t0 + abs(x_b - x_a) / v, x_b, y + rng.uniform(-20, 20))],
                _CLOTHES[rng.integers(len(_CLOTHES))],
                s,
            )
        )
    lane = np.array(
        [
            [x0 - lane_w, top],
            [x0 + lane_w, top],
            [x0 + lane_w, slot[-1][1] + 7 * s],
            [x0 - lane_w, slot[-1][1] + 7 * s],
        ]
    )
    return _scene_from(img, actors, frames, rng, {"cola": lane}, {})


def make_parking(
    seed: int = 0,
    *,
    frames: int = 150,
    size: tuple[int, int] = (480, 320),
    occupancy: float = 0.6,
    moves: int = 4,
) -> Scene:
    """Un aparcamiento visto desde arriba: plazas pintadas, coches aparcados y otros que llegan o se van.

    Dos filas de plazas a los lados de un pasillo. Al empezar, cada plaza está ocupada con
    probabilidad ``occupancy``; durante el vídeo, ``moves`` coches entran a una plaza libre o
    salen de la suya por el pasillo.

    Returns:
        Una :class:`Scene` con ``regions["plaza_00"]``, ``regions["plaza_01"]``…, una por plaza
        (el polígono que se escribe en el JSON de ``ParkingManagement``), y ``regions["pasillo"]``.
        La verdad por fotograma es :func:`space_occupancy`.
    """
    from PIL import ImageDraw

    w, h = size
    if not (isinstance(frames, int) and frames >= 1 and w >= 160 and h >= 128):
        raise ValueError(
            f"make_parking: hacen falta frames ≥ 1 y al menos 160×128 px, no {frames!r}, {size!r}."
        )
    if not (0 <= occupancy <= 1 and isinstance(moves, int) and moves >= 0):
        raise ValueError("make_parking: «occupancy» entre 0 y 1 y «moves» entero ≥ 0.")
    rng = np.random.default_rng(seed)
    s = h / 320 * rng.uniform(1.0, 1.2)
    img = _floor(rng, w, h, (95, 95, 100), 0)
    draw = ImageDraw.Draw(img)
    depth, width = 44 * s, 26 * s
    aisle = (h / 2 - 26 * s, h / 2 + 26 * s)
    spaces = []
    for row, (y0, y1) in enumerate(((aisle[0] - depth, aisle[0]), (aisle[1], aisle[1] + depth))):
        for x in np.arange(10 * s, w - width, width):
            spaces.append((row, np.array([[x, y0], [x + width, y0], [x + width, y1], [x, y1]])))
            draw.line([x, y0, x, y1], fill=(235, 235, 230), width=max(1, int(1.5 * s)))
            draw.line(
                [x + width, y0, x + width, y1], fill=(235, 235, 230), width=max(1, int(1.5 * s))
            )
    actors: list[Actor] = []
    occupied = rng.random(len(spaces)) < occupancy
    ya = (aisle[0] + aisle[1]) / 2
    park = []
    for row, poly in spaces:
        cx, cy = poly[:, 0].mean(), poly[:, 1].mean()
        park.append((cx, cy, row))
    events = rng.choice(len(spaces), size=min(moves, len(spaces)), replace=False)
    times = np.sort(rng.uniform(0, max(frames - 60, 1), size=len(events)))
    v = 2.0 * s
    for k, (cx, cy, row) in enumerate(park):
        color = _CAR_COLORS[rng.integers(len(_CAR_COLORS))]
        heading_in = (cx, cy)
        if k in events:
            t0 = float(times[list(events).index(k)])
            if occupied[k]:  # sale: marcha atrás al pasillo y se va por la derecha
                path = [
                    (-1e4, cx, cy + (1 if row == 0 else -1) * 0.01),
                    (t0, cx, cy),
                    (t0 + abs(cy - ya) / v * 1.5, cx, ya),
                    (t0 + abs(cy - ya) / v * 1.5 + (w + 40 - cx) / v, w + 40, ya),
                ]
            else:  # llega por la izquierda y entra en la plaza
                t1 = t0 + (cx + 40) / v
                path = [
                    (t0, -40, ya),
                    (t1, cx, ya),
                    (t1 + abs(cy - ya) / v * 1.5, *heading_in),
                    (1e4, *heading_in),
                ]
        elif occupied[k]:
            dy = 0.01 if row == 1 else -0.01  # aparcado de frente: mira hacia la fila
            path = [(-1e4, cx, cy - dy), (-1e4 + 1, cx, cy), (1e4, cx, cy)]
        else:
            continue
        actors.append(Actor(0, 2, path, color, s))
    regions = {f"plaza_{k:02d}": poly for k, (_, poly) in enumerate(spaces)}
    regions["pasillo"] = np.array([[0, aisle[0]], [w, aisle[0]], [w, aisle[1]], [0, aisle[1]]])
    return _scene_from(img, actors, frames, rng, regions, {})


def space_occupancy(scene: Scene, spaces=None, *, classes=(2,)) -> np.ndarray:
    """Qué plazas están ocupadas en cada fotograma: (fotogramas, plazas) de ``bool``.

    Una plaza está ocupada si el centro de la caja visible de un coche cae dentro (el criterio
    de ``ultralytics.solutions.ParkingManagement``). Por defecto, las plazas de la escena en
    orden (``plaza_00``, ``plaza_01``…).
    """
    if spaces is None:
        spaces = [v for k, v in sorted(scene.regions.items()) if k.startswith("plaza_")]
    return np.stack([region_counts(scene, p, classes=classes) > 0 for p in spaces], axis=1)


def make_yard(
    seed: int = 0,
    *,
    frames: int = 120,
    size: tuple[int, int] = (320, 320),
    intruders: int = 1,
    night: bool = True,
) -> Scene:
    """Un recinto cerrado (patio de un almacén) donde no debería haber nadie, visto desde arriba.

    Contenedores, tejados y una valla; de noche, poca luz. ``intruders`` personas saltan la
    valla en momentos al azar, cruzan el patio y salen por otro lado (pueden solaparse). Con
    ``intruders=0`` el vídeo está vacío: la verdad de una alarma que no debe sonar.

    Returns:
        Una :class:`Scene` con ``regions["recinto"]`` (todo el patio). La verdad de cada
        intrusión es la trayectoria de su persona: ``scene.actors``; la de cada fotograma,
        ``region_counts(scene, scene.regions["recinto"])``.
    """
    from PIL import ImageDraw

    w, h = size
    if not (isinstance(frames, int) and frames >= 1 and w >= 128 and h >= 128):
        raise ValueError(
            f"make_yard: hacen falta frames ≥ 1 y al menos 128×128 px, no {frames!r}, {size!r}."
        )
    if not (isinstance(intruders, int) and 0 <= intruders <= 10):
        raise ValueError(
            f"make_yard: «intruders» debe ser un entero entre 0 y 10, no {intruders!r}."
        )
    rng = np.random.default_rng(seed)
    s = min(w, h) / 320 * rng.uniform(1.0, 1.4)
    img = _floor(rng, w, h, (110, 108, 100), 0)
    draw = ImageDraw.Draw(img)
    for _ in range(rng.integers(3, 6)):  # contenedores y palés (no tapan: están en el suelo)
        cw, ch = rng.uniform(25, 60) * s, rng.uniform(12, 25) * s
        x, y = rng.uniform(0, w - cw), rng.uniform(0, h - ch)
        color = tuple(
            int(v)
            for v in rng.choice([(160, 60, 40), (40, 90, 150), (60, 120, 70), (180, 150, 60)])
        )
        draw.rectangle([x, y, x + cw, y + ch], fill=color)
        for k in range(1, 6):
            draw.line([x + k * cw / 6, y, x + k * cw / 6, y + ch], fill=_shade(color, 0.75))
    draw.rectangle([2, 2, w - 3, h - 3], outline=(200, 200, 200), width=max(1, int(2 * s)))  # valla
    actors = []
    v = 1.3 * s
    for _ in range(intruders):
        t0 = rng.uniform(0, max(frames - 60, 1))
        side = rng.integers(4)
        a = rng.uniform(0.15, 0.85)
        points = [(a * w, -8), (w + 8, a * h), (a * w, h + 8), (-8, a * h)]
        start, end = points[side], points[(side + rng.integers(1, 4)) % 4]
        middle = (rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h)
        t1 = t0 + math.dist(start, middle) / v
        pause = rng.uniform(0, 20)  # se para a mirar
        t2 = t1 + pause
        path = [(t0, *start), (t1, *middle), (t2, *middle), (t2 + math.dist(middle, end) / v, *end)]
        path = [p for i, p in enumerate(path) if i == 0 or p[0] > path[i - 1][0]]
        actors.append(Actor(0, 0, path, _CLOTHES[rng.integers(len(_CLOTHES))], s))
    light = (rng.uniform(0.6, 0.75) if night else rng.uniform(0.9, 1.15), 1.0)  # anochecer
    region = np.array([[0, 0], [w, 0], [w, h], [0, h]], float)
    return _scene_from(img, actors, frames, rng, {"recinto": region}, {}, light=light)
