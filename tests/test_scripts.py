"""Pruebas de las herramientas de mantenimiento (scripts/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

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
