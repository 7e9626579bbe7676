"""Ejecuta en paralelo los cuadernos del libro dentro de la caché que lee Jupyter Book.

``jupyter-book build`` ejecuta los cuadernos que no encuentra en su caché (``execute.cache`` de
``_config.yml``) uno tras otro. Este script los ejecuta antes, con tantos procesos como se
pidan, y guarda cada resultado en esa misma caché, igual que lo haría Jupyter Book (mismo
cuaderno, misma carpeta de trabajo, mismo límite de tiempo, sin permitir errores, y el tiempo de
ejecución anotado). Después, el libro se construye sin ejecutar nada que ya esté al día.

Uso::

    python scripts/book.py --workers 2          # lo usa `make book`
    python scripts/book.py --workers 2 --list   # solo dice qué ejecutaría

Un cuaderno que falla se informa (con su error) y el script termina con código 1; la
construcción del libro con ``--warningiserror`` lo volvería a intentar y fallaría igualmente.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path, PurePosixPath

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]


def config(root: Path = ROOT) -> dict:
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["execute"]


def book_notebooks(root: Path = ROOT) -> list[Path]:
    """Los cuadernos del índice que Jupyter Book ejecuta (sin los excluidos de la ejecución)."""
    toc = (root / "_toc.yml").read_text(encoding="utf-8")
    entries = [line.split("file:", 1)[1].strip() for line in toc.splitlines() if "file:" in line]
    excluded = config(root).get("exclude_patterns", [])
    found = []
    for entry in entries:
        path = root / f"{entry}.ipynb"
        if path.exists() and not any(PurePosixPath(entry + ".ipynb").match(p) for p in excluded):
            found.append(path)
    return found


def pending(cache, paths: list[Path]) -> list[Path]:
    """Los cuadernos cuyo código no está en la caché (jupyter-cache compara las celdas de código)."""
    todo = []
    for path in paths:
        try:
            cache.match_cache_notebook(nbformat.read(path, as_version=4))
        except KeyError:
            todo.append(path)
    return todo


def execute(path: str, timeout: int) -> tuple[str, nbformat.NotebookNode | None, float, str]:
    """Ejecuta un cuaderno en su carpeta, como Jupyter Book (en un proceso aparte)."""
    from jupyter_cache.executors.utils import single_nb_execution

    nb = nbformat.read(path, as_version=4)
    result = single_nb_execution(
        nb, cwd=str(Path(path).parent), timeout=timeout, allow_errors=False
    )
    return path, (None if result.err else nb), result.time, result.exc_string or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="procesos a la vez")
    parser.add_argument("--list", action="store_true", help="solo listar lo pendiente")
    parser.add_argument("--root", type=Path, default=ROOT, help="carpeta del libro")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    # Un hilo de cálculo por cuaderno cuando van varios a la vez: dos cuadernos con dos hilos
    # cada uno en dos núcleos se estorban y tardan mucho más que uno tras otro. Los kernels
    # heredan estas variables (torch lee OMP_NUM_THREADS; TensorFlow, las suyas).
    threads = str(max(1, (os.cpu_count() or 1) // max(1, args.workers)))
    for name in ("OMP_NUM_THREADS", "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS"):
        os.environ.setdefault(name, threads)
    settings = config(root)
    cache = get_cache(str(root / settings["cache"]))
    # Los más grandes (suelen ser los más lentos) primero: así el último en terminar es corto.
    todo = sorted(pending(cache, book_notebooks(root)), key=lambda p: -p.stat().st_size)
    print(f"📚 {len(todo)} cuadernos por ejecutar con {args.workers} procesos.", flush=True)
    if args.list:
        print("\n".join(str(p.relative_to(root)) for p in todo))
        return 0
    failed, start = [], time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(1, args.workers)) as pool:
        jobs = [pool.submit(execute, str(p), int(settings["timeout"])) for p in todo]
        for job in as_completed(jobs):
            path, nb, seconds, error = job.result()
            name = Path(path).relative_to(root)
            if nb is None:
                failed.append(name)
                print(f"❌ {name} ({seconds:.0f} s)\n{error[-3000:]}", flush=True)
                continue
            cache.add_nb_to_project(path)
            bundle = CacheBundleIn(nb, path, data={"execution_seconds": seconds})
            cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)
            print(f"✅ {name} ({seconds:.0f} s)", flush=True)
    print(f"📚 Hecho en {time.perf_counter() - start:.0f} s; fallaron {len(failed)}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
