"""El libro se construye sin un solo aviso (avisos = errores, modo quisquilloso).

Para no ejecutar dos veces cada cuaderno en la misma pasada de pruebas, aquí se construye con la
ejecución desactivada: nbmake ya los ejecuta todos en esta misma orden (`make test`), y
`make book` los ejecuta de verdad, con caché, para el sitio publicado.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_book_builds_without_warnings(tmp_path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["execute_notebooks"] = "off"
    config_path = tmp_path / "_config.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    jb = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run(
        [
            str(jb),
            "build",
            str(ROOT),
            "--config",
            str(config_path),
            "--path-output",
            str(tmp_path),
            "--warningiserror",
            "--nitpick",
            "--keep-going",
            "--all",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    log = result.stdout[-6000:] + result.stderr[-6000:]
    assert result.returncode == 0, log
    html = tmp_path / "_build" / "html"
    assert (html / "index.html").exists()  # redirige a la portada, intro.html
    days = sorted(p.name for p in (html / "chapters" / "parte-1-fundamentos").glob("dia-*.html"))
    assert len(days) == len(list((ROOT / "chapters" / "parte-1-fundamentos").glob("dia-*.ipynb")))
    day = (html / "chapters" / "parte-1-fundamentos" / days[0]).read_text(encoding="utf-8")
    assert 'lang="es"' in (html / "intro.html").read_text(encoding="utf-8")
    assert "colab.research.google.com" in day  # botón de lanzamiento a Colab
    assert "mybinder.org" not in day  # sin Binder: no puede con el entorno del curso
    assert "codespaces.new" in day  # y el icono de Codespaces
    assert "# Comprobación del día" not in day  # la celda de comprobación no se publica
    solutions = (html / "exercises" / "soluciones" / "dia-001-soluciones.html").read_text(
        encoding="utf-8"
    )
    assert "tag_hide-input" in solutions  # las soluciones, plegadas tras un botón
