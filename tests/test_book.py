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


def test_parallel_pre_execution_feeds_the_book_cache(tmp_path):
    """scripts/book.py ejecuta los cuadernos en la caché que luego lee Jupyter Book, sin repetir."""
    import nbformat

    book = tmp_path / "libro"
    book.mkdir()
    (book / "_config.yml").write_text(
        "title: Prueba\nonly_build_toc_files: true\n"
        "execute:\n  execute_notebooks: cache\n  cache: _build/.jupyter_cache\n  timeout: 60\n"
        "  exclude_patterns: ['borrador-*']\n",
        encoding="utf-8",
    )
    (book / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nchapters:\n- file: uno\n- file: borrador-dos\n"
        "- file: estado\n",
        encoding="utf-8",
    )
    (book / "intro.md").write_text("# Portada\n", encoding="utf-8")
    (book / "estado.md").write_text("# Estado\n\n```{nb-exec-table}\n```\n", encoding="utf-8")
    counting = "from pathlib import Path\nwith Path('ejecuciones.txt').open('a') as f:\n    f.write('x')\nprint('hola desde la caché')"
    for name in ("uno", "borrador-dos"):
        nb = nbformat.v4.new_notebook(
            cells=[nbformat.v4.new_markdown_cell(f"# {name}"), nbformat.v4.new_code_cell(counting)]
        )
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nbformat.write(nb, book / f"{name}.ipynb")
    script = [
        sys.executable,
        str(ROOT / "scripts" / "book.py"),
        "--root",
        str(book),
        "--workers",
        "2",
    ]
    first = subprocess.run(script, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "1 cuadernos por ejecutar" in first.stdout  # el borrador está excluido
    assert (book / "ejecuciones.txt").read_text() == "x"
    again = subprocess.run([*script, "--list"], capture_output=True, text=True, timeout=300)
    assert "0 cuadernos por ejecutar" in again.stdout
    jb = Path(sys.executable).parent / "jupyter-book"
    built = subprocess.run(
        [str(jb), "build", "."], cwd=book, capture_output=True, text=True, timeout=300
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert (book / "ejecuciones.txt").read_text() == "x", "Jupyter Book volvió a ejecutarlo"
    html = book / "_build" / "html"
    assert "hola desde la caché" in (html / "uno.html").read_text(encoding="utf-8")
    status = (html / "estado.html").read_text(encoding="utf-8")
    assert "uno" in status and "cache" in status  # la tabla de estado lo lista
