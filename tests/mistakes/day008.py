"""Errores típicos del día 8: un paso de momentum, Adam con corrección de sesgo y elegir la tasa."""

from __future__ import annotations

import numpy as np

from mistakes import Mistake


def _momentum_moving_average(theta, v, grad, lr, beta):
    v_new = beta * v + (1 - beta) * grad  # la media móvil de otros textos
    return theta - lr * v_new, v_new


def _momentum_uphill(theta, v, grad, lr, beta):
    v_new = beta * v + grad
    return theta + lr * v_new, v_new


def _momentum_old_velocity(theta, v, grad, lr, beta):
    theta_new = theta - lr * v  # paso con la velocidad de antes
    return theta_new, beta * v + grad


def _momentum_steps_with_grad(theta, v, grad, lr, beta):
    v_new = beta * v + grad
    return theta - lr * grad, v_new


def _momentum_beta_on_grad(theta, v, grad, lr, beta):
    v_new = v + beta * grad
    return theta - lr * v_new, v_new


def _adam_returns_hats(theta, m, v, grad, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m = m / (1 - beta1**t)  # corrige «en su sitio» y devuelve m̂ y v̂
    v = v / (1 - beta2**t)
    return theta - lr * m / (np.sqrt(v) + eps), m, v


def _adam_no_correction(theta, m, v, grad, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    return theta - lr * m / (np.sqrt(v) + eps), m, v


def _adam_t_from_zero(theta, m, v, grad, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1 ** (t + 1))  # como si t empezara en 0
    v_hat = v / (1 - beta2 ** (t + 1))
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def _adam_v_without_square(theta, m, v, grad, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * np.abs(grad)
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def _adam_eps_inside_root(theta, m, v, grad, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return theta - lr * m_hat / np.sqrt(v_hat + eps), m, v


def _adam_no_eps(theta, m, v, grad, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return theta - lr * m_hat / np.sqrt(v_hat), m, v


def _adam_fixed_eps(theta, m, v, grad, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return theta - lr * m_hat / (np.sqrt(v_hat) + 1e-8), m, v  # ignora el argumento eps


def _adam_keras_eps(theta, m, v, grad, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    # Como keras.optimizers.Adam: la corrección va en la tasa y ε se suma a √v sin corregir.
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    alpha = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return theta - alpha * m / (np.sqrt(v) + eps), m, v


def _adam_eps_on_quotient(theta, m, v, grad, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return theta - lr * (m_hat / np.sqrt(v_hat) + eps), m, v  # ε fuera del denominador


_WHERE = r"ε se suma fuera de la raíz, a √v̂ ya corregida"

MISTAKES = [
    Mistake("dia-008.1", "media móvil (1 − β)·g", _momentum_moving_average, r"Usas la media móvil"),
    Mistake("dia-008.1", "suma el paso", _momentum_uphill, r"a favor del gradiente"),
    Mistake(
        "dia-008.1", "paso con la velocidad antigua", _momentum_old_velocity, r"velocidad antigua"
    ),
    Mistake(
        "dia-008.1",
        "paso con el gradiente",
        _momentum_steps_with_grad,
        r"Das el paso con el gradiente",
    ),
    Mistake("dia-008.1", "β multiplica al gradiente", _momentum_beta_on_grad, r"no es β·v \+ g"),
    Mistake("dia-008.2", "devuelve m̂ y v̂", _adam_returns_hats, r"Devuelves m̂ en lugar de m"),
    Mistake(
        "dia-008.2", "sin corrección de sesgo", _adam_no_correction, r"Falta la corrección de sesgo"
    ),
    Mistake("dia-008.2", "t empieza en 0", _adam_t_from_zero, r"t desplazado"),
    Mistake("dia-008.2", "v con |g| en vez de g²", _adam_v_without_square, r"v no es β₂·v"),
    Mistake(
        "dia-008.2",
        "ε dentro de la raíz",
        _adam_eps_inside_root,
        r"Sumas ε dentro de la raíz.*" + _WHERE,
    ),
    Mistake("dia-008.2", "sin ε", _adam_no_eps, r"Tu paso no usa ε.*" + _WHERE),
    Mistake("dia-008.2", "ε = 1e-8 fijo", _adam_fixed_eps, r"Usas ε = 1e-8 fijo.*" + _WHERE),
    Mistake(
        "dia-008.2",
        "ε de Keras, sumado a √v sin corregir",
        _adam_keras_eps,
        r"√v sin corregir \(como Keras\).*" + _WHERE,
    ),
    Mistake(
        "dia-008.2",
        "ε sumado al cociente",
        _adam_eps_on_quotient,
        r"Con gradientes diminutos.*el paso \d no coincide.*" + _WHERE,
    ),
    Mistake(
        "dia-008.3",
        "η pegada al límite 2/10",
        0.199,
        r"demasiado cerca del límite 2/10.*baja un poco η",
    ),
    Mistake("dia-008.3", "η = 0,195", 0.195, r"baja un poco η"),
    Mistake("dia-008.3", "η demasiado pequeña", 0.05, r"demasiado lento.*sube η"),
    Mistake("dia-008.3", "η = 0,25, por encima de 2/10", 0.25, r"no converge.*demasiado grande"),
    Mistake("dia-008.3", "η = 1, la de otros problemas", 1.0, r"no converge"),
]
