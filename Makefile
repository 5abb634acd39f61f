# The README's two commands: `make lab` (open the kit) and `make test` (run every test).
# Both create the virtual environment .venv on first use.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# JupyterLab refuses to run as root unless told; containers and CI often are root.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: lab test setup clean

setup: $(VENV)/.installed

# One set of pins for Binder and for us: binder/requirements.txt is what Binder installs,
# and here it (with the test-only pins) constrains pip, so the tests run exactly what
# Binder runs. tests/test_binder.py checks that the two agree.
PINS := binder/requirements.txt binder/constraints-test.txt

$(VENV)/.installed: pyproject.toml $(PINS)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "korea-kit's pinned versions (binder/requirements.txt) need Python 3.11 or newer;" \
	         "try: make PYTHON=python3.11 $(MAKECMDGOALS)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(addprefix -c ,$(PINS)) -e '.[test]'
	touch $@

lab: setup
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00-start-here.ipynb

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build dist *.egg-info tests/artifacts
