"""La API pública de ia100: explícita, documentada en español, con tipos y sin efectos al importar."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import ia100
from ia100 import data, env, exercises, images, plots, training

SPANISH_HINTS = (" el ", " la ", " los ", " las ", " de ", " que ", " un ", " una ")
PUBLIC = [(name, getattr(ia100, name)) for name in ia100.__all__]
FUNCTIONS = [(n, f) for n, f in PUBLIC if inspect.isfunction(f)]
MODULES = [ia100, env, data, images, plots, training, exercises]


def test_all_names_exist_and_are_unique():
    assert len(ia100.__all__) == len(set(ia100.__all__))
    for module in MODULES[1:]:
        for name in module.__all__:
            assert hasattr(module, name), f"{module.__name__}.{name}"


@pytest.mark.parametrize("module", MODULES, ids=[m.__name__ for m in MODULES])
def test_modules_say_what_they_are_and_are_not_for(module):
    doc = inspect.getdoc(module)
    assert doc and any(h in f" {doc.lower()} " for h in SPANISH_HINTS)
    if module is not ia100:
        assert "Para qué NO sirve" in doc


@pytest.mark.parametrize("name, function", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_public_functions_have_spanish_docstrings_and_type_hints(name, function):
    doc = inspect.getdoc(function)
    assert doc and len(doc) > 40, f"{name} sin docstring"
    assert any(h in f" {doc.lower()} " for h in SPANISH_HINTS), (
        f"{name}: docstring no parece español"
    )
    signature = inspect.signature(function)
    for parameter in signature.parameters.values():
        assert parameter.annotation is not inspect.Parameter.empty, (
            f"{name}({parameter.name}) sin tipo"
        )
    assert signature.return_annotation is not inspect.Signature.empty, f"{name} sin tipo de retorno"


def test_import_has_no_side_effects_and_no_heavy_frameworks():
    code = (
        "import sys, io, contextlib\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    import ia100\n"
        "heavy = [m for m in ('torch', 'tensorflow', 'keras', 'ultralytics', 'nltk', 'gensim') if m in sys.modules]\n"
        "print(repr(buf.getvalue()), heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "'' []"
