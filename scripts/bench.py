"""Mide cuánto tarda cada cuaderno del curso y lo compara con su presupuesto.

Ejecuta los cuadernos uno a uno (así cada medida usa la máquina entera), escribe una fila por
cuaderno en ``_build/bench-MODO.tsv`` (ruta, segundos, estado) e imprime el total y los más lentos.

Modos:

- ``fast``: como las pruebas (``IA100_FAST=1``, sin conexión). Presupuesto: 60 s por cuaderno.
- ``learner``: el modo por defecto del alumno en CPU (sin ``IA100_FAST``; sin conexión, porque
  las máquinas del proyecto no tienen internet). Presupuesto: 180 s por cuaderno.

Uso: ``python scripts/bench.py --mode fast [RUTAS…]``. Sale con código 1 si algún cuaderno falla
o se pasa de su presupuesto.

``python scripts/bench.py suite [--part N | --changed BASE] [--workers 2]`` mide la **fase de
pruebas** de ``make test`` (la misma orden, sin la instalación): imprime el tiempo de reloj, el
trabajo por parte y por tipo (cuadernos, ejercicios, paquete) y una **proyección a los 100
días** a partir del coste medio por día medido. Escribe ``_build/bench-suite.xml`` (JUnit).
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


DAYS, LABS = 100, 13  # el curso completo: 100 días y 13 laboratorios (plan del curso)
FLAGS = {
    "IA100_FAST": "1",
    "IA100_OFFLINE": "1",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "OMP_NUM_THREADS": "1",
}


def _classify(case) -> tuple[str, int | None]:
    """Tipo de prueba (día, ejercicios, laboratorio, apéndice, paquete) y su día, si tiene."""
    import re

    name = case.get("name", "")
    pair = re.search(r"test_solutions_pass_and_blank_version_fails\[dia-(\d{3})\]", name)
    if pair:
        return "ejercicios", int(pair.group(1))
    if not name.endswith(".ipynb"):  # nbmake llama a cada prueba como su cuaderno
        return "paquete", None
    day = re.match(r"dia-(\d{3})-", name)
    if day:
        return "día", int(day.group(1))
    return ("laboratorio" if name.startswith("lab-") else "apéndice"), None


def suite(argv: list[str]) -> int:
    import xml.etree.ElementTree as ET

    import course

    parser = argparse.ArgumentParser(description="Mide la fase de pruebas de make test.")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--part", type=int)
    group.add_argument("--changed", metavar="BASE")
    parser.add_argument("--workers", default="2")
    args = parser.parse_args(argv)
    report = ROOT / "_build" / "bench-suite.xml"
    report.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pytest", "-n", args.workers, "--dist", "worksteal"]
    command += ["--nbmake", "-q", "-p", "no:cacheprovider", f"--junitxml={report}"]
    command += course.pytest_args(args.part, args.changed)
    start = time.perf_counter()
    code = subprocess.run(command, cwd=ROOT, env=os.environ | FLAGS).returncode
    wall = time.perf_counter() - start
    work: dict[str, float] = {}
    per_day: dict[int, float] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        kind, day = _classify(case)
        seconds = float(case.get("time", 0))
        work[kind] = work.get(kind, 0.0) + seconds
        if day is not None:
            per_day[day] = per_day.get(day, 0.0) + seconds
    total = sum(work.values())
    print(
        f"\nFase de pruebas: {wall:.0f} s de reloj ({wall / 60:.1f} min) con {args.workers} procesos;"
    )
    print(
        f"trabajo sumado {total:.0f} s:",
        ", ".join(f"{k} {v:.0f} s" for k, v in sorted(work.items())),
    )
    for number in course.PARTS:
        days = [d for d in per_day if course.part_of_day(d) == number]
        if days:
            print(
                f"  Parte {number}: {len(days)} días, {sum(per_day[d] for d in days):.0f} s de trabajo"
            )
    if args.part is None and args.changed is None and per_day:
        labs = len(list((ROOT / "labs").glob("lab-*.ipynb")))
        mean_day = sum(per_day.values()) / len(per_day)
        mean_lab = work.get("laboratorio", 0.0) / max(labs, 1)
        fixed = total - sum(per_day.values()) - work.get("laboratorio", 0.0)
        efficiency = wall / total if total else 1.0
        for factor in (1.0, 1.5):
            projected = (fixed + factor * (mean_day * DAYS + mean_lab * LABS)) * efficiency
            print(
                f"Proyección a {DAYS} días y {LABS} laboratorios, con días nuevos {factor:g}× el coste "
                f"medio medido ({mean_day:.1f} s/día, {mean_lab:.1f} s/lab): "
                f"{projected:.0f} s ({projected / 60:.1f} min) de reloj."
            )
    return code


def main() -> int:
    if sys.argv[1:2] == ["suite"]:
        return suite(sys.argv[2:])
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
