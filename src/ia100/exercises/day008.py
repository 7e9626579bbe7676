"""Comprobadores de los ejercicios del día 8 (algoritmos de optimización)."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ia100.exercises import as_array, exercise, expect


def _pair(result, what: str, n: int):
    expect(result is not None, "Tu función devuelve None: ¿olvidaste el return?")
    expect(
        isinstance(result, (tuple, list)) and len(result) == n,
        f"La función debe devolver una tupla {what}.",
    )
    return [
        as_array(r, f"Lo que devuelve tu función en la posición {i + 1}")
        for i, r in enumerate(result)
    ]


@exercise(
    "dia-008.1",
    title="Un paso de momentum",
    hint="Primero actualiza la velocidad, "
    "v ← β·v + g; después mueve los parámetros en contra de esa velocidad, θ ← θ − lr·v.",
)
def _momentum(step):
    expect(
        callable(step), "La respuesta debe ser tu función momentum_step(theta, v, grad, lr, beta)."
    )
    rng = np.random.default_rng(8)
    for shape, lr, beta in [((2,), 0.1, 0.9), ((3, 4), 0.01, 0.5), ((5,), 0.3, 0.0)]:
        theta, v = rng.normal(size=shape), np.zeros(shape)
        for _ in range(4):
            grad = rng.normal(size=shape)
            new_theta, new_v = _pair(
                step(theta.copy(), v.copy(), grad.copy(), lr, beta), "(theta_nuevo, v_nueva)", 2
            )
            expect(
                new_theta.shape == shape and new_v.shape == shape,
                f"Con parámetros de forma {shape}, theta y v deben conservar esa forma.",
            )
            good_v = beta * v + grad
            good_theta = theta - lr * good_v
            if not np.allclose(new_v, good_v):
                expect(
                    not np.allclose(new_v, beta * v + (1 - beta) * grad),
                    "Usas la media móvil v = β·v + (1 − β)·g. Aquí seguimos la convención de "
                    "PyTorch: v = β·v + g.",
                )
                expect(False, "La velocidad nueva no es β·v + g.")
            expect(
                not np.allclose(new_theta, theta + lr * good_v),
                "Te mueves a favor del gradiente: el paso debe restar.",
            )
            expect(
                not np.allclose(new_theta, theta - lr * v),
                "Mueves theta con la velocidad antigua: actualiza v antes de dar el paso.",
            )
            expect(
                not np.allclose(new_theta, theta - lr * grad) or np.allclose(good_v, grad),
                "Das el paso con el gradiente, no con la velocidad.",
            )
            expect(
                np.allclose(new_theta, good_theta),
                "Los parámetros nuevos no son θ − lr·v (con la v ya actualizada).",
            )
            theta, v = good_theta, good_v
    return (
        "Es la regla de torch.optim.SGD(momentum=β): con β = 0 vuelve a ser descenso de gradiente."
    )


def _adam_ref(theta, m, v, grad, t, lr, b1, b2, eps, correct=True):
    m = b1 * m + (1 - b1) * grad
    v = b2 * v + (1 - b2) * grad**2
    m_hat, v_hat = (m / (1 - b1**t), v / (1 - b2**t)) if correct else (m, v)
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def _adam_epsilon(step, rng):
    """Gradientes diminutos y ε grande: ε pesa más que √v̂ y se ve dónde se suma."""
    lr, b1, b2, eps = 0.1, 0.9, 0.99, 1e-3  # 1 − β₂ ≠ ε: así ningún error imita a otro
    theta, m, v = rng.normal(size=4), np.zeros(4), np.zeros(4)
    where = "ε se suma fuera de la raíz, a √v̂ ya corregida: θ − lr·m̂ / (√v̂ + ε)."
    for t in range(1, 4):
        grad = rng.normal(scale=1e-6, size=4)
        out = _pair(
            step(theta.copy(), m.copy(), v.copy(), grad.copy(), t, lr, b1, b2, eps),
            "(theta_nuevo, m_nueva, v_nueva)",
            3,
        )
        good = _adam_ref(theta, m, v, grad, t, lr, b1, b2, eps)
        taken, right = out[0] - theta, good[0] - theta
        if not np.allclose(taken, right, rtol=1e-4, atol=1e-12):
            m_hat = good[1] / (1 - b1**t)
            v_hat = good[2] / (1 - b2**t)
            variants = [
                (-lr * m_hat / np.sqrt(v_hat + eps), "Sumas ε dentro de la raíz, √(v̂ + ε)"),
                (-lr * m_hat / np.sqrt(v_hat), "Tu paso no usa ε"),
                (
                    -lr * m_hat / (np.sqrt(v_hat) + 1e-8),
                    "Usas ε = 1e-8 fijo, no el ε que recibe la función",
                ),
                (
                    -lr * np.sqrt(1 - b2**t) * m_hat / (np.sqrt(good[2]) + eps),
                    "Sumas ε a √v sin corregir (como Keras)",
                ),
            ]
            for variant, mistake in variants:
                expect(
                    not np.allclose(taken, variant, rtol=1e-4, atol=1e-12),
                    f"Con gradientes diminutos (≈ 1e-6) y ε = {eps:g}, ε pesa más que √v̂ y se "
                    f"nota dónde lo sumas. {mistake}: {where}",
                )
            expect(
                False,
                f"Con gradientes diminutos (≈ 1e-6) y ε = {eps:g}, el paso {t} no coincide con "
                f"θ − lr·m̂ / (√v̂ + ε). Recuerda: {where}",
            )
        theta, m, v = good


@exercise(
    "dia-008.2",
    title="Adam con corrección de sesgo",
    hint="Actualiza m y v con sus medias "
    "móviles; para el paso usa m̂ = m / (1 − β₁ᵗ) y v̂ = v / (1 − β₂ᵗ), con t empezando en 1; "
    "devuelve m y v sin corregir.",
)
def _adam(step):
    expect(
        callable(step),
        "La respuesta debe ser tu función adam_step(theta, m, v, grad, t, lr, beta1, beta2, eps).",
    )
    rng = np.random.default_rng(88)
    for shape, lr, b1, b2 in [((3,), 0.01, 0.9, 0.999), ((2, 2), 0.1, 0.8, 0.99)]:
        theta, m, v = rng.normal(size=shape), np.zeros(shape), np.zeros(shape)
        for t in range(1, 6):
            grad = rng.normal(scale=3.0, size=shape)
            out = _pair(
                step(theta.copy(), m.copy(), v.copy(), grad.copy(), t, lr, b1, b2, 1e-8),
                "(theta_nuevo, m_nueva, v_nueva)",
                3,
            )
            expect(
                all(o.shape == shape for o in out),
                f"Con parámetros de forma {shape}, theta, m y v deben conservar esa forma.",
            )
            good = _adam_ref(theta, m, v, grad, t, lr, b1, b2, 1e-8)
            expect(
                not np.allclose(out[1], good[1] / (1 - b1**t)),
                "Devuelves m̂ en lugar de m: guarda m y v SIN corregir; la corrección solo se usa "
                "para calcular el paso.",
            )
            expect(np.allclose(out[1], good[1]), "m no es β₁·m + (1 − β₁)·g (sin corregir).")
            expect(np.allclose(out[2], good[2]), "v no es β₂·v + (1 − β₂)·g² (sin corregir).")
            if not np.allclose(out[0], good[0], rtol=1e-6, atol=1e-10):
                plain = _adam_ref(theta, m, v, grad, t, lr, b1, b2, 1e-8, correct=False)[0]
                expect(
                    not np.allclose(out[0], plain),
                    "Falta la corrección de sesgo: divide m "
                    "entre 1 − β₁ᵗ y v entre 1 − β₂ᵗ antes de dar el paso.",
                )
                for wrong_t in (t - 1, t + 1):
                    if wrong_t >= 1:
                        off = _adam_ref(theta, m, v, grad, wrong_t, lr, b1, b2, 1e-8)[0]
                        expect(
                            not np.allclose(out[0], off),
                            "La corrección usa un t desplazado: "
                            "en la primera llamada t = 1 y el exponente es t.",
                        )
                expect(False, f"El paso {t} no coincide con θ − lr·m̂ / (√v̂ + ε).")
            theta, m, v = good
    _adam_epsilon(step, rng)
    return (
        "Igual que torch.optim.Adam. Fíjate: en el primer paso m̂/√v̂ = ±1, así que cada "
        "coordenada se mueve lr (salvo el diminuto ε), sea cual sea la escala del gradiente."
    )


@exercise(
    "dia-008.3",
    title="Una tasa de aprendizaje a tiempo",
    hint="La dirección empinada "
    "(curvatura 10) pone el límite: por encima de 2/10 el descenso diverge. La dirección suave "
    "(curvatura 1) pide una tasa lo más grande posible. Busca un equilibrio cerca del límite.",
)
def _learning_rate(lr):
    expect(
        isinstance(lr, Real) and not isinstance(lr, bool),
        "La respuesta debe ser un número: la tasa de aprendizaje.",
    )
    lr = float(lr)
    expect(lr > 0, "La tasa de aprendizaje debe ser positiva.")
    curvature = np.array([1.0, 10.0])
    theta = np.array([3.0, 1.0])
    loss = 0.5 * np.sum(curvature * theta**2)
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(1, 101):
            theta = theta - lr * curvature * theta
            loss = 0.5 * np.sum(curvature * theta**2)
            if loss < 1e-6:
                return f"Con η = {lr:g} bastan {step} pasos (el máximo eran 100)."

    expect(
        np.isfinite(loss) and abs(1 - 10 * lr) < 1,
        f"Con η = {lr:g} el descenso no converge (pérdida final {loss:.3g}): en la dirección "
        "empinada cada paso se pasa del fondo y rebota sin acercarse, o se aleja. "
        "El paso es demasiado grande.",
    )
    expect(
        abs(1 - 10 * lr) <= abs(1 - lr),
        f"Con η = {lr:g}, tras 100 pasos la pérdida sigue en {loss:.2g} (> 1e-6): estás "
        "demasiado cerca del límite 2/10: la dirección empinada rebota y apenas se amortigua "
        f"(cada paso la multiplica por 1 − 10η = {1 - 10 * lr:.2f}); baja un poco η.",
    )
    expect(
        False,
        f"Con η = {lr:g}, tras 100 pasos la pérdida sigue en {loss:.2g} (> 1e-6): demasiado "
        f"lento: la dirección suave solo se reduce a ×{1 - lr:.2f} por paso; sube η.",
    )
