"""Higiene de los cuadernos y del índice del libro.

Comprueba lo que un revisor no debería tener que mirar a mano: formato válido, sin salidas,
kernel Python 3, títulos que coinciden con el fichero, celda de preparación, celda de
comprobación, cierre «Resumen / Ejercicios / Para saber más», etiquetas estándar y que el índice
(_toc.yml) y los ficheros coinciden.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

import nbformat
import pytest
import yaml

import course
from nbtools import INSTALL_RE, SETUP_URL

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(
    p
    for d in ("chapters", "labs", "exercises")
    for p in (ROOT / d).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)
DAYS = [p for p in NOTEBOOKS if p.parent.parent == ROOT / "chapters" and p.name.startswith("dia-")]
LABS = [p for p in NOTEBOOKS if p.parent == ROOT / "labs"]
APPENDICES = [p for p in NOTEBOOKS if p.parent == ROOT / "chapters" / "apendices"]
TEACHING = DAYS + LABS + APPENDICES
STANDARD_TAGS = {
    "hide-input",
    "hide-output",
    "hide-cell",
    "remove-cell",
    "remove-input",
    "remove-output",
    "skip-execution",
    "raises-exception",
}
PARTS = dict(course.PARTS.values())  # carpeta de cada parte → sus días (scripts/course.py)
EXTRAS = set(
    tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
)
# Caracteres de control (salvo tabulador y saltos de línea): un «\a» que fue «\approx»…
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TORCH_IMPORT = re.compile(r"^\s*(?:import|from)\s+(?:torch|torchvision)\b", re.M)
TF_IMPORT = re.compile(r"^\s*(?:import|from)\s+(?:tensorflow|keras)\b", re.M)
REPO_URL = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"]


def ids(paths):
    return [str(p.relative_to(ROOT)) for p in paths]


def load(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=nbformat.NO_CONVERT)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def headings(nb, level: int) -> list[str]:
    prefix = "#" * level + " "
    return [
        line[len(prefix) :].strip()
        for c in nb.cells
        if c.cell_type == "markdown"
        for line in c.source.splitlines()
        if line.startswith(prefix)
    ]


def test_every_lab_belongs_to_a_part():
    for lab in LABS:
        assert 1 <= course.lab_part(lab) <= len(course.PARTS), lab.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_control_characters(path):
    for cell in load(path).cells:
        found = CONTROL.search(cell.source)
        assert not found, f"carácter de control {found.group()!r} en: {cell.source[:80]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_torch_is_imported_before_tensorflow(path):
    # Importar torchvision o torch._dynamo después de TensorFlow termina el proceso con un fallo
    # de segmentación (CONTRIBUTING): en un cuaderno con los dos, torch va primero.
    code = "\n".join(c.source for c in code_cells(load(path)))
    tf, torch = TF_IMPORT.search(code), TORCH_IMPORT.search(code)
    if tf and torch:
        assert torch.start() < tf.start(), "importa TensorFlow/Keras antes que torch"


ULTRALYTICS_IMPORT = re.compile(r"^\s*(?:import|from)\s+ultralytics\b", re.M)
DOWNLOADING_WEIGHTS = re.compile(r"""(?:YOLO|RTDETR|SAM|FastSAM|NAS)\(\s*["'][^"']+\.pt["']""")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_ultralytics_is_configured_before_it_is_imported(path):
    # Ultralytics lee sus variables (sin red, sin autoinstalación, carpeta de ajustes y fuentes)
    # al importarse: ia100.vision.configure() va antes. Y ningún YOLO("x.pt") escrito a mano,
    # que descargaría: los pesos salen de ia100.vision (load_detector, shipped) o de un .yaml.
    code = "\n".join(c.source for c in code_cells(load(path)))
    first = ULTRALYTICS_IMPORT.search(code)
    if first:
        configured = code.find("vision.configure(")
        assert 0 <= configured < first.start(), (
            "llama a ia100.vision.configure() antes de importar ultralytics"
        )
    for match in DOWNLOADING_WEIGHTS.finditer(code):
        line = code[code.rfind("\n", 0, match.start()) + 1 : code.find("\n", match.end())]
        assert "ia100.is_offline()" in line or "# en línea" in line, (
            f"«{match.group(0)}» descargaría pesos: usa ia100.vision.load_detector() o un .yaml"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_format_outputs_kernel_and_tags(path):
    nb = load(path)
    assert nb.nbformat == 4
    nbformat.validate(nb)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    assert nb.metadata.get("kernelspec", {}).get("language") == "python"
    for cell in code_cells(nb):
        assert cell.outputs == [] and cell.execution_count is None, "el cuaderno guarda salidas"
    for cell in nb.cells:
        unknown = set(cell.metadata.get("tags", [])) - STANDARD_TAGS
        assert not unknown, f"etiquetas no estándar: {unknown}"
        assert not cell.get("attachments"), "adjuntos incrustados: usa ficheros o código"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_file_names_are_plain(path):
    name = path.name
    assert name == name.lower() and " " not in name
    assert unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() == name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_title_matches_file(path):
    nb = load(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    title = first.source.splitlines()[0]
    assert headings(nb, 1) == [title[2:].strip()], "un solo título de nivel 1, en la primera celda"
    if path in DAYS:
        day = int(path.name[4:7])
        assert re.match(rf"^# Día {day} · \S", title), title
        part = path.parent.name
        assert part in PARTS and day in PARTS[part], f"el día {day} no va en {part}"
        assert re.match(r"^dia-\d{3}-[a-z0-9-]+\.ipynb$", path.name)
    elif path in LABS:
        number = int(path.name[4:6])
        assert re.match(r"^lab-\d{2}-[a-z0-9-]+\.ipynb$", path.name)
        assert re.match(rf"^# Laboratorio {number} · \S", title), title
    elif path in APPENDICES:
        assert title.startswith("# Apéndice · ")
    else:
        day = int(path.name[4:7])
        kind = "Soluciones" if path.parent.name == "soluciones" else "Ejercicios"
        assert re.match(rf"^# {kind} · Día {day} · \S", title), title


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_setup_cell(path):
    first_code = code_cells(load(path))[0].source
    assert "import ia100" in first_code and "ia100.setup(" in first_code
    installs = list(INSTALL_RE.finditer(first_code))
    assert len(installs) == 1
    (install,) = installs
    extra = (install["extra"] or "[]")[1:-1]
    if extra:  # se comprueba sin importar (Ultralytics se configura antes de importarse)
        probe = {"vision": "ultralytics", "nlp": "nltk"}[extra]
        assert f'importlib.util.find_spec("{probe}") is None' in first_code, (
            f"la celda de un día con el extra [{extra}] debe instalarlo si falta {probe}: "
            f'usa scripts/nbtools.py setup_cell(extra="{extra}")'
        )
    else:
        assert "except ImportError" in first_code
    assert install["url"] == REPO_URL, f"la instalación apunta a {install['url']}"
    assert f"git+{install['url']}@{install['ref']}" == SETUP_URL, (
        f"instala {install['ref']}, no la versión de pyproject.toml: python scripts/release.py"
    )
    assert not extra or extra in EXTRAS, f"el extra [{extra}] no está en pyproject.toml"


@pytest.mark.parametrize("path", TEACHING, ids=ids(TEACHING))
def test_hidden_check_cell(path):
    checks = [
        c
        for c in code_cells(load(path))
        if "remove-cell" in c.metadata.get("tags", [])
        and c.source.lstrip().startswith("# Comprobación")
    ]
    assert checks, "falta la celda oculta de comprobación (remove-cell, «# Comprobación …»)"
    assert all(re.search(r"^\s*assert\b", c.source, re.M) for c in checks)


@pytest.mark.parametrize("path", TEACHING, ids=ids(TEACHING))
def test_closing_sections_and_heading_levels(path):
    nb = load(path)
    closing = (
        ["Resumen", "Ejercicios", "Para saber más"]
        if path in DAYS
        else ["Resumen", "Para saber más"]
    )
    assert headings(nb, 2)[-len(closing) :] == closing, headings(nb, 2)
    assert headings(nb, 2)[:1] == ["Objetivos"]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert not re.search(r"^#{4,} ", cell.source, re.M), (
                "nivel de encabezado demasiado hondo"
            )


@pytest.mark.parametrize("path", DAYS, ids=ids(DAYS))
def test_day_links_its_exercises(path):
    text = "\n".join(c.source for c in load(path).cells if c.cell_type == "markdown")
    assert f"../../exercises/dia-{path.name[4:7]}-ejercicios.ipynb" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_code_cells_are_short(path):
    for cell in code_cells(load(path)):
        assert len(cell.source.splitlines()) <= 30, (
            f"celda de {len(cell.source.splitlines())} líneas"
        )


def _toc_files(node) -> list[str]:
    files = []
    if isinstance(node, dict):
        if "file" in node:
            files.append(node["file"])
        for value in node.values():
            files += _toc_files(value)
    elif isinstance(node, list):
        for item in node:
            files += _toc_files(item)
    return files


def test_toc_and_files_agree():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    assert toc["format"] == "jb-book"
    entries = [toc["root"]] + _toc_files(toc.get("parts", []))
    assert len(entries) == len(set(entries)), "hay entradas repetidas en _toc.yml"
    for entry in entries:
        matches = [p for p in (ROOT / f"{entry}.ipynb", ROOT / f"{entry}.md") if p.exists()]
        assert len(matches) == 1, f"la entrada {entry} del índice no existe (o existe dos veces)"
    pages = {
        str(p.relative_to(ROOT).with_suffix(""))
        for d in ("chapters", "labs", "exercises")
        for p in (ROOT / d).rglob("*")
        if p.suffix in {".ipynb", ".md"} and ".ipynb_checkpoints" not in p.parts
    }
    assert pages - set(entries) == set(), "páginas que no están en _toc.yml"
    captions = [part["caption"] for part in toc["parts"]]
    for number in ("I", "II", "III", "IV", "V", "VI"):
        assert any(c.startswith(f"Parte {number} ·") for c in captions), f"falta la Parte {number}"
    assert any(c.startswith("Apéndices") for c in captions)


def test_days_are_in_order_in_the_toc():
    toc_text = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    days = [int(d) for d in re.findall(r"chapters/parte-[^/]+/dia-(\d{3})-", toc_text)]
    # En orden y sin repetir. La última parte con días puede estar en preparación (publica sus
    # días a medida que están: la Parte III empezó por 31–33, 36 y 39–41); las anteriores, no.
    import course

    assert days == sorted(set(days)), days
    parts = sorted({course.part_of_day(d) for d in days})
    for part in parts[:-1]:
        _, span = course.PARTS[part]
        assert [d for d in days if d in span] == list(span), f"a la Parte {part} le faltan días"


def test_solutions_fold_behind_a_spanish_button():
    solutions = sorted((ROOT / "exercises" / "soluciones").glob("*.ipynb"))
    assert solutions
    for path in solutions:
        nb = load(path)
        assert nb.metadata.get("mystnb", {}).get("code_prompt_show") == "Mostrar la solución", (
            path.name
        )
        solved = [
            c for c in code_cells(nb) if "# solución" in c.source or "# >>> solución" in c.source
        ]
        assert solved and all("hide-input" in c.metadata.get("tags", []) for c in solved), path.name
