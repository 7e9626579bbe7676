"""Errores típicos del día 23: dropout invertido a mano, un volteo aleatorio por imagen y la regla
de la parada temprana."""

from __future__ import annotations

import torch

from mistakes import Mistake

# --- 23.1 · Dropout invertido, a mano ---------------------------------------------------------


def _dropout_keep_probability(x, p, training):
    if not training:
        return x.clone()
    keep = torch.rand_like(x) < p  # p como probabilidad de conservar
    return x * keep / p


def _dropout_not_rescaled(x, p, training):
    if not training:
        return x.clone()
    return x * (torch.rand_like(x) >= p)


def _dropout_multiplies(x, p, training):
    if not training:
        return x.clone()
    return x * (torch.rand_like(x) >= p) * (1 - p)


def _dropout_original_eval(x, p, training):
    if not training:
        return x * (1 - p)
    return x * (torch.rand_like(x) >= p) / (1 - p)


def _dropout_ignores_training(x, p, training):
    return x * (torch.rand_like(x) >= p) / (1 - p)


def _dropout_one_mask_per_batch(x, p, training):
    if not training:
        return x.clone()
    keep = torch.rand(x.shape[-1]) >= p  # una máscara para todo el lote
    return x * keep / (1 - p)


def _dropout_contiguous_block(x, p, training):
    if not training:
        return x.clone()
    # Apaga un bloque de p·n valores seguidos, en una posición al azar de cada fila.
    n = x.shape[-1]
    width = int(round(p * n))
    start = torch.randint(0, n, x.shape[:-1] + (1,))
    positions = (torch.arange(n) - start) % n
    return x * (positions >= width) / (1 - p)


def _dropout_fixed_seed(x, p, training):
    if not training:
        return x.clone()
    generator = torch.Generator().manual_seed(0)
    return x * (torch.rand(x.shape, generator=generator) >= p) / (1 - p)


def _dropout_in_place(x, p, training):
    if not training:
        return x
    x *= (torch.rand_like(x) >= p) / (1 - p)
    return x


# --- 23.2 · Un volteo horizontal aleatorio, imagen a imagen -----------------------------------


def _flip_vertical(x):
    flip = torch.rand(len(x)) < 0.5
    return torch.where(flip[:, None, None, None], x.flip(2), x)


def _flip_whole_batch(x):
    return x.flip(3) if torch.rand(()) < 0.5 else x.clone()


def _flip_probability_03(x):
    flip = torch.rand(len(x)) < 0.3
    return torch.where(flip[:, None, None, None], x.flip(3), x)


def _flip_probability_075(x):
    flip = torch.rand(len(x)) < 0.75
    return torch.where(flip[:, None, None, None], x.flip(3), x)


def _flip_exactly_half(x):
    flip = torch.zeros(len(x), dtype=torch.bool)
    flip[torch.randperm(len(x))[: len(x) // 2]] = True
    return torch.where(flip[:, None, None, None], x.flip(3), x)


def _flip_fixed_seed(x):
    generator = torch.Generator().manual_seed(0)
    flip = torch.rand(len(x), generator=generator) < 0.5
    return torch.where(flip[:, None, None, None], x.flip(3), x)


def _flip_per_channel(x):
    flip = torch.rand(x.shape[0], x.shape[1]) < 0.5  # un sorteo por canal
    return torch.where(flip[:, :, None, None], x.flip(3), x)


def _flip_in_place(x):
    flip = torch.rand(len(x)) < 0.5
    x[flip] = x[flip].flip(3)
    return x


# --- 23.3 · La regla de la parada temprana ----------------------------------------------------


def _stopping(*, start=1, strict=True, min_delta=0.0, late=False, early=False):
    def early_stopping(val_losses, patience):
        best_loss, best_epoch = float("inf"), start - 1
        for epoch, loss in enumerate(val_losses, start=start):
            better = loss < best_loss - min_delta if strict else loss <= best_loss
            if better:
                best_loss, best_epoch = loss, epoch
            elif (late and epoch - best_epoch > patience) or (
                not late and epoch - best_epoch >= patience - (1 if early else 0)
            ):
                return best_epoch, epoch
        return best_epoch, len(val_losses) - 1 + start

    return early_stopping


def _stopping_global_minimum(val_losses, patience):
    best_epoch = min(range(len(val_losses)), key=lambda i: val_losses[i]) + 1
    return best_epoch, min(best_epoch + patience, len(val_losses))


MISTAKES = [
    Mistake(
        "dia-023.1",
        "p como probabilidad de conservar",
        _dropout_keep_probability,
        r"probabilidad de\s+APAGAR",
    ),
    Mistake("dia-023.1", "sin reescalar", _dropout_not_rescaled, r"no están reescalados"),
    Mistake("dia-023.1", "multiplica por (1 - p)", _dropout_multiplies, r"se DIVIDE"),
    Mistake(
        "dia-023.1",
        "en evaluación multiplica por (1 - p)",
        _dropout_original_eval,
        r"dropout original",
    ),
    Mistake(
        "dia-023.1",
        "apaga también en evaluación",
        _dropout_ignores_training,
        r"training=False",
    ),
    Mistake(
        "dia-023.1",
        "una sola máscara para todas las filas del lote",
        _dropout_one_mask_per_batch,
        r"las filas del lote apagan casi las mismas posiciones",
    ),
    Mistake(
        "dia-023.1",
        "un bloque de valores seguidos en vez de sorteos independientes",
        _dropout_contiguous_block,
        r"dos valores vecinos se apagan a la vez",
    ),
    Mistake(
        "dia-023.1",
        "semilla fija dentro de la función",
        _dropout_fixed_seed,
        r"la máscara debe sortearse cada vez",
    ),
    Mistake("dia-023.1", "modifica x en su sitio", _dropout_in_place, r"modifica x"),
    Mistake("dia-023.2", "volteo vertical", _flip_vertical, r"Volteas en vertical"),
    Mistake(
        "dia-023.2",
        "un sorteo para todo el lote",
        _flip_whole_batch,
        r"¿Sorteas una vez por lote\?",
    ),
    Mistake("dia-023.2", "probabilidad 0,3", _flip_probability_03, r"en torno a la mitad"),
    Mistake("dia-023.2", "probabilidad 0,75", _flip_probability_075, r"en torno a la mitad"),
    Mistake(
        "dia-023.2",
        "exactamente la mitad del lote, elegida al azar",
        _flip_exactly_half,
        r"exactamente 32 de 64",
    ),
    Mistake(
        "dia-023.2",
        "semilla fija dentro de la función",
        _flip_fixed_seed,
        r"voltea las mismas imágenes",
    ),
    Mistake(
        "dia-023.2",
        "un sorteo por canal",
        _flip_per_channel,
        r"la original o su reflejo horizontal",
    ),
    Mistake("dia-023.2", "modifica el lote en su sitio", _flip_in_place, r"modifica x"),
    Mistake("dia-023.3", "épocas contadas desde 0", _stopping(start=0), r"desde 0"),
    Mistake(
        "dia-023.3",
        "una pérdida igual cuenta como mejora (<=)",
        _stopping(strict=False),
        r"no cuenta como mejora",
    ),
    Mistake(
        "dia-023.3",
        "exige una mejora mínima de 0,01 (min_delta)",
        _stopping(min_delta=0.01),
        r"por pequeña que sea",
    ),
    Mistake("dia-023.3", "para una época tarde (>)", _stopping(late=True), r"una época tarde"),
    Mistake(
        "dia-023.3", "para una época antes", _stopping(early=True), r"una época antes de tiempo"
    ),
    Mistake(
        "dia-023.3",
        "la mejor época es el mínimo de toda la lista",
        _stopping_global_minimum,
        r"no busques el mínimo de toda la lista",
    ),
]
