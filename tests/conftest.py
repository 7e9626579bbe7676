"""Configuración común de las pruebas: modo rápido y sin conexión para todo lo que se ejecute."""

from __future__ import annotations

import os
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
