"""Comprobadores de los ejercicios del día 21 (construcción de capas convolucionales)."""

from __future__ import annotations

import copy

import numpy as np

from ia100.exercises import as_array, exercise, expect


@exercise(
    "dia-021.1",
    title="La capa densa tras aplanar, de PyTorch a Keras",
    hint="Separa las columnas de w en sus ejes con w.reshape(n_out, C, H, W), muévelos al orden "
    "de Keras con transpose(0, 2, 3, 1), vuelve a juntarlos con reshape(n_out, -1) y traspón: "
    "Keras guarda la capa densa como (entradas, salidas).",
)
def _dense_to_keras(convert):
    expect(
        callable(convert),
        "La respuesta debe ser tu función dense_to_keras(w, channels, height, width).",
    )
    rng = np.random.default_rng(21)
    for c, h, w_side, n_out in [(64, 4, 4, 2), (3, 2, 5, 7), (8, 3, 3, 1), (2, 6, 2, 4)]:
        w = rng.normal(size=(n_out, c * h * w_side)).astype(np.float32)
        got = convert(w.copy(), c, h, w_side)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        got = as_array(got.detach().cpu().numpy() if hasattr(got, "detach") else got, "El núcleo")
        where = f"Con w de forma {w.shape} y mapas ({c}, {h}, {w_side})"
        expected = w.reshape(n_out, c, h, w_side).transpose(0, 2, 3, 1).reshape(n_out, -1).T
        if got.shape == expected.shape and np.allclose(got, expected):
            continue
        expect(
            got.shape != w.shape or n_out == c * h * w_side,
            f"{where} devuelves la forma {got.shape}: Keras guarda la capa densa como "
            "(entradas, salidas); falta trasponer.",
        )
        expect(
            got.shape == expected.shape,
            f"{where} el núcleo de Keras debe tener la forma {expected.shape}, no {got.shape}.",
        )
        expect(
            not np.allclose(got, w.T),
            f"{where} solo has traspuesto: PyTorch aplana en orden (C, H, W) y Keras en "
            "(H, W, C), así que las filas también hay que reordenarlas.",
        )
        swapped = w.reshape(n_out, c, h, w_side).transpose(0, 3, 2, 1).reshape(n_out, -1).T
        expect(
            not np.allclose(got, swapped),
            f"{where} recorres las posiciones en orden (ancho, alto): Keras aplana fila a fila, "
            "(alto, ancho, canales).",
        )
        backwards = w.reshape(n_out, h, w_side, c).transpose(0, 3, 1, 2).reshape(n_out, -1).T
        expect(
            not np.allclose(got, backwards),
            f"{where} haces la conversión al revés, de Keras a PyTorch: las columnas de w están "
            "en el orden de PyTorch, así que sepáralas con reshape(n_out, C, H, W) y llévalas a "
            "(H, W, C) con transpose(0, 2, 3, 1).",
        )
        expect(False, f"{where} la forma es correcta, pero los pesos no están en su sitio.")
    return (
        "Es el único paso del traslado que no da ningún error si lo olvidas: las formas cuadran "
        "y la red, simplemente, responde otra cosa. Compruébalo siempre comparando las salidas "
        "de los dos marcos con la misma entrada."
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
        expect(
            n_params == 9 * c_in * c_out + 2 * c_out,
            f"make_block({c_in}, {c_out}) tiene {n_params} parámetros y deberían ser "
            f"{9 * c_in * c_out + 2 * c_out}: los 9·c_in·c_out pesos de la convolución y la "
            "escala γ y el desplazamiento β de BatchNorm2d, uno por canal (deja affine=True).",
        )
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
