"""Configuración común de las pruebas: modo rápido y sin conexión para todo lo que se ejecute."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Los cuadernos (nbmake) y los kernels que lanzan las pruebas heredan estas variables.
for name, value in {
    "IA100_FAST": "1",
    "IA100_OFFLINE": "1",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    # Dos cuadernos a la vez en dos núcleos: un hilo de BLAS/OpenMP por proceso.
    "OMP_NUM_THREADS": "1",
}.items():
    os.environ.setdefault(name, value)

sys.path.insert(0, str(ROOT / "scripts"))

_PAIR_ID = re.compile(r"\[dia-(\d{3})\]$")


def pytest_addoption(parser):
    parser.addoption(
        "--days",
        default=None,
        help="días cuyos cuadernos de ejercicios se ejecutan (p. ej. 13,14); «ninguno» o vacío: "
        "ninguno. Lo pasan `make test PART=N` y `make test-changed` (scripts/course.py).",
    )


def _cost(item) -> tuple[int, float]:
    """Orden de ejecución: lo caro primero (el libro, los cuadernos, los ejercicios), lo barato al
    final. Con `--dist worksteal`, un proceso que acaba pronto roba trabajo del final de la cola
    del otro: si al final solo quedan pruebas cortas, los dos terminan casi a la vez."""
    path = Path(str(item.fspath))
    if path.suffix == ".ipynb":
        return (1, -path.stat().st_size)  # el tamaño del cuaderno, como estimación de su coste
    if "test_book_builds" in item.nodeid:
        return (0, 0.0)
    if _PAIR_ID.search(item.nodeid) and "test_solutions_pass" in item.nodeid:
        return (2, 0.0)
    return (3, 0.0)


def pytest_collection_modifyitems(config, items):
    items.sort(key=_cost)
    option = config.getoption("--days")
    if option is None:
        return
    days = {int(d) for d in option.split(",") if d.strip().isdigit()}
    keep, drop = [], []
    for item in items:
        match = _PAIR_ID.search(item.nodeid)
        (drop if match and int(match.group(1)) not in days else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
