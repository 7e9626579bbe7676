"""Gráficos que se repiten a lo largo del curso.

Para qué sirve: curvas de entrenamiento, fronteras de decisión, rejillas de imágenes y matrices
de confusión, con títulos y ejes en español. Cada función devuelve la figura de Matplotlib, para
que el cuaderno pueda retocarla o guardarla.

Para qué NO sirve: no entrena ni evalúa modelos; recibe ya los números que dibuja. Un gráfico
que solo aparece en un día se escribe en ese cuaderno.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # solo para las anotaciones: matplotlib se importa al dibujar
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "confusion_matrix",
    "plot_confusion_matrix",
    "plot_decision_boundary",
    "plot_history",
    "show_images",
]

_LABELS = {
    "loss": "pérdida",
    "accuracy": "exactitud",
    "acc": "exactitud",
    "mae": "error absoluto medio",
    "mse": "error cuadrático medio",
}


def _as_history(history: Any) -> dict[str, list[float]]:
    data = getattr(history, "history", history)  # objeto History de Keras o diccionario
    if not isinstance(data, Mapping) or not data:
        raise TypeError(
            "plot_history espera un diccionario {métrica: [valores por época]} "
            "o el objeto History que devuelve model.fit."
        )
    out = {}
    for key, values in data.items():
        values = [float(v) for v in np.ravel(np.asarray(values, dtype=float))]
        if not values:
            raise ValueError(f"La métrica «{key}» no tiene valores.")
        out[str(key)] = values
    return out


def plot_history(history: Any, *, title: str | None = None) -> Figure:
    """Dibuja las curvas de entrenamiento: un panel por métrica, con su versión ``val_`` al lado.

    Args:
        history: ``{"loss": [...], "val_loss": [...], "accuracy": [...]}`` o el ``History`` de
            Keras.
        title: título general opcional.

    Returns:
        La figura de Matplotlib.

    Se usa en: día 009 (sobreajuste), días 011–012 y laboratorios.
    """
    import matplotlib.pyplot as plt

    data = _as_history(history)
    metrics = [k for k in data if not k.startswith("val_")]
    metrics += [k[4:] for k in data if k.startswith("val_") and k[4:] not in data]
    fig, axes = plt.subplots(1, len(metrics), figsize=(5 * len(metrics), 3.6), squeeze=False)
    for ax, metric in zip(axes[0], metrics, strict=True):
        for key, label in ((metric, "entrenamiento"), (f"val_{metric}", "validación")):
            if key in data:
                epochs = np.arange(1, len(data[key]) + 1)
                ax.plot(epochs, data[key], marker="o", markersize=3, label=label)
        ax.set_xlabel("época")
        ax.set_ylabel(_LABELS.get(metric, metric))
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_decision_boundary(
    predict: Callable[[np.ndarray], np.ndarray],
    X: np.ndarray,
    y: np.ndarray,
    *,
    resolution: int = 200,
    title: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Colorea el plano según la clase que predice ``predict`` y pone encima los puntos.

    Args:
        predict: función que recibe una matriz (n, 2) y devuelve n etiquetas enteras.
        X: puntos de forma (n, 2).
        y: etiquetas enteras de forma (n,).
        resolution: puntos por eje de la rejilla (≥ 10).
        title: título opcional.
        ax: ejes donde dibujar (por defecto, una figura nueva).

    Returns:
        La figura de Matplotlib.

    Se usa en: días 005, 009 y 012.
    """
    import matplotlib.pyplot as plt

    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X debe tener forma (n, 2) para dibujar en el plano; tiene {X.shape}.")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y debe tener forma ({X.shape[0]},); tiene {y.shape}.")
    if resolution < 10:
        raise ValueError(f"resolution debe ser al menos 10, no {resolution}.")
    pad = 0.1 * (X.max(axis=0) - X.min(axis=0) + 1e-9)
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    xx, yy = np.meshgrid(
        np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution)
    )
    grid = np.c_[xx.ravel(), yy.ravel()]
    zz = np.asarray(predict(grid)).reshape(xx.shape)
    if ax is None:
        fig, ax = plt.subplots(figsize=(5, 4.2))
    else:
        fig = ax.figure
    levels = np.arange(min(zz.min(), y.min()) - 0.5, max(zz.max(), y.max()) + 1.5)
    ax.contourf(xx, yy, zz, levels=levels, cmap="coolwarm", alpha=0.3)
    ax.scatter(
        X[:, 0],
        X[:, 1],
        c=y,
        cmap="coolwarm",
        edgecolors="k",
        s=22,
        vmin=levels[0],
        vmax=levels[-1],
    )
    if title:
        ax.set_title(title)
    return fig


def show_images(
    images: Sequence[np.ndarray] | np.ndarray,
    labels: Sequence[Any] | None = None,
    *,
    ncols: int = 8,
    cmap: str | None = "gray",
    size: float = 1.4,
) -> Figure:
    """Muestra una rejilla de imágenes con su etiqueta encima.

    Args:
        images: imágenes (n, alto, ancho) en gris o (n, alto, ancho, 3) en color.
        labels: textos o números, uno por imagen (opcional).
        ncols: columnas de la rejilla (≥ 1).
        cmap: mapa de color para imágenes en gris.
        size: lado de cada imagen en pulgadas.

    Returns:
        La figura de Matplotlib.

    Se usa en: días 011–012 y las partes de visión.
    """
    import matplotlib.pyplot as plt

    images = np.asarray(images)
    if images.ndim not in (3, 4) or len(images) == 0:
        raise ValueError(
            f"images debe tener forma (n, alto, ancho) o (n, alto, ancho, canales); tiene {images.shape}."
        )
    if labels is not None and len(labels) != len(images):
        raise ValueError(f"Hay {len(images)} imágenes pero {len(labels)} etiquetas.")
    if ncols < 1:
        raise ValueError(f"ncols debe ser al menos 1, no {ncols}.")
    ncols = min(ncols, len(images))
    nrows = int(np.ceil(len(images) / ncols))
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(size * ncols, size * nrows * 1.15), squeeze=False
    )
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < len(images):
            ax.imshow(images[i], cmap=cmap if images.ndim == 3 else None)
            if labels is not None:
                ax.set_title(str(labels[i]), fontsize=9)
    fig.tight_layout()
    return fig


def confusion_matrix(
    y_true: Sequence[int], y_pred: Sequence[int], n_classes: int | None = None
) -> np.ndarray:
    """Cuenta aciertos y errores: la fila es la clase real y la columna la predicha.

    Args:
        y_true: etiquetas reales (enteros ≥ 0).
        y_pred: etiquetas predichas, tantas como ``y_true``.
        n_classes: número de clases (por defecto, la mayor etiqueta + 1).

    Returns:
        Matriz de enteros (n_classes, n_classes).
    """
    y_true = np.asarray(y_true).astype(int).ravel()
    y_pred = np.asarray(y_pred).astype(int).ravel()
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true tiene {y_true.size} etiquetas y y_pred {y_pred.size}.")
    if y_true.size and min(y_true.min(), y_pred.min()) < 0:
        raise ValueError("Las etiquetas deben ser enteros no negativos.")
    top = int(max(y_true.max(initial=-1), y_pred.max(initial=-1))) + 1
    n = top if n_classes is None else int(n_classes)
    if n < top:
        raise ValueError(f"n_classes={n} es menor que la mayor etiqueta + 1 ({top}).")
    matrix = np.zeros((n, n), dtype=int)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix


def plot_confusion_matrix(
    y_true: Sequence[int],
    y_pred: Sequence[int],
    class_names: Sequence[str] | None = None,
    *,
    normalize: bool = False,
    title: str | None = None,
) -> Figure:
    """Dibuja la matriz de confusión con el número (o la proporción por fila) en cada casilla.

    Args:
        y_true: etiquetas reales.
        y_pred: etiquetas predichas.
        class_names: nombre de cada clase (por defecto, 0, 1, 2…).
        normalize: mostrar proporciones por fila (qué fracción de cada clase real acaba en cada
            predicción) en lugar de recuentos.
        title: título opcional.

    Returns:
        La figura de Matplotlib.

    Se usa en: días 010–012 y laboratorios.
    """
    import matplotlib.pyplot as plt

    n = None if class_names is None else len(class_names)
    matrix = confusion_matrix(y_true, y_pred, n)
    names = [str(c) for c in (class_names or range(len(matrix)))]
    values = matrix.astype(float)
    if normalize:
        values = values / np.maximum(values.sum(axis=1, keepdims=True), 1)
    side = 0.6 * len(names)  # con pocas clases, un mínimo para que quepan títulos y etiquetas
    fig, ax = plt.subplots(figsize=(max(3.4, 1.0 + side), max(3.0, 0.8 + side)))
    ax.imshow(values, cmap="Blues")
    ax.grid(False)
    ax.set_xticks(range(len(names)), names, rotation=45, ha="right")
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel("predicha")
    ax.set_ylabel("real")
    threshold = values.max() / 2 if values.size else 0
    for i in range(len(names)):
        for j in range(len(names)):
            text = f"{values[i, j]:.2f}" if normalize else str(matrix[i, j])
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                color="white" if values[i, j] > threshold else "black",
                fontsize=8,
            )
    ax.set_title(title or "Matriz de confusión")
    fig.tight_layout()
    return fig
