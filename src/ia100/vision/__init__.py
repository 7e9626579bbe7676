"""Visión por computador con Ultralytics, sin conexión y sin ensuciar las carpetas (Parte III).

Para qué sirve: lo que todos los días de detección, segmentación y seguimiento necesitan y no es
la lección:

- :func:`configure`: la higiene de Ultralytics en una sola llamada, **antes** de importarla
  (sin comprobaciones de red, sin instalaciones automáticas, sin analítica ni integraciones,
  fuentes locales, ajustes y ``runs/`` en la caché del curso, hilos de torch decididos);
- :func:`load_detector` y :func:`shipped`: el modelo real preentrenado cuando hay conexión, o el
  detector pequeño que el curso entrena y trae consigo, y una línea que dice cuál;
- :mod:`ia100.vision.data`: escritura de conjuntos en formato YOLO y de vídeos/animaciones.

Para qué NO sirve: no contiene IoU, NMS, mAP ni ningún modelo escrito a mano (eso se escribe en
los cuadernos, donde se enseña). Se instala con el extra ``ia100[vision]`` y se carga solo al
usarlo (``ia100.vision``).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from ia100.env import is_fast, is_offline

__all__ = [
    "SHIPPED",
    "VisionEnv",
    "configure",
    "load_detector",
    "runs_dir",
    "shipped",
]

#: Modelos que el curso entrena con ``scripts/train_detectors.py`` y trae en el paquete.
SHIPPED = {
    "escenas": "models/escenas-det.pt",  # detector de la calle vista desde arriba (5 clases)
    "incendios": "models/incendios-det.pt",  # humo y fuego en bosques vistos desde arriba
    "hojas": "models/hojas-seg.pt",  # hojas, manchas, pulgones y orugas (segmentación)
}
#: Tarea de cada modelo del curso (los que no están aquí son detectores).
_TASKS = {"hojas": "segment"}

#: Integraciones de Ultralytics que intentarían conectarse o escribir fuera: todas apagadas.
_INTEGRATIONS = (
    "clearml",
    "comet",
    "dvc",
    "hub",
    "mlflow",
    "neptune",
    "raytune",
    "tensorboard",
    "wandb",
)


@dataclass(frozen=True)
class VisionEnv:
    """Lo que :func:`configure` dejó preparado."""

    config_dir: Path  # ajustes y fuentes de Ultralytics (YOLO_CONFIG_DIR)
    runs_dir: Path  # donde van los entrenamientos, validaciones y predicciones
    threads: int  # hilos de torch
    offline: bool  # si Ultralytics cree que no hay red (YOLO_OFFLINE)
    summary: str


_state: dict[str, VisionEnv | None] = {"env": None}


def _base() -> Path:
    from ia100.io import cache_dir

    return cache_dir() / "ultralytics"


def runs_dir() -> Path:
    """La carpeta de ``runs/`` del curso (en la caché, nunca junto a los cuadernos)."""
    path = _base() / "runs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _install_fonts(folder: Path) -> None:
    """Copia DejaVu Sans (viene con matplotlib) con los nombres que Ultralytics descargaría."""
    import matplotlib

    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    for name in ("Arial.ttf", "Arial.Unicode.ttf"):
        target = folder / name
        if not target.exists():
            shutil.copyfile(dejavu, target)


def configure(*, threads: int | None = None, verbose: bool = True) -> VisionEnv:
    """Prepara Ultralytics para trabajar sin red y sin escribir junto a los cuadernos.

    Llámala antes de ``from ultralytics import …`` (las variables de entorno se leen al
    importar); si Ultralytics ya estaba importada, sigue sirviendo para los ajustes. Hace:

    - ``YOLO_CONFIG_DIR`` en la caché del curso, con ``Arial.ttf`` y ``Arial.Unicode.ttf``
      (copias de DejaVu Sans) para que entrenar o dibujar etiquetas con tildes no descargue
      fuentes;
    - ``YOLO_AUTOINSTALL=false`` (el curso fija sus dependencias) y, en modo sin conexión,
      ``YOLO_OFFLINE=1`` (ninguna comprobación de red);
    - ajustes: ``sync`` (analítica) y todas las integraciones apagadas; ``runs_dir``,
      ``datasets_dir`` y ``weights_dir`` dentro de la caché;
    - hilos de torch: ``threads`` o, si no se da, 1 en modo rápido (las pruebas ejecutan dos
      cuadernos a la vez) y todos los núcleos si no. (Ultralytics pondría 1 sin decírtelo.)

    Returns:
        Un :class:`VisionEnv` con las carpetas y los hilos elegidos.

    Se usa en: la celda de preparación de los días de la Parte III.
    """
    if threads is not None and (
        isinstance(threads, bool) or not isinstance(threads, int) or threads < 1
    ):
        raise ValueError(f"configure: «threads» debe ser un entero positivo, no {threads!r}.")
    base = _base()
    config = base / "config"
    config.mkdir(parents=True, exist_ok=True)
    _install_fonts(config)
    os.environ["YOLO_CONFIG_DIR"] = str(config)
    os.environ["YOLO_AUTOINSTALL"] = "false"
    offline = is_offline()
    if offline:
        os.environ["YOLO_OFFLINE"] = "1"
    n = threads or (1 if is_fast() else (os.cpu_count() or 1))
    os.environ["OMP_NUM_THREADS"] = str(n)

    from ultralytics.utils import SETTINGS

    wanted = {
        "sync": False,
        "runs_dir": str(runs_dir()),
        "datasets_dir": str(base / "datasets"),
        "weights_dir": str(base / "weights"),
    }
    wanted.update({k: False for k in _INTEGRATIONS if k in SETTINGS})
    if any(SETTINGS.get(k) != v for k, v in wanted.items()):
        SETTINGS.update(wanted)
    _patch_config_dir(config)

    import torch

    torch.set_num_threads(n)
    import ultralytics

    summary = (
        f"ultralytics {ultralytics.__version__} · {n} hilo{'s' if n > 1 else ''} de torch"
        f" · runs en {runs_dir()}" + (" · sin conexión" if offline else "")
    )
    if verbose:
        print(summary)
    env = VisionEnv(config, runs_dir(), n, offline, summary)
    _state["env"] = env
    return env


def _patch_config_dir(config: Path) -> None:
    """Si Ultralytics se importó antes que :func:`configure`, apunta su carpeta a la nuestra."""
    utils = sys.modules.get("ultralytics.utils")
    if utils is not None and Path(utils.USER_CONFIG_DIR) != config:
        utils.USER_CONFIG_DIR = config
        checks = sys.modules.get("ultralytics.utils.checks")
        if checks is not None:
            checks.USER_CONFIG_DIR = config
        _install_fonts(config)


def shipped(name: str = "escenas") -> Path:
    """Ruta de un detector que el curso entrenó y trae en el paquete (suma comprobada).

    Args:
        name: uno de :data:`SHIPPED`: ``"escenas"`` (persona, bicicleta, coche, moto y
            autobús vistos desde arriba en las escenas de :mod:`ia100.synth.scenes`) o
            ``"incendios"`` (humo y fuego en los bosques de :mod:`ia100.synth.nature`).

    Raises:
        ValueError: si el nombre no es de un modelo del curso.
    """
    if name not in SHIPPED:
        raise ValueError(f"No hay un modelo del curso llamado {name!r}. Hay: {', '.join(SHIPPED)}.")
    from ia100 import assets

    return assets.path(SHIPPED[name])


def load_detector(
    real: str | None = "yolo26n.pt", *, fallback: str = "escenas", verbose: bool = True
):
    """El detector real preentrenado si hay conexión; si no, el pequeño que trae el curso.

    Con conexión, ``YOLO(real)`` descarga los pesos oficiales (COCO, 80 clases). Sin conexión
    (``IA100_OFFLINE=1``), si la descarga falla o con ``real=None`` (no hay pesos oficiales para
    esa tarea: humo y fuego, plagas), devuelve el modelo del curso entrenado con escenas
    sintéticas. Dice en una línea cuál devolvió; mira ``model.names`` antes de suponer las clases.
    Para comparar con la verdad de las escenas del curso (sus clases y su numeración), usa el
    del curso también con conexión: ``YOLO(shipped("escenas"))``.

    Args:
        real: nombre de los pesos oficiales (``"yolo26n.pt"``, ``"yolo11n.pt"``…) o ``None``.
        fallback: modelo del curso (ver :data:`SHIPPED`).

    Se usa en: los días y laboratorios de la Parte III.
    """
    if _state["env"] is None:
        configure(verbose=False)
    from ultralytics import YOLO

    from ia100.env import go_offline

    if real is not None and not is_offline():
        try:
            model = YOLO(real)
            if verbose:
                print(f"Detector: {real} (preentrenado oficial, {len(model.names)} clases).")
            return model
        except Exception as error:  # sin red, descarga cortada, repositorio caído…
            go_offline(f"no se pudo descargar {real}: {type(error).__name__}")
    model = YOLO(str(shipped(fallback)), task=_TASKS.get(fallback, "detect"))
    if verbose:
        names = ", ".join(model.names.values())
        why = "sin conexión" if real is not None else "no hay pesos oficiales para esta tarea"
        print(f"Detector: el del curso «{fallback}» ({why}; clases: {names}).")
    return model
