"""Pruebas de las herramientas de mantenimiento (scripts/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _notebook(path: Path, source: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


def test_bench_times_each_notebook_and_flags_failures(tmp_path):
    good = _notebook(tmp_path / "bien.ipynb", "import os\nassert os.environ['IA100_FAST'] == '1'")
    bad = _notebook(tmp_path / "mal.ipynb", "raise RuntimeError('roto')")
    table = tmp_path / "bench.tsv"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "bench.py"),
            "--mode",
            "fast",
            "--out",
            str(table),
            str(good),
            str(bad),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr  # uno falla
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    assert [Path(r[0]).name for r in rows] == ["bien.ipynb", "mal.ipynb"]
    assert rows[0][2] == "ok" and rows[1][2].startswith("error")
    assert all(float(r[1]) > 0 for r in rows)
    assert "total" in result.stdout and "Los más lentos" in result.stdout


def test_course_selects_a_part_or_what_changed(tmp_path):
    import course

    assert course.pytest_args(None, None) == ["tests", "chapters", "labs"]
    part2 = course.pytest_args(2, None)
    assert part2[:2] == ["tests", "--days=" + ",".join(str(d) for d in range(13, 31))]
    assert (
        "labs/lab-03-perros-y-gatos.ipynb" in part2
        and "labs/lab-01-iris-desde-cero.ipynb" not in part2
    )
    assert all(p.startswith(("chapters/parte-2-cnn/", "labs/")) for p in part2[2:])
    assert "chapters/apendices/python-para-el-curso.ipynb" in course.pytest_args(1, None)
    assert course.part_of_day(31) == 3 and course.part_of_day(100) == 6
    with pytest.raises(SystemExit):
        course.pytest_args(9, None)


def test_course_maps_changed_files_to_notebooks_and_days(monkeypatch):
    import course

    changed = [
        "chapters/parte-2-cnn/dia-016-la-convolucion-en-imagenes.ipynb",
        "exercises/soluciones/dia-008-soluciones.ipynb",
        "src/ia100/exercises/day021.py",
        "tests/mistakes/day025.py",
        "labs/lab-03-perros-y-gatos.ipynb",
        "README.md",
    ]
    monkeypatch.setattr(course, "changed_files", lambda base: changed)
    books, days = course.changed_selection("main")
    assert books == [changed[0], changed[4]] and days == {8, 16, 21, 25}
    assert course.pytest_args(None, "main") == ["tests", "--days=8,16,21,25", *books]
    monkeypatch.setattr(course, "changed_files", lambda base: ["README.md"])
    assert course.pytest_args(None, "main") == ["tests", "--days=ninguno"]
