"""Conjuntos tabulares del curso, todos incluidos en scikit-learn: nunca descargan nada.

Para qué sirve: :func:`load_iris` devuelve Iris como :class:`Tabular`, con los nombres de las
medidas en español.

Para qué NO sirve: no preprocesa ni divide los datos (eso se enseña en cada cuaderno).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

__all__ = ["Tabular", "load_iris"]


class Tabular(NamedTuple):
    """Un conjunto tabular: matriz ``X`` (n, d), etiquetas ``y`` (n,) y sus nombres."""

    X: np.ndarray
    y: np.ndarray
    feature_names: list[str]
    target_names: list[str]


_IRIS_FEATURES_ES = [
    "largo del sépalo (cm)",
    "ancho del sépalo (cm)",
    "largo del pétalo (cm)",
    "ancho del pétalo (cm)",
]


def load_iris() -> Tabular:
    """Carga Iris (150 flores, 4 medidas, 3 especies), incluido en scikit-learn: no descarga nada.

    Returns:
        ``Tabular(X, y, feature_names, target_names)`` con nombres de medidas en español.

    Se usa en: día 010, laboratorio 01.
    """
    from sklearn.datasets import load_iris as sk_load_iris

    iris = sk_load_iris()
    return Tabular(
        X=iris.data.astype(np.float64),
        y=iris.target.astype(np.int64),
        feature_names=list(_IRIS_FEATURES_ES),
        target_names=[str(name) for name in iris.target_names],
    )
