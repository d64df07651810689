# The two set-up commands are `make html` and `make test`: each creates .venv from the pinned lock
# file when it is missing or older than the lock, installs the project, then does its job.
PYTHON   ?= python3
VENV     ?= .venv
BIN      := $(VENV)/bin
SPHINXOPTS ?=
SPHINX   := $(BIN)/sphinx-build -c . $(SPHINXOPTS)
BUILDDIR := _build
STAMP    := $(VENV)/.installed

MUTDIR   := $(BUILDDIR)/mutation

.PHONY: mutation help html dirhtml singlehtml epub latex text latexpdf all-builders serve test test-fast lint format bench lock clean distclean

help:
	@echo "make html      build the site strictly (-W) into $(BUILDDIR)/html"
	@echo "make test      run lint, type checks and the whole test suite"
	@echo "make serve     live preview on http://127.0.0.1:8000"
	@echo "make bench     build-cost benchmark (not part of make test)"
	@echo "make mutation  mutation testing of ext/ against the non-browser tests (long)"
	@echo "make lock      re-resolve requirements/*.lock from pyproject.toml"

$(STAMP): requirements/dev.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

html dirhtml singlehtml epub latex text: $(STAMP)
	$(SPHINX) -W --keep-going -b $@ -d $(BUILDDIR)/doctrees/$@ source $(BUILDDIR)/$@

all-builders: html dirhtml singlehtml epub latex text

serve: $(STAMP)
	$(BIN)/sphinx-autobuild -c . --host 127.0.0.1 --port 8000 --watch ext source $(BUILDDIR)/serve

test: $(STAMP) lint node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check ext tests bench conf.py
	$(BIN)/ruff format --check ext tests bench conf.py
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix ext tests bench conf.py
	$(BIN)/ruff format ext tests bench conf.py

# The Nu Html Checker (vnu-jar) comes from the npm registry, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

# Mutation testing: mutmut, in a copy of the project whose ext/ is src/ (the layout mutmut knows),
# against the non-browser tests. MUTANTS="sphinx_workshop.papers.*" limits it to some modules.
mutation: $(STAMP)
	rm -rf $(MUTDIR) && mkdir -p $(MUTDIR)
	git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t $(MUTDIR)
	mv $(MUTDIR)/ext $(MUTDIR)/src
	cd $(MUTDIR) && $(abspath $(BIN))/mutmut run $(if $(MUTANTS),'$(MUTANTS)') >run.log 2>&1 || { tail -n 30 run.log; exit 1; }
	cd $(MUTDIR) && $(abspath $(BIN))/mutmut export-cicd-stats && cat mutants/mutmut-cicd-stats.json
	cd $(MUTDIR) && $(abspath $(BIN))/mutmut results

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCHOPTS)

lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --all-extras --python-version 3.11 --python-platform linux -o requirements/dev.lock
	$(BIN)/uv pip compile pyproject.toml --extra docs --python-version 3.11 --python-platform linux -c requirements/dev.lock -o requirements/docs.lock

clean:
	rm -rf $(BUILDDIR)

distclean: clean
	rm -rf $(VENV) node_modules
