"""Errores típicos del día 25: un paso de SGD a mano, la bajada que predice el gradiente y el
programa de tasa de aprendizaje coseno."""

from __future__ import annotations

import math

import numpy as np
import torch

from mistakes import Mistake

# --- 25.1 · Un paso de SGD a mano ---------------------------------------------------------------


def _sgd_reassigns(model, lr):
    with torch.no_grad():
        for p in model.parameters():
            if p.grad is not None:
                p = p - lr * p.grad  # un tensor nuevo: el del modelo no cambia


def _sgd_uphill(model, lr):
    with torch.no_grad():
        for p in model.parameters():
            if p.grad is not None:
                p += lr * p.grad


def _sgd_without_lr(model, lr):
    with torch.no_grad():
        for p in model.parameters():
            if p.grad is not None:
                p -= p.grad


def _sgd_without_no_grad(model, lr):
    for p in model.parameters():
        if p.grad is not None:
            p -= lr * p.grad


def _sgd_ignores_frozen(model, lr):
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad


def _sgd_zero_grad_first(model, lr):
    model.zero_grad()  # «siempre se empieza borrando los gradientes»
    with torch.no_grad():
        for p in model.parameters():
            if p.grad is not None:
                p -= lr * p.grad


def _sgd_only_last_layer(model, lr):
    with torch.no_grad():
        last = list(model.parameters())[-2:]
        for p in last:
            p -= lr * p.grad


# --- 25.2 · Lo que predice el gradiente -------------------------------------------------------


def _change_positive(grads, lr):
    return lr * sum(float(np.sum(g**2)) for g in grads)


def _change_norm(grads, lr):
    return -lr * math.sqrt(sum(float(np.sum(g**2)) for g in grads))


def _change_abs(grads, lr):
    return -lr * sum(float(np.sum(np.abs(g))) for g in grads)


def _change_first_tensor(grads, lr):
    return -lr * float(np.sum(grads[0] ** 2))


def _change_mean(grads, lr):
    return -lr * sum(float(np.mean(g**2)) for g in grads)


def _change_square_of_sum(grads, lr):
    return -lr * sum(float(np.sum(g)) ** 2 for g in grads)


# --- 25.3 · El programa coseno ------------------------------------------------------------------


def _cosine_rising(step, total, lr_max, lr_min=0.0):
    return lr_min + 0.5 * (lr_max - lr_min) * (1 - math.cos(math.pi * step / total))


def _cosine_without_half(step, total, lr_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * step / total))


def _cosine_without_lr_min(step, total, lr_max, lr_min=0.0):
    return 0.5 * lr_max * (1 + math.cos(math.pi * step / total))


def _cosine_degrees(step, total, lr_max, lr_min=0.0):
    return lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(180 * step / total))


def _cosine_total_minus_one(step, total, lr_max, lr_min=0.0):
    return lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * step / (total - 1)))


def _cosine_without_default(step, total, lr_max, lr_min):
    return lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * step / total))


def _cosine_linear(step, total, lr_max, lr_min=0.0):
    return lr_max - (lr_max - lr_min) * step / total


MISTAKES = [
    Mistake(
        "dia-025.1",
        "reasigna p = p - lr·grad",
        _sgd_reassigns,
        r"no han cambiado tras llamar a tu función",
    ),
    Mistake("dia-025.1", "sube por el gradiente", _sgd_uphill, r"a favor del gradiente"),
    Mistake("dia-025.1", "sin la tasa de aprendizaje", _sgd_without_lr, r"Falta multiplicar"),
    Mistake("dia-025.1", "sin torch.no_grad()", _sgd_without_no_grad, r"torch\.no_grad\(\)"),
    Mistake(
        "dia-025.1",
        "no salta los parámetros congelados",
        _sgd_ignores_frozen,
        r"if p\.grad is not None",
    ),
    Mistake(
        "dia-025.1",
        "zero_grad antes del paso",
        _sgd_zero_grad_first,
        r"borras los\s+gradientes",
    ),
    Mistake(
        "dia-025.1",
        "solo actualiza la última capa",
        _sgd_only_last_layer,
        r"no coinciden con los de SGD",
    ),
    Mistake("dia-025.2", "cambio positivo", _change_positive, r"signo está al revés"),
    Mistake("dia-025.2", "‖g‖ sin elevar al cuadrado", _change_norm, r"sin elevarla al cuadrado"),
    Mistake("dia-025.2", "suma de valores absolutos", _change_abs, r"valores absolutos"),
    Mistake("dia-025.2", "solo el primer tensor", _change_first_tensor, r"primer tensor"),
    Mistake("dia-025.2", "media de los cuadrados", _change_mean, r"media de los cuadrados"),
    Mistake("dia-025.2", "cuadrado de la suma", _change_square_of_sum, r"esperaba"),
    Mistake("dia-025.3", "empieza en lr_min y sube", _cosine_rising, r"empieza en lr_min"),
    Mistake("dia-025.3", "sin el factor ½", _cosine_without_half, r"factor ½"),
    Mistake("dia-025.3", "sin lr_min", _cosine_without_lr_min, r"olvidas de lr_min"),
    Mistake("dia-025.3", "coseno en grados", _cosine_degrees, r"radianes"),
    Mistake("dia-025.3", "divide entre total − 1", _cosine_total_minus_one, r"total − 1"),
    Mistake("dia-025.3", "lr_min sin valor por defecto", _cosine_without_default, r"lr_min=0\.0"),
    Mistake("dia-025.3", "bajada lineal", _cosine_linear, r"CosineAnnealingLR da"),
]
