"""Los ficheros que trae el paquete: dentro de la rueda, iguales al manifiesto, verificados al leerlos."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import assets as assets_script
import ia100.nlp
from ia100 import assets

ROOT = Path(__file__).resolve().parents[1]


def test_manifest_and_files_agree():
    assert assets_script.problems(assets_script.read()) == []
    entries = assets.manifest()
    assert entries, "el manifiesto está vacío"
    for entry in entries.values():
        assert entry.license and entry.command and entry.description
    assert assets.verify() == sorted(entries)


def test_wheel_carries_every_asset_with_its_checksum(tmp_path):
    source = tmp_path / "fuente"  # una copia: construir no debe ensuciar el repositorio
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
        + ["--disable-pip-version-check", "-w", str(tmp_path / "dist"), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("ia100-*.whl")
    with zipfile.ZipFile(wheel) as zipped:
        names = set(zipped.namelist())
        manifest = json.loads(zipped.read("ia100/assets/MANIFEST.json"))["files"]
        assert manifest, "la rueda trae un manifiesto vacío"
        for entry in manifest:
            data = zipped.read(f"ia100/assets/{entry['file']}")
            assert len(data) == entry["size"], entry["file"]
            assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file"]
    assert {"ia100/nlp/__init__.py", "ia100/synth/pets.py", "ia100/exercises/day001.py"} <= names


def test_path_refuses_unknown_or_tampered_files(monkeypatch):
    with pytest.raises(assets.AssetError, match="no está en el manifiesto"):
        assets.path("no/existe.bin")
    real = assets.manifest()
    name = sorted(real)[0]
    tampered = {name: real[name].__class__(**{**real[name].__dict__, "sha256": "0" * 64})}
    assets.path.cache_clear()
    monkeypatch.setattr(assets, "manifest", lambda: tampered)
    try:
        with pytest.raises(assets.AssetError, match="no coincide"):
            assets.path(name)
    finally:
        assets.path.cache_clear()


def test_spanish_stopwords():
    words = ia100.nlp.stopwords()
    assert isinstance(words, frozenset) and len(words) > 150
    assert {"de", "la", "que", "el", "en", "y", "no", "está", "también"} <= words
    assert all(w == w.strip().lower() and not w.startswith("#") for w in words)
    assert not {"casa", "perro", "bueno", "malo", "excelente"} & words  # palabras con contenido
