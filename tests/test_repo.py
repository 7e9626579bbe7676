"""Pruebas del repositorio: fijaciones en un solo sitio, órdenes coherentes, enlaces y flujos.

- Las versiones se fijan solo en requirements.txt, y todo (Makefile, environment.yml,
  devcontainer, flujos de GitHub, .ci/run) las toma de ahí o de `make`.
- Todo lo que importan los cuadernos, el paquete y las pruebas está fijado (o es de la
  biblioteca estándar).
- Todos los enlaces al repositorio derivan de la URL de _config.yml.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
REPO_URL = CONFIG["repository"]["url"]
OWNER, NAME = REPO_URL.removeprefix("https://github.com/").split("/")
# Nombre del módulo importado → paquete fijado que lo proporciona.
MODULE_TO_PACKAGE = {
    "sklearn": "scikit-learn",
    "cv2": "opencv-python",
    "yaml": "pyyaml",
    "PIL": "pillow",
    "IPython": "ipykernel",
    "tensorflow": "tensorflow-cpu",
    "mpl_toolkits": "matplotlib",
    "ia100": None,
    "mistakes": None,  # tests/mistakes: las tablas de errores típicos
    "_pytest": "pytest",
    "temperature_utils": None,  # módulo que escribe el propio apéndice de Python
}


def _requirements(path: Path) -> list[tuple[str, str, str]]:
    """(nombre normalizado, versión, marcador) de cada línea «nombre==versión ; marcador»."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            spec, _, marker = line.partition(";")
            name, sep, version = spec.strip().partition("==")
            assert sep, f"{path.name}: «{spec}» no está fijada con =="
            found.append((re.sub(r"[-_.]+", "-", name.strip().lower()), version.strip(), marker))
    return found


def pins() -> dict[str, str]:
    out = {}
    for name, version, _ in _requirements(ROOT / "requirements.txt"):
        out.setdefault(name, version)
    return out


def test_requirements_are_exact_pins_of_compatible_pairs():
    found = pins()
    # torchvision 0.N acompaña a torch 2.(N − 15); tensorflow-cpu y tensorflow, la misma versión.
    torch_minor = int(found["torch"].split(".")[1])
    assert int(found["torchvision"].split(".")[1]) == torch_minor + 15, (
        found["torch"],
        found["torchvision"],
    )
    assert found["tensorflow-cpu"] == found["tensorflow"]
    assert found["jupyter-book"].startswith("1.")  # JB 2 es otra herramienta (MyST-MD)
    assert "opencv-python-headless" not in found  # choca con opencv-python, que pide Ultralytics


def test_lock_contains_every_pin_at_the_same_version():
    lock = {}
    for name, version, marker in _requirements(ROOT / "requirements.lock"):
        lock.setdefault(name, set()).add((version, marker.strip()))
    for name, version, _marker in _requirements(ROOT / "requirements.txt"):
        assert name in lock, f"{name} está en requirements.txt y no en el lock: make lock"
        assert version in {v for v, _ in lock[name]}, (
            f"{name}=={version} en requirements.txt, {lock[name]} en el lock: make lock"
        )
    # Lo que los cuadernos necesitan y antes se resolvía al instalar: ahora, fijado.
    for name in ("sphinx", "myst-nb", "sphinx-book-theme", "jupyter-cache", "opencv-python", "lap"):
        assert name in lock, f"falta {name} en el lock"
    header = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()[:3]
    assert any("make lock" in line for line in header), "el lock se regenera con `make lock`"


def _make_dry_run(*args: str) -> list[str]:
    """Las órdenes que ejecutaría `make` (sin ejecutarlas), como si el lock acabara de cambiar."""
    out = subprocess.run(
        ["make", "-n", "-W", "requirements.lock", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in out.stdout.splitlines() if line.strip()]


def test_make_installs_from_the_lock_and_checks_it():
    commands = _make_dry_run("install")
    pip = [c for c in commands if "pip install" in c]
    assert any(c.endswith("--no-deps -r requirements.lock") for c in pip), pip
    assert any(c.endswith("-e .") for c in pip) and any("pip check" in c for c in commands)
    cpu = _make_dry_run("install", "TORCH=cpu")
    assert any("download.pytorch.org/whl/cpu" in c and "+cpu" in c for c in cpu), cpu
    assert not any(c.endswith("-r requirements.lock") for c in cpu if "pip install" in c)


def test_everything_installs_from_the_lock():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_section == ["-r requirements.lock", "-e ."]
    conda_names = [d for d in env["dependencies"] if isinstance(d, str)]
    assert all("=" not in d for d in conda_names if not d.startswith("python="))
    devcontainer = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text("utf-8"))
    # updateContentCommand: lo ejecutan también las precompilaciones (prebuilds) de Codespaces.
    create = devcontainer["updateContentCommand"]
    assert create.endswith("make install TORCH=cpu") and "postCreateCommand" not in devcontainer
    assert "libgl1" in create  # opencv-python, que pide Ultralytics, necesita libGL
    run = [
        line
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert run[-1] == "exec make test"


def test_one_python_version_everywhere():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    version = re.search(r"^PYTHON\s*\?=\s*python(3\.\d+)$", makefile, re.M).group(1)
    assert f"--python-version {version}" in makefile  # el lock se resuelve para esa versión
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["requires-python"] == f">={version}"
    assert meta["tool"]["ruff"]["target-version"] == "py" + version.replace(".", "")
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert f"python={version}" in env["dependencies"]
    devcontainer = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text("utf-8"))
    assert devcontainer["image"].endswith(f"-{version}-bookworm")
    for flow in (ROOT / ".github" / "workflows").glob("*.yml"):
        steps = [st for job in _workflow(flow.name)["jobs"].values() for st in job.get("steps", [])]
        for step in steps:
            if step.get("uses", "").startswith("actions/setup-python"):
                assert step["with"]["python-version"] == version, flow.name


def test_extras_admit_the_pinned_versions():
    from packaging.requirements import Requirement

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = meta["optional-dependencies"]
    assert {"vision", "nlp"} <= set(extras)
    pinned = pins()
    for extra, requirements in extras.items():
        for text in requirements:
            requirement = Requirement(text)
            name = re.sub(r"[-_.]+", "-", requirement.name.lower())
            assert str(requirement.specifier), f"[{extra}] {name}: pon un rango, no nada"
            assert "==" not in str(requirement.specifier), f"[{extra}] {name}: rango, no fijación"
            assert name in pinned, f"[{extra}] {name} no está fijado en requirements.txt"
            assert requirement.specifier.contains(pinned[name]), (
                f"[{extra}] {text} no admite la versión fijada {pinned[name]}"
            )


def test_package_dependencies_stay_light():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {re.split(r"[<>=!~ ]", d)[0].lower() for d in meta["dependencies"]}
    assert names <= {"numpy", "matplotlib", "scikit-learn"}, names


def _imports(source: str, where: str = "") -> set[str]:
    # Las órdenes mágicas (%pip, !ls) no son Python: cada una pasa a ser un «pass» con su sangría
    # (puede ser el único cuerpo de un if, como en la celda de preparación de la Parte III).
    source = "\n".join(
        x[: len(x) - len(x.lstrip())] + "pass" if x.lstrip().startswith(("%", "!")) else x
        for x in source.splitlines()
    )
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
        if (ROOT / "scripts" / f"{module}.py").exists():
            continue  # herramientas del repositorio (scripts/), que las pruebas importan
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


def _workflow(name: str) -> dict:
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    flow["on"] = flow.pop(True, flow.get("on"))  # YAML 1.1 lee «on» como True
    return flow


def _steps(flow: dict) -> list[dict]:
    return [s for job in flow["jobs"].values() for s in job.get("steps", [])]


def test_test_workflow_runs_every_part_on_cpu_wheels():
    import course

    flow = _workflow("tests.yml")
    assert {"push", "pull_request", "workflow_dispatch"} <= set(flow["on"])
    assert flow["permissions"] == {"contents": "read"}
    (job,) = flow["jobs"].values()
    assert job["strategy"]["matrix"]["part"] == course.parts_with_notebooks()
    runs = [s["run"] for s in _steps(flow) if "run" in s]
    # libGL para opencv-python (Ultralytics), y la misma orden que en local
    assert runs == [
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends libgl1 libglib2.0-0",
        "make test PART=${{ matrix.part }} WORKERS=auto TORCH=cpu",
    ]
    setup = [s for s in _steps(flow) if s.get("uses", "").startswith("actions/setup-python")]
    assert len(setup) == 1 and setup[0]["with"]["cache-dependency-path"] == "requirements.lock"


def test_deploy_workflow_waits_for_the_tests_and_keeps_its_cache():
    flow = _workflow("deploy.yml")
    assert flow["on"]["workflow_run"] == {
        "workflows": [_workflow("tests.yml")["name"]],
        "types": ["completed"],
        "branches": ["main"],
    }
    assert "success" in flow["jobs"]["build"]["if"]
    runs = [s["run"] for s in _steps(flow) if "run" in s]
    assert runs == [
        "sudo apt-get update && sudo apt-get install -y --no-install-recommends libgl1 libglib2.0-0",
        "make book WORKERS=4 TORCH=cpu",
    ]
    (cache,) = [s for s in _steps(flow) if s.get("uses", "").startswith("actions/cache")]
    assert cache["with"]["path"] == CONFIG["execute"]["cache"]
    key = cache["with"]["key"]
    # El código del paquete invalida la caché; los comprobadores de ejercicios, no.
    assert "'src/ia100/**'" in key and "'!src/ia100/exercises/**'" in key
    assert "'requirements.lock'" in key
    assert cache["with"]["restore-keys"].strip() == key.rsplit("-${{", 1)[0] + "-"
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in _steps(flow))


def test_release_workflow_tags_the_version():
    flow = _workflow("release.yml")
    assert flow["on"]["push"] == {"branches": ["main"], "paths": ["pyproject.toml"]}
    assert flow["permissions"] == {"contents": "write"}
    assert [s["run"] for s in _steps(flow) if "run" in s] == ["python scripts/release.py --tag"]


def test_book_config():
    assert CONFIG["language"] == "es" and CONFIG["sphinx"]["config"]["language"] == "es"
    assert CONFIG["only_build_toc_files"] is True
    assert CONFIG["execute"]["execute_notebooks"] == "cache" and CONFIG["execute"]["timeout"] > 0
    assert CONFIG["execute"]["allow_errors"] is False
    assert {"dollarmath", "colon_fence"} <= set(CONFIG["parse"]["myst_enable_extensions"])
    assert CONFIG["launch_buttons"]["colab_url"]
    assert "binderhub_url" not in CONFIG["launch_buttons"]  # véase el comentario en _config.yml
    assert CONFIG["sphinx"]["config"]["html_theme_options"]["use_download_button"] is True
