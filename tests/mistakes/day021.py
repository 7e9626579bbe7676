"""Errores típicos del día 21: la capa densa tras aplanar en Keras, el bloque convolucional y una
época de entrenamiento."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from mistakes import Mistake

# --- 21.1 · La capa densa tras aplanar, de PyTorch a Keras -----------------------------------


def _only_transpose(w, channels, height, width):
    return w.T


def _no_transpose(w, channels, height, width):
    n_out = w.shape[0]
    return w.reshape(n_out, channels, height, width).transpose(0, 2, 3, 1).reshape(n_out, -1)


def _width_first(w, channels, height, width):
    n_out = w.shape[0]
    maps = w.reshape(n_out, channels, height, width).transpose(0, 3, 2, 1)  # (n, W, H, C)
    return maps.reshape(n_out, -1).T


def _keras_to_torch_direction(w, channels, height, width):
    # Lee las columnas como si ya estuvieran en el orden de Keras y las lleva al de PyTorch.
    n_out = w.shape[0]
    maps = w.reshape(n_out, height, width, channels).transpose(0, 3, 1, 2)
    return maps.reshape(n_out, -1).T


def _reshape_without_moving(w, channels, height, width):
    n_out = w.shape[0]
    return w.reshape(n_out, height, width, channels).reshape(n_out, -1).T


# --- 21.2 · Un bloque convolucional ------------------------------------------------------------


def _block_with_bias(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(), nn.MaxPool2d(2)
    )


def _block_relu_before_norm(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.ReLU(),
        nn.BatchNorm2d(c_out),
        nn.MaxPool2d(2),
    )


def _block_no_padding(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(), nn.MaxPool2d(2)
    )


def _block_norm_on_input(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_in),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


def _block_without_pool(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU()
    )


def _block_5x5(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 5, padding=2, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


def _block_norm_without_affine(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out, affine=False),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


# --- 21.3 · Una época de entrenamiento -------------------------------------------------------


def _epoch(*, zero=True, shuffle=True, own_generator=True, reduce="per_example"):
    def train_one_epoch(model, optimizer, x, y, batch_size, generator):
        model.train()
        if not shuffle:
            order = torch.arange(len(x))
        elif own_generator:
            order = torch.randperm(len(x), generator=generator)
        else:
            order = torch.randperm(len(x))
        losses, sizes = [], []
        for start in range(0, len(x), batch_size):
            idx = order[start : start + batch_size]
            loss = F.cross_entropy(model(x[idx]), y[idx])
            if zero:
                optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            sizes.append(len(idx))
        if reduce == "sum":
            return sum(losses)
        if reduce == "weighted_sum":
            return sum(loss * size for loss, size in zip(losses, sizes, strict=True))
        if reduce == "mean_of_batches":
            return sum(losses) / len(losses)
        return sum(loss * size for loss, size in zip(losses, sizes, strict=True)) / len(x)

    return train_one_epoch


MISTAKES = [
    Mistake("dia-021.1", "solo traspone w", _only_transpose, r"solo has traspuesto"),
    Mistake("dia-021.1", "reordena pero no traspone", _no_transpose, r"falta trasponer"),
    Mistake("dia-021.1", "recorre (ancho, alto, canales)", _width_first, r"orden \(ancho, alto\)"),
    Mistake(
        "dia-021.1",
        "hace la conversión al revés, de Keras a PyTorch",
        _keras_to_torch_direction,
        r"al revés",
    ),
    Mistake(
        "dia-021.1",
        "reshape al orden de Keras sin mover los números",
        _reshape_without_moving,
        r"solo has traspuesto",
    ),
    Mistake("dia-021.2", "convolución con sesgo", _block_with_bias, r"bias=False"),
    Mistake("dia-021.2", "ReLU antes de BatchNorm", _block_relu_before_norm, r"están en el orden"),
    Mistake("dia-021.2", "convolución sin relleno", _block_no_padding, r"padding=1"),
    Mistake(
        "dia-021.2",
        "BatchNorm con los canales de entrada",
        _block_norm_on_input,
        r"BatchNorm2d debe normalizar",
    ),
    Mistake("dia-021.2", "sin max pooling", _block_without_pool, r"deben ser \["),
    Mistake("dia-021.2", "filtros de 5×5", _block_5x5, r"3×3"),
    Mistake(
        "dia-021.2",
        "BatchNorm sin γ ni β (affine=False): el bloque se queda sin sesgo",
        _block_norm_without_affine,
        r"affine=True",
    ),
    Mistake("dia-021.3", "sin zero_grad", _epoch(zero=False), r"zero_grad\(\) antes"),
    Mistake("dia-021.3", "sin barajar", _epoch(shuffle=False), r"Recorres los ejemplos en orden"),
    Mistake(
        "dia-021.3",
        "baraja sin el generador que recibe",
        _epoch(own_generator=False),
        r"barajar con el generador",
    ),
    Mistake("dia-021.3", "devuelve la suma", _epoch(reduce="sum"), r"la suma de las pérdidas"),
    Mistake(
        "dia-021.3",
        "no divide entre len(x)",
        _epoch(reduce="weighted_sum"),
        r"falta dividir entre len\(x\)",
    ),
    Mistake(
        "dia-021.3",
        "media de los minilotes sin ponderar",
        _epoch(reduce="mean_of_batches"),
        r"sin\s+ponderar",
    ),
]
