# Órdenes del curso «100 Días de IA». Cada una instala lo que falte en .venv antes de actuar.
#   make test           todas las pruebas (paquete, higiene, cuadernos, ejercicios y libro): CI
#   make test PART=2    el paquete y una parte (sus días, laboratorios y ejercicios)
#   make test-changed   el paquete y solo los cuadernos cambiados frente a main (y sus ejercicios)
#   make book           ejecuta los cuadernos en paralelo (con caché) y construye el sitio
#   make bench          mide el tiempo de cada cuaderno y lo escribe en _build/bench-MODO.tsv
#   make lock           regenera requirements.lock a partir de requirements.txt
#   make format / lint  da formato con ruff / comprueba lo mismo que las pruebas
PYTHON  ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
# La marca de instalación depende del lock y de pyproject.toml: si cambian, se reinstala.
PINS    := $(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-12)
STAMP   := $(VENV)/.instalado-$(PINS)
FLAGS   := IA100_FAST=1 IA100_OFFLINE=1 TF_CPP_MIN_LOG_LEVEL=2 OMP_NUM_THREADS=1
PIP     := $(BIN)/python -m pip install -q --disable-pip-version-check --no-deps
# TORCH=cpu instala las ruedas de PyTorch para CPU (sin CUDA: la mitad del entorno). Lo usan
# los flujos de GitHub y el devcontainer; en esta máquina se instala la de PyPI.
TORCH   ?= pypi
CPU_IDX := https://download.pytorch.org/whl/cpu
GPU_PKG := ^(torch|torchvision|triton|nvidia-[a-z0-9-]+|cuda-[a-z-]+)==
WORKERS ?= 2
PART    ?=
BASE    ?= $(shell git rev-parse --verify -q origin/main >/dev/null && echo origin/main || echo main)
MODE    ?= fast
PYTEST  := $(FLAGS) $(BIN)/python -m pytest -n $(WORKERS) --dist worksteal --nbmake

.PHONY: install book test test-changed bench lock format lint hooks exercises clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
ifeq ($(TORCH),cpu)
	$(PIP) --index-url $(CPU_IDX) $$(grep -oE '^(torch|torchvision)==[0-9.]+' requirements.lock | sed 's/$$/+cpu/')
	grep -vE '$(GPU_PKG)' requirements.lock > $(VENV)/lock-cpu.txt
	$(PIP) -r $(VENV)/lock-cpu.txt
else
	$(PIP) -r requirements.lock
endif
	$(PIP) --no-build-isolation -e .
	$(BIN)/python -m pip check --disable-pip-version-check
	@rm -f $(VENV)/.instalado-* && touch $@

install: $(STAMP)

book: $(STAMP)
	$(BIN)/python scripts/book.py --workers $(WORKERS)
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

test: $(STAMP)
	$(PYTEST) $$($(BIN)/python scripts/course.py pytest-args $(if $(PART),--part $(PART)))

test-changed: $(STAMP)
	$(PYTEST) $$($(BIN)/python scripts/course.py pytest-args --changed $(BASE))

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --mode $(MODE)

lock: $(STAMP)
	$(BIN)/uv pip compile requirements.txt --universal --python-version 3.11 \
		--custom-compile-command "make lock" -q -o requirements.lock

exercises: $(STAMP)
	$(BIN)/python scripts/make_exercises.py

format: $(STAMP)
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix .
	$(BIN)/nbstripout --keep-id chapters/*/*.ipynb labs/*.ipynb exercises/*.ipynb exercises/*/*.ipynb

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/python scripts/assets.py check

hooks: $(STAMP)
	$(BIN)/pre-commit install

clean:
	rm -rf _build
