"""Comprobadores de los ejercicios del día 12 (redes neuronales profundas)."""

from __future__ import annotations

import math

import numpy as np

from ia100.exercises import exercise, expect, expect_choices


@exercise(
    "dia-012.1",
    title="La desviación típica de He",
    hint="He elige la varianza de los "
    "pesos 2 / fan_in para que una capa ReLU conserve el tamaño de la señal; la desviación "
    "típica es la raíz cuadrada de la varianza.",
)
def _he_std(he_std):
    expect(callable(he_std), "La respuesta debe ser tu función he_std(fan_in).")
    for fan_in in [64, 784, 4096, 1, 2]:
        got = he_std(fan_in)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(np.ndim(got) == 0, f"Debe devolver un solo número, no {type(got).__name__}.")
        got = float(got)
        expected = math.sqrt(2 / fan_in)
        if fan_in > 2:
            expect(
                not math.isclose(got, 2 / fan_in, rel_tol=1e-6),
                f"he_std({fan_in}) = {got:.4g} es la varianza; falta la raíz cuadrada.",
            )
            expect(
                not math.isclose(got, math.sqrt(1 / fan_in), rel_tol=1e-6),
                f"he_std({fan_in}) = {got:.4g} usa varianza 1/fan_in (la de LeCun); a ReLU le "
                "falta un factor.",
            )
            expect(
                not math.isclose(got, math.sqrt(6 / fan_in), rel_tol=1e-6),
                f"he_std({fan_in}) = {got:.4g} es el límite ±√(6/fan_in) de la versión uniforme "
                "de He, no la desviación típica.",
            )
        expect(
            math.isclose(got, expected, rel_tol=1e-6),
            f"he_std({fan_in}) devuelve {got:.4g}, que no es la desviación típica de He.",
        )
    return "Es la desviación típica que usa nn.init.kaiming_normal_(w, nonlinearity='relu')."


def _to_numpy(value):
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    return np.asarray(value, dtype=float)


@exercise(
    "dia-012.2",
    title="Un bloque residual",
    hint="Primero F(x) = ReLU(x @ W1 + b1) @ W2 + b2 "
    "(sin ReLU al final); después devuelve x + F(x).",
)
def _residual(block):
    import torch

    expect(callable(block), "La respuesta debe ser tu función residual_block(x, W1, b1, W2, b2).")
    gen = torch.Generator().manual_seed(12)
    for n, d, h in [(4, 8, 16), (1, 3, 5), (10, 6, 2)]:
        x, W1, b1 = (
            torch.randn(n, d, generator=gen),
            torch.randn(d, h, generator=gen),
            torch.randn(h, generator=gen),
        )
        W2, b2 = torch.randn(h, d, generator=gen), torch.randn(d, generator=gen)
        out = block(x.clone(), W1, b1, W2, b2)
        expect(out is not None, "Tu función devuelve None: ¿olvidaste el return?")
        out = _to_numpy(out)
        expect(
            out.shape == (n, d),
            f"Con x de forma {(n, d)} la salida debe tener la misma forma "
            f"(para poder sumarla a x), no {out.shape}.",
        )
        branch = torch.relu(x @ W1 + b1) @ W2 + b2  # F(x)
        expected = (x + branch).numpy()
        if not np.allclose(out, expected, atol=1e-4):
            expect(
                not np.allclose(out, branch.numpy(), atol=1e-4),
                "Devuelves solo F(x): falta sumar la entrada x (el atajo).",
            )
            expect(
                not np.allclose(out, torch.relu(x + branch).numpy(), atol=1e-4),
                "Aplicas ReLU después de sumar x; aquí el bloque es x + F(x), sin nada más.",
            )
            expect(
                not np.allclose(out, (x + torch.relu(branch)).numpy(), atol=1e-4),
                "Aplicas ReLU al final de F; F termina en la segunda capa lineal (… @ W2 + b2).",
            )
            expect(
                not np.allclose(out, (x + (x @ W1 + b1) @ W2 + b2).numpy(), atol=1e-4),
                "Falta la ReLU entre las dos capas lineales: sin ella, F es una sola capa lineal.",
            )
            expect(
                not np.allclose(out, (x + torch.relu(x @ W1 + b1) @ W2).numpy(), atol=1e-4),
                "Falta el sesgo de la segunda capa: F(x) termina en … @ W2 + b2.",
            )
            expect(False, "Los valores no coinciden con x + F(x).")
        zero = _to_numpy(block(x.clone(), W1, b1, torch.zeros(h, d), torch.zeros(d)))
        expect(
            np.allclose(zero, x.numpy(), atol=1e-6),
            "Con W2 y b2 a cero, F(x) = 0 y el bloque debe devolver x tal cual.",
        )
    return (
        "Con F = 0 el bloque es la identidad: por eso el gradiente cruza muchas capas "
        "residuales sin desvanecerse."
    )


_CONFIGS = {
    "sigmoide con la inicialización por defecto de PyTorch": "se desvanece",
    "ReLU con la inicialización de He": "estable",
    "ReLU con pesos de desviación típica 0,01": "se desvanece",
    "sigmoide con normalización por lotes": "estable",
    "ReLU con pesos de desviación típica 1": "explota",
    "ReLU con la inicialización por defecto de PyTorch": "se desvanece",
    "sigmoide con conexiones residuales": "estable",
}


@exercise(
    "dia-012.3",
    title="¿Qué red pierde su gradiente?",
    hint="Estima el factor por capa: "
    "escala de los pesos × derivada de la activación. Menor que 1 se desvanece, mayor que 1 "
    "explota. La normalización y los atajos residuales rompen esa cadena de productos.",
)
def _which_vanishes(answer):
    choices = ("se desvanece", "estable", "explota")
    expect_choices(answer, _CONFIGS, item="configuración", choices=choices)
    return "Siete de siete. Puedes comprobar cada una con la función layer_grad_norms del día 12."
