"""ia100: el paquete de ayuda del curso «100 Días de IA».

Reúne lo que varios cuadernos necesitan y que no es la lección en sí:

- :mod:`ia100.env`: preparación del entorno (semillas, dispositivo, modos rápido y sin conexión,
  tamaños de experimento);
- :mod:`ia100.io`: descargas con caché, suma SHA-256 y escritura atómica;
- :mod:`ia100.datasets`: cargadores de datos con su alternativa sin conexión;
- :mod:`ia100.synth`: generadores de datos sintéticos (caras de animales dibujadas, escenas de calle con su verdad);
- :mod:`ia100.assets`: ficheros que trae el paquete, con su manifiesto y sus sumas;
- :mod:`ia100.plots`: gráficos que se repiten (curvas de entrenamiento, fronteras de decisión,
  rejillas de imágenes, matrices de confusión);
- :mod:`ia100.training`: entrenar y evaluar clasificadores de PyTorch (desde la Parte II);
- :mod:`ia100.exercises`: el corrector automático de los ejercicios.

Un subpaquete por dominio de las partes siguientes, que se carga solo al usarlo
(``ia100.nlp.stopwords()``), así que ``import ia100`` no paga sus dependencias:

- :mod:`ia100.vision`: detección, segmentación y seguimiento con Ultralytics sin conexión
  (Parte III); se instala con el extra ``ia100[vision]``;
- :mod:`ia100.nlp`: texto en español (Parte IV); se instala con el extra ``ia100[nlp]``.

Los nombres de primer nivel (``ia100.make_pets``, ``ia100.load_mnist``…) son los de las Partes
I y II y se mantienen; las partes nuevas usan los de su subpaquete. (``ia100.data`` e
``ia100.images`` son los nombres antiguos de ``io``/``datasets`` y ``synth.pets``.)

Importar el paquete no tiene efectos secundarios: la preparación es :func:`setup`, que cada
cuaderno llama una vez. No contiene las lecciones: si un día enseña retropropagación, la escribe
en el cuaderno.
"""

import importlib
from importlib.metadata import PackageNotFoundError, version

from ia100.datasets import load_cats_vs_dogs, load_iris, load_mnist
from ia100.env import (
    Environment,
    device,
    go_offline,
    is_fast,
    is_offline,
    seed_everything,
    setup,
    size,
)
from ia100.exercises import check
from ia100.io import ChecksumError, OfflineError, cache_dir, download, sha256_file
from ia100.plots import (
    confusion_matrix,
    plot_confusion_matrix,
    plot_decision_boundary,
    plot_history,
    show_images,
)
from ia100.synth import ANIMALS, Images, make_pets, save_image_folder
from ia100.training import (
    evaluate_classifier,
    images_to_tensor,
    predict_proba,
    train_classifier,
)

try:
    __version__ = version("ia100")  # la versión se escribe una sola vez, en pyproject.toml
except PackageNotFoundError:  # pragma: no cover (código copiado sin instalar)
    __version__ = "0+desconocida"

#: Subpaquetes por dominio, cargados la primera vez que se usan (PEP 562).
_LAZY = ("nlp", "vision")

__all__ = [
    "ANIMALS",
    "ChecksumError",
    "Environment",
    "Images",
    "OfflineError",
    "cache_dir",
    "check",
    "confusion_matrix",
    "device",
    "download",
    "evaluate_classifier",
    "go_offline",
    "images_to_tensor",
    "is_fast",
    "is_offline",
    "load_cats_vs_dogs",
    "load_iris",
    "load_mnist",
    "make_pets",
    "plot_confusion_matrix",
    "plot_decision_boundary",
    "plot_history",
    "predict_proba",
    "save_image_folder",
    "seed_everything",
    "setup",
    "sha256_file",
    "show_images",
    "size",
    "train_classifier",
]


def __getattr__(name: str):
    if name in _LAZY:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'ia100' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
