"""Comprobadores de los ejercicios del día 21 (construcción de capas convolucionales)."""

from __future__ import annotations

import copy

import numpy as np

from ia100.exercises import exercise, expect


@exercise(
    "dia-021.1",
    title="Los parámetros de una convolución",
    hint="Cada uno de los c_out filtros tiene k · k · c_in pesos; con sesgo, cada filtro suma "
    "además un número.",
)
def _conv_params(conv_params):
    expect(
        callable(conv_params), "La respuesta debe ser tu función conv_params(c_in, c_out, k, bias)."
    )
    cases = [(3, 16, 3, True), (3, 16, 3, False), (16, 32, 3, False), (64, 64, 1, True)]
    cases += [(1, 6, 5, True), (32, 64, 7, False), (128, 10, 3, True)]
    for c_in, c_out, k, bias in cases:
        got = conv_params(c_in, c_out, k, bias)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(np.ndim(got) == 0, f"Debe devolver un solo número, no {type(got).__name__}.")
        expected = k * k * c_in * c_out + (c_out if bias else 0)
        where = f"conv_params({c_in}, {c_out}, {k}, bias={bias})"
        if float(got) == expected:
            continue
        weights = k * k * c_in * c_out
        expect(
            float(got) != k * k * c_out + (c_out if bias else 0),
            f"{where} = {got}: cada filtro mira los {c_in} canales de entrada (falta c_in).",
        )
        expect(
            not bias or float(got) != weights,
            f"{where} = {got}: con bias=True falta un sesgo por filtro (c_out más).",
        )
        expect(
            bias or float(got) != weights + c_out,
            f"{where} = {got}: con bias=False no hay sesgos.",
        )
        expect(
            float(got) != k * c_in * c_out + (c_out if bias else 0),
            f"{where} = {got}: el filtro es de k × k, no de k.",
        )
        expect(False, f"{where} devuelve {got}, pero la capa tiene {expected} parámetros.")
    return (
        "No depende del tamaño de la imagen: el mismo filtro recorre todas las posiciones. Por eso "
        "una convolución tiene tan pocos parámetros comparada con una capa densa."
    )


@exercise(
    "dia-021.2",
    title="Un bloque convolucional",
    hint="nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), "
    "nn.ReLU(), nn.MaxPool2d(2)), en ese orden.",
)
def _make_block(make_block):
    import torch
    from torch import nn

    expect(callable(make_block), "La respuesta debe ser tu función make_block(c_in, c_out).")
    for c_in, c_out, side in [(3, 16, 32), (16, 32, 16), (1, 8, 10)]:
        block = make_block(c_in, c_out)
        expect(block is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(isinstance(block, nn.Module), "Debe devolver un módulo de PyTorch (nn.Sequential).")
        kinds = [type(m).__name__ for m in block.children()]
        expected = ["Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d"]
        expect(
            sorted(kinds) == sorted(expected),
            f"El bloque tiene las capas {kinds}; deben ser {expected}.",
        )
        expect(kinds == expected, f"Las capas están en el orden {kinds}; el pedido es {expected}.")
        conv, norm, _, pool = block.children()
        expect(
            conv.in_channels == c_in and conv.out_channels == c_out,
            f"make_block({c_in}, {c_out}): la convolución va de {conv.in_channels} a "
            f"{conv.out_channels} canales.",
        )
        expect(conv.kernel_size == (3, 3), f"Los filtros deben ser de 3×3, no {conv.kernel_size}.")
        expect(
            conv.bias is None,
            "La convolución lleva sesgo: sobra, porque BatchNorm resta la media de cada canal "
            "(usa bias=False).",
        )
        expect(
            norm.num_features == c_out,
            f"BatchNorm2d debe normalizar los {c_out} canales de salida, no {norm.num_features}.",
        )
        x = torch.randn(2, c_in, side, side)
        out = block(x)
        expect(
            tuple(out.shape) == (2, c_out, side // 2, side // 2),
            f"Con una entrada {tuple(x.shape)} la salida es {tuple(out.shape)}; debe ser "
            f"{(2, c_out, side // 2, side // 2)}. ¿padding=1 en la convolución y MaxPool2d(2)?",
        )
        n_params = sum(p.numel() for p in block.parameters())
        expect(n_params == 9 * c_in * c_out + 2 * c_out, f"El bloque tiene {n_params} parámetros.")
    return "Con este ladrillo se construyen VGG, y con una suma de atajo, ResNet (día 27)."


def _toy_problem(seed: int):
    import torch
    from torch import nn

    torch.manual_seed(seed)
    model = nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 3)
    )
    gen = torch.Generator().manual_seed(seed + 100)
    x = torch.randn(40, 1, 6, 6, generator=gen)
    y = torch.randint(0, 3, (40,), generator=gen)
    return model, x, y


def _reference_epoch(model, optimizer, x, y, batch_size, generator, *, zero=True, shuffle=True):
    import torch

    model.train()
    order = torch.randperm(len(x), generator=generator) if shuffle else torch.arange(len(x))
    losses, sizes = [], []
    for start in range(0, len(x), batch_size):
        idx = order[start : start + batch_size]
        loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
        if zero:
            optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        sizes.append(len(idx))
    return np.array(losses), np.array(sizes)


def _flat_params(model) -> np.ndarray:
    return np.concatenate([p.detach().cpu().numpy().ravel() for p in model.parameters()])


@exercise(
    "dia-021.3",
    title="Una época de entrenamiento",
    hint="order = torch.randperm(len(x), generator=generator); para cada minilote idx: "
    "loss = F.cross_entropy(model(x[idx]), y[idx]); optimizer.zero_grad(); loss.backward(); "
    "optimizer.step(); y acumula loss.item() * len(idx).",
)
def _train_one_epoch(train_one_epoch):
    import torch

    expect(
        callable(train_one_epoch),
        "La respuesta debe ser tu función train_one_epoch(model, optimizer, x, y, batch_size, "
        "generator).",
    )
    for seed, batch_size in [(0, 16), (1, 8), (2, 40)]:
        model, x, y = _toy_problem(seed)
        ref_model = copy.deepcopy(model)
        before = _flat_params(model)
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
        got = train_one_epoch(
            model, optimizer, x, y, batch_size, torch.Generator().manual_seed(seed)
        )
        expect(got is not None, "Tu función devuelve None: debe devolver la pérdida media.")
        expect(np.ndim(got) == 0, f"Debe devolver un solo número, no {type(got).__name__}.")
        after = _flat_params(model)
        expect(
            not np.allclose(after, before), "Los pesos no han cambiado: ¿llamas a optimizer.step()?"
        )
        ref_opt = torch.optim.Adam(ref_model.parameters(), lr=1e-2)
        losses, sizes = _reference_epoch(
            ref_model, ref_opt, x, y, batch_size, torch.Generator().manual_seed(seed)
        )
        expected = float((losses * sizes).sum() / len(x))
        if not np.allclose(after, _flat_params(ref_model), atol=1e-6):
            variants = {
                "zero": "Los gradientes se acumulan de un minilote a otro: llama a "
                "optimizer.zero_grad() antes de loss.backward().",
                "shuffle": "Recorres los ejemplos en orden: baraja con "
                "torch.randperm(len(x), generator=generator).",
            }
            for flag, message in variants.items():
                alt_model, _, _ = _toy_problem(seed)
                alt_opt = torch.optim.Adam(alt_model.parameters(), lr=1e-2)
                _reference_epoch(
                    alt_model,
                    alt_opt,
                    x,
                    y,
                    batch_size,
                    torch.Generator().manual_seed(seed),
                    **{flag: False},
                )
                expect(not np.allclose(after, _flat_params(alt_model), atol=1e-6), message)
            expect(
                False,
                f"Con lotes de {batch_size}, tus pesos finales no coinciden con los de la época "
                "de referencia (barajar con el generador, y por minilote: pérdida, zero_grad, "
                "backward, step).",
            )
        got = float(got)
        if not np.isclose(got, expected, rtol=1e-5):
            expect(
                not np.isclose(got, losses.sum(), rtol=1e-5),
                "Devuelves la suma de las pérdidas de los minilotes; se pide la media por ejemplo.",
            )
            expect(
                not np.isclose(got, (losses * sizes).sum(), rtol=1e-5),
                "Acumulas bien loss.item() * len(idx), pero falta dividir entre len(x).",
            )
            expect(
                not np.isclose(got, losses.mean(), rtol=1e-5),
                "Promedias las pérdidas de los minilotes sin ponderar; el último es más pequeño "
                "y debe pesar menos (multiplica por len(idx) y divide entre len(x)).",
            )
            expect(
                False,
                f"Devuelves {got:.4f}, pero la pérdida media por ejemplo de la época es "
                f"{expected:.4f} (multiplica cada loss.item() por el tamaño de su minilote y "
                "divide entre len(x)).",
            )
    return (
        "Es el corazón de ia100.train_classifier: con la misma semilla, tu época y la del paquete "
        "dejan los mismos pesos."
    )
