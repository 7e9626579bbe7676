"""Nombre antiguo de :mod:`ia100.io` y :mod:`ia100.datasets`, que se mantiene para el código publicado.

Para qué sirve: ``from ia100.data import download, load_mnist`` sigue funcionando.

Para qué NO sirve: el código nuevo importa de :mod:`ia100.io` (descargas) o de
:mod:`ia100.datasets` (cargadores), o usa los nombres de primer nivel de ``ia100``.
"""

from ia100.datasets import Tabular, load_cats_vs_dogs, load_iris, load_mnist
from ia100.io import ChecksumError, OfflineError, cache_dir, download, sha256_file

__all__ = [
    "ChecksumError",
    "OfflineError",
    "Tabular",
    "cache_dir",
    "download",
    "load_cats_vs_dogs",
    "load_iris",
    "load_mnist",
    "sha256_file",
]
