"""Comprobadores de los ejercicios del día 28 (arquitecturas para visión: MobileNet, EfficientNet, ViT)."""

from __future__ import annotations

import math

import numpy as np

from ia100.exercises import Wrong, as_array, exercise, expect


@exercise(
    "dia-028.1",
    title="Una convolución separable en profundidad",
    hint="Dos capas en un nn.Sequential: nn.Conv2d(c_in, c_in, k, padding=k // 2, groups=c_in, "
    "bias=False) filtra cada canal por separado, y nn.Conv2d(c_in, c_out, 1, bias=False) mezcla "
    "los canales.",
)
def _separable(fn):
    import torch

    expect(callable(fn), "La respuesta debe ser tu función separable_conv(c_in, c_out, k).")
    gen = torch.Generator().manual_seed(28)
    for c_in, c_out, k, side in [(32, 64, 3, 10), (16, 16, 5, 9), (3, 8, 3, 7), (64, 24, 7, 8)]:
        label = f"separable_conv({c_in}, {c_out}, {k})"
        module = fn(c_in, c_out, k)
        expect(module is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(
            isinstance(module, torch.nn.Module),
            f"{label} debe devolver un nn.Module (por ejemplo, un nn.Sequential).",
        )
        params = sum(p.numel() for p in module.parameters())
        expected = k * k * c_in + c_in * c_out
        expect(
            params != k * k * c_in * c_out,
            f"{label} tiene {params} parámetros, los de una convolución normal de {k}×{k}: "
            "la primera capa necesita groups=c_in para filtrar cada canal por separado.",
        )
        expect(
            params != k * k * c_in * c_in + c_in * c_out,
            f"{label}: tu capa en profundidad mezcla canales ({k * k * c_in * c_in} pesos); "
            "con groups=c_in tendría solo k·k·c_in.",
        )
        expect(
            params != expected + c_in + c_out and params != expected + c_out,
            f"{label} tiene {params} parámetros: sobran los sesgos (bias=False en las dos capas).",
        )
        expect(
            params != c_in * c_out + k * k * c_out or c_in == c_out,
            f"{label} tiene {params} parámetros: pones la puntual 1×1 antes que la de "
            "profundidad. Primero se filtra cada canal de entrada (groups=c_in) y después se "
            "mezclan los canales.",
        )
        expect(
            params == expected,
            f"{label} tiene {params} parámetros; una separable tiene k·k·c_in + c_in·c_out = "
            f"{expected}.",
        )
        x = torch.randn(2, c_in, side, side, generator=gen)
        with torch.no_grad():
            out = module(x)
        expect(
            isinstance(out, torch.Tensor) and tuple(out.shape) == (2, c_out, side, side),
            f"{label} con una entrada {tuple(x.shape)} debería devolver {(2, c_out, side, side)}, "
            f"no {tuple(getattr(out, 'shape', ()))}: ¿usas padding=k // 2 en la capa de k×k?",
        )
        with torch.no_grad():
            # -2x y no 2x: una ReLU entre las dos capas conserva la escala positiva.
            doubled = module(-2 * x)
        expect(
            torch.allclose(doubled, -2 * out, atol=1e-4),
            "Tu módulo no es lineal: aquí no van activaciones ni normalizaciones entre las dos "
            "capas, solo las dos convoluciones.",
        )
    ratio = (9 * 256 + 256 * 256) / (9 * 256 * 256)
    return (
        f"Con 3×3 y 256 canales, la separable cuesta el {ratio:.1%} de una normal: "
        "1/c_out + 1/k², casi nueve veces menos."
    )


def _compound(phi, alpha, beta, gamma):
    return (alpha**phi, beta**phi, gamma**phi, (alpha * beta**2 * gamma**2) ** phi)


@exercise(
    "dia-028.2",
    title="El escalado compuesto de EfficientNet",
    hint="Profundidad α^φ, anchura β^φ, resolución γ^φ. Las operaciones crecen con la "
    "profundidad, con la anchura AL CUADRADO y con la resolución AL CUADRADO: "
    "(α·β²·γ²)^φ.",
)
def _scaling(fn):
    expect(
        callable(fn),
        "La respuesta debe ser tu función compound_scaling(phi, alpha=1.2, beta=1.1, gamma=1.15).",
    )
    cases = [(0, 1.2, 1.1, 1.15), (1, 1.2, 1.1, 1.15), (3, 1.2, 1.1, 1.15), (2.5, 1.2, 1.1, 1.15)]
    cases += [(2, 1.5, 1.2, 1.1), (1, 2.0, 1.0, 1.0), (4, 1.0, 1.0, 1.3)]
    for phi, alpha, beta, gamma in cases:
        label = f"compound_scaling({phi}, {alpha}, {beta}, {gamma})"
        got = fn(phi, alpha, beta, gamma)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        values = as_array(got, "Lo que devuelve tu función")
        expect(
            values.shape == (4,),
            "Devuelve cuatro números: (profundidad, anchura, resolución, operaciones).",
        )
        expected = np.array(_compound(phi, alpha, beta, gamma))
        if np.allclose(values, expected, rtol=1e-6):
            continue
        d, w, r, flops = values
        expect(
            np.allclose(values[:3], expected[:3], rtol=1e-6),
            f"{label}: los multiplicadores {values[:3].round(4).tolist()} deberían ser "
            f"α^φ, β^φ, γ^φ = {expected[:3].round(4).tolist()}.",
        )
        expect(
            not math.isclose(flops, (alpha * beta * gamma) ** phi, rel_tol=1e-6),
            f"{label}: operaciones = {flops:.4g} = (α·β·γ)^φ. La anchura y la resolución "
            "cuentan al cuadrado: doble de canales, cuatro veces más MACs.",
        )
        expect(
            not math.isclose(flops, alpha * beta**2 * gamma**2, rel_tol=1e-6),
            f"{label}: operaciones = {flops:.4g}, te falta elevar a φ.",
        )
        raise Wrong(
            f"{label}: las operaciones deberían crecer ×{expected[3]:.4g}, no ×{flops:.4g}."
        )
    d, w, r, flops = _compound(3, 1.2, 1.1, 1.15)
    return (
        f"Con φ = 3, una red de 224×224 pasa a {224 * r:.0f}×{224 * r:.0f}, con ×{d:.2f} capas y "
        f"×{w:.2f} canales, y calcula ×{flops:.1f}: algo menos de 2³ = 8 veces más, porque "
        "α·β²·γ² ≈ 1,92."
    )


def _patchify(images, patch):
    n, c, h, w = images.shape
    patches = images.unfold(2, patch, patch).unfold(3, patch, patch)  # (n, c, h/p, w/p, p, p)
    return patches.permute(0, 2, 3, 1, 4, 5).reshape(n, (h // patch) * (w // patch), -1)


@exercise(
    "dia-028.3",
    title="Volver a montar la imagen a partir de sus parches",
    hint="Los tokens tienen forma (n, filas·columnas, C·P·P). Pásalos a (n, filas, columnas, C, "
    "P, P) con reshape; reordena a (n, C, filas, P, columnas, P) con permute(0, 3, 1, 4, 2, 5), "
    "y un último reshape da (n, C, H, W).",
)
def _unpatchify(fn):
    import torch

    expect(
        callable(fn), "La respuesta debe ser tu función unpatchify(tokens, patch, height, width)."
    )
    gen = torch.Generator().manual_seed(28)
    for n, c, h, w, p in [
        (2, 3, 32, 32, 16),
        (1, 3, 64, 48, 16),
        (3, 1, 12, 8, 4),
        (1, 2, 6, 6, 3),
    ]:
        images = torch.rand(n, c, h, w, generator=gen)
        tokens = _patchify(images, p)
        label = f"unpatchify(tokens {tuple(tokens.shape)}, {p}, {h}, {w})"
        got = fn(tokens.clone(), p, h, w)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(isinstance(got, torch.Tensor), f"{label} debe devolver un tensor de PyTorch.")
        expect(
            tuple(got.shape) == (n, c, h, w),
            f"{label} devuelve la forma {tuple(got.shape)}; esperaba {(n, c, h, w)}.",
        )
        if torch.allclose(got, images):
            continue
        rows, cols = h // p, w // p
        by_columns = tokens.reshape(n, cols, rows, c, p, p).permute(0, 3, 2, 4, 1, 5)
        expect(
            not torch.allclose(got, by_columns.reshape(n, c, h, w)),
            f"{label}: colocas los parches por columnas; van en orden de lectura, fila a fila, "
            "así que el primer reshape es (n, filas, columnas, C, P, P).",
        )
        channels_last = tokens.reshape(n, rows, cols, p, p, c).permute(0, 5, 1, 3, 2, 4)
        expect(
            c == 1 or not torch.allclose(got, channels_last.reshape(n, c, h, w)),
            f"{label}: lees cada token como (P, P, C), pero cada parche se aplanó como un "
            "bloque (C, P, P): los canales van antes que las filas y columnas del parche.",
        )
        same_values = torch.allclose(got.flatten().sort().values, images.flatten().sort().values)
        expect(
            not same_values,
            f"{label}: están todos los valores, pero en otro orden. Revisa el orden de las "
            "dimensiones: el permute debe intercalar filas de parches con filas de píxeles "
            "(y lo mismo con las columnas); un reshape solo no basta.",
        )
        raise Wrong(f"{label}: la imagen reconstruida no coincide con la original.")
    return (
        "Esta operación inversa es la que usan los ViT que predicen imágenes (segmentación, "
        "autoencoders enmascarados): cada token de salida vuelve a su sitio."
    )
