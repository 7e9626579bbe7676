"""Conjuntos en formato YOLO, vídeos y animaciones a partir de las escenas del curso.

Para qué sirve:

- :func:`write_yolo` escribe escenas de :mod:`ia100.synth.scenes` como un conjunto de
  detección o de segmentación en el formato que leen Ultralytics y casi todas las herramientas
  (``images/<parte>/*.png``, ``labels/<parte>/*.txt`` y un ``data.yaml`` con ruta absoluta, sin
  clave ``download``);
- :func:`save_video` guarda fotogramas como vídeo MP4 (lo que se le pasa a ``model.track`` o a
  una solución, igual que el vídeo de un móvil);
- :func:`save_animation` guarda una animación GIF pequeña, que se ve en cualquier navegador (así
  se muestran en la web los resultados que se mueven).

Para qué NO sirve: no dibuja escenas (eso es :mod:`ia100.synth.scenes`) ni entrena.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

__all__ = ["save_animation", "save_video", "write_yolo", "yolo_polygon"]


def yolo_polygon(mask: np.ndarray) -> np.ndarray | None:
    """Contorno del trozo más grande de una máscara binaria, (k, 2) en píxeles, o ``None``."""
    import cv2

    contours, _ = cv2.findContours(
        mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE
    )
    if not contours:
        return None
    best = max(contours, key=cv2.contourArea)
    if len(best) < 3:
        return None
    return best[:, 0, :].astype(float)


def write_yolo(
    root: str | os.PathLike,
    splits: Mapping[str, Iterable],
    *,
    task: str = "detect",
    every: int = 1,
    min_visible: float = 0.25,
) -> Path:
    """Escribe un conjunto YOLO con las escenas de cada parte y devuelve la ruta de ``data.yaml``.

    Args:
        root: carpeta del conjunto (se crea).
        splits: ``{"train": [escena, …], "val": […]}``; cada fotograma (uno de cada ``every``) es
            una imagen.
        task: ``"detect"`` (una caja por objeto: ``clase cx cy w h`` normalizados) o
            ``"segment"`` (el contorno de la parte visible: ``clase x1 y1 x2 y2 …``).
        every: tomar un fotograma de cada ``every`` (los vecinos se parecen mucho).
        min_visible: no etiquetar objetos de los que se ve menos que esta fracción (un árbol los
            tapa o salen por el borde); quedan en la imagen sin etiqueta, como en la realidad.

    Raises:
        ValueError: con una tarea desconocida, ``every`` < 1 o sin parte ``train`` y ``val``.
    """
    from PIL import Image

    if task not in ("detect", "segment"):
        raise ValueError(f"write_yolo: «task» debe ser 'detect' o 'segment', no {task!r}.")
    if not (isinstance(every, int) and every >= 1):
        raise ValueError(f"write_yolo: «every» debe ser un entero ≥ 1, no {every!r}.")
    if not {"train", "val"} <= set(splits):
        raise ValueError("write_yolo: hacen falta al menos las partes 'train' y 'val'.")
    root = Path(root).resolve()
    names = None
    for split, scenes in splits.items():
        (root / "images" / split).mkdir(parents=True, exist_ok=True)
        (root / "labels" / split).mkdir(parents=True, exist_ok=True)
        for k, scene in enumerate(scenes):
            names = names or scene.classes
            h, w = scene.ids.shape[1:]
            for i in range(0, len(scene), every):
                stem = f"{split}_{k:04d}_{i:04d}"
                Image.fromarray(scene.frames[i]).save(root / "images" / split / f"{stem}.png")
                lines = []
                for row in scene.boxes(i, min_visible=min_visible):
                    tid, cls, x1, y1, x2, y2 = row[:6]
                    if task == "detect":
                        cx, cy, bw, bh = (
                            (x1 + x2) / 2 / w,
                            (y1 + y2) / 2 / h,
                            (x2 - x1) / w,
                            (y2 - y1) / h,
                        )
                        lines.append(f"{int(cls)} {cx:.6f} {cy:.6f} {bw:.6f} {bh:.6f}")
                    else:
                        poly = yolo_polygon(scene.mask(i, int(tid)))
                        if poly is None:
                            continue
                        xy = " ".join(f"{x / w:.6f} {y / h:.6f}" for x, y in poly)
                        lines.append(f"{int(cls)} {xy}")
                (root / "labels" / split / f"{stem}.txt").write_text(
                    "\n".join(lines) + "\n" if lines else ""
                )
    yaml_lines = [f"path: {root}"] + [f"{s}: images/{s}" for s in splits] + ["names:"]
    yaml_lines += [f"  {i}: {n}" for i, n in enumerate(names or ())]
    data = root / "data.yaml"
    data.write_text("\n".join(yaml_lines) + "\n", encoding="utf-8")
    return data


def save_video(frames: np.ndarray, path: str | os.PathLike, *, fps: float = 10.0) -> Path:
    """Guarda fotogramas RGB (n, alto, ancho, 3) como vídeo MP4 y devuelve su ruta."""
    import cv2

    frames = np.asarray(frames)
    if frames.ndim != 4 or frames.shape[-1] != 3 or len(frames) == 0:
        raise ValueError(f"save_video espera (n, alto, ancho, 3) con n ≥ 1, no {frames.shape}.")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    h, w = frames.shape[1:3]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (w, h))
    try:
        for frame in frames:
            writer.write(cv2.cvtColor(frame, cv2.COLOR_RGB2BGR))
    finally:
        writer.release()
    return path


def save_animation(
    frames: np.ndarray, path: str | os.PathLike, *, fps: float = 10.0, width: int | None = 320
) -> Path:
    """Guarda fotogramas RGB como GIF animado (pequeño: reducido a ``width`` píxeles de ancho).

    Se muestra en un cuaderno con ``IPython.display.Image(filename=ruta)`` y en la web del curso
    como una imagen más.
    """
    from PIL import Image

    frames = np.asarray(frames)
    if frames.ndim != 4 or frames.shape[-1] != 3 or len(frames) == 0:
        raise ValueError(f"save_animation espera (n, alto, ancho, 3) con n ≥ 1, no {frames.shape}.")
    images = [Image.fromarray(f) for f in frames]
    if width is not None and images[0].width > width:
        height = round(images[0].height * width / images[0].width)
        images = [im.resize((width, height), Image.BILINEAR) for im in images]
    images = [im.quantize(colors=128, method=Image.Quantize.MEDIANCUT) for im in images]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(
        path, save_all=True, append_images=images[1:], duration=round(1000 / fps), loop=0
    )
    return path
