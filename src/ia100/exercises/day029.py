"""Comprobadores de los ejercicios del día 29 (aprendizaje por transferencia: el concepto)."""

from __future__ import annotations

import numpy as np

from ia100.exercises import as_array, exercise, expect


def _tiny_pretrained(n_features: int, n_classes: int, seed: int):
    """Una red «preentrenada» con la forma del día 29: atributos ``base`` y ``head``."""
    import torch
    from torch import nn

    class TinyNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.base = nn.Sequential(
                nn.Conv2d(3, n_features, 3, padding=1),
                nn.BatchNorm2d(n_features),
                nn.ReLU(),
                nn.AdaptiveAvgPool2d(1),
                nn.Flatten(),
            )
            self.head = nn.Linear(n_features, n_classes)

        def forward(self, x):
            return self.head(self.base(x))

    torch.manual_seed(seed)
    return TinyNet()


def _snapshot(module) -> dict:
    return {k: v.detach().clone() for k, v in module.state_dict().items()}


@exercise(
    "dia-029.1",
    title="Congelar la base y poner una cabeza nueva",
    hint="Copia la red con copy.deepcopy, congela la base con "
    "model.base.requires_grad_(False) y sustituye model.head por un nn.Linear con "
    "pretrained.head.in_features entradas y n_classes salidas.",
)
def _make_transfer_model(make_transfer_model):
    import torch
    from torch import nn

    expect(callable(make_transfer_model), "La respuesta debe ser tu función make_transfer_model.")
    for n_features, n_source, n_target, seed in [(8, 4, 2, 0), (5, 3, 7, 1)]:
        pretrained = _tiny_pretrained(n_features, n_source, seed)
        original = _snapshot(pretrained)
        model = make_transfer_model(pretrained, n_target)
        expect(model is not None, "Tu función devuelve None: ¿olvidaste el return?")
        expect(isinstance(model, nn.Module), "Debe devolver un modelo de PyTorch (nn.Module).")
        expect(
            model is not pretrained,
            "Devuelves la misma red que recibes: haz una copia (copy.deepcopy) para no "
            "estropear la original.",
        )
        expect(
            pretrained.head.out_features == n_source
            and all(p.requires_grad for p in pretrained.parameters())
            and all(torch.equal(original[k], v) for k, v in pretrained.state_dict().items()),
            "Has modificado la red original: trabaja sobre una copia (copy.deepcopy).",
        )
        expect(
            hasattr(model, "base") and hasattr(model, "head"),
            "El modelo devuelto debe conservar los atributos base y head.",
        )
        expect(
            not all(p.requires_grad for p in model.base.parameters())
            or getattr(model.base, "requires_grad", True) is not False,
            "Escribiste base.requires_grad = False: eso crea un atributo nuevo del módulo y no "
            "congela nada. Usa el método base.requires_grad_(False) (con guion bajo).",
        )
        expect(
            not any(p.requires_grad for p in model.base.parameters()),
            "Algún parámetro de la base sigue con requires_grad=True: la base debe quedar "
            "congelada entera.",
        )
        expect(
            isinstance(model.head, nn.Linear),
            "La cabeza nueva debe ser una capa nn.Linear.",
        )
        expect(
            model.head.in_features == n_features,
            f"La cabeza debe recibir los {n_features} rasgos de la base "
            f"(pretrained.head.in_features), no {model.head.in_features}.",
        )
        expect(
            model.head.out_features == n_target,
            f"La cabeza debe tener n_classes = {n_target} salidas, no {model.head.out_features}: "
            "¿dejaste la cabeza del origen?",
        )
        expect(
            all(p.requires_grad for p in model.head.parameters()),
            "La cabeza nueva está congelada: es lo único que debe entrenarse.",
        )
        base_now = model.base.state_dict()
        expect(
            all(torch.equal(base_now[k], original[f"base.{k}"]) for k in base_now),
            "La base no conserva los pesos preentrenados: cópialos, no crees una red nueva.",
        )
        out = model.eval()(torch.rand(3, 3, 16, 16))
        expect(
            tuple(out.shape) == (3, n_target),
            f"Con 3 imágenes, la salida debe ser (3, {n_target}), no {tuple(out.shape)}.",
        )
    return (
        "Base congelada con sus pesos de origen y cabeza nueva entrenable: ahora solo se "
        "entrenan los parámetros de la cabeza (en el día, 130 de unos 24 000)."
    )


@exercise(
    "dia-029.2",
    title="Extraer rasgos por lotes",
    hint="Pon la base en modo evaluación (base.eval()), recorre x en trozos de batch_size "
    "dentro de un bloque with torch.no_grad() y une los resultados con torch.cat.",
)
def _extract_features(extract_features):
    import torch
    from torch import nn

    expect(callable(extract_features), "La respuesta debe ser tu función extract_features.")
    torch.manual_seed(29)
    base = nn.Sequential(
        nn.Conv2d(3, 6, 3, padding=1),
        nn.BatchNorm2d(6),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Dropout(0.5),
    )
    with torch.no_grad():  # unas estadísticas de BatchNorm que no sean las iniciales
        base.train()(torch.rand(64, 3, 8, 8) * 3)
    base.eval()
    x = torch.rand(10, 3, 8, 8)
    with torch.no_grad():
        expected = base(x).numpy()
    sizes: list[int] = []
    hook = base.register_forward_pre_hook(lambda _m, args: sizes.append(len(args[0])))
    try:
        base.train()  # como si alguien la hubiera dejado en modo entrenamiento
        got = extract_features(base, x, 4)
    finally:
        hook.remove()
    expect(got is not None, "Tu función devuelve None: ¿olvidaste el return?")
    expect(
        not getattr(got, "requires_grad", False),
        "El resultado guarda el grafo de gradientes: calcula dentro de with torch.no_grad().",
    )
    got = as_array(got.detach().numpy() if hasattr(got, "detach") else got, "Tu resultado")
    expect(
        got.shape == expected.shape,
        f"Con 10 imágenes y 6 rasgos el resultado debe ser (10, 6), no {got.shape}: "
        "¿te falta el último lote incompleto?",
    )
    expect(
        bool(sizes) and max(sizes) <= 4,
        f"Con batch_size=4 la base no debe recibir más de 4 imágenes a la vez; recibió {sizes}.",
    )
    expect(
        np.allclose(got, expected, atol=1e-5),
        "Los rasgos no coinciden con los de la base en modo evaluación: ¿llamaste a base.eval()? "
        "En modo entrenamiento, Dropout apaga rasgos al azar y BatchNorm usa las "
        "estadísticas del lote.",
    )
    return (
        "Con la base congelada y en evaluación, estos rasgos no cambian: se calculan una vez y "
        "la cabeza se entrena con ellos tantas épocas como quieras."
    )


@exercise(
    "dia-029.3",
    title="El centroide más cercano",
    hint="Para cada clase k, su centroide es la media de los rasgos de entrenamiento con "
    "etiqueta k. Cada ejemplo de prueba recibe la clase del centroide a menor distancia "
    "euclídea (argmin, no argmax).",
)
def _nearest_centroid(nearest_centroid):
    expect(callable(nearest_centroid), "La respuesta debe ser tu función nearest_centroid.")
    rng = np.random.default_rng(3)
    for n_classes, dim in [(2, 4), (3, 6), (4, 2)]:
        centers = rng.normal(0, 3, size=(n_classes, dim))
        y_train = np.repeat(np.arange(n_classes), 12)
        x_train = centers[y_train] + rng.normal(0, 1, size=(len(y_train), dim))
        x_test = centers[np.arange(20) % n_classes] + rng.normal(0, 1.2, size=(20, dim)) + 0.5
        got = nearest_centroid(x_train.copy(), y_train.copy(), x_test.copy())
        got = as_array(got, "Lo que devuelve tu función")
        expect(
            got.shape == (len(x_test),),
            f"Debe devolver una etiqueta por ejemplo de prueba, forma ({len(x_test)},), "
            f"no {got.shape}.",
        )
        means = np.stack([x_train[y_train == k].mean(axis=0) for k in range(n_classes)])
        dist = ((x_test[:, None, :] - means[None]) ** 2).sum(axis=2)
        expected = dist.argmin(axis=1)
        if not np.array_equal(got, expected):
            expect(
                not np.array_equal(got, dist.argmax(axis=1)),
                "Eliges el centroide más lejano: usa argmin de la distancia, no argmax.",
            )
            expect(
                not np.array_equal(got, (x_test @ means.T).argmax(axis=1)),
                "Usas el producto escalar con los centroides; aquí se pide la distancia "
                "euclídea (no dan lo mismo si los centroides tienen normas distintas).",
            )
            manhattan = np.abs(x_test[:, None, :] - means[None]).sum(axis=2)
            expect(
                not np.array_equal(got, manhattan.argmin(axis=1)),
                "Usas la distancia de Manhattan (la suma de los valores absolutos); se pide la "
                "euclídea: la suma de los cuadrados de las diferencias (la raíz no hace falta).",
            )
            to_train = ((x_test[:, None, :] - x_train[None]) ** 2).sum(axis=2)
            expect(
                not np.array_equal(got, y_train[to_train.argmin(axis=1)]),
                "Das a cada ejemplo la clase del ejemplo de entrenamiento más cercano (el vecino "
                "más próximo); se pide la del centroide más cercano: primero, la media de los "
                "rasgos de cada clase.",
            )
            expect(
                False,
                f"Con {n_classes} clases, {int((got != expected).sum())} de {len(expected)} "
                "predicciones no coinciden con el centroide más cercano.",
            )
    return (
        "Sin entrenar nada, solo con medias: con buenos rasgos basta. Es la idea de las redes "
        "prototípicas del aprendizaje con pocos ejemplos (few-shot)."
    )
