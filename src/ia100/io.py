"""Entrada y salida de ficheros del curso: caché de descargas, sumas SHA-256 y descarga segura.

Para qué sirve: :func:`download` baja un fichero a una caché local (:func:`cache_dir`),
comprueba su suma SHA-256 (:func:`sha256_file`) y lo escribe de forma atómica: una descarga
interrumpida nunca deja un fichero corrupto que luego se dé por bueno. Sin conexión lanza
:class:`OfflineError`, que los cargadores convierten en su alternativa sin conexión.

Para qué NO sirve: no sabe nada de conjuntos de datos concretos (eso está en
:mod:`ia100.datasets`) ni de los ficheros que el paquete trae consigo (:mod:`ia100.assets`).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from ia100.env import go_offline, is_offline

__all__ = ["CACHE_VAR", "ChecksumError", "OfflineError", "cache_dir", "download", "sha256_file"]

CACHE_VAR = "IA100_CACHE"
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
