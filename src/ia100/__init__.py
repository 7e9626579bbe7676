"""ia100: el paquete de ayuda del curso «100 Días de IA».

Reúne lo que varios cuadernos necesitan y que no es la lección en sí:

- :mod:`ia100.env`: preparación del entorno (semillas, dispositivo, modos rápido y sin conexión,
  tamaños de experimento);
- :mod:`ia100.data`: descargas con caché y suma SHA-256, y cargadores con alternativa sin conexión;
- :mod:`ia100.images`: imágenes dibujadas sin conexión (caras de perros, gatos y otros animales);
- :mod:`ia100.plots`: gráficos que se repiten (curvas de entrenamiento, fronteras de decisión,
  rejillas de imágenes, matrices de confusión);
- :mod:`ia100.training`: entrenar y evaluar clasificadores de PyTorch (desde la Parte II);
- :mod:`ia100.exercises`: el corrector automático de los ejercicios.

Importar el paquete no tiene efectos secundarios: la preparación es :func:`setup`, que cada
cuaderno llama una vez. No contiene las lecciones: si un día enseña retropropagación, la escribe
en el cuaderno.
"""

from ia100.data import (
    ChecksumError,
    OfflineError,
    cache_dir,
    download,
    load_cats_vs_dogs,
    load_iris,
    load_mnist,
    sha256_file,
)
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
from ia100.images import ANIMALS, Images, make_pets, save_image_folder
from ia100.plots import (
    confusion_matrix,
    plot_confusion_matrix,
    plot_decision_boundary,
    plot_history,
    show_images,
)
from ia100.training import (
    evaluate_classifier,
    images_to_tensor,
    predict_proba,
    train_classifier,
)

__version__ = "0.1.0"

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
