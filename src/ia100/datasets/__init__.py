"""Cargadores de los conjuntos de datos del curso, agrupados por tipo de dato.

Para qué sirve: cada cargador conserva el camino real (descarga con caché y suma SHA-256, de
:mod:`ia100.io`) y, sin conexión, devuelve datos de la misma forma que el curso genera
(:mod:`ia100.synth`) o trae consigo, avisando en una línea.

- :mod:`ia100.datasets.tabular`: Iris;
- :mod:`ia100.datasets.vision`: MNIST y perros y gatos.

Para qué NO sirve: no genera datos (eso es :mod:`ia100.synth`) ni preprocesa para la lección.
"""

from ia100.datasets.tabular import Tabular, load_iris
from ia100.datasets.vision import load_cats_vs_dogs, load_mnist

__all__ = ["Tabular", "load_cats_vs_dogs", "load_iris", "load_mnist"]
