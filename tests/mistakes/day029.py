"""Errores típicos del día 29: congelar la base y poner una cabeza nueva, extraer rasgos por
lotes y clasificar con el centroide más cercano."""

from __future__ import annotations

import copy

import numpy as np
import torch
from torch import nn

from mistakes import Mistake

# --- 29.1 · Congelar la base y poner una cabeza nueva ---------------------------------------


def _transfer_without_copy(pretrained, n_classes):
    pretrained.base.requires_grad_(False)
    pretrained.head = nn.Linear(pretrained.head.in_features, n_classes)
    return pretrained


def _transfer_shallow_copy(pretrained, n_classes):
    model = copy.copy(pretrained)  # comparte los submódulos con la original
    model.base.requires_grad_(False)
    model.head = nn.Linear(pretrained.head.in_features, n_classes)
    return model


def _transfer_attribute(pretrained, n_classes):
    model = copy.deepcopy(pretrained)
    model.base.requires_grad = False  # un atributo nuevo: no congela nada
    model.head = nn.Linear(pretrained.head.in_features, n_classes)
    return model


def _transfer_eval_instead_of_freeze(pretrained, n_classes):
    model = copy.deepcopy(pretrained)
    model.base.eval()  # «congelar» con el modo evaluación
    model.head = nn.Linear(pretrained.head.in_features, n_classes)
    return model


def _transfer_only_first_layer(pretrained, n_classes):
    model = copy.deepcopy(pretrained)
    model.base[0].requires_grad_(False)  # la convolución, pero no la BatchNorm
    model.head = nn.Linear(pretrained.head.in_features, n_classes)
    return model


def _transfer_head_from_out_features(pretrained, n_classes):
    model = copy.deepcopy(pretrained)
    model.base.requires_grad_(False)
    model.head = nn.Linear(pretrained.head.out_features, n_classes)
    return model


def _transfer_keeps_head(pretrained, n_classes):
    model = copy.deepcopy(pretrained)
    model.base.requires_grad_(False)
    return model


def _transfer_freezes_everything(pretrained, n_classes):
    model = copy.deepcopy(pretrained)
    model.head = nn.Linear(pretrained.head.in_features, n_classes)
    for p in model.parameters():  # congela después de poner la cabeza nueva
        p.requires_grad = False
    return model


def _transfer_new_network(pretrained, n_classes):
    model = type(pretrained)()  # una red nueva del mismo tipo, con pesos al azar
    model.base.requires_grad_(False)
    model.head = nn.Linear(pretrained.head.in_features, n_classes)
    return model


# --- 29.2 · Extraer rasgos por lotes -----------------------------------------------------------


def _features(*, evaluation=True, no_grad=True, batched=True, keep_last=True):
    def extract_features(base, x, batch_size):
        if evaluation:
            base.eval()
        size = batch_size if batched else len(x)
        stop = len(x) if keep_last else len(x) - len(x) % size
        with torch.set_grad_enabled(not no_grad):
            parts = [base(x[i : i + size]) for i in range(0, stop, size)]
        return torch.cat(parts)

    return extract_features


# --- 29.3 · El centroide más cercano --------------------------------------------------------


def _centroids(train_features, train_labels):
    classes = np.unique(train_labels)
    return classes, np.stack([train_features[train_labels == k].mean(axis=0) for k in classes])


def _centroid_farthest(train_features, train_labels, test_features):
    classes, centroids = _centroids(train_features, train_labels)
    distances = ((test_features[:, None] - centroids[None]) ** 2).sum(axis=2)
    return classes[distances.argmax(axis=1)]


def _centroid_dot_product(train_features, train_labels, test_features):
    classes, centroids = _centroids(train_features, train_labels)
    return classes[(test_features @ centroids.T).argmax(axis=1)]


def _centroid_manhattan(train_features, train_labels, test_features):
    classes, centroids = _centroids(train_features, train_labels)
    distances = np.abs(test_features[:, None] - centroids[None]).sum(axis=2)
    return classes[distances.argmin(axis=1)]


def _nearest_neighbour(train_features, train_labels, test_features):
    distances = ((test_features[:, None] - train_features[None]) ** 2).sum(axis=2)
    return train_labels[distances.argmin(axis=1)]


def _centroid_global_mean(train_features, train_labels, test_features):
    # Resta la media de todos los datos antes de medir: desplaza los centroides, no los datos.
    classes, centroids = _centroids(train_features, train_labels)
    centroids = centroids - train_features.mean(axis=0)
    distances = ((test_features[:, None] - centroids[None]) ** 2).sum(axis=2)
    return classes[distances.argmin(axis=1)]


MISTAKES = [
    Mistake(
        "dia-029.1",
        "modifica y devuelve la misma red",
        _transfer_without_copy,
        r"Devuelves la misma red",
    ),
    Mistake(
        "dia-029.1",
        "copy.copy en vez de copy.deepcopy",
        _transfer_shallow_copy,
        r"Has modificado la red original",
    ),
    Mistake(
        "dia-029.1",
        "base.requires_grad = False",
        _transfer_attribute,
        r"requires_grad_\(False\) \(con guion bajo\)",
    ),
    Mistake(
        "dia-029.1",
        "base.eval() en vez de congelar",
        _transfer_eval_instead_of_freeze,
        r"sigue con requires_grad=True",
    ),
    Mistake(
        "dia-029.1",
        "congela solo la convolución",
        _transfer_only_first_layer,
        r"congelada entera",
    ),
    Mistake(
        "dia-029.1",
        "cabeza con out_features entradas",
        _transfer_head_from_out_features,
        r"rasgos de la base",
    ),
    Mistake("dia-029.1", "deja la cabeza del origen", _transfer_keeps_head, r"¿dejaste la cabeza"),
    Mistake(
        "dia-029.1",
        "congela también la cabeza nueva",
        _transfer_freezes_everything,
        r"La cabeza nueva está congelada",
    ),
    Mistake(
        "dia-029.1",
        "una red nueva del mismo tipo",
        _transfer_new_network,
        r"no conserva los pesos preentrenados",
    ),
    Mistake("dia-029.2", "sin base.eval()", _features(evaluation=False), r"base\.eval\(\)"),
    Mistake("dia-029.2", "sin torch.no_grad()", _features(no_grad=False), r"torch\.no_grad"),
    Mistake("dia-029.2", "todo de una vez", _features(batched=False), r"no debe recibir más de 4"),
    Mistake(
        "dia-029.2",
        "pierde el último lote incompleto",
        _features(keep_last=False),
        r"último lote incompleto",
    ),
    Mistake("dia-029.3", "argmax de la distancia", _centroid_farthest, r"más lejano"),
    Mistake("dia-029.3", "producto escalar", _centroid_dot_product, r"producto escalar"),
    Mistake("dia-029.3", "distancia de Manhattan", _centroid_manhattan, r"Manhattan"),
    Mistake("dia-029.3", "vecino más próximo", _nearest_neighbour, r"ejemplo de entrenamiento más"),
    Mistake(
        "dia-029.3",
        "centroides centrados, datos sin centrar",
        _centroid_global_mean,
        r"predicciones no coinciden",
    ),
]
