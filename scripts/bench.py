"""Mide cuánto tarda cada cuaderno del curso y lo compara con su presupuesto.

Ejecuta los cuadernos uno a uno (así cada medida usa la máquina entera), escribe una fila por
cuaderno en ``_build/bench-MODO.tsv`` (ruta, segundos, estado) e imprime el total y los más lentos.

Modos:

- ``fast``: como las pruebas (``IA100_FAST=1``, sin conexión). Presupuesto: 60 s por cuaderno.
- ``learner``: el modo por defecto del alumno en CPU (sin ``IA100_FAST``; sin conexión, porque
  las máquinas del proyecto no tienen internet). Presupuesto: 180 s por cuaderno.

Uso: ``python scripts/bench.py --mode fast [RUTAS…]``. Sale con código 1 si algún cuaderno falla
o se pasa de su presupuesto.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BUDGET = {"fast": 60.0, "learner": 180.0}


def notebooks() -> list[Path]:
    found = [
        *sorted((ROOT / "chapters").rglob("*.ipynb")),
        *sorted((ROOT / "labs").glob("*.ipynb")),
        *sorted((ROOT / "exercises" / "soluciones").glob("*.ipynb")),
    ]
    return [p for p in found if ".ipynb_checkpoints" not in p.parts]


def run(path: Path) -> tuple[float, str]:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    try:
        NotebookClient(
            nb,
            timeout=900,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        ).execute(stderr=subprocess.DEVNULL)  # registros de TensorFlow y de Jupyter: ruido aquí
        status = "ok"
    except Exception as error:  # se informa y se sigue con el resto
        status = f"error: {type(error).__name__}"
    return time.perf_counter() - start, status


def main() -> int:
    parser = argparse.ArgumentParser(description="Mide el tiempo de cada cuaderno.")
    parser.add_argument("--mode", choices=sorted(BUDGET), default="fast")
    parser.add_argument("paths", nargs="*", type=Path, help="cuadernos (por defecto, todos)")
    parser.add_argument(
        "--out", type=Path, help="tabla de resultados (por defecto, _build/bench-MODO.tsv)"
    )
    args = parser.parse_args()
    os.environ["IA100_OFFLINE"] = "1"
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
    if args.mode == "fast":
        os.environ["IA100_FAST"] = "1"
        os.environ["OMP_NUM_THREADS"] = "1"  # como en `make test`
    else:
        os.environ.pop("IA100_FAST", None)
    paths = [p.resolve() for p in args.paths] or notebooks()
    budget = BUDGET[args.mode]
    rows = []
    for path in paths:
        seconds, status = run(path)
        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        flag = "" if status == "ok" and seconds <= budget else "  ⚠️"
        print(f"{seconds:7.1f} s  {status:<6} {rel}{flag}", flush=True)
        rows.append((str(rel), seconds, status))
    out = args.out or ROOT / "_build" / f"bench-{args.mode}.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "cuaderno\tsegundos\testado\n" + "".join(f"{r}\t{s:.1f}\t{st}\n" for r, s, st in rows),
        encoding="utf-8",
    )
    total = sum(s for _, s, _ in rows)
    slowest = sorted(rows, key=lambda r: -r[1])[:5]
    print(
        f"\nModo {args.mode}: {len(rows)} cuadernos, total {total:.0f} s "
        f"({total / 60:.1f} min), presupuesto {budget:.0f} s por cuaderno. Tabla: {out}"
    )
    print("Los más lentos:", *(f"{s:6.1f} s  {r}" for r, s, _ in slowest), sep="\n  ")
    bad = [r for r in rows if r[2] != "ok" or r[1] > budget]
    if bad:
        print(f"{len(bad)} cuaderno(s) fallan o se pasan del presupuesto.")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
