"""Pruebas de los ejercicios: el corrector y cada pareja de cuadernos (soluciones / alumno).

Para cada día con ejercicios se comprueba que:

1. la versión del alumno es exactamente la que genera ``scripts/make_exercises.py`` a partir de
   las soluciones (no pueden desincronizarse);
2. las soluciones de referencia pasan **todos** sus comprobadores;
3. la versión en blanco se ejecuta sin errores y **falla** todos sus comprobadores.

Las dos versiones se ejecutan en **un solo kernel**: primero las soluciones y después las celdas
de la versión en blanco (su preparación, sus huecos y sus ``check``), que redefinen cada
respuesta en blanco. Así el segundo cuaderno no paga otra vez el arranque del kernel ni la
importación de torch o TensorFlow. Que un comprobador rechace respuestas equivocadas, y no solo
las que están en blanco, lo demuestra ``tests/test_checkers.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import make_exercises
from ia100 import exercises as ex

ROOT = Path(__file__).resolve().parents[1]
PAIRS = make_exercises.pairs()
CHECK_RE = re.compile(r"""check\(\s*["'](dia-\d{3}\.\d+)["']""")


def _ids_in(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [m for c in nb.cells if c.cell_type == "code" for m in CHECK_RE.findall(c.source)]


def _switch(log: Path, *, strict: bool):
    """Una celda que cambia, dentro del kernel, a dónde se anotan las comprobaciones."""
    return nbformat.v4.new_code_cell(
        "import os\n"
        f"os.environ['IA100_CHECK_LOG'] = {str(log)!r}\n"
        f"os.environ['IA100_STRICT'] = {'1' if strict else '0'!r}"
    )


def _run_pair(reference: Path, learner: Path, tmp_path: Path) -> tuple[list[dict], list[dict]]:
    """Ejecuta las soluciones y después la versión en blanco en el mismo kernel."""
    solved_log, blank_log = tmp_path / "soluciones.jsonl", tmp_path / "alumno.jsonl"
    nb = nbformat.read(reference, as_version=4)
    blank = nbformat.read(learner, as_version=4)
    nb.cells = [
        _switch(solved_log, strict=True),
        *nb.cells,
        _switch(blank_log, strict=False),
        *[c for c in blank.cells if c.cell_type == "code"],
    ]
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(reference.parent)}},
    ).execute()

    def read(log: Path) -> list[dict]:
        return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]

    return read(solved_log), read(blank_log)


# --- El corrector --------------------------------------------------------------------------


@pytest.fixture
def registry(monkeypatch):
    """Un registro vacío y aislado para probar el mecanismo sin el catálogo real."""
    monkeypatch.setattr(ex, "_REGISTRY", {})
    monkeypatch.setattr(ex, "_loaded", {"done": True})

    @ex.exercise("dia-099.1", title="doble", hint="multiplica por dos")
    def _double(fn):
        ex.expect(callable(fn), "Debe ser una función.")
        ex.expect(fn(3) == 6, "doble(3) debería ser 6.")
        return "Bien hecho."

    return ex._REGISTRY


def test_evaluate_right_wrong_blank_and_crashing_answers(registry):
    assert ex.evaluate("dia-099.1", lambda x: 2 * x) == ("dia-099.1", True, "Bien hecho.")
    assert not ex.evaluate("dia-099.1", lambda x: x).passed
    blank = ex.evaluate("dia-099.1", ...)
    assert not blank.passed and "..." in blank.message

    def broken(x):
        raise NotImplementedError("sin hacer")

    crash = ex.evaluate("dia-099.1", broken)
    assert not crash.passed and "NotImplementedError" in crash.message


def test_check_prints_feedback_logs_and_is_strict_on_demand(
    registry, capsys, monkeypatch, tmp_path
):
    log = tmp_path / "log.jsonl"
    monkeypatch.setenv("IA100_CHECK_LOG", str(log))
    monkeypatch.setenv("IA100_STRICT", "0")
    ex.check("dia-099.1", lambda x: 2 * x)
    ex.check("dia-099.1", lambda x: x)
    out = capsys.readouterr().out
    assert "✅ dia-099.1" in out and "❌ dia-099.1" in out and "Pista: multiplica por dos" in out
    assert [json.loads(x)["passed"] for x in log.read_text().splitlines()] == [True, False]
    monkeypatch.setenv("IA100_STRICT", "1")
    with pytest.raises(AssertionError, match="doble"):
        ex.check("dia-099.1", lambda x: x)


def test_unknown_exercise_lists_the_known_ones(registry):
    with pytest.raises(KeyError, match="dia-099.1"):
        ex.evaluate("dia-099.7", 1)


def test_exercise_registration_validates(registry):
    with pytest.raises(ValueError, match="no válido"):
        ex.exercise("dia-1.1", title="x", hint="y")
    with pytest.raises(ValueError, match="dos veces"):
        ex.exercise("dia-099.1", title="x", hint="y")(lambda a: None)
    with pytest.raises(ValueError, match="entre 1 y 100"):
        ex.exercises(day=0)


# --- El catálogo y los cuadernos -----------------------------------------------------------


def test_every_checker_is_used_once_and_every_check_exists():
    registered = {e.id for e in ex.exercises()}
    used = [i for ref, _ in PAIRS for i in _ids_in(ref)]
    assert len(used) == len(set(used)), "un ejercicio aparece en dos cuadernos"
    assert set(used) == registered


def test_every_day_chapter_has_at_least_two_exercises():
    days = sorted(int(p.name[4:7]) for p in ROOT.glob("chapters/*/dia-*.ipynb"))
    assert days, "no hay días"
    for day in days:
        assert len(ex.exercises(day)) >= 2, f"el día {day} tiene menos de dos ejercicios"
        assert (ROOT / "exercises" / "soluciones" / f"dia-{day:03d}-soluciones.ipynb").exists()


@pytest.mark.parametrize("reference, learner", PAIRS, ids=[r.name[:7] for r, _ in PAIRS])
def test_learner_version_is_generated_from_solutions(reference, learner):
    assert learner.exists(), f"falta {learner.name}: ejecuta `make exercises`"
    assert learner.read_text(encoding="utf-8") == make_exercises.render(reference), (
        f"{learner.name} no coincide con sus soluciones: ejecuta `make exercises`"
    )
    text = learner.read_text(encoding="utf-8")
    assert "# >>> solución" not in text and "# solución" not in text


@pytest.mark.parametrize("reference, learner", PAIRS, ids=[r.name[:7] for r, _ in PAIRS])
def test_solutions_pass_and_blank_version_fails(reference, learner, tmp_path):
    ids = _ids_in(reference)
    assert len(ids) >= 2 and _ids_in(learner) == ids
    solved, blank = _run_pair(reference, learner, tmp_path)
    assert [r["id"] for r in solved] == ids
    assert all(r["passed"] for r in solved), solved
    assert [r["id"] for r in blank] == ids
    assert not any(r["passed"] for r in blank), f"la versión en blanco aprueba: {blank}"


def test_generator_rules():
    source = "def f(x):\n    # >>> solución\n    y = x * 2\n    return y\n    # <<< solución\nlr = 0.1  # solución"
    assert make_exercises.blank_code(source) == (
        "def f(x):\n    ...  # ✍️ tu código aquí\nlr = ...  # ✍️ tu respuesta"
    )
    tricky = 'answer["tarea «x», ¿cuál? (a; b)"] = "DL"  # solución'
    assert (
        make_exercises.blank_code(tricky)
        == 'answer["tarea «x», ¿cuál? (a; b)"] = ...  # ✍️ tu respuesta'
    )
    assert make_exercises.blank_code("ok = a == b") == "ok = a == b"
    with pytest.raises(ValueError, match="Falta"):
        make_exercises.blank_code("# >>> solución\nx = 1")
    with pytest.raises(ValueError, match="sin su"):
        make_exercises.blank_code("# <<< solución")


def test_generator_markdown_rules():
    source = (
        "Mira el [día 3](../../chapters/x.ipynb) y [esto](otra.ipynb).\n\n"
        "> 🔑 Solo para soluciones,\n> también esta línea.\n\nSigue [web](https://a.b/c)."
    )
    assert make_exercises.learner_markdown(source) == (
        "Mira el [día 3](../chapters/x.ipynb) y [esto](soluciones/otra.ipynb).\n\n"
        "Sigue [web](https://a.b/c)."
    )


def test_as_array_explains_bad_answers():
    assert ex.as_array([1, 2], "x").tolist() == [1.0, 2.0]
    with pytest.raises(ex.Wrong, match="return"):
        ex.as_array(None, "Lo que devuelve tu función")
    with pytest.raises(ex.Wrong, match="no es un número"):
        ex.as_array("hola", "Lo que devuelve tu función")


def test_expect_choices_accepts_spellings_and_explains_mistakes():
    expected = {"a": "Difusión", "b": {"MAE", "Huber"}, "c": "CNN"}
    choices = ("CNN", "Difusión", "MAE", "Huber")
    ok = {"a": " difusion ", "b": "huber", "c": "convolucional"}
    ex.expect_choices(ok, expected, item="tarea", choices=choices, aliases={"convolucional": "CNN"})
    cases = [
        (["CNN"], "diccionario"),
        ({"a": "Difusión", "b": "MAE"}, r"Faltan casos .*\['c'\]"),
        ({"a": ..., "b": "MAE", "c": ...}, r"Aún te falta responder 2 de 3"),
        ({"a": "Difusión", "b": "MSE", "c": "CNN"}, r"Usa solo 'CNN', 'Difusión', 'MAE' o 'Huber'"),
        ({"a": "CNN", "b": "MAE", "c": "Difusión"}, r"Revisa 2 de 3: \['a', 'c'\]"),
    ]
    for answer, message in cases:
        with pytest.raises(ex.Wrong, match=message):
            ex.expect_choices(answer, expected, item="tarea", choices=choices)
    statements = {"x": True, "y": False}
    ex.expect_choices({"x": True, "y": False}, statements, item="afirmación", choices=(True, False))
    for answer in ({"x": "True", "y": False}, {"x": 1, "y": 0}):  # texto o número: no valen
        with pytest.raises(ex.Wrong, match="Usa solo True o False"):
            ex.expect_choices(answer, statements, item="afirmación", choices=(True, False))


def test_check_imports_only_the_day_it_names():
    # Un día posterior roto o pesado no debe romper el día 1 en Colab: check() solo importa
    # el módulo del día que nombra el identificador (aquí, el del día 30 está «roto»).
    code = (
        "import importlib.abc, sys\n"
        "class Broken(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'ia100.exercises.day030':\n"
        "            raise ImportError('día 30 roto (simulado)')\n"
        "sys.meta_path.insert(0, Broken())\n"
        "from ia100 import check\n"
        "check('dia-001.2', lambda X, W, b: (X @ W + b).clip(min=0))\n"
        "print(sorted(m for m in sys.modules if m.startswith('ia100.exercises.day')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "✅ dia-001.2" in out.stdout
    assert out.stdout.strip().endswith("['ia100.exercises.day001']")
