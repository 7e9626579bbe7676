"""Lleva la versión de pyproject.toml a la línea de instalación de cada cuaderno.

Cada cuaderno instala en Colab ``ia100 @ git+…@vX.Y.Z``: la etiqueta de una versión publicada,
no la rama ``main``, que se mueve. La versión se escribe una sola vez, en ``pyproject.toml``;
este script la copia a las celdas de preparación (conservando el extra de cada una, como
``ia100[vision]``) y el flujo ``.github/workflows/release.yml`` crea la etiqueta en GitHub.

Uso (solo mantenedores)::

    python scripts/release.py           # reescribe las celdas con la versión de pyproject.toml
    python scripts/release.py --check   # falla si alguna celda no la usa
    python scripts/release.py --tag     # crea y sube la etiqueta vX.Y.Z si falta (flujo de GitHub)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def tag() -> int:
    """Crea la etiqueta ``v<versión>`` en el commit actual y la sube, si aún no existe."""
    name = f"v{version()}"
    remote = subprocess.run(
        ["git", "ls-remote", "--tags", "origin", f"refs/tags/{name}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if remote.strip():
        print(f"La etiqueta {name} ya existe.")
        return 0
    subprocess.run(["git", "tag", name], cwd=ROOT, check=True)
    subprocess.run(["git", "push", "origin", name], cwd=ROOT, check=True)
    print(f"Etiqueta {name} creada.")
    return 0


def notebooks() -> list:
    return sorted(
        p
        for d in ("chapters", "labs", "exercises")
        for p in (ROOT / d).rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )


def pinned(source: str) -> str:
    """La celda con su línea de instalación apuntando a la versión actual."""
    from nbtools import INSTALL_RE, SETUP_URL

    def replace(match) -> str:
        return f'%pip install -q "ia100{match["extra"] or ""} @ {SETUP_URL}"'

    return INSTALL_RE.sub(replace, source)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="solo comprobar")
    parser.add_argument("--tag", action="store_true", help="crear la etiqueta de la versión")
    args = parser.parse_args(argv)
    if args.tag:
        return tag()
    import nbformat

    from nbtools import REPO_URL

    stale = []
    for path in notebooks():
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        cell = next(c for c in nb.cells if c.cell_type == "code")
        new = pinned(cell.source)
        if new != cell.source:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                cell.source = new
                nbformat.write(nb, path)
    verb = "desfasados" if args.check else "actualizados"
    print(f"{len(stale)} cuadernos {verb}; versión v{version()} de {REPO_URL}.")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
