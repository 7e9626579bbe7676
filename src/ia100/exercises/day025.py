"""Comprobadores de los ejercicios del día 25 (actualización de pesos y ajuste de filtros).

Un paso de SGD escrito a mano sobre una red de PyTorch (comparado con ``torch.optim.SGD``), la
bajada de la pérdida que predice la aproximación de primer orden y el programa de tasa de
aprendizaje coseno (comparado con ``CosineAnnealingLR``).
"""

from __future__ import annotations

import copy
import math

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect


def _tiny_cnn(seed: int):
    import torch
    from torch import nn

    torch.manual_seed(seed)
    model = nn.Sequential(
        nn.Conv2d(3, 4, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(4 * 4 * 4, 2),
    )
    x = torch.randn(6, 3, 8, 8)
    y = torch.tensor([0, 1, 1, 0, 1, 0])
    return model, x, y


@exercise(
    "dia-025.1",
    title="Un paso de SGD a mano",
    hint="Dentro de `with torch.no_grad():`, recorre model.parameters() y, para cada p con "
    "gradiente, haz p -= lr * p.grad (en su sitio, no p = p - …).",
)
def _sgd_step(sgd_step):
    import torch
    from torch.nn import functional as F

    expect(callable(sgd_step), "La respuesta debe ser tu función sgd_step(model, lr).")
    for seed, lr, freeze in [(0, 0.1, False), (1, 0.5, False), (2, 0.05, True)]:
        model, x, y = _tiny_cnn(seed)
        if freeze:  # la primera capa congelada: sus parámetros no tienen gradiente
            for p in model[0].parameters():
                p.requires_grad_(False)
        F.cross_entropy(model(x), y).backward()
        reference = copy.deepcopy(model)  # deepcopy no copia los .grad: los pasamos a mano
        for ref, p in zip(reference.parameters(), model.parameters(), strict=True):
            ref.grad = None if p.grad is None else p.grad.clone()
        torch.optim.SGD([p for p in reference.parameters() if p.requires_grad], lr=lr).step()
        before = [p.detach().clone() for p in model.parameters()]
        try:
            sgd_step(model, lr)
        except RuntimeError as error:
            if "in-place" in str(error) or "leaf" in str(error):
                raise Wrong(
                    "PyTorch no deja modificar en su sitio un parámetro con requires_grad=True "
                    "fuera de `with torch.no_grad():`; envuelve la actualización en ese bloque."
                ) from error
            raise
        except TypeError as error:
            if freeze and "NoneType" in str(error):
                raise Wrong(
                    "Con una capa congelada, p.grad es None: salta esos parámetros "
                    "(if p.grad is not None)."
                ) from error
            raise
        params = [p.detach() for p in model.parameters()]
        expected = [p.detach() for p in reference.parameters()]
        moved = [not torch.equal(a, b) for a, b in zip(params, before, strict=True)]
        expect(
            any(moved)
            or any(p.grad is not None and bool(p.grad.any()) for p in model.parameters()),
            "Los parámetros no han cambiado y sus gradientes han desaparecido: ¿borras los "
            "gradientes (zero_grad) antes de usarlos? El paso lee p.grad; se borran después, "
            "o al empezar el siguiente minilote.",
        )
        expect(
            any(moved),
            "Los parámetros no han cambiado tras llamar a tu función. Si reasignas la variable "
            "(p = p - …), creas un tensor nuevo y el del modelo queda igual: modifícalo en su "
            "sitio (p -= …).",
        )
        grads = [p.grad for p in model.parameters()]
        if all(torch.allclose(a, b, atol=1e-6) for a, b in zip(params, expected, strict=True)):
            continue
        with torch.no_grad():
            signs = [b + lr * g if g is not None else b for b, g in zip(before, grads, strict=True)]
            no_lr = [b - g if g is not None else b for b, g in zip(before, grads, strict=True)]
        expect(
            not all(torch.allclose(a, s, atol=1e-6) for a, s in zip(params, signs, strict=True)),
            "Mueves los pesos a favor del gradiente: el paso de descenso es p - lr · grad.",
        )
        expect(
            not all(torch.allclose(a, s, atol=1e-6) for a, s in zip(params, no_lr, strict=True)),
            "Falta multiplicar el gradiente por la tasa de aprendizaje lr.",
        )
        if freeze:
            expect(
                torch.equal(params[0], before[0]),
                "Has cambiado los pesos de la capa congelada, que no tienen gradiente.",
            )
        expect(False, f"Tras tu paso, los parámetros no coinciden con los de SGD (lr={lr}).")
    return (
        "Es exactamente lo que hace torch.optim.SGD(model.parameters(), lr).step() sin momentum: "
        "el optimizador solo lee p.grad y modifica p en su sitio."
    )


def _grad_lists():
    rng = np.random.default_rng(25)
    yield [rng.normal(size=(12, 3, 5, 5)), rng.normal(size=12), rng.normal(size=(2, 512))]
    yield [rng.normal(size=(4, 4)) * 0.1, rng.normal(size=3)]
    yield [np.array([3.0, -4.0])]  # ‖g‖² = 25
    yield [rng.normal(size=(2, 3)) * 2, rng.normal(size=(5,)), rng.normal(size=(1, 1, 3, 3))]


@exercise(
    "dia-025.2",
    title="Lo que predice el gradiente",
    hint="‖g‖² es la suma de los cuadrados de TODOS los números de todos los tensores de grads; "
    "el cambio predicho es -lr · ‖g‖² (negativo: la pérdida baja).",
)
def _predicted_change(predicted_change):
    expect(
        callable(predicted_change), "La respuesta debe ser tu función predicted_change(grads, lr)."
    )
    for grads, lr in zip(_grad_lists(), [0.01, 0.5, 0.1, 1e-3], strict=True):
        got = as_array(
            predicted_change([g.copy() for g in grads], lr), "Lo que devuelve tu función"
        )
        expect(got.ndim == 0, f"Debe devolver un solo número, no un array de forma {got.shape}.")
        got = float(got)
        norm2 = sum(float(np.sum(g**2)) for g in grads)
        expected = -lr * norm2
        if math.isclose(got, expected, rel_tol=1e-6):
            continue
        expect(
            not math.isclose(got, -expected, rel_tol=1e-6),
            "El signo está al revés: un paso en contra del gradiente hace BAJAR la pérdida, así "
            "que el cambio predicho es negativo.",
        )
        expect(
            not math.isclose(got, -lr * math.sqrt(norm2), rel_tol=1e-6),
            "Usas la norma ‖g‖, sin elevarla al cuadrado: el cambio es -lr · ‖g‖².",
        )
        abs_sum = sum(float(np.sum(np.abs(g))) for g in grads)
        expect(
            not math.isclose(got, -lr * abs_sum, rel_tol=1e-6),
            "Sumas los valores absolutos; hay que sumar los cuadrados.",
        )
        expect(
            len(grads) == 1
            or not math.isclose(got, -lr * float(np.sum(grads[0] ** 2)), rel_tol=1e-6),
            "Solo cuentas el primer tensor: ‖g‖² reúne los gradientes de todos los parámetros.",
        )
        mean_sq = sum(float(np.mean(g**2)) for g in grads)
        expect(
            not math.isclose(got, -lr * mean_sq, rel_tol=1e-6),
            "Haces la media de los cuadrados; ‖g‖² es su suma.",
        )
        expect(False, f"Para lr = {lr} esperaba {expected:.4g} y tu función da {got:.4g}.")
    return (
        "En la CNN del día, este número acierta casi exactamente con η pequeña; al crecer η "
        "pesa la curvatura y la bajada real es menor."
    )


def _torch_cosine(total: int, lr_max: float, lr_min: float) -> list[float]:
    import torch

    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=lr_max)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total, eta_min=lr_min)
    values = []
    for _ in range(total + 1):
        values.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        schedule.step()
    return values


@exercise(
    "dia-025.3",
    title="El programa coseno",
    hint="progreso = step / total (de 0 a 1); "
    "lr = lr_min + 0.5 · (lr_max - lr_min) · (1 + cos(π · progreso)).",
)
def _cosine_lr(cosine_lr):
    expect(
        callable(cosine_lr),
        "La respuesta debe ser tu función cosine_lr(step, total, lr_max, lr_min).",
    )
    for total, lr_max, lr_min in [(100, 0.1, 0.0), (10, 1.0, 0.1), (37, 3e-3, 1e-5)]:
        reference = _torch_cosine(total, lr_max, lr_min)
        for step in range(total + 1):
            got = cosine_lr(step, total, lr_max, lr_min)
            got = float(as_array(got, f"cosine_lr({step}, {total}, {lr_max}, {lr_min})"))
            if math.isclose(got, reference[step], rel_tol=1e-6, abs_tol=1e-12):
                continue
            span, t = lr_max - lr_min, step / total
            mistakes = [
                (
                    lr_min + 0.5 * span * (1 - math.cos(math.pi * t)),
                    "Tu programa empieza en lr_min y sube: el coseno empieza en lr_max (cos 0 = 1) "
                    "y termina en lr_min.",
                ),
                (
                    lr_min + span * (1 + math.cos(math.pi * t)),
                    "Falta el factor ½: en el paso 0 debe dar lr_max, no el doble.",
                ),
                (
                    0.5 * lr_max * (1 + math.cos(math.pi * t)),
                    "Te olvidas de lr_min: el programa va de lr_max a lr_min, así que es "
                    "lr_min + ½ · (lr_max − lr_min) · (1 + cos(π · t / T)).",
                ),
                (
                    lr_min + 0.5 * span * (1 + math.cos(180 * t)),
                    "math.cos trabaja en radianes: usa π, no 180.",
                ),
            ]
            if total > 1:
                mistakes.append(
                    (
                        lr_min + 0.5 * span * (1 + math.cos(math.pi * step / (total - 1))),
                        "Divide step entre total, no entre total − 1: el programa llega a lr_min "
                        "justo en el paso total.",
                    )
                )
            for value, message in mistakes:
                expect(not math.isclose(got, value, rel_tol=1e-9, abs_tol=1e-15), message)
            expect(
                False,
                f"cosine_lr({step}, {total}, {lr_max}, {lr_min}) = {got:.6g}, pero "
                f"CosineAnnealingLR da {reference[step]:.6g}.",
            )
    try:
        default = cosine_lr(50, 100, 0.1)
    except TypeError as error:
        raise Wrong(
            "cosine_lr(50, 100, 0.1) falla: da a lr_min el valor por defecto 0.0 "
            "(def cosine_lr(step, total, lr_max, lr_min=0.0))."
        ) from error
    default = float(as_array(default, "cosine_lr(50, 100, 0.1)"))
    expect(
        math.isclose(default, 0.05, rel_tol=1e-6),
        "Sin dar lr_min debe usarse 0.0: cosine_lr(50, 100, 0.1) tiene que valer 0.05.",
    )
    return (
        "Coincide con CosineAnnealingLR paso a paso. Baja despacio al principio y al final, y "
        "deprisa en el medio: la mitad de la bajada ocurre en el tercio central."
    )
