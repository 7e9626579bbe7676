"""Utilidades de mantenimiento para cuadernos: crear un cuaderno a partir de una lista de celdas.

Uso típico desde otro script::

    from nbtools import md, code, write
    write("chapters/…/dia-001-….ipynb", [md("# Día 1 · …"), code("print(1)")])

Solo para mantenedores: los cuadernos se guardan sin salidas, con kernel Python 3.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
REPO_URL = "https://github.com/100-dias-de-ia/curso"  # como repository.url en _config.yml
#: La versión del paquete, escrita una sola vez en pyproject.toml.
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
#: Lo que instala Colab: la etiqueta de la versión publicada, no la rama main, que se mueve.
SETUP_URL = f"git+{REPO_URL}@v{VERSION}"
#: La línea de instalación de una celda de preparación, con o sin extra («ia100[vision] @ …»).
INSTALL_RE = re.compile(
    r'%pip install -q "ia100(?P<extra>\[[a-z,]+\])? @ git\+(?P<url>[^"@]+)(?:@(?P<ref>[^"]+))?"'
)
# En el sitio, las celdas con la solución (etiqueta hide-input) se pliegan tras este botón.
SOLUTION_PROMPTS = {
    "code_prompt_show": "Mostrar la solución",
    "code_prompt_hide": "Ocultar la solución",
}


def md(text: str, tags: list[str] | None = None):
    cell = nbformat.v4.new_markdown_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = tags
    return cell


def code(text: str, tags: list[str] | None = None):
    cell = nbformat.v4.new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = tags
    return cell


def install_line(extra: str | None = None) -> str:
    """La orden que instala ia100 (con un extra opcional, como ``"vision"``) en Colab."""
    name = f"ia100[{extra}]" if extra else "ia100"
    return f'%pip install -q "{name} @ {SETUP_URL}"'


def setup_cell(extra_imports: str = "", extra: str | None = None) -> nbformat.NotebookNode:
    """La celda de preparación estándar: instala ia100 solo si falta y llama a ia100.setup()."""
    probe = {"vision": "ultralytics", "nlp": "nltk"}.get(extra or "")
    if probe:  # un día con extra: se comprueba sin importarlo (algunos, como Ultralytics, se
        # configuran antes de importarse)
        body = (
            "# Preparación: en Colab instala el paquete del curso con su extra «" + extra + "»\n"
            "# (sin tocar torch ni tensorflow).\n"
            "import importlib.util\n\n"
            f'if importlib.util.find_spec("ia100") is None or importlib.util.find_spec("{probe}") is None:\n'
            f"    {install_line(extra)}\n"
            "import ia100\n"
        )
    else:
        body = (
            "# Preparación: en Colab instala el paquete del curso (sin tocar torch ni tensorflow).\n"
            "try:\n"
            "    import ia100\n"
            "except ImportError:\n"
            f"    {install_line(extra)}\n"
            "    import ia100\n"
        )
    if extra_imports.strip():
        body += "\n" + extra_imports.strip("\n") + "\n"
    body += "\nenv = ia100.setup()"
    return code(body)


def write(path: str | Path, cells: list) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    if Path(path).parent.name == "soluciones":
        nb.metadata["mystnb"] = dict(SOLUTION_PROMPTS)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i:03d}"
    nbformat.validate(nb)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


if __name__ == "__main__":
    sys.exit("Este módulo se importa desde otros scripts; no se ejecuta solo.")
