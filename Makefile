# Órdenes del curso «100 Días de IA». Cada una instala lo que falte en .venv antes de actuar.
#   make book    construye el sitio en _build/html
#   make test    ejecuta todas las pruebas (paquete, higiene, cuadernos, ejercicios y libro)
#   make bench   mide el tiempo de cada cuaderno y lo escribe en _build/bench-MODO.tsv
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
# La marca de instalación depende del contenido de las fijaciones: si cambian, se reinstala.
PINS   := $(shell cat requirements.txt pyproject.toml | sha256sum | cut -c1-12)
STAMP  := $(VENV)/.instalado-$(PINS)
FLAGS  := IA100_FAST=1 IA100_OFFLINE=1 TF_CPP_MIN_LOG_LEVEL=2 OMP_NUM_THREADS=1
MODE   ?= fast

.PHONY: install book test bench lint exercises clean

$(STAMP):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt -e .
	@rm -f $(VENV)/.instalado-* && touch $@

install: $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

test: $(STAMP)
	$(FLAGS) $(BIN)/python -m pytest -n 2 --dist worksteal --nbmake tests chapters labs

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --mode $(MODE)

exercises: $(STAMP)
	$(BIN)/python scripts/make_exercises.py

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf _build
