"""Errores típicos del día 27: el cuello de botella de ResNet-50, un módulo Inception y la
fracción de parámetros en las capas densas."""

from __future__ import annotations

import torch
from torch import nn

from mistakes import Mistake

# --- 27.1 · El bloque cuello de botella de ResNet-50 ----------------------------------------


def _bottleneck(
    *, bias=False, norm=True, shortcut=True, final_relu=True, relu_in_branch=False, mid=None
):
    """Una clase Bottleneck con un error a elegir."""

    class Bottleneck(nn.Module):
        def __init__(self, c_in, c_mid):
            super().__init__()
            bn = nn.BatchNorm2d if norm else (lambda c: nn.Identity())
            c_3x3_out = c_mid if mid is None else mid(c_in, c_mid)
            layers = [
                nn.Conv2d(c_in, c_mid, 1, bias=bias),
                bn(c_mid),
                nn.ReLU(),
                nn.Conv2d(c_mid, c_3x3_out, 3, padding=1, bias=bias),
                bn(c_3x3_out),
                nn.ReLU(),
                nn.Conv2d(c_3x3_out, c_in, 1, bias=bias),
                bn(c_in),
            ]
            if relu_in_branch:
                layers.append(nn.ReLU())
            self.branch = nn.Sequential(*layers)

        def forward(self, x):
            out = self.branch(x) + x if shortcut else self.branch(x)
            return torch.relu(out) if final_relu else out

    return Bottleneck


# --- 27.2 · Un módulo Inception --------------------------------------------------------------


def _inception(
    *, relu=True, bias=True, padding=True, pool="max", reduce_relu=True, order=(0, 1, 2, 3)
):
    """Una clase InceptionBlock con un error a elegir."""

    class InceptionBlock(nn.Module):
        def __init__(self, c_in, c1, c3_reduce, c3, c5_reduce, c5, c_pool):
            super().__init__()

            def conv(a, b, k, with_relu=relu):
                layer = nn.Conv2d(a, b, k, padding=k // 2 if padding else 0, bias=bias)
                return nn.Sequential(layer, nn.ReLU()) if with_relu else layer

            self.branch1 = conv(c_in, c1, 1)
            self.branch3 = nn.Sequential(
                conv(c_in, c3_reduce, 1, relu and reduce_relu), conv(c3_reduce, c3, 3)
            )
            self.branch5 = nn.Sequential(
                conv(c_in, c5_reduce, 1, relu and reduce_relu), conv(c5_reduce, c5, 5)
            )
            pooling = nn.MaxPool2d if pool == "max" else nn.AvgPool2d
            self.branch_pool = nn.Sequential(pooling(3, stride=1, padding=1), conv(c_in, c_pool, 1))

        def forward(self, x):
            branches = [self.branch1, self.branch3, self.branch5, self.branch_pool]
            return torch.cat([branches[i](x) for i in order], dim=1)

    return InceptionBlock


class _InceptionWithoutReductions(nn.Module):
    """La 3×3 y la 5×5 directamente sobre la entrada (c3_reduce y c5_reduce, sin usar)."""

    def __init__(self, c_in, c1, c3_reduce, c3, c5_reduce, c5, c_pool):
        super().__init__()
        self.branch1 = nn.Sequential(nn.Conv2d(c_in, c1, 1), nn.ReLU())
        self.branch3 = nn.Sequential(nn.Conv2d(c_in, c3, 3, padding=1), nn.ReLU())
        self.branch5 = nn.Sequential(nn.Conv2d(c_in, c5, 5, padding=2), nn.ReLU())
        self.branch_pool = nn.Sequential(
            nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(c_in, c_pool, 1), nn.ReLU()
        )

    def forward(self, x):
        branches = [self.branch1, self.branch3, self.branch5, self.branch_pool]
        return torch.cat([b(x) for b in branches], dim=1)


class _InceptionPoolBranchWithoutPooling(nn.Module):
    """La cuarta rama crea el max pooling, pero forward no lo usa."""

    def __init__(self, c_in, c1, c3_reduce, c3, c5_reduce, c5, c_pool):
        super().__init__()
        self.branch1 = nn.Sequential(nn.Conv2d(c_in, c1, 1), nn.ReLU())
        self.reduce3 = nn.Sequential(nn.Conv2d(c_in, c3_reduce, 1), nn.ReLU())
        self.branch3 = nn.Sequential(nn.Conv2d(c3_reduce, c3, 3, padding=1), nn.ReLU())
        self.reduce5 = nn.Sequential(nn.Conv2d(c_in, c5_reduce, 1), nn.ReLU())
        self.branch5 = nn.Sequential(nn.Conv2d(c5_reduce, c5, 5, padding=2), nn.ReLU())
        self.pool = nn.MaxPool2d(3, stride=1, padding=1)
        self.branch_pool = nn.Sequential(nn.Conv2d(c_in, c_pool, 1), nn.ReLU())

    def forward(self, x):
        return torch.cat(
            [
                self.branch1(x),
                self.branch3(self.reduce3(x)),
                self.branch5(self.reduce5(x)),
                self.branch_pool(x),
            ],
            dim=1,
        )


def _inception_instance():
    return _inception()(8, 4, 6, 8, 2, 4, 3)  # un objeto, no la clase


# --- 27.3 · ¿Qué fracción de los parámetros está en las capas densas? -----------------------


def _total(model):
    return sum(p.numel() for p in model.parameters())


def _fraction_children(model):
    dense = sum(
        p.numel() for m in model.children() if isinstance(m, nn.Linear) for p in m.parameters()
    )
    return dense / _total(model)


def _fraction_percentage(model):
    dense = sum(
        p.numel() for m in model.modules() if isinstance(m, nn.Linear) for p in m.parameters()
    )
    return 100 * dense / _total(model)


def _fraction_weights_only(model):
    dense = sum(m.weight.numel() for m in model.modules() if isinstance(m, nn.Linear))
    return dense / _total(model)


def _fraction_complement(model):
    convs = sum(
        p.numel() for m in model.modules() if isinstance(m, nn.Linear) for p in m.parameters()
    )
    return 1 - convs / _total(model) if _total(model) else 0


def _fraction_by_name(model):
    # «Si en su descripción aparece Linear, es densa»: también cuenta los contenedores.
    dense = sum(p.numel() for m in model.modules() if "Linear" in str(m) for p in m.parameters())
    return dense / _total(model)


MISTAKES = [
    Mistake("dia-027.1", "convoluciones con sesgo", _bottleneck(bias=True), r"sobran los sesgos"),
    Mistake("dia-027.1", "sin BatchNorm", _bottleneck(norm=False), r"falta una BatchNorm2d"),
    Mistake("dia-027.1", "sin el atajo", _bottleneck(shortcut=False), r"falta sumar el atajo"),
    Mistake(
        "dia-027.1",
        "sin la ReLU tras la suma",
        _bottleneck(final_relu=False),
        r"falta la ReLU después de la suma",
    ),
    Mistake(
        "dia-027.1",
        "una ReLU al final de la rama, antes de sumar",
        _bottleneck(relu_in_branch=True),
        r"¿hay una ReLU al\s+final de la rama\?",
    ),
    Mistake(
        "dia-027.1",
        "la 3×3 devuelve c_in canales en vez de c_mid",
        _bottleneck(mid=lambda c_in, c_mid: c_in),
        r"deben ser \[\(256, 64, 1\), \(64, 64, 3\), \(64, 256, 1\)\]",
    ),
    Mistake(
        "dia-027.1",
        "la 3×3 con 4·c_mid canales (la expansión de ResNet-50 en el sitio equivocado)",
        _bottleneck(mid=lambda c_in, c_mid: 4 * c_mid if 4 * c_mid != c_in else 2 * c_mid),
        r"la 3×3 trabaja con c_mid",
    ),
    Mistake("dia-027.2", "sin ReLU", _inception(relu=False), r"salidas negativas"),
    Mistake("dia-027.2", "sin sesgos", _inception(bias=False), r"faltan los sesgos"),
    Mistake(
        "dia-027.2",
        "sin relleno en la 3×3 y la 5×5",
        _inception(padding=False),
        r"¿Conservan las cuatro ramas el alto y el ancho\?",
    ),
    Mistake(
        "dia-027.2",
        "pooling de media en la cuarta rama",
        _inception(pool="avg"),
        r"pooling de media",
    ),
    Mistake(
        "dia-027.2",
        "sin ReLU tras las reducciones 1×1",
        _inception(reduce_relu=False),
        r"Falta la ReLU tras las reducciones",
    ),
    Mistake(
        "dia-027.2",
        "concatena la rama de pooling primero",
        _inception(order=(3, 0, 1, 2)),
        r"Concatenas las ramas en el orden pooling",
    ),
    Mistake(
        "dia-027.2",
        "sin las reducciones 1×1",
        _InceptionWithoutReductions,
        r"¿están las reducciones 1×1",
    ),
    Mistake(
        "dia-027.2",
        "la rama de pooling no hace pooling",
        _InceptionPoolBranchWithoutPooling,
        r"no coincide con la de un\s+módulo Inception",
    ),
    Mistake(
        "dia-027.2",
        "pasa un objeto en vez de la clase",
        _inception_instance,
        r"sin paréntesis",
        lazy=True,
    ),
    Mistake("dia-027.3", "solo recorre children()", _fraction_children, r"children"),
    Mistake("dia-027.3", "devuelve un porcentaje", _fraction_percentage, r"porcentaje"),
    Mistake("dia-027.3", "solo los pesos", _fraction_weights_only, r"pero no\s+sus sesgos"),
    Mistake("dia-027.3", "la fracción contraria", _fraction_complement, r"NO está"),
    Mistake(
        "dia-027.3",
        "cuenta también los contenedores que contienen capas densas",
        _fraction_by_name,
        r"dos\s+veces",
    ),
]
