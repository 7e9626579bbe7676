"""Preparación del entorno de los cuadernos.

Para qué sirve: fijar semillas, elegir dispositivo (CUDA, Apple MPS o CPU), leer los modos del
curso y dimensionar los experimentos con una sola línea legible:

- **modo rápido** (``IA100_FAST=1``): lo activa el comando de pruebas; los cuadernos entrenan lo
  mínimo para comprobar que la lección sigue siendo cierta;
- **modo sin conexión** (``IA100_OFFLINE=1``): lo activa el comando de pruebas, y también se
  activa solo cuando falla una descarga; los cargadores usan entonces los datos que el curso
  genera o incluye.

Para qué NO sirve: no carga datos (eso es :mod:`ia100.data`) ni dibuja (:mod:`ia100.plots`).
Los marcos pesados (torch, tensorflow) nunca se importan aquí: solo se usan si el cuaderno ya
los importó.
"""

from __future__ import annotations

import os
import platform
import random
import sys
from dataclasses import dataclass
from numbers import Real

import numpy as np

__all__ = [
    "Environment",
    "device",
    "go_offline",
    "is_fast",
    "is_offline",
    "seed_everything",
    "setup",
    "size",
]

FAST_VAR = "IA100_FAST"
OFFLINE_VAR = "IA100_OFFLINE"
_TRUE = {"1", "true", "yes", "si", "sí", "on"}

# Estado del proceso: si una descarga falla, el resto de la sesión trabaja sin conexión.
_state = {"offline_reason": None}


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in _TRUE


def is_fast() -> bool:
    """Indica si estamos en modo rápido (``IA100_FAST=1``, el que usan las pruebas).

    Se usa en: todos los días que entrenan algo, a través de :func:`size`.
    """
    return _flag(FAST_VAR)


def is_offline() -> bool:
    """Indica si hay que trabajar sin conexión.

    Es verdadero si ``IA100_OFFLINE=1`` o si en esta sesión ya falló una descarga
    (ver :func:`go_offline`).
    """
    return _flag(OFFLINE_VAR) or _state["offline_reason"] is not None


def go_offline(reason: str) -> None:
    """Pasa la sesión a modo sin conexión y lo dice en una línea clara (solo la primera vez).

    Args:
        reason: por qué (por ejemplo, el error de red). No puede estar vacío.
    """
    if not isinstance(reason, str) or not reason.strip():
        raise ValueError("go_offline necesita un motivo no vacío (por ejemplo, el error de red).")
    if _state["offline_reason"] is None:
        _state["offline_reason"] = reason
        print(f"📴 Sin conexión ({reason}): a partir de ahora se usan los datos locales del curso.")


def device() -> str:
    """Devuelve el mejor dispositivo disponible: ``"cuda"``, ``"mps"`` o ``"cpu"``.

    Pregunta a los marcos que el cuaderno ya importó (torch primero, luego TensorFlow); no
    importa ninguno por su cuenta, porque costaría segundos. Si el cuaderno no usa ninguno,
    nada puede aprovechar la GPU y la respuesta es ``"cpu"``.
    """
    torch = sys.modules.get("torch")
    if torch is not None:
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return "mps"
        return "cpu"
    tf = sys.modules.get("tensorflow")
    if tf is not None and tf.config.list_physical_devices("GPU"):
        return "cuda"
    return "cpu"


def size(*, full: Real, cpu: Real | None = None, fast: Real | None = None) -> Real:
    """Elige el tamaño de un experimento según dónde se ejecuta el cuaderno.

    Permite escribir en una sola línea legible ``epochs = size(full=30, cpu=10, fast=2)``:

    - en modo rápido (pruebas) devuelve ``fast`` (o ``cpu``, o ``full`` si faltan);
    - con GPU devuelve ``full``;
    - en CPU devuelve ``cpu`` (o ``full`` si falta).

    Args:
        full: tamaño completo, pensado para GPU.
        cpu: tamaño para un portátil sin GPU (por defecto, ``full``).
        fast: tamaño mínimo para las pruebas (por defecto, ``cpu``).

    Raises:
        TypeError: si algún tamaño no es un número.
        ValueError: si algún tamaño es negativo.
    """
    for name, value in (("full", full), ("cpu", cpu), ("fast", fast)):
        if value is None and name != "full":
            continue
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"size: «{name}» debe ser un número, no {value!r}.")
        if value < 0:
            raise ValueError(f"size: «{name}» no puede ser negativo ({value}).")
    cpu_value = full if cpu is None else cpu
    if is_fast():
        return cpu_value if fast is None else fast
    if device() != "cpu":
        return full
    return cpu_value


def seed_everything(seed: int = 42) -> int:
    """Fija las semillas de ``random``, NumPy y, si el cuaderno ya los importó, torch y TensorFlow.

    Importa torch o TensorFlow *antes* de llamar a :func:`setup` para que sus semillas también
    queden fijadas. No fija ``PYTHONHASHSEED``: Python solo lo lee al arrancar, así que cambiarlo
    aquí no afectaría a este proceso (el orden de los ``set`` de textos puede variar entre
    ejecuciones; por eso los cuadernos ordenan antes de mostrar).

    Returns:
        La semilla usada.
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"La semilla debe ser un entero no negativo, no {seed!r}.")
    random.seed(seed)
    np.random.seed(seed)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.manual_seed(seed)
    tf = sys.modules.get("tensorflow")
    if tf is not None:
        tf.random.set_seed(seed)
    return seed


@dataclass(frozen=True)
class Environment:
    """Lo que :func:`setup` deja preparado: semilla, dispositivo y modos activos."""

    seed: int  # semilla fijada en random, NumPy y los marcos importados
    device: str  # "cuda", "mps" o "cpu"
    fast: bool  # modo rápido (pruebas)
    offline: bool  # modo sin conexión
    summary: str  # la línea que se imprimió


def _plot_style() -> None:
    import matplotlib as mpl

    mpl.rcParams.update(
        {
            "figure.figsize": (6.4, 4.0),
            "figure.dpi": 100,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titleweight": "bold",
            "font.size": 10,
        }
    )


def setup(seed: int = 42, *, plot_style: bool = True, verbose: bool = True) -> Environment:
    """Prepara un cuaderno en una llamada: semillas, estilo de gráficos y dispositivo.

    Imprime una sola línea con las versiones, el dispositivo y los modos activos. En modo
    rápido, si el cuaderno ya importó torch, lo limita a un hilo (las pruebas ejecutan dos
    cuadernos en paralelo).

    Args:
        seed: semilla para ``random``, NumPy y los marcos ya importados.
        plot_style: aplicar el estilo de gráficos del curso.
        verbose: imprimir la línea de resumen.

    Returns:
        Un :class:`Environment` con lo elegido.

    Se usa en: la celda de preparación de todos los días.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    seed_everything(seed)
    torch = sys.modules.get("torch")
    if torch is not None and is_fast():
        # Las pruebas ejecutan dos cuadernos a la vez en dos núcleos: un hilo por cuaderno evita
        # que se estorben (con modelos diminutos, varios hilos son hasta 15 veces más lentos).
        torch.set_num_threads(1)
    if plot_style:
        _plot_style()
    dev = device()
    parts = [f"Python {platform.python_version()}", f"numpy {np.__version__}"]
    for name in ("torch", "tensorflow"):
        module = sys.modules.get(name)
        if module is not None:
            parts.append(f"{name} {module.__version__}")
    modes = []
    if is_fast():
        modes.append("rápido (pruebas)")
    if is_offline():
        modes.append("sin conexión")
    from ia100 import __version__

    summary = (
        f"ia100 {__version__} · " + " · ".join(parts) + f" · dispositivo: {dev} · semilla {seed}"
    )
    if modes:
        summary += " · modo " + " + ".join(modes)
    if verbose:
        print(summary)
    return Environment(seed=seed, device=dev, fast=is_fast(), offline=is_offline(), summary=summary)
