"""La API pública de ia100: explícita, documentada en español, con tipos y sin efectos al importar."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import ia100
import ia100.nlp
from ia100 import assets, data, datasets, env, exercises, images, io, plots, synth, training
from ia100.datasets import tabular, vision
from ia100.synth import pets

SPANISH_HINTS = (" el ", " la ", " los ", " las ", " de ", " que ", " un ", " una ")
MODULES = [
    ia100,
    env,
    io,
    datasets,
    tabular,
    vision,
    synth,
    pets,
    assets,
    data,
    images,
    plots,
    training,
    exercises,
    ia100.nlp,
]
PUBLIC = [
    (f"{m.__name__}.{name}", getattr(m, name))
    for m in MODULES
    if m not in (data, images)  # nombres antiguos: los mismos objetos que ya se prueban
    for name in m.__all__
]
FUNCTIONS = sorted({n: f for n, f in PUBLIC if inspect.isfunction(f)}.items())


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


def test_domain_subpackages_load_only_when_used():
    code = (
        "import sys, ia100\n"
        "before = 'ia100.nlp' in sys.modules\n"
        "words = ia100.nlp.stopwords()\n"
        "print(before, 'ia100.nlp' in sys.modules, 'de' in words, 'nlp' in dir(ia100))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "True", "True"]
    with pytest.raises(AttributeError, match="no_existe"):
        ia100.no_existe  # noqa: B018


def test_old_module_names_still_give_the_same_objects():
    assert data.download is io.download and data.load_mnist is vision.load_mnist
    assert images.make_pets is pets.make_pets is ia100.make_pets
    assert ia100.__version__ == __import__("importlib.metadata").metadata.version("ia100")
