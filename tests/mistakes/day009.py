"""Errores típicos del día 9: elegir el grado con validación, parada temprana y dropout invertido."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake


def _by_training_error(x_train, y_train, x_val, y_val, degrees):
    errors = {}
    for degree in degrees:
        coefs = np.polyfit(x_train, y_train, degree)
        errors[degree] = np.mean((np.polyval(coefs, x_train) - y_train) ** 2)  # ¡entrenamiento!
    return min(errors, key=errors.get)


def _returns_position(x_train, y_train, x_val, y_val, degrees):
    errors = []
    for degree in degrees:
        coefs = np.polyfit(x_train, y_train, degree)
        errors.append(np.mean((np.polyval(coefs, x_val) - y_val) ** 2))
    return int(np.argmin(errors))  # la posición en la lista, no el grado


def _returns_error(x_train, y_train, x_val, y_val, degrees):
    errors = {}
    for degree in degrees:
        coefs = np.polyfit(x_train, y_train, degree)
        errors[degree] = np.mean((np.polyval(coefs, x_val) - y_val) ** 2)
    return min(errors.values())  # el menor error, no su grado


def _fits_on_validation(x_train, y_train, x_val, y_val, degrees):
    errors = {}
    for degree in degrees:
        coefs = np.polyfit(x_val, y_val, degree)  # ajusta con validación y mide en validación
        errors[degree] = np.mean((np.polyval(coefs, x_val) - y_val) ** 2)
    return min(errors, key=errors.get)


def _fits_on_everything(x_train, y_train, x_val, y_val, degrees):
    x_all, y_all = np.concatenate([x_train, x_val]), np.concatenate([y_train, y_val])
    errors = {}
    for degree in degrees:
        coefs = np.polyfit(x_all, y_all, degree)  # la validación también entra en el ajuste
        errors[degree] = np.mean((np.polyval(coefs, x_val) - y_val) ** 2)
    return min(errors, key=errors.get)


def _stops_at_first_rise(x_train, y_train, x_val, y_val, degrees):
    previous = float("inf")
    for degree in degrees:
        coefs = np.polyfit(x_train, y_train, degree)
        error = np.mean((np.polyval(coefs, x_val) - y_val) ** 2)
        if error > previous:  # se queda en el primer mínimo local
            return degree - 1
        previous = error
    return degrees[-1]


def _global_minimum(val_losses, patience):
    return int(np.argmin(val_losses))


def _ties_improve(val_losses, patience):
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss <= best:  # un empate también reinicia la paciencia
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                break
    return best_epoch


def _checks_before_counting(val_losses, patience):
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, best_epoch, wait = loss, epoch, 0
        else:
            if wait >= patience:  # comprueba antes de contar esta época: una de más
                break
            wait += 1
    return best_epoch


def _counts_the_best_epoch(val_losses, patience):
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, best_epoch, wait = loss, epoch, 1  # cuenta la propia época de la mejora
        else:
            wait += 1
            if wait >= patience:
                break
    return best_epoch


def _returns_stop_epoch(val_losses, patience):
    best, wait = float("inf"), 0
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, wait = loss, 0
        else:
            wait += 1
            if wait >= patience:
                return epoch  # la época en la que se para
    return len(val_losses) - 1


def _one_based(val_losses, patience):
    best, best_epoch, wait = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses, start=1):  # épocas contadas desde 1
        if loss < best:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                break
    return best_epoch


def _p_keeps(x, p, rng):
    keep = rng.random(x.shape) < p  # p como probabilidad de CONSERVAR
    return x * keep / (1 - p)


def _not_rescaled(x, p, rng):
    return x * (rng.random(x.shape) >= p)


def _multiplies(x, p, rng):
    return x * (rng.random(x.shape) >= p) * (1 - p)


def _shared_mask(x, p, rng):
    keep = rng.random(x.shape[-1]) >= p  # una máscara para todo el lote
    return x * keep / (1 - p)


def _global_rng(x, p, rng):
    keep = np.random.random(x.shape) >= p  # ignora el rng que recibe
    return x * keep / (1 - p)


def _in_place(x, p, rng):
    x *= rng.random(x.shape) >= p
    x /= 1 - p
    return x


MISTAKES = [
    Mistake(
        "dia-009.1", "elige con el error de entrenamiento", _by_training_error, r"ENTRENAMIENTO"
    ),
    Mistake("dia-009.1", "devuelve la posición", _returns_position, r"POSICIÓN"),
    Mistake(
        "dia-009.1", "devuelve el error mínimo", _returns_error, r"un grado \(un entero\), no float"
    ),
    Mistake(
        "dia-009.1",
        "ajusta y mide con validación",
        _fits_on_validation,
        r"mismos datos con los que ajustas",
    ),
    Mistake(
        "dia-009.1",
        "ajusta con entrenamiento y validación juntos",
        _fits_on_everything,
        r"el grado 9 no es el de menor error de validación",
    ),
    Mistake(
        "dia-009.1",
        "se para en el primer mínimo local",
        _stops_at_first_rise,
        r"el grado 2 no es el de menor error de validación",
    ),
    Mistake("dia-009.2", "mínimo global", _global_minimum, r"mínimo global"),
    Mistake("dia-009.2", "un empate cuenta como mejora", _ties_improve, r"empate"),
    Mistake("dia-009.2", "comprueba antes de contar", _checks_before_counting, r"una época de más"),
    Mistake(
        "dia-009.2",
        "cuenta la época de la mejora",
        _counts_the_best_epoch,
        r"una época antes de tiempo",
    ),
    Mistake(
        "dia-009.2",
        "devuelve la época en que para",
        _returns_stop_epoch,
        r"época en la que se para",
    ),
    Mistake("dia-009.2", "épocas contadas desde 1", _one_based, r"índices empezando en 0"),
    Mistake("dia-009.3", "p como probabilidad de conservar", _p_keeps, r"probabilidad de APAGAR"),
    Mistake("dia-009.3", "sin reescalar", _not_rescaled, r"no están escalados"),
    Mistake("dia-009.3", "multiplica por 1 − p", _multiplies, r"Multiplicas por 1 − p"),
    Mistake(
        "dia-009.3",
        "una máscara para todo el lote",
        _shared_mask,
        r"todas las filas apagan las mismas",
    ),
    Mistake("dia-009.3", "np.random en vez de rng", _global_rng, r"Usa el generador rng"),
    Mistake("dia-009.3", "modifica x en su sitio", _in_place, r"modifica x"),
]
