"""Pruebas de ia100.io y ia100.datasets: descargas seguras y cargadores con alternativa sin conexión."""

from __future__ import annotations

import hashlib
import http.server
import threading
from pathlib import Path

import numpy as np
import pytest

import ia100
from ia100 import env, io
from ia100.datasets import vision

PAYLOAD = b"100 dias de IA\n" * 1000
PAYLOAD_SHA = hashlib.sha256(PAYLOAD).hexdigest()


@pytest.fixture
def online(monkeypatch):
    """Sesión «con conexión»: sin bandera y sin fallos previos."""
    monkeypatch.setattr(env, "_state", {"offline_reason": None})
    monkeypatch.setenv("IA100_OFFLINE", "")


@pytest.fixture
def server():
    """Un servidor HTTP local (127.0.0.1) que sirve PAYLOAD en /datos.bin y corta en /corte.bin."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (nombre impuesto por http.server)
            if self.path == "/datos.bin":
                self.send_response(200)
                self.send_header("Content-Length", str(len(PAYLOAD)))
                self.end_headers()
                self.wfile.write(PAYLOAD)
            elif self.path == "/corte.bin":  # anuncia más bytes de los que envía
                self.send_response(200)
                self.send_header("Content-Length", str(len(PAYLOAD)))
                self.end_headers()
                self.wfile.write(PAYLOAD[:100])
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_cache_dir_honours_env(tmp_path, monkeypatch):
    monkeypatch.setenv("IA100_CACHE", str(tmp_path / "cache"))
    assert ia100.cache_dir() == tmp_path / "cache" and (tmp_path / "cache").is_dir()


def test_sha256_file(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(PAYLOAD)
    assert ia100.sha256_file(path) == PAYLOAD_SHA
    with pytest.raises(FileNotFoundError, match="No existe"):
        ia100.sha256_file(tmp_path / "no.bin")


def test_download_verifies_and_caches(online, server, tmp_path):
    path = ia100.download(f"{server}/datos.bin", sha256=PAYLOAD_SHA, directory=tmp_path)
    assert path.read_bytes() == PAYLOAD
    mtime = path.stat().st_mtime_ns
    again = ia100.download(f"{server}/datos.bin", sha256=PAYLOAD_SHA, directory=tmp_path)
    assert again == path and path.stat().st_mtime_ns == mtime  # servido desde la caché


def test_download_replaces_corrupt_cached_file(online, server, tmp_path):
    (tmp_path / "datos.bin").write_bytes(b"corrupto")
    path = ia100.download(f"{server}/datos.bin", sha256=PAYLOAD_SHA, directory=tmp_path)
    assert path.read_bytes() == PAYLOAD


def test_download_bad_checksum_leaves_nothing(online, server, tmp_path):
    with pytest.raises(ia100.ChecksumError, match="no coincide"):
        ia100.download(f"{server}/datos.bin", sha256="0" * 64, directory=tmp_path)
    assert list(tmp_path.iterdir()) == []  # ni el fichero final ni temporales


def test_interrupted_download_leaves_no_file(online, server, tmp_path, capsys):
    with pytest.raises(ia100.OfflineError):
        ia100.download(f"{server}/corte.bin", sha256=PAYLOAD_SHA, directory=tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert ia100.is_offline()  # un fallo de descarga activa el modo sin conexión
    assert "Sin conexión" in capsys.readouterr().out


def test_download_unreachable_host_goes_offline(online, tmp_path):
    with pytest.raises(ia100.OfflineError, match="No se pudo descargar"):
        ia100.download(
            "http://127.0.0.1:9/nada.bin", sha256=PAYLOAD_SHA, directory=tmp_path, timeout=2
        )
    assert ia100.is_offline()


def test_download_respects_offline_mode(monkeypatch, tmp_path):
    monkeypatch.setenv("IA100_OFFLINE", "1")
    with pytest.raises(ia100.OfflineError, match="Modo sin conexión"):
        ia100.download("https://example.org/x.bin", sha256=PAYLOAD_SHA, directory=tmp_path)


@pytest.mark.parametrize(
    ("url", "sha", "timeout", "message"),
    [
        ("ftp://x/y", PAYLOAD_SHA, 5, "http"),
        ("https://x/y", "abc", 5, "64 caracteres"),
        ("https://x/y", PAYLOAD_SHA, 0, "positivo"),
    ],
)
def test_download_rejects_bad_arguments(url, sha, timeout, message, tmp_path):
    with pytest.raises(ValueError, match=message):
        ia100.download(url, sha256=sha, directory=tmp_path, timeout=timeout)


def test_load_iris_shapes_and_names():
    iris = ia100.load_iris()
    assert iris.X.shape == (150, 4) and iris.y.shape == (150,)
    assert set(np.unique(iris.y)) == {0, 1, 2}
    assert iris.target_names == ["setosa", "versicolor", "virginica"]
    assert all("(cm)" in name for name in iris.feature_names)


def test_load_mnist_offline_matches_keras_shapes(capsys):
    (x_train, y_train), (x_test, y_test) = ia100.load_mnist(offline=True)
    assert x_train.dtype == np.uint8 and x_train.shape[1:] == (28, 28)
    assert x_test.shape[1:] == (28, 28) and y_train.dtype == np.uint8
    assert len(x_train) + len(x_test) == 1797 and len(x_test) == 359
    assert x_train.max() == 255 and x_train.min() == 0
    assert set(np.unique(y_train)) == set(range(10))
    # El marco de 2 píxeles está vacío, como en MNIST.
    assert x_train[:, :2, :].max() == 0 and x_train[:, :, -2:].max() == 0
    assert "Sin conexión" in capsys.readouterr().out


def test_load_mnist_falls_back_when_download_fails(online, monkeypatch, capsys):
    def fail(*args, **kwargs):
        raise ia100.OfflineError("red caída (simulada)")

    monkeypatch.setattr(io, "download", fail)
    (x_train, _), _ = ia100.load_mnist()
    assert x_train.shape[1:] == (28, 28)
    assert "scikit-learn" in capsys.readouterr().out


def test_load_mnist_reads_real_file_when_download_works(online, monkeypatch, tmp_path):
    fake = tmp_path / "mnist.npz"
    rng = np.random.default_rng(0)
    arrays = {
        "x_train": rng.integers(0, 256, (6, 28, 28), dtype=np.uint8),
        "y_train": np.arange(6, dtype=np.uint8),
        "x_test": rng.integers(0, 256, (2, 28, 28), dtype=np.uint8),
        "y_test": np.arange(2, dtype=np.uint8),
    }
    np.savez(fake, **arrays)
    calls = {}

    def fake_download(url, *, sha256, **kwargs):
        calls.update(url=url, sha256=sha256)
        return Path(fake)

    monkeypatch.setattr(io, "download", fake_download)
    (x_train, y_train), (x_test, y_test) = ia100.load_mnist()
    assert calls == {"url": vision.MNIST_URL, "sha256": vision.MNIST_SHA256}
    assert np.array_equal(x_train, arrays["x_train"]) and np.array_equal(y_test, arrays["y_test"])


def test_load_cats_vs_dogs_offline_draws_pets(capsys):
    train, test = ia100.load_cats_vs_dogs(size=24, n_train=10, n_test=6)
    assert train.x.shape == (10, 24, 24, 3) and test.x.shape == (6, 24, 24, 3)
    assert train.class_names == test.class_names == ["gato", "perro"]
    assert not np.array_equal(train.x[:6], test.x)  # prueba y entrenamiento no se repiten
    assert "Sin conexión" in capsys.readouterr().out


def _fake_cats_dogs_zip(path: Path) -> Path:
    """Un ZIP con la estructura de cats_and_dogs_filtered.zip y fotos JPEG diminutas."""
    import zipfile
    from io import BytesIO

    from PIL import Image

    with zipfile.ZipFile(path, "w") as archive:
        for split, n in (("train", 3), ("validation", 2)):
            for kind, colour in (("cats", (200, 10, 10)), ("dogs", (10, 10, 200))):
                for i in range(n):
                    buffer = BytesIO()
                    Image.new("RGB", (40 + 10 * i, 30), colour).save(buffer, "JPEG")
                    name = f"cats_and_dogs_filtered/{split}/{kind}/{kind[:-1]}.{i}.jpg"
                    archive.writestr(name, buffer.getvalue())
    return path


def test_load_cats_vs_dogs_reads_real_photos_when_download_works(
    online, monkeypatch, tmp_path, capsys
):
    archive = _fake_cats_dogs_zip(tmp_path / "cats_and_dogs_filtered.zip")
    monkeypatch.setattr(io, "download", lambda url, **kwargs: archive)
    train, test = ia100.load_cats_vs_dogs(size=16)
    assert train.x.shape == (6, 16, 16, 3) and test.x.shape == (4, 16, 16, 3)
    assert sorted(train.y.tolist()) == [0, 0, 0, 1, 1, 1]
    red = train.x[..., 0].mean(axis=(1, 2)) > train.x[..., 2].mean(axis=(1, 2))
    assert np.array_equal(red, train.y == 0)  # gatos rojos = etiqueta 0, perros azules = 1
    assert "Fotos reales" in capsys.readouterr().out
    limited, _ = ia100.load_cats_vs_dogs(size=16, n_train=4, n_test=1)
    assert len(limited.x) == 4


def test_damaged_cats_vs_dogs_zip_is_discarded_and_falls_back(
    online, monkeypatch, tmp_path, capsys
):
    archive = tmp_path / "cats_and_dogs_filtered.zip"
    archive.write_bytes(b"esto no es un zip")
    archive.with_name(archive.name + ".sha256").write_text("0" * 64)
    monkeypatch.setattr(io, "download", lambda url, **kwargs: archive)
    train, _ = ia100.load_cats_vs_dogs(size=20, n_train=4, n_test=2)
    assert train.x.shape == (4, 20, 20, 3) and "dibujadas" in capsys.readouterr().out
    assert not archive.exists() and not archive.with_name(archive.name + ".sha256").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # ni zip, ni nota, ni carpetas a medias


def test_zip_without_the_expected_folder_leaves_nothing_half_extracted(tmp_path):
    import zipfile

    archive = tmp_path / "otro.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("otra_carpeta/a.txt", "hola")
    with pytest.raises(ia100.OfflineError, match="dañado"):
        vision._extract_once(archive, "cats_and_dogs_filtered")
    assert list(tmp_path.iterdir()) == []


def test_load_cats_vs_dogs_falls_back_when_download_fails(online, monkeypatch, capsys):
    def fail(*args, **kwargs):
        raise ia100.OfflineError("red caída (simulada)")

    monkeypatch.setattr(io, "download", fail)
    train, _ = ia100.load_cats_vs_dogs(size=20, n_train=4, n_test=2)
    assert train.x.shape == (4, 20, 20, 3)
    assert "dibujadas" in capsys.readouterr().out


def test_download_without_published_checksum_records_it(online, server, tmp_path):
    path = ia100.download(f"{server}/datos.bin", sha256=None, directory=tmp_path)
    note = path.with_name(path.name + ".sha256")
    assert note.read_text().strip() == PAYLOAD_SHA
    path.write_bytes(b"corrupto")  # la siguiente llamada lo detecta con la suma anotada
    assert (
        ia100.download(f"{server}/datos.bin", sha256=None, directory=tmp_path).read_bytes()
        == PAYLOAD
    )
