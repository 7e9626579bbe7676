"""Comprobadores de los ejercicios del día 27 (arquitecturas influyentes: LeNet, VGG, Inception, ResNet)."""

from __future__ import annotations

import itertools
import math

from ia100.exercises import Wrong, as_array, exercise, expect


def _bottleneck_params(c_in, c_mid, bias=False, norm=True):
    convs = c_in * c_mid + 9 * c_mid * c_mid + c_mid * c_in
    biases = (2 * c_mid + c_in) if bias else 0
    norms = 2 * (2 * c_mid + c_in) if norm else 0
    return convs + biases + norms


@exercise(
    "dia-027.1",
    title="El bloque cuello de botella de ResNet-50",
    hint="Rama F: Conv2d(c_in, c_mid, 1) → BN → ReLU → Conv2d(c_mid, c_mid, 3, padding=1) → BN → "
    "ReLU → Conv2d(c_mid, c_in, 1) → BN, todas las convoluciones con bias=False. En forward: "
    "torch.relu(F(x) + x).",
)
def _bottleneck(block_class):
    import torch
    from torch import nn

    expect(callable(block_class), "La respuesta debe ser tu clase Bottleneck(c_in, c_mid).")
    for c_in, c_mid in [(256, 64), (64, 16), (32, 8)]:
        block = block_class(c_in, c_mid)
        expect(isinstance(block, nn.Module), "Bottleneck debe heredar de nn.Module.")
        where = f"Bottleneck({c_in}, {c_mid})"
        n_params = sum(p.numel() for p in block.parameters())
        expected = _bottleneck_params(c_in, c_mid)
        expect(
            n_params != _bottleneck_params(c_in, c_mid, bias=True),
            f"{where} tiene {n_params} parámetros: sobran los sesgos de las convoluciones "
            "(bias=False), porque la normalización por lotes que las sigue ya pone el suyo.",
        )
        expect(
            n_params != _bottleneck_params(c_in, c_mid, norm=False),
            f"{where} tiene {n_params} parámetros: falta una BatchNorm2d después de cada "
            "convolución.",
        )
        if n_params != expected:
            convs = [
                (m.in_channels, m.out_channels, m.kernel_size[0])
                for m in block.modules()
                if isinstance(m, nn.Conv2d)
            ]
            wanted = [(c_in, c_mid, 1), (c_mid, c_mid, 3), (c_mid, c_in, 1)]
            expect(
                sorted(convs) == sorted(wanted),
                f"{where} tiene {n_params} parámetros y debería tener {expected}. Sus "
                f"convoluciones (entrada, salida, lado del filtro) son {convs}, y deben ser "
                f"{wanted}: la 1×1 reduce a c_mid, la 3×3 trabaja con c_mid y la última 1×1 "
                "devuelve los c_in.",
            )
        expect(n_params == expected, f"{where} debería tener {expected} parámetros, no {n_params}.")
        block.eval()
        x = torch.randn(2, c_in, 8, 8, generator=torch.Generator().manual_seed(c_mid))
        with torch.no_grad():
            y = block(x)
        expect(
            isinstance(y, torch.Tensor) and y.shape == x.shape,
            f"{where} debe devolver un tensor de la misma forma que la entrada, {tuple(x.shape)}: "
            "la última 1×1 devuelve los c_in canales.",
        )
        norms = [m for m in block.modules() if isinstance(m, nn.BatchNorm2d)]
        with torch.no_grad():
            norms[-1].weight.zero_()  # la última BN multiplica por 0: F(x) = 0
            y = block(x)
        expect(
            y.abs().max() > 0,
            f"Con F(x) = 0, {where} devuelve todo ceros: falta sumar el atajo, F(x) + x.",
        )
        expect(
            not torch.allclose(y, x),
            f"Con F(x) = 0, {where} devuelve la entrada tal cual, con sus negativos: falta la "
            "ReLU después de la suma.",
        )
        expect(
            torch.allclose(y, torch.relu(x)),
            f"Con F(x) = 0, {where} debería devolver ReLU(x); revisa el orden de forward: "
            "ReLU(F(x) + x), con la BatchNorm final dentro de F.",
        )
        with torch.no_grad():
            norms[-1].bias.fill_(-1.0)  # ahora la última BN da -1: F(x) = -1
            y = block(x)
        expect(
            not torch.allclose(y, torch.relu(x)),
            f"Con F(x) = −1, {where} devuelve ReLU(x), como si F(x) fuera 0: ¿hay una ReLU al "
            "final de la rama? La última BatchNorm va sin ReLU, para que F pueda restar; la "
            "única ReLU del final va después de la suma.",
        )
        expect(
            torch.allclose(y, torch.relu(x - 1)),
            f"Con F(x) = −1, {where} debería devolver ReLU(x − 1); revisa el orden de forward: "
            "ReLU(F(x) + x), con la BatchNorm final dentro de F.",
        )
    return (
        "Con 256 canales, el cuello de botella tiene 70 400 parámetros, los mismos que "
        "models.resnet50().layer1[1]; dos 3×3 de 256 canales tendrían más de un millón. Por eso "
        "ResNet-50 es más profunda que ResNet-34 y solo un poco más cara."
    )


def _inception_reference_params(c_in, c1, c3r, c3, c5r, c5, cp, bias=True):
    b = 1 if bias else 0
    conv = lambda a, o, k: o * (k * k * a + b)  # noqa: E731
    return (
        conv(c_in, c1, 1)
        + conv(c_in, c3r, 1)
        + conv(c3r, c3, 3)
        + conv(c_in, c5r, 1)
        + conv(c5r, c5, 5)
        + conv(c_in, cp, 1)
    )


_BRANCHES = ("1×1", "3×3", "5×5", "pooling")


def _inception_forward(x, layers, *, pool="max", reduce_relu=True, order=_BRANCHES):
    """Salida de un módulo Inception de referencia con las convoluciones del alumno."""
    import torch
    from torch.nn import functional as F

    def conv(name, t, relu=True):
        layer = layers[name]
        y = F.conv2d(t, layer.weight, layer.bias, padding=layer.kernel_size[0] // 2)
        return F.relu(y) if relu else y

    if pool == "max":
        pooled = F.max_pool2d(x, 3, stride=1, padding=1)
    else:
        pooled = F.avg_pool2d(x, 3, stride=1, padding=1, count_include_pad=pool == "avg")
    branches = {
        "1×1": conv("c1", x),
        "3×3": conv("c3", conv("c3_reduce", x, reduce_relu)),
        "5×5": conv("c5", conv("c5_reduce", x, reduce_relu)),
        "pooling": conv("c_pool", pooled),
    }
    return torch.cat([branches[name] for name in order], dim=1)


def _inception_layers(module, c_in, c1, c3r, c3, c5r, c5, cp):
    """Las seis convoluciones del alumno, reconocidas por su forma (None si no se distinguen)."""
    import torch

    shapes = {
        "c1": (c_in, c1, (1, 1)),
        "c3_reduce": (c_in, c3r, (1, 1)),
        "c3": (c3r, c3, (3, 3)),
        "c5_reduce": (c_in, c5r, (1, 1)),
        "c5": (c5r, c5, (5, 5)),
        "c_pool": (c_in, cp, (1, 1)),
    }
    found: dict[tuple, list] = {}
    for m in module.modules():
        if isinstance(m, torch.nn.Conv2d):
            key = (m.in_channels, m.out_channels, tuple(m.kernel_size))
            found.setdefault(key, []).append(m)
    if len(set(shapes.values())) < len(shapes) or sum(map(len, found.values())) != len(shapes):
        return None
    if not all(len(found.get(shape, [])) == 1 for shape in shapes.values()):
        return None
    return {name: found[shape][0] for name, shape in shapes.items()}


@exercise(
    "dia-027.2",
    title="Un módulo Inception",
    hint="Cuatro ramas sobre la MISMA entrada: 1×1; 1×1 → 3×3 (padding=1); 1×1 → 5×5 "
    "(padding=2); MaxPool2d(3, stride=1, padding=1) → 1×1. Cada convolución con su ReLU. "
    "Concatena las cuatro salidas con torch.cat(..., dim=1).",
)
def _inception(cls):
    import torch

    expect(
        isinstance(cls, type),
        "La respuesta debe ser tu clase InceptionBlock (sin paréntesis: la clase, no un objeto).",
    )
    configs = [
        (192, 64, 96, 128, 16, 32, 32, 28),  # el módulo 3a de GoogLeNet
        (8, 4, 6, 8, 2, 4, 3, 9),
        (3, 2, 2, 5, 1, 3, 1, 7),
    ]
    gen = torch.Generator().manual_seed(27)
    for c_in, c1, c3r, c3, c5r, c5, cp, side in configs:
        args = (c_in, c1, c3r, c3, c5r, c5, cp)
        module = cls(*args)
        expect(
            isinstance(module, torch.nn.Module),
            "InceptionBlock debe heredar de nn.Module (class InceptionBlock(nn.Module): …).",
        )
        x = torch.randn(2, c_in, side, side, generator=gen)
        try:
            with torch.no_grad():
                out = module(x)
        except RuntimeError as error:
            raise Wrong(
                f"InceptionBlock{args} falló con una entrada {tuple(x.shape)}: {str(error).rstrip('.')}. "
                "¿Conservan las cuatro ramas el alto y el ancho? ¿Concatenas por canales (dim=1)?"
            ) from error
        expect(out is not None, "forward devuelve None: ¿olvidaste el return?")
        expect(isinstance(out, torch.Tensor), "forward debe devolver un tensor.")
        expected_shape = (2, c1 + c3 + c5 + cp, side, side)
        expect(
            tuple(out.shape) == expected_shape,
            f"InceptionBlock{args} con entrada {tuple(x.shape)} devuelve {tuple(out.shape)}; "
            f"esperaba {expected_shape}: los canales de salida son c1 + c3 + c5 + c_pool.",
        )
        expect(
            float(out.min()) >= 0,
            "Hay salidas negativas: cada convolución va seguida de su ReLU.",
        )
        params = sum(p.numel() for p in module.parameters())
        expected = _inception_reference_params(*args)
        expect(
            params != _inception_reference_params(*args, bias=False),
            f"Tu módulo tiene {params} parámetros: faltan los sesgos (deja bias=True, el valor "
            "por defecto de nn.Conv2d).",
        )
        expect(
            params == expected,
            f"InceptionBlock{args} tiene {params} parámetros y esperaba {expected}. Revisa las "
            "ramas: ¿están las reducciones 1×1 antes de la 3×3 y la 5×5, y la 1×1 tras el pooling?",
        )
        # Con los mismos pesos del alumno, la salida debe ser la del módulo de referencia.
        layers = _inception_layers(module, *args)
        if layers is None:
            continue
        with torch.no_grad():
            reference = _inception_forward(x, layers)
            if torch.allclose(out, reference, atol=1e-4):
                continue
            for order in itertools.permutations(_BRANCHES):
                expect(
                    not torch.allclose(out, _inception_forward(x, layers, order=order), atol=1e-4),
                    f"Concatenas las ramas en el orden {' → '.join(order)}; el del enunciado "
                    "(y el de GoogLeNet) es 1×1, 3×3, 5×5 y pooling. Con otro orden, los canales "
                    "de salida no son los que espera la capa siguiente.",
                )
            for pool in ("avg", "avg_sin_relleno"):
                expect(
                    not torch.allclose(out, _inception_forward(x, layers, pool=pool), atol=1e-4),
                    "La cuarta rama usa un pooling de media; es un max pooling, "
                    "nn.MaxPool2d(3, stride=1, padding=1).",
                )
            expect(
                not torch.allclose(
                    out, _inception_forward(x, layers, reduce_relu=False), atol=1e-4
                ),
                "Falta la ReLU tras las reducciones 1×1 de las ramas 3×3 y 5×5: cada "
                "convolución va seguida de su ReLU.",
            )
        raise Wrong(
            f"Con tus mismos pesos, la salida de InceptionBlock{args} no coincide con la de un "
            "módulo Inception: ¿recibe cada rama la entrada x? ¿Tiene cada convolución su "
            "relleno (ninguno en las 1×1, 1 en la 3×3, 2 en la 5×5)?"
        )
    return (
        "Con las reducciones 1×1, el módulo 3a tiene menos de la mitad de parámetros que sin "
        "ellas. Esa idea, el cuello de botella 1×1, está en ResNet, MobileNet y casi todas las "
        "redes posteriores."
    )


def _dense_fraction(model):
    import torch

    linear = sum(
        p.numel()
        for m in model.modules()
        if isinstance(m, torch.nn.Linear)
        for p in m.parameters(recurse=False)
    )
    return linear / sum(p.numel() for p in model.parameters())


def _test_models():
    import torch
    from torch import nn
    from torchvision import models

    with torch.device("meta"):
        zoo = {
            "AlexNet": models.alexnet(weights=None),
            "VGG-11": models.vgg11(weights=None),
            "ResNet-18": models.resnet18(weights=None),
        }
    zoo["una red pequeña"] = nn.Sequential(
        nn.Conv2d(1, 4, 3),
        nn.Sequential(nn.Flatten(), nn.Sequential(nn.Linear(100, 10, bias=False))),
        nn.ReLU(),
        nn.Linear(10, 3),
    )
    zoo["una red sin capas densas"] = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())
    return zoo


@exercise(
    "dia-027.3",
    title="¿Qué fracción de los parámetros está en las capas densas?",
    hint="Recorre TODAS las capas, también las anidadas, con model.modules(); quédate con las "
    "que son nn.Linear y suma sus parámetros (pesos y sesgos). Divide entre el total de "
    "parámetros del modelo.",
)
def _fraction(fn):
    import torch

    expect(callable(fn), "La respuesta debe ser tu función dense_fraction(model).")
    for name, model in _test_models().items():
        got = fn(model)
        expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
        value = as_array(got, "Lo que devuelve tu función")
        expect(value.ndim == 0, "Debe devolver un solo número entre 0 y 1.")
        value = float(value)
        expected = _dense_fraction(model)
        if math.isclose(value, expected, rel_tol=1e-6, abs_tol=1e-9):
            continue
        expect(
            not math.isclose(value, 100 * expected, rel_tol=1e-6),
            f"Con {name} devuelves {value:.4g}: es un porcentaje; devuelve una fracción (0–1).",
        )
        expect(
            not math.isclose(value, 1 - expected, rel_tol=1e-6, abs_tol=1e-9),
            f"Con {name} devuelves {value:.4g}: es la fracción que NO está en las capas densas.",
        )
        weights_only = sum(
            m.weight.numel() for m in model.modules() if isinstance(m, torch.nn.Linear)
        ) / sum(p.numel() for p in model.parameters())
        expect(
            not math.isclose(value, weights_only, rel_tol=1e-9),
            f"Con {name} devuelves {value:.4f}: cuentas los pesos de las capas densas pero no "
            "sus sesgos.",
        )
        expect(
            not (value == 0 and expected > 0),
            f"Con {name} devuelves 0. ¿Recorres solo los hijos directos (children)? Las capas "
            "densas suelen estar dentro de un nn.Sequential: usa model.modules().",
        )
        expect(
            0 <= value <= 1,
            f"Con {name} devuelves {value:.4g}, fuera de [0, 1]: ¿cuentas algún parámetro dos "
            "veces (por ejemplo, los de un contenedor y los de sus capas)?",
        )
        raise Wrong(f"Con {name} la fracción es {expected:.4f}; tu función devuelve {value:.4f}.")
    alexnet = _dense_fraction(_test_models()["AlexNet"])
    resnet = _dense_fraction(_test_models()["ResNet-18"])
    return (
        f"AlexNet guarda el {alexnet:.0%} de sus parámetros en las capas densas; ResNet-18, con "
        f"pooling global, solo el {resnet:.0%}."
    )
