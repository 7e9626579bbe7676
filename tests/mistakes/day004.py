"""Errores típicos del día 4: la técnica de cada tarea, contar parámetros y una CNN diminuta."""

from __future__ import annotations

from mistakes import Mistake

_TASKS = {
    "detectar piezas defectuosas en fotos de una cadena de montaje": "CNN",
    "estimar el precio de una vivienda a partir de una tabla con superficie, barrio y año": "MLP",
    "predecir en un sensor con poca memoria la temperatura del minuto siguiente, lectura a lectura": "RNN",
    "traducir documentos con un modelo entrenado con millones de pares de frases": "Transformer",
    "crear una ilustración de alta calidad a partir de una descripción escrita": "Difusión",
    "generar caras sintéticas en tiempo real para un videojuego": "GAN",
    "buscar en un archivo de fotos con una frase como 'perro en la playa'": "Multimodal",
}


def _dense(n_in, n_out):
    return n_in * n_out + n_out


def _conv(k, c_in, c_out):
    return c_out * (k * k * c_in) + c_out


def _conv_no_bias(k, c_in, c_out):
    return c_out * k * k * c_in


def _conv_one_channel(k, c_in, c_out):
    return c_out * k * k + c_out


def _conv_window_k(k, c_in, c_out):
    return c_out * k * c_in + c_out


def _dense_no_bias(n_in, n_out):
    return n_in * n_out


def _conv_per_channel_bias(k, c_in, c_out):
    # Un sesgo por canal de entrada y filtro, en vez de uno por filtro.
    return c_out * (k * k * c_in + c_in)


def _tiny_cnn(c1=8, c2=12, unflatten=True):
    from torch import nn

    layers = [nn.Unflatten(1, (1, 8))] if unflatten else []
    return nn.Sequential(
        *layers,
        nn.Conv2d(1, c1, kernel_size=3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(c1, c2, kernel_size=3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(c2 * 4, 10),
    )


def _untrained():
    import torch

    torch.manual_seed(0)
    return _tiny_cnn()  # construida pero sin entrenar


def _too_big():
    import torch

    torch.manual_seed(0)
    return _tiny_cnn(c1=16, c2=32)  # «más filtros, mejor»: 160 + 4 640 + 1 290 parámetros


def _no_channel_dimension():
    import torch

    torch.manual_seed(0)
    return _tiny_cnn(unflatten=False)  # Conv2d espera (n, 1, 8, 8) y recibe (n, 8, 8)


def _tiny_mlp():
    import numpy as np
    import torch
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split
    from torch import nn

    digits = load_digits()
    X = (digits.images / 16.0).astype(np.float32)
    X_train, _, y_train, _ = train_test_split(
        X, digits.target, test_size=0.25, stratify=digits.target, random_state=0
    )
    Xtr, ytr = torch.tensor(X_train), torch.tensor(y_train)
    torch.manual_seed(0)
    # Sin convoluciones: 64 → 16 → 10, 1 210 parámetros; llega al 93 % pero no es una CNN.
    model = nn.Sequential(nn.Flatten(), nn.Linear(64, 16), nn.ReLU(), nn.Linear(16, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    for _ in range(15):
        for idx in torch.randperm(len(Xtr)).split(64):
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(Xtr[idx]), ytr[idx]).backward()
            optimizer.step()
    return model


MISTAKES = [
    Mistake(
        "dia-004.1",
        "GAN para la ilustración de calidad y difusión para las caras en tiempo real",
        {
            **_TASKS,
            "crear una ilustración de alta calidad a partir de una descripción escrita": "GAN",
            "generar caras sintéticas en tiempo real para un videojuego": "Difusión",
        },
        r"Revisa 2 de 7",
    ),
    Mistake(
        "dia-004.1",
        "un Transformer para el sensor con poca memoria",
        {
            **_TASKS,
            "predecir en un sensor con poca memoria la temperatura del minuto siguiente, "
            "lectura a lectura": "Transformer",
        },
        r"Revisa 1 de 7",
    ),
    Mistake(
        "dia-004.1",
        "una CNN para la tabla de viviendas",
        {
            **_TASKS,
            "estimar el precio de una vivienda a partir de una tabla con superficie, barrio y año": "CNN",
        },
        r"Revisa 1 de 7: \['estimar el precio",
    ),
    Mistake(
        "dia-004.2",
        "convolución sin sesgos",
        (_conv_no_bias, _dense),
        r"falta el sesgo de cada filtro",
    ),
    Mistake(
        "dia-004.2",
        "un filtro solo mira un canal",
        (_conv_one_channel, _dense),
        r"todos los canales de entrada",
    ),
    Mistake("dia-004.2", "ventana de k en vez de k×k", (_conv_window_k, _dense), r"k×k píxeles"),
    Mistake(
        "dia-004.2",
        "capa densa sin sesgos",
        (_conv, _dense_no_bias),
        r"falta el sesgo de cada neurona",
    ),
    Mistake(
        "dia-004.2",
        "un sesgo por canal de entrada",
        (_conv_per_channel_bias, _dense),
        r"conv2d_params\(3, 8, 16\) = 1280 no es correcto",
    ),
    Mistake("dia-004.3", "red sin entrenar", _untrained, r"¿Entrenaste la red\?", lazy=True),
    Mistake("dia-004.3", "demasiados filtros", _too_big, r"el límite es 1 500", lazy=True),
    Mistake(
        "dia-004.3",
        "sin la dimensión de canal (falta Unflatten)",
        _no_channel_dimension,
        r"falló con un lote de forma \(n, 8, 8\)",
        lazy=True,
    ),
    Mistake(
        "dia-004.3",
        "un MLP diminuto en vez de una CNN",
        _tiny_mlp,
        r"ninguna capa convolucional",
        lazy=True,
    ),
]
