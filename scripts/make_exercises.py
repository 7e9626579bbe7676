"""Genera los cuadernos de ejercicios del alumno a partir de las soluciones de referencia.

La fuente es ``exercises/soluciones/dia-NNN-soluciones.ipynb``; de ella sale
``exercises/dia-NNN-ejercicios.ipynb``. Así ambas versiones no pueden desincronizarse: la prueba
``tests/test_exercises.py`` regenera en memoria y compara con lo guardado.

Reglas de transformación (solo en celdas de código):

- un bloque entre ``# >>> solución`` y ``# <<< solución`` se sustituye por una línea
  ``...  # ✍️ tu código aquí`` con la misma sangría;
- una línea que termina en ``# solución`` y asigna (``x = valor  # solución``) queda como
  ``x = ...  # ✍️ tu respuesta``;
- se quita la etiqueta ``hide-input`` (en el sitio oculta la solución tras un botón).

En Markdown: la primera línea ``# Soluciones · …`` pasa a ``# Ejercicios · …``; las citas que
empiezan por ``> 🔑`` (notas solo para las soluciones) se quitan enteras; los enlaces relativos se
corrigen (el alumno está una carpeta más arriba), y se añade un enlace a las soluciones comentadas.

Uso: ``python scripts/make_exercises.py [DÍA ...]`` (por defecto, todos) o ``--check`` (falla si
algo no coincide).
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "exercises" / "soluciones"
BEGIN = re.compile(r"^(\s*)# >>> solución\s*$")
END = re.compile(r"^\s*# <<< solución\s*$")
# Lo que hay a la izquierda del primer «=» (sin otro «=» dentro): un nombre, un atributo o un
# elemento como answer["tarea «x», ¿cuál?"].
INLINE = re.compile(r"^(\s*)([^=\s][^=]*?)\s*=(?!=)\s*.+?\s*# solución\s*$")
RELATIVE_LINK = re.compile(r"\]\((?![a-z]+:|#|/)([^)\s]+)\)")
LEARNER_NOTE = (
    "> ✍️ Escribe tu código donde veas `...` y ejecuta la celda de comprobación que hay debajo. "
    "Cuando termines (¡no antes!), compara con las [soluciones comentadas]({link})."
)


def blank_code(source: str) -> str:
    """Quita las soluciones de una celda de código según las reglas del módulo."""
    out, inside = [], False
    for line in source.splitlines():
        begin = BEGIN.match(line)
        if begin:
            if inside:
                raise ValueError("Bloque «# >>> solución» abierto dos veces.")
            inside = True
            out.append(f"{begin.group(1)}...  # ✍️ tu código aquí")
            continue
        if END.match(line):
            if not inside:
                raise ValueError("«# <<< solución» sin su «# >>> solución».")
            inside = False
            continue
        if inside:
            continue
        inline = INLINE.match(line)
        if inline:
            out.append(f"{inline.group(1)}{inline.group(2)} = ...  # ✍️ tu respuesta")
            continue
        out.append(line)
    if inside:
        raise ValueError("Falta «# <<< solución» al final de un bloque.")
    return "\n".join(out)


def learner_markdown(source: str) -> str:
    """Quita las notas «> 🔑» (la cita entera) y corrige los enlaces relativos.

    La versión del alumno vive una carpeta más arriba que las soluciones: ``../x`` pasa a ``x``
    y ``x`` (junto a las soluciones) pasa a ``soluciones/x``.
    """
    out, in_key_note = [], False
    for line in source.splitlines():
        if line.startswith("> 🔑"):
            in_key_note = True
        elif not line.startswith(">"):
            in_key_note = False
        if not in_key_note:
            out.append(line)

    def relink(match: re.Match) -> str:
        target = match.group(1)
        target = target[3:] if target.startswith("../") else f"soluciones/{target}"
        return f"]({target})"

    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out))
    return RELATIVE_LINK.sub(relink, text).strip("\n")


def has_solution(source: str) -> bool:
    return any(BEGIN.match(x) or INLINE.match(x) for x in source.splitlines())


def learner_notebook(
    reference: nbformat.NotebookNode, solutions_name: str
) -> nbformat.NotebookNode:
    """Devuelve la versión del alumno de un cuaderno de soluciones."""
    nb = copy.deepcopy(reference)
    nb.metadata.pop(
        "mystnb", None
    )  # los botones «Mostrar la solución» solo valen en las soluciones
    first = nb.cells[0]
    if first.cell_type != "markdown" or not first.source.startswith("# Soluciones · "):
        raise ValueError("La primera celda de las soluciones debe empezar por «# Soluciones · ».")
    lines = learner_markdown(first.source).splitlines()
    lines[0] = lines[0].replace("# Soluciones · ", "# Ejercicios · ", 1)
    note = LEARNER_NOTE.format(link=f"soluciones/{solutions_name}")
    first.source = "\n".join(lines).rstrip() + "\n\n" + note
    for cell in nb.cells[1:]:
        if cell.cell_type == "markdown":
            cell.source = learner_markdown(cell.source)
        elif cell.cell_type == "code":
            cell.source = blank_code(cell.source)
            tags = [t for t in cell.metadata.get("tags", []) if t != "hide-input"]
            if tags:
                cell.metadata["tags"] = tags
            else:
                cell.metadata.pop("tags", None)
    nb.cells = [c for c in nb.cells if c.cell_type != "markdown" or c.source.strip()]
    return nb


def pairs() -> list[tuple[Path, Path]]:
    """Parejas (soluciones, ejercicios) de todos los días con ejercicios."""
    out = []
    for ref in sorted(SOLUTIONS.glob("dia-*-soluciones.ipynb")):
        out.append((ref, ROOT / "exercises" / ref.name.replace("-soluciones", "-ejercicios")))
    return out


def render(reference_path: Path) -> str:
    reference = nbformat.read(reference_path, as_version=4)
    return nbformat.writes(learner_notebook(reference, reference_path.name)) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="solo comprobar, sin escribir")
    parser.add_argument("days", nargs="*", type=int, help="días a generar (por defecto, todos)")
    args = parser.parse_args()
    stale = []
    for ref, target in pairs():
        if args.days and int(ref.name[4:7]) not in args.days:
            continue
        text = render(ref)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"escrito {target.relative_to(ROOT)}")
    if stale:
        print("Desactualizados (ejecuta `make exercises`):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
