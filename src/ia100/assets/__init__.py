"""Ficheros que el paquete trae consigo (pesos de modelos pequeños, listas, corpus) y su manifiesto.

Para qué sirve: :func:`path` devuelve la ruta de un fichero incluido en el paquete (leído con
:mod:`importlib.resources`, así que funciona instalado desde una rueda o desde ``git+…``) tras
comprobar su suma SHA-256 contra ``MANIFEST.json``; :func:`manifest` lista cada fichero con su
suma, tamaño, licencia y la orden que lo produjo; :func:`verify` los comprueba todos.

Cómo se añade un fichero: se genera con un script del repositorio (o se escribe a mano, y se
dice), se copia bajo ``src/ia100/assets/`` y se anota con ``python scripts/assets.py add …``;
``python scripts/assets.py check`` comprueba que el manifiesto y los ficheros coinciden. Los
ficheros grandes (más de unos pocos MB) no van aquí: se publican aparte y se descargan con
:func:`ia100.io.download` y su suma.

Para qué NO sirve: no descarga nada ni interpreta el contenido de los ficheros (eso lo hacen los
subpaquetes que los usan, como :mod:`ia100.text`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["Asset", "AssetError", "manifest", "path", "verify"]

MANIFEST = "MANIFEST.json"


class AssetError(RuntimeError):
    """Un fichero del paquete falta, no está en el manifiesto o no tiene la suma anotada."""


@dataclass(frozen=True)
class Asset:
    """Una entrada del manifiesto."""

    file: str  # ruta relativa a ia100/assets, con «/»
    sha256: str
    size: int  # bytes
    license: str
    command: str  # la orden que lo produjo (o «escrito a mano …»)
    description: str


def _root():
    return resources.files(__name__)


@cache
def manifest() -> dict[str, Asset]:
    """Las entradas de ``MANIFEST.json``, por nombre de fichero."""
    entries = json.loads(_root().joinpath(MANIFEST).read_text(encoding="utf-8"))["files"]
    return {e["file"]: Asset(**e) for e in entries}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def path(name: str) -> Path:
    """Ruta de un fichero del paquete, tras comprobar su suma SHA-256 y su tamaño.

    Args:
        name: su nombre en el manifiesto, por ejemplo ``"text/stopwords-es.txt"``.

    Raises:
        AssetError: si no está en el manifiesto, falta en la instalación o no coincide.
    """
    entry = manifest().get(name)
    if entry is None:
        known = ", ".join(sorted(manifest())) or "ninguno"
        raise AssetError(f"«{name}» no está en el manifiesto de ia100. Ficheros: {known}.")
    resource = _root().joinpath(*name.split("/"))
    if not resource.is_file():
        raise AssetError(f"Falta {name} en la instalación de ia100: reinstala el paquete.")
    data = resource.read_bytes()
    if len(data) != entry.size or _sha256(data) != entry.sha256:
        raise AssetError(
            f"{name} no coincide con el manifiesto (tamaño {len(data)} frente a {entry.size} "
            "bytes, o suma distinta): reinstala el paquete."
        )
    return Path(str(resource))


def verify() -> list[str]:
    """Comprueba todos los ficheros del manifiesto y devuelve sus nombres (lanza AssetError si no)."""
    names = sorted(manifest())
    for name in names:
        path(name)
    return names
