"""Conjuntos de imágenes del curso, con su camino real en línea y su alternativa sin conexión.

Para qué sirve: :func:`load_mnist` y :func:`load_cats_vs_dogs` descargan (con caché y suma
SHA-256, mediante :func:`ia100.io.download`) y, si no hay conexión, devuelven datos de la misma
forma que el curso genera (:mod:`ia100.synth`) o que trae scikit-learn, avisando en una línea.

Para qué NO sirve: no preprocesa, no aumenta ni divide los datos para la lección, ni dibuja.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ia100 import io
from ia100.env import is_offline
from ia100.io import OfflineError
from ia100.synth.pets import Images, make_pets

__all__ = ["CATS_DOGS_URL", "MNIST_URL", "load_cats_vs_dogs", "load_mnist"]

MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
MNIST_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"


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
            path = io.download(MNIST_URL, sha256=MNIST_SHA256)
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


def _extract_once(archive: Path, name: str) -> Path:
    """Extrae ``archive`` (un zip con la carpeta ``name``) junto a él, una sola vez y de forma atómica.

    Extrae en una carpeta temporal y solo la renombra al final: un corte a mitad nunca deja una
    carpeta incompleta que luego se lea como buena. Un zip dañado se borra de la caché (la
    próxima vez se descarga de nuevo) y se trata como falta de conexión.
    """
    import shutil
    import tempfile
    import zipfile

    root = archive.parent / name
    if root.is_dir():
        return root
    tmp = Path(tempfile.mkdtemp(dir=archive.parent, prefix=f".{name}."))
    try:
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(tmp)
        if not (tmp / name).is_dir():
            raise zipfile.BadZipFile(f"el zip no contiene la carpeta {name}")
        (tmp / name).rename(root)
    except zipfile.BadZipFile as error:
        archive.unlink(missing_ok=True)
        archive.with_name(archive.name + ".sha256").unlink(missing_ok=True)
        raise OfflineError(f"{archive.name} está dañado ({error}); lo he borrado.") from error
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return root


def load_cats_vs_dogs(
    *,
    size: int = 64,
    n_train: int | None = None,
    n_test: int | None = None,
    offline: bool | None = None,
    seed: int = 0,
) -> tuple[Images, Images]:
    """Carga perros y gatos como dos :class:`~ia100.synth.Images` ``(train, test)``.

    Etiquetas: 0 = gato, 1 = perro. Imágenes ``uint8`` (n, size, size, 3).

    - En línea: las fotos de ``cats_and_dogs_filtered.zip`` de Google (2 000 de entrenamiento y
      1 000 de validación, unos 69 MB), con caché y suma SHA-256; cada foto se recorta al
      cuadrado central y se reduce a ``size``.
    - Sin conexión (modo activo, ``offline=True`` o fallo de descarga): caras de perros y gatos
      dibujadas por :func:`~ia100.synth.make_pets` (2 000 + 1 000 si no se piden otras cifras).

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
            archive = io.download(CATS_DOGS_URL, sha256=CATS_DOGS_SHA256)
            root = _extract_once(archive, "cats_and_dogs_filtered")
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
