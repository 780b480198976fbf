# Two commands do everything on a fresh Debian machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

# A half-made virtual environment must not look finished to the next run.
.DELETE_ON_ERROR:

.PHONY: run run-xvfb test lint typecheck contracts pytest sysdeps-window sysdeps-offscreen \
        translations demo clean bench guide-screenshots

run: sysdeps-window $(VENV)/.installed
	$(BIN)/nacka-desktop $(ARGS)

# No display (a server, a container): the same, on a virtual display, which this installs too.
run-xvfb: sysdeps-window $(VENV)/.installed
	xvfb-run -a -s "-screen 0 1366x900x24" $(BIN)/nacka-desktop $(ARGS)

test: sysdeps-offscreen $(VENV)/.installed-dev lint typecheck contracts pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

contracts: $(VENV)/.installed-dev
	$(BIN)/lint-imports

pytest: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen NACKA_DESKTOP_STRICT_SKIPS=1 $(BIN)/pytest $(PYTEST_ARGS)

sysdeps-window:
	@bash installer/system-deps.sh window

sysdeps-offscreen:
	@bash installer/system-deps.sh offscreen

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Nacka Desktop needs Python 3.11 or newer; set PYTHON=python3.11 (or newer)." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

# Benchmarks with their baselines (bench/RESULTS.md); a quick run: make bench BENCH_SCALES="sample 200"
BENCH_SCALES ?= sample nacka stockholm
BENCH_REPEAT ?= 5
bench: sysdeps-offscreen $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen BENCH_SCALES="$(BENCH_SCALES)" BENCH_REPEAT="$(BENCH_REPEAT)" \
	  $(BIN)/python -m bench

# The .ts is the source of the English text (Qt Linguist: pyside6-linguist FILE.ts): lupdate
# adds the UI's new strings to it, unfinished, and lrelease compiles it.
translations: $(VENV)/.installed-dev
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find nacka_desktop/ui -name '*.py' | sort) -ts resources/translations/nacka_desktop_en.ts
	$(BIN)/pyside6-lrelease resources/translations/nacka_desktop_en.ts -qm resources/translations/nacka_desktop_en.qm

# The user guide's screenshots (resources/help/<lang>/images/, scaled, 256 colours), made on
# the sample organisation in Swedish and English. Every window and dialog, full size, into a
# folder instead: make guide-screenshots SHOTS=DIR
guide-screenshots: sysdeps-offscreen $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/guide_screenshots.py $(if $(SHOTS),--all $(SHOTS),--guide)

demo: $(VENV)/.installed
	$(BIN)/nacka-desktop demo --db nacka-exempel.db --force

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
