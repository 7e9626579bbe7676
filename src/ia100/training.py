"""Entrenar y evaluar clasificadores de PyTorch sin reescribir el bucle en cada cuaderno.

Para qué sirve: desde la Parte II, muchos cuadernos entrenan una red de PyTorch para clasificar
imágenes. El bucle (lotes barajados, pérdida, ``backward``, paso del optimizador, validación al
final de cada época) se enseña a mano en el día 12, el laboratorio 2 y el día 21; después los
cuadernos usan estas funciones, que hacen exactamente eso:

- :func:`images_to_tensor` pasa imágenes ``uint8`` (n, alto, ancho, canales) a un tensor
  ``float32`` (n, canales, alto, ancho) en [0, 1], el formato que esperan las capas de PyTorch;
- :func:`train_classifier` entrena con entropía cruzada, con barra de progreso, y devuelve el
  historial ``{"loss": [...], "accuracy": [...], "val_loss": [...], "val_accuracy": [...]}`` que
  dibuja :func:`ia100.plot_history`;
- :func:`evaluate_classifier` y :func:`predict_proba` miden y predicen por lotes, sin gradientes.

Para qué NO sirve: no es un marco de entrenamiento (nada de *callbacks* ni de métricas a
medida); si una lección trata del bucle, el bucle se escribe en el cuaderno. PyTorch se importa
dentro de cada función: importar :mod:`ia100` no lo carga.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["evaluate_classifier", "images_to_tensor", "predict_proba", "train_classifier"]


def images_to_tensor(images: Any) -> Any:
    """Convierte imágenes ``uint8`` (n, alto, ancho, canales) en un tensor (n, canales, alto, ancho).

    Divide entre 255 (valores en [0, 1]) y pasa a ``float32``. Acepta también imágenes en gris
    (n, alto, ancho), a las que añade un canal.

    Args:
        images: array de NumPy (o lista) con las imágenes.

    Returns:
        ``torch.Tensor`` ``float32`` de forma (n, canales, alto, ancho).

    Se usa en: días 021–030 y laboratorio 03.
    """
    import torch

    array = np.asarray(images)
    if array.ndim == 3:
        array = array[..., None]
    if array.ndim != 4:
        raise ValueError(
            f"Esperaba imágenes (n, alto, ancho, canales) o (n, alto, ancho), no {array.shape}."
        )
    tensor = torch.from_numpy(np.ascontiguousarray(array.transpose(0, 3, 1, 2)))
    return tensor.float() / 255.0


def _as_tensors(data: Any, name: str):
    import torch

    if not isinstance(data, tuple | list) or len(data) != 2:
        raise TypeError(f"«{name}» debe ser una pareja (x, y) de tensores o arrays.")
    x, y = data
    x = x if isinstance(x, torch.Tensor) else torch.as_tensor(np.asarray(x), dtype=torch.float32)
    y = y if isinstance(y, torch.Tensor) else torch.as_tensor(np.asarray(y))
    if len(x) != len(y) or len(x) == 0:
        raise ValueError(f"«{name}»: x e y deben tener la misma longitud, mayor que 0.")
    return x, y.long()


def _model_device(model: Any) -> Any:
    import torch

    param = next(model.parameters(), None)
    return param.device if param is not None else torch.device("cpu")


def predict_proba(model: Any, x: Any, *, batch_size: int = 256) -> np.ndarray:
    """Probabilidades de cada clase (softmax de la salida del modelo), por lotes y sin gradientes.

    Args:
        model: un ``torch.nn.Module`` que devuelve *logits* (n, clases).
        x: tensor o array (n, canales, alto, ancho) en el formato que espera el modelo.
        batch_size: imágenes por lote.

    Returns:
        Array de NumPy (n, clases) cuyas filas suman 1.

    Se usa en: días 026–030 y laboratorio 03.
    """
    import torch

    x = x if isinstance(x, torch.Tensor) else torch.as_tensor(np.asarray(x), dtype=torch.float32)
    device = _model_device(model)
    was_training = model.training
    model.eval()
    with torch.no_grad():
        out = [
            torch.softmax(model(x[i : i + batch_size].to(device)), dim=1).cpu()
            for i in range(0, len(x), batch_size)
        ]
    model.train(was_training)
    return torch.cat(out).numpy()


def evaluate_classifier(model: Any, data: Any, *, batch_size: int = 256) -> tuple[float, float]:
    """Pérdida media (entropía cruzada) y exactitud de ``model`` sobre ``data = (x, y)``.

    Pone el modelo en modo evaluación mientras mide (*dropout* apagado, *batch norm* con sus
    medias guardadas) y lo deja como estaba.

    Returns:
        ``(pérdida, exactitud)``, dos números de Python.

    Se usa en: días 021–030 y laboratorio 03.
    """
    import torch

    x, y = _as_tensors(data, "data")
    probs = torch.from_numpy(predict_proba(model, x, batch_size=batch_size))
    loss = torch.nn.functional.nll_loss(torch.log(probs.clamp_min(1e-12)), y)
    accuracy = (probs.argmax(dim=1) == y).float().mean()
    return float(loss), float(accuracy)


def train_classifier(
    model: Any,
    train: Any,
    val: Any = None,
    *,
    epochs: int,
    lr: float = 1e-3,
    batch_size: int = 64,
    optimizer: Any = "adam",
    weight_decay: float = 0.0,
    augment: Callable[[Any], Any] | None = None,
    seed: int = 0,
    progress: bool = True,
    desc: str = "entrenando",
) -> dict[str, list[float]]:
    """Entrena un clasificador de PyTorch con entropía cruzada y devuelve su historial.

    En cada época: baraja los datos (con ``seed``, así que es reproducible), recorre los lotes
    (``augment`` transforma cada lote de entrada si se da), calcula la pérdida, retropropaga y da
    un paso del optimizador; al final mide en validación con :func:`evaluate_classifier`. Los
    datos se mueven lote a lote al dispositivo del modelo (``model.to("cuda")`` antes, si hay GPU).

    Args:
        model: ``torch.nn.Module`` que devuelve *logits* (n, clases).
        train: pareja ``(x, y)`` de tensores o arrays; ``y`` con enteros 0…clases-1.
        val: pareja ``(x, y)`` de validación, o ``None``.
        epochs: número de épocas (≥ 1).
        lr: tasa de aprendizaje (si ``optimizer`` es un nombre).
        batch_size: ejemplos por lote.
        optimizer: ``"adam"``, ``"sgd"`` (con momento 0,9) o un ``torch.optim.Optimizer`` ya
            creado (para grupos de parámetros con tasas distintas, por ejemplo).
        weight_decay: penalización L2 de los pesos (si ``optimizer`` es un nombre).
        augment: función ``lote -> lote`` aplicada solo al entrenar (aumento de datos).
        seed: semilla del barajado.
        progress: mostrar una barra de progreso por época.
        desc: texto de la barra.

    Returns:
        ``{"loss", "accuracy"}`` por época y, con ``val``, también ``{"val_loss", "val_accuracy"}``.

    Se usa en: días 021–030 y laboratorio 03.
    """
    import torch
    from tqdm.auto import tqdm

    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs debe ser un entero ≥ 1, no {epochs!r}.")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size debe ser un entero ≥ 1, no {batch_size!r}.")
    x, y = _as_tensors(train, "train")
    if isinstance(optimizer, str):
        params = [p for p in model.parameters() if p.requires_grad]
        if optimizer == "adam":
            optimizer = torch.optim.Adam(params, lr=lr, weight_decay=weight_decay)
        elif optimizer == "sgd":
            optimizer = torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=weight_decay)
        else:
            raise ValueError(
                f"Optimizador desconocido {optimizer!r}: usa 'adam', 'sgd' o uno tuyo."
            )
    device = _model_device(model)
    generator = torch.Generator().manual_seed(seed)
    history: dict[str, list[float]] = {"loss": [], "accuracy": []}
    if val is not None:
        history.update(val_loss=[], val_accuracy=[])
    bar = tqdm(range(epochs), desc=desc, disable=not progress, leave=False)
    for _ in bar:
        model.train()
        order = torch.randperm(len(x), generator=generator)
        total_loss, hits = 0.0, 0
        for start in range(0, len(x), batch_size):
            idx = order[start : start + batch_size]
            xb, yb = x[idx].to(device), y[idx].to(device)
            if augment is not None:
                xb = augment(xb)
            logits = model(xb)
            loss = torch.nn.functional.cross_entropy(logits, yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * len(idx)
            hits += int((logits.argmax(dim=1) == yb).sum())
        history["loss"].append(total_loss / len(x))
        history["accuracy"].append(hits / len(x))
        if val is not None:
            val_loss, val_acc = evaluate_classifier(model, val)
            history["val_loss"].append(val_loss)
            history["val_accuracy"].append(val_acc)
        bar.set_postfix({k: f"{v[-1]:.3f}" for k, v in history.items()})
    model.eval()
    return history
