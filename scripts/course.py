"""La estructura del curso en un solo sitio: partes, carpetas, días y laboratorios, y qué probar.

La leen el Makefile (``make test PART=N``, ``make test-changed``), las pruebas de higiene y el
flujo de GitHub que reparte las partes entre máquinas. Solo biblioteca estándar: se ejecuta
antes de que exista el entorno.

Uso::

    python scripts/course.py pytest-args              # todo: tests chapters labs
    python scripts/course.py pytest-args --part 2     # el paquete y la Parte II
    python scripts/course.py pytest-args --changed main   # el paquete y lo cambiado
    python scripts/course.py parts                    # las partes con cuadernos, una por línea
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Número de parte → (carpeta en chapters/, días que contiene). Como en el plan del curso.
PARTS: dict[int, tuple[str, range]] = {
    1: ("parte-1-fundamentos", range(1, 13)),
    2: ("parte-2-cnn", range(13, 31)),
    3: ("parte-3-vision", range(31, 50)),
    4: ("parte-4-nlp", range(50, 69)),
    5: ("parte-5-llm", range(69, 83)),
    6: ("parte-6-llm-aplicados", range(83, 101)),
}
#: Laboratorio → parte a la que pertenece (los apéndices van con la Parte I).
LAB_PARTS: dict[int, int] = {1: 1, 2: 1, 3: 2, **dict.fromkeys(range(4, 11), 3)}
_DAY_FILE = re.compile(r"dia-(\d{3})-")
_LAB_FILE = re.compile(r"^labs/lab-(\d{2})-.*\.ipynb$")


def part_of_day(day: int) -> int:
    for number, (_, days) in PARTS.items():
        if day in days:
            return number
    raise ValueError(f"El día {day} no está en ninguna parte (1–100).")


def notebooks(part: int) -> list[str]:
    """Los cuadernos de lección de una parte: sus días, sus laboratorios y (Parte I) los apéndices."""
    folder, _ = PARTS[part]
    found = sorted((ROOT / "chapters" / folder).glob("dia-*.ipynb"))
    found += [p for p in sorted((ROOT / "labs").glob("lab-*.ipynb")) if lab_part(p) == part]
    if part == 1:
        found += sorted((ROOT / "chapters" / "apendices").glob("*.ipynb"))
    return [str(p.relative_to(ROOT)) for p in found]


def lab_part(path: Path) -> int:
    number = int(path.name[4:6])
    if number not in LAB_PARTS:
        raise ValueError(f"{path.name}: añade su parte a LAB_PARTS en scripts/course.py.")
    return LAB_PARTS[number]


def parts_with_notebooks() -> list[int]:
    return [n for n in PARTS if notebooks(n)]


def changed_files(base: str) -> list[str]:
    """Ficheros distintos de ``base`` (confirmados o no) y ficheros nuevos sin seguimiento."""

    def git(*args: str) -> list[str]:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
        return [line for line in out.stdout.splitlines() if line]

    return sorted(
        set(git("diff", "--name-only", base)) | set(git("ls-files", "-o", "--exclude-standard"))
    )


def changed_selection(base: str) -> tuple[list[str], set[int]]:
    """Cuadernos de lección cambiados y días cuyos ejercicios hay que volver a probar."""
    books, days = [], set()
    for name in changed_files(base):
        if not (ROOT / name).exists():
            continue  # borrado
        match = _DAY_FILE.search(name)
        if name.endswith(".ipynb") and (name.startswith("chapters/") or _LAB_FILE.match(name)):
            books.append(name)
        if match and name.startswith(("chapters/", "exercises/")):
            days.add(int(match.group(1)))
        module = re.match(r"^(?:src/ia100/exercises|tests/mistakes)/day(\d{3})\.py$", name)
        if module:
            days.add(int(module.group(1)))
    return books, days


def pytest_args(part: int | None, base: str | None) -> list[str]:
    if part is None and base is None:
        return ["tests", "chapters", "labs"]
    if part is not None:
        if part not in PARTS:
            raise SystemExit(f"PART debe ser uno de {sorted(PARTS)}, no {part}.")
        books, days = notebooks(part), set(PARTS[part][1])
    else:
        books, days = changed_selection(base)
    spans = ",".join(str(d) for d in sorted(days)) or "ninguno"
    return ["tests", f"--days={spans}", *books]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    args_parser = sub.add_parser("pytest-args", help="argumentos de pytest para una selección")
    group = args_parser.add_mutually_exclusive_group()
    group.add_argument("--part", type=int)
    group.add_argument("--changed", metavar="BASE")
    sub.add_parser("parts", help="partes que ya tienen cuadernos")
    args = parser.parse_args(argv)
    if args.action == "parts":
        print("\n".join(str(n) for n in parts_with_notebooks()))
    else:
        print(" ".join(pytest_args(args.part, args.changed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
