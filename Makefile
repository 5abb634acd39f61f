# The README's two commands: `make lab` (open the kit) and `make test` (run every test).
# Both create the virtual environment .venv on first use.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# JupyterLab refuses to run as root unless told; containers and CI often are root.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: lab test setup clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

lab: setup
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00-start-here.ipynb

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist *.egg-info tests/artifacts
