# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NEEDS := 3.11
# "3.11" from a Python, or nothing when it does not run
VERSION_OF = $(shell $(1) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)

.PHONY: demo test lint bench explore clean venv-check

PYTHON_VERSION := $(call VERSION_OF,$(PYTHON))
VENV_VERSION := $(call VERSION_OF,$(BIN)/python)

# A venv left by another Python (an older one whose install failed, say) is out of date
# whatever its stamp says: it is rebuilt, so installing the right Python and running
# `make demo` again works.
ifneq ($(VENV_VERSION),$(PYTHON_VERSION))
$(STAMP): venv-check
endif

venv-check:
	@if [ -z "$(PYTHON_VERSION)" ] || [ "$$(printf '%s\n' $(NEEDS) $(PYTHON_VERSION) | sort -V | head -1)" != "$(NEEDS)" ]; then \
		echo "studyplan needs Python $(NEEDS) or newer; $(PYTHON) is $(or $(PYTHON_VERSION),not found) (make PYTHON=python$(NEEDS) ... uses another)" >&2; \
		exit 2; \
	fi
	@if [ -d $(VENV) ] && [ "$(VENV_VERSION)" != "$(PYTHON_VERSION)" ]; then \
		echo "$(VENV) was made with Python $(or $(VENV_VERSION),that is gone); rebuilding it with $(PYTHON) $(PYTHON_VERSION)"; \
		rm -rf $(VENV); \
	fi

$(STAMP): pyproject.toml | venv-check
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/studyplan batch examples/ -o output --format pdf,md,ics,json

test: $(STAMP) lint
	$(BIN)/studyplan content check
	$(BIN)/python -m pytest -q

# property tests with fresh randomness and ten times the examples: finds new failures
explore: $(STAMP)
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q -m hypothesis

lint: $(STAMP)
	$(BIN)/ruff check planner tests benchmarks
	$(BIN)/ruff format --check planner tests benchmarks
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/fuzz_profiles.py --examples 5000 --seconds 90

clean:
	rm -rf $(VENV) build dist *.egg-info
