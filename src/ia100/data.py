"""Datos del curso: descargas seguras y cargadores con alternativa sin conexión.

Para qué sirve:

- :func:`download` baja un fichero a una caché local, comprueba su suma SHA-256 y lo escribe de
  forma atómica (una descarga interrumpida nunca deja un fichero corrupto que luego se dé por
  bueno);
- los cargadores (:func:`load_iris`, :func:`load_mnist`, :func:`load_cats_vs_dogs`) conservan el camino real en línea y,
  si no hay conexión, usan datos que el curso genera o que trae scikit-learn, con la misma forma
  que espera el cuaderno y avisando en una línea.

Para qué NO sirve: no preprocesa ni divide los datos para la lección (eso se enseña en cada
cuaderno) ni dibuja nada.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ia100.env import go_offline, is_offline
from ia100.images import Images, make_pets

__all__ = [
    "ChecksumError",
    "OfflineError",
    "Tabular",
    "cache_dir",
    "download",
    "load_cats_vs_dogs",
    "load_iris",
    "load_mnist",
    "sha256_file",
]

CACHE_VAR = "IA100_CACHE"
MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
MNIST_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


class OfflineError(ConnectionError):
    """No se pudo descargar (sin conexión o modo sin conexión activo)."""


class ChecksumError(ValueError):
    """El fichero descargado no tiene la suma SHA-256 esperada."""


def cache_dir() -> Path:
    """Carpeta de la caché de descargas: ``$IA100_CACHE`` o ``~/.cache/ia100``. La crea si falta."""
    path = Path(os.environ.get(CACHE_VAR) or Path.home() / ".cache" / "ia100")
    path.mkdir(parents=True, exist_ok=True)
    return path


def sha256_file(path: str | os.PathLike) -> str:
    """Calcula la suma SHA-256 (en hexadecimal) de un fichero, leyéndolo por bloques."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No existe el fichero {path}.")
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def download(
    url: str,
    *,
    sha256: str | None,
    filename: str | None = None,
    directory: str | os.PathLike | None = None,
    timeout: float = 30.0,
) -> Path:
    """Descarga ``url`` a la caché, verifica su SHA-256 y devuelve la ruta local.

    - Si el fichero ya está en la caché y su suma coincide, no descarga nada.
    - Si está pero su suma no coincide (quedó corrupto), lo borra y lo vuelve a bajar.
    - Escribe primero en un temporal de la misma carpeta y solo lo renombra al nombre final
      cuando la suma es correcta: un corte a mitad nunca deja un fichero que luego se crea bueno.

    Args:
        url: dirección ``http(s)://`` del fichero.
        sha256: suma SHA-256 esperada (64 caracteres hexadecimales). ``None`` solo para
            ficheros cuya suma publicada no se conoce: la primera descarga anota su suma junto
            al fichero (``nombre.sha256``) y los usos siguientes la comprueban contra esa nota.
        filename: nombre en la caché (por defecto, el final de la URL).
        directory: carpeta de la caché (por defecto, :func:`cache_dir`).
        timeout: segundos de espera máximos de la conexión (mayor que 0).

    Raises:
        ValueError: URL, suma o tiempo de espera no válidos.
        OfflineError: sin conexión, o modo sin conexión activo (la sesión pasa a ese modo).
        ChecksumError: lo descargado no coincide con la suma esperada.
    """
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ValueError(f"La URL debe empezar por http:// o https://, no {url!r}.")
    if sha256 is not None:
        sha256 = str(sha256).lower()
        if not _SHA_RE.match(sha256):
            raise ValueError("La suma SHA-256 debe tener 64 caracteres hexadecimales.")
    if not timeout > 0:
        raise ValueError(f"El tiempo de espera debe ser positivo, no {timeout!r}.")
    folder = Path(directory) if directory is not None else cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (filename or url.rstrip("/").rsplit("/", 1)[-1])
    note = target.with_name(target.name + ".sha256")  # suma anotada en la primera descarga
    if sha256 is None and note.exists():
        sha256 = note.read_text().strip()
    if target.exists():
        if sha256 is not None and sha256_file(target) == sha256:
            return target
        target.unlink()  # corrupto, de otra versión o sin suma con que comprobarlo
    if is_offline():
        raise OfflineError(f"Modo sin conexión: no se descarga {url}.")

    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.", delete=False)
    tmp = Path(handle.name)
    digest = hashlib.sha256()
    try:
        with handle, urllib.request.urlopen(url, timeout=timeout) as response:
            expected = response.headers.get("Content-Length")
            received = 0
            for block in iter(lambda: response.read(1 << 20), b""):
                digest.update(block)
                handle.write(block)
                received += len(block)
            if expected is not None and received != int(expected):
                raise ConnectionError(f"descarga interrumpida ({received} de {expected} bytes)")
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        tmp.unlink(missing_ok=True)
        go_offline(f"no se pudo descargar {url}: {error}")
        raise OfflineError(f"No se pudo descargar {url}: {error}") from error
    if sha256 is None:
        note.write_text(digest.hexdigest() + "\n")
    elif digest.hexdigest() != sha256:
        tmp.unlink(missing_ok=True)
        raise ChecksumError(
            f"La suma SHA-256 de {url} no coincide: se esperaba {sha256} y llegó "
            f"{digest.hexdigest()}. El fichero se ha descartado."
        )
    os.replace(tmp, target)
    return target


class Tabular(NamedTuple):
    """Un conjunto tabular: matriz ``X`` (n, d), etiquetas ``y`` (n,) y sus nombres."""

    X: np.ndarray
    y: np.ndarray
    feature_names: list[str]
    target_names: list[str]


_IRIS_FEATURES_ES = [
    "largo del sépalo (cm)",
    "ancho del sépalo (cm)",
    "largo del pétalo (cm)",
    "ancho del pétalo (cm)",
]


def load_iris() -> Tabular:
    """Carga Iris (150 flores, 4 medidas, 3 especies), incluido en scikit-learn: no descarga nada.

    Returns:
        ``Tabular(X, y, feature_names, target_names)`` con nombres de medidas en español.

    Se usa en: día 010, laboratorio 01.
    """
    from sklearn.datasets import load_iris as sk_load_iris

    iris = sk_load_iris()
    return Tabular(
        X=iris.data.astype(np.float64),
        y=iris.target.astype(np.int64),
        feature_names=list(_IRIS_FEATURES_ES),
        target_names=[str(name) for name in iris.target_names],
    )


def _digits_as_mnist(test_fraction: float = 0.2, seed: int = 0):
    """Convierte los dígitos 8×8 de scikit-learn en imágenes 28×28 ``uint8`` como las de MNIST."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = digits.images / 16.0  # (n, 8, 8) en [0, 1]
    # Cada píxel se agranda a 3×3 (24×24) y se añade un marco de 2 píxeles (28×28):
    # MNIST también centra cada dígito en una caja de 20×20 con margen negro.
    big = np.kron(images, np.ones((3, 3)))
    big = np.pad(big, ((0, 0), (2, 2), (2, 2)))
    x = np.clip(np.rint(big * 255), 0, 255).astype(np.uint8)
    y = digits.target.astype(np.uint8)
    order = np.random.default_rng(seed).permutation(len(x))
    n_test = int(round(len(x) * test_fraction))
    test, train = order[:n_test], order[n_test:]
    return (x[train], y[train]), (x[test], y[test])


def load_mnist(
    *, offline: bool | None = None
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Carga MNIST como ``keras.datasets.mnist.load_data()``: ``(x_train, y_train), (x_test, y_test)``.

    Imágenes ``uint8`` de forma (n, 28, 28) con valores 0–255 y etiquetas ``uint8`` 0–9.

    - En línea: descarga ``mnist.npz`` (60 000 + 10 000 imágenes) con caché y suma SHA-256.
    - Sin conexión (modo activo, ``offline=True`` o fallo de descarga): usa los 1 797 dígitos
      de scikit-learn, agrandados a 28×28, divididos 80/20. Mismas formas y tipos; menos datos.

    Args:
        offline: forzar (``True``) o impedir (``False``) el modo sin conexión; ``None`` decide solo.

    Se usa en: días 011 y 012.
    """
    use_local = is_offline() if offline is None else offline
    if not use_local:
        try:
            path = download(MNIST_URL, sha256=MNIST_SHA256)
            with np.load(path, allow_pickle=False) as data:
                print("🔢 MNIST real: 60 000 imágenes de entrenamiento y 10 000 de prueba.")
                return (data["x_train"], data["y_train"]), (data["x_test"], data["y_test"])
        except OfflineError:
            pass
    (x_train, y_train), (x_test, y_test) = _digits_as_mnist()
    print(
        f"📴 Sin conexión: en lugar de MNIST uso los dígitos de scikit-learn agrandados a 28×28 "
        f"({len(x_train)} de entrenamiento, {len(x_test)} de prueba)."
    )
    return (x_train, y_train), (x_test, y_test)


CATS_DOGS_URL = "https://storage.googleapis.com/mledu-datasets/cats_and_dogs_filtered.zip"
# Google no publica la suma de este fichero (68 606 236 bytes): la primera descarga la anota en
# la caché y las siguientes la comprueban (véase ``download``). Si la conoces, fíjala aquí.
CATS_DOGS_SHA256: str | None = None


def _read_photos(folder: Path, size: int, limit: int | None, seed: int):
    """Lee ``folder/cats`` y ``folder/dogs`` como un :class:`Images` de ``size``×``size``."""
    from PIL import Image

    files = [(p, 0) for p in sorted((folder / "cats").glob("*.jpg"))]
    files += [(p, 1) for p in sorted((folder / "dogs").glob("*.jpg"))]
    order = np.random.default_rng(seed).permutation(len(files))
    if limit is not None:
        order = order[:limit]
    x = np.empty((len(order), size, size, 3), dtype=np.uint8)
    y = np.empty(len(order), dtype=np.int64)
    for row, i in enumerate(order):
        path, label = files[i]
        with Image.open(path) as img:
            img = img.convert("RGB")
            side = min(img.size)  # recorte cuadrado centrado y reducción
            left, top = (img.width - side) // 2, (img.height - side) // 2
            img = img.crop((left, top, left + side, top + side)).resize((size, size))
            x[row] = np.asarray(img)
        y[row] = label
    return Images(x=x, y=y, class_names=["gato", "perro"])


def load_cats_vs_dogs(
    *,
    size: int = 64,
    n_train: int | None = None,
    n_test: int | None = None,
    offline: bool | None = None,
    seed: int = 0,
) -> tuple[Images, Images]:
    """Carga perros y gatos como dos :class:`~ia100.images.Images` ``(train, test)``.

    Etiquetas: 0 = gato, 1 = perro. Imágenes ``uint8`` (n, size, size, 3).

    - En línea: las fotos de ``cats_and_dogs_filtered.zip`` de Google (2 000 de entrenamiento y
      1 000 de validación, unos 69 MB), con caché y suma SHA-256; cada foto se recorta al
      cuadrado central y se reduce a ``size``.
    - Sin conexión (modo activo, ``offline=True`` o fallo de descarga): caras de perros y gatos
      dibujadas por :func:`~ia100.images.make_pets` (2 000 + 1 000 si no se piden otras cifras).

    Args:
        size: lado de las imágenes en píxeles.
        n_train: cuántas imágenes de entrenamiento (``None``: todas, o 2 000 dibujadas).
        n_test: cuántas de prueba (``None``: todas, o 1 000 dibujadas).
        offline: forzar (``True``) o impedir (``False``) el modo sin conexión; ``None`` decide solo.
        seed: semilla del barajado (y del dibujo, sin conexión).

    Se usa en: día 026 y laboratorio 03.
    """
    use_local = is_offline() if offline is None else offline
    if not use_local:
        try:
            archive = download(CATS_DOGS_URL, sha256=CATS_DOGS_SHA256)
            root = archive.parent / "cats_and_dogs_filtered"
            if not (root / "validation" / "dogs").is_dir():
                import zipfile

                with zipfile.ZipFile(archive) as zipped:
                    zipped.extractall(archive.parent)
            train = _read_photos(root / "train", size, n_train, seed)
            test = _read_photos(root / "validation", size, n_test, seed + 1)
            print(f"🐾 Fotos reales: {len(train.x)} de entrenamiento y {len(test.x)} de prueba.")
            return train, test
        except OfflineError:
            pass
    n_train = 2000 if n_train is None else n_train
    n_test = 1000 if n_test is None else n_test
    train = make_pets(n_train, size=size, seed=seed)
    test = make_pets(n_test, size=size, seed=seed + 10_000)
    print(
        f"📴 Sin conexión: en lugar de las fotos uso caras de perros y gatos dibujadas "
        f"({n_train} de entrenamiento, {n_test} de prueba)."
    )
    return train, test
