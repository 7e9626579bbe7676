"""Pruebas del repositorio: fijaciones en un solo sitio, órdenes coherentes, enlaces y flujos.

- Las versiones se fijan solo en requirements.txt, y todo (Makefile, environment.yml,
  devcontainer, flujos de GitHub, .ci/run) las toma de ahí o de `make`.
- Todo lo que importan los cuadernos, el paquete y las pruebas está fijado (o es de la
  biblioteca estándar).
- Todos los enlaces al repositorio derivan de la URL de _config.yml.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
import warnings
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
REPO_URL = CONFIG["repository"]["url"]
OWNER, NAME = REPO_URL.removeprefix("https://github.com/").split("/")
# Nombre del módulo importado → paquete fijado que lo proporciona.
MODULE_TO_PACKAGE = {
    "sklearn": "scikit-learn",
    "yaml": "pyyaml",
    "PIL": "pillow",
    "IPython": "ipykernel",
    "tensorflow": "tensorflow-cpu",
    "mpl_toolkits": "matplotlib",
    "make_exercises": None,
    "nbtools": None,
    "ia100": None,
    "_pytest": "pytest",
    "temperature_utils": None,  # módulo que escribe el propio apéndice de Python
}


def pins() -> dict[str, str]:
    out = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            spec = line.split(";", 1)[0].strip()
            name, sep, version = spec.partition("==")
            assert sep, f"«{spec}» no está fijada con =="
            out.setdefault(name.strip().lower(), version.strip())
    return out


def test_requirements_are_exact_pins_with_the_tested_pairs():
    found = pins()
    assert found["torch"] == "2.14.1" and found["torchvision"] == "0.29.1"
    assert found["tensorflow-cpu"] == "2.21.0" and found["tensorflow"] == "2.21.0"
    assert found["jupyter-book"].startswith("1.")
    for name in (
        "ultralytics",
        "nltk",
        "gensim",
        "scikit-learn",
        "matplotlib",
        "pandas",
        "jupyterlab",
        "nbmake",
        "pytest-xdist",
        "keras",
        "numpy",
    ):
        assert name in found, f"falta fijar {name}"


def test_everything_reads_the_same_pins():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_section == ["-r requirements.txt", "-e ."]
    conda_names = [d for d in env["dependencies"] if isinstance(d, str)]
    assert "python=3.11" in conda_names and all(
        "=" not in d for d in conda_names if d != "python=3.11"
    )
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-r requirements.txt -e ." in makefile
    devcontainer = (ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8")
    assert '"postCreateCommand": "make install"' in devcontainer and "3.11" in devcontainer
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().endswith("exec make test")


def test_package_dependencies_stay_light():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=!~ ]", d)[0].lower() for d in meta["dependencies"]}
    assert names <= {"numpy", "matplotlib", "scikit-learn"}, names


def _imports(source: str, where: str = "") -> set[str]:
    source = "\n".join(x for x in source.splitlines() if not x.lstrip().startswith(("%", "!")))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # p. ej. "\p" en una cadena normal: mañana será un error
        try:
            tree = ast.parse(source)
        except (SyntaxError, SyntaxWarning, DeprecationWarning) as error:
            raise AssertionError(f"{where}: el código no compila limpio: {error}") from error
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_every_import_is_pinned_or_standard():
    sources = [
        (p.read_text(encoding="utf-8"), str(p))
        for d in ("src", "tests", "scripts")
        for p in (ROOT / d).rglob("*.py")
    ]
    for nb_path in [
        *ROOT.glob("chapters/**/*.ipynb"),
        *ROOT.glob("labs/*.ipynb"),
        *ROOT.glob("exercises/**/*.ipynb"),
    ]:
        nb = nbformat.read(nb_path, as_version=4)
        sources += [(c.source, str(nb_path)) for c in nb.cells if c.cell_type == "code"]
    modules = set().union(*(_imports(s, where) for s, where in sources)) - set(
        sys.stdlib_module_names
    )
    pinned = pins()
    for module in sorted(modules):
        package = MODULE_TO_PACKAGE.get(module, module.lower().replace("_", "-"))
        assert package is None or package in pinned, f"se importa «{module}» pero no está fijado"


def _text_files():
    for pattern in (
        "*.md",
        "*.yml",
        "*.toml",
        ".devcontainer/*.json",
        ".github/workflows/*.yml",
        "chapters/**/*.md",
        "labs/*.md",
        "exercises/*.md",
        "chapters/**/*.ipynb",
        "labs/*.ipynb",
        "exercises/**/*.ipynb",
        "scripts/*.py",
        "src/**/*.py",
    ):
        yield from ROOT.glob(pattern)


def test_repository_links_derive_from_config():
    # Los botones de Codespaces y Colab siempre apuntan al repositorio del curso; los enlaces a
    # GitHub o GitHub Pages con nuestro propietario también. (Enlaces a otros proyectos, libres.)
    always = [
        r"codespaces\.new/([\w.-]+)/([\w.-]+)",
        r"colab\.research\.google\.com/github/([\w.-]+)/([\w.-]+)",
    ]
    ours = [r"github\.com/([\w.-]+)/([\w.-]+)", r"([\w-]+)\.github\.io/([\w.-]+)"]
    for path in _text_files():
        text = path.read_text(encoding="utf-8")
        found = [m for p in always for m in re.findall(p, text)]
        found += [m for p in ours for m in re.findall(p, text) if m[0] == OWNER]
        for owner, name in found:
            assert (owner, name.removesuffix(".git")) == (OWNER, NAME), (
                f"{path.relative_to(ROOT)} enlaza a {owner}/{name}, no a {OWNER}/{NAME}"
            )
    codespaces = f"codespaces.new/{OWNER}/{NAME}"
    for page in ("README.md", "intro.md", "_config.yml"):
        assert codespaces in (ROOT / page).read_text(encoding="utf-8"), f"{page}: falta Codespaces"
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["urls"]["Repositorio"] == REPO_URL
    assert meta["urls"]["Curso"] == CONFIG["html"]["baseurl"]


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh)\n(.*?)```", readme, re.S)
    commands = [
        line.split("#")[0].strip() for b in blocks for line in b.splitlines() if line.strip()
    ]
    assert "make book" in commands and "make test" in commands


@pytest.mark.parametrize("name", ["tests.yml", "deploy.yml"])
def test_workflows_are_valid(name):
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 lee «on» como True
    assert "push" in triggers
    steps = [s for job in flow["jobs"].values() for s in job.get("steps", [])]
    runs = [s["run"] for s in steps if "run" in s]
    assert runs == (["make test"] if name == "tests.yml" else ["make book"])
    pythons = [
        s["with"]["python-version"]
        for s in steps
        if s.get("uses", "").startswith("actions/setup-python")
    ]
    assert pythons in ([], ["3.11"])
    if name == "deploy.yml":
        cached = [s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/cache")]
        assert cached == [CONFIG["execute"]["cache"]]
        assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in steps)


def test_book_config():
    assert CONFIG["language"] == "es" and CONFIG["sphinx"]["config"]["language"] == "es"
    assert CONFIG["only_build_toc_files"] is True
    assert CONFIG["execute"]["execute_notebooks"] == "cache" and CONFIG["execute"]["timeout"] > 0
    assert CONFIG["execute"]["allow_errors"] is False
    assert {"dollarmath", "colon_fence"} <= set(CONFIG["parse"]["myst_enable_extensions"])
    assert CONFIG["launch_buttons"]["colab_url"] and CONFIG["launch_buttons"]["binderhub_url"]
    assert CONFIG["sphinx"]["config"]["html_theme_options"]["use_download_button"] is True
