# The two set-up commands are `make html` and `make test`: each creates .venv from its pinned lock
# file when it is missing or older than the lock, installs the project, then does its job. Building
# (html, latexpdf, ...) installs requirements/docs.lock only; the live preview (serve) adds
# requirements/serve.lock (sphinx-autobuild); testing adds requirements/dev.lock.
PYTHON   ?= python3
VENV     ?= .venv
BIN      := $(VENV)/bin
SPHINXOPTS ?=
SPHINX   := $(BIN)/sphinx-build -c . $(SPHINXOPTS)
BUILDDIR := _build
STAMP    := $(VENV)/.installed
DOCS_STAMP := $(VENV)/.installed-docs
SERVE_STAMP := $(VENV)/.installed-serve

MUTDIR   := $(BUILDDIR)/mutation

.PHONY: help docs html dirhtml singlehtml epub latex text latexpdf all-builders serve test test-fast lint format bench mutation lock catalogs test-matrix test-matrix-ends clean distclean

help:
	@echo "make html      build the site strictly (-W) into $(BUILDDIR)/html"
	@echo "make test      run lint, type checks and the whole test suite"
	@echo "make docs      the extension's documentation (docs/), strictly (-W -n), into $(BUILDDIR)/docs"
	@echo "make serve     live preview on http://127.0.0.1:8000"
	@echo "make latexpdf  the PDF (needs TeX Live), into $(BUILDDIR)/latex"
	@echo "make bench     build-cost benchmark (not part of make test)"
	@echo "make mutation  mutation testing of ext/ against the non-browser tests (long)"
	@echo "make test-matrix  the extension's tests on every supported Python x Sphinx (nox, uv)"
	@echo "make lock      re-resolve requirements/*.lock from pyproject.toml"

# The venv (made when missing), the lock given as the first prerequisite, the project itself.
define install_lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r $<
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@
endef

$(STAMP): requirements/dev.lock pyproject.toml
	$(install_lock)

# What building the site needs, and nothing of the test toolchain (dev.lock installs a superset).
$(DOCS_STAMP): requirements/docs.lock pyproject.toml
	$(install_lock)

# The live preview: what building needs plus sphinx-autobuild (serve.lock pins what docs.lock pins alike).
$(SERVE_STAMP): requirements/serve.lock $(DOCS_STAMP)
	$(BIN)/python -m pip install --quiet -r $<
	touch $@

html dirhtml singlehtml epub latex text: $(DOCS_STAMP)
	$(SPHINX) -W --keep-going -b $@ -d $(BUILDDIR)/doctrees/$@ source $(BUILDDIR)/$@

# The extension's documentation, a Sphinx project of its own under docs/ (its conf.py there, so no -c):
# strict (-W), nitpicky (-n: every internal link and reference resolves), as docs/.readthedocs.yaml builds it.
docs: $(DOCS_STAMP)
	$(BIN)/sphinx-build -W --keep-going -n -b html -d $(BUILDDIR)/doctrees-docs docs $(BUILDDIR)/docs

# The PDF, as Read the Docs builds it: LaTeX, then latexmk with pdflatex (Debian: texlive-latex-recommended,
# texlive-fonts-recommended, texlive-latex-extra, latexmk, tex-gyre). Dated by the event or SOURCE_DATE_EPOCH.
latexpdf: $(DOCS_STAMP)
	LATEXMKOPTS="-interaction=nonstopmode -halt-on-error" \
	    $(BIN)/sphinx-build -M latexpdf source $(BUILDDIR) -c . -W --keep-going $(SPHINXOPTS)
	@echo "PDF: $(BUILDDIR)/latex/mlforsystems2020.pdf"

all-builders: html dirhtml singlehtml epub latex text

# Rebuilds on edits to the pages and to what shapes them (conf.py, _static/, _templates/, ext/); -E
# re-reads every page, since an edit to ext/ or _templates/ changes pages Sphinx would think current.
serve: $(SERVE_STAMP)
	$(BIN)/sphinx-autobuild -c . -E --host 127.0.0.1 --port 8000 \
	    --watch conf.py --watch _static --watch _templates --watch ext source $(BUILDDIR)/serve

test: $(STAMP) lint node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadfile

# nox (uv backend) makes one virtualenv per (Python, Sphinx) pair under .nox/; pyenv's interpreters are
# put on PATH when pyenv has them (uv downloads a missing one).
PYENV_BINS := $(shell r=$$(pyenv root 2>/dev/null) && for d in $$r/versions/3.1[0-9].*/bin; do [ -d $$d ] && printf '%s:' $$d; done)
test-matrix: $(STAMP)
	PATH="$(PYENV_BINS)$$PATH" $(BIN)/nox $(NOXOPTS)

# The lowest and the highest supported pair (what CI runs).
test-matrix-ends: $(STAMP)
	PATH="$(PYENV_BINS)$$PATH" $(BIN)/nox -t ends $(NOXOPTS)

lint: $(STAMP)
	$(BIN)/ruff check ext tests bench conf.py noxfile.py docs
	$(BIN)/ruff format --check ext tests bench conf.py noxfile.py docs
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix ext tests bench conf.py noxfile.py docs
	$(BIN)/ruff format ext tests bench conf.py noxfile.py docs

# The Nu Html Checker (vnu-jar) comes from the npm registry, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

# Mutation testing: mutmut, in a copy of the project whose ext/ is src/ (the layout mutmut knows),
# against the non-browser tests. MUTANTS="sphinx_workshop.papers.*" limits it to some modules;
# MUTANT_SAMPLE=N runs a random sample of N of all the mutants instead (seeded by MUTANT_SEED): the
# score of the whole extension within a known margin, in minutes rather than hours.
MUTMUT      := $(abspath $(BIN))/mutmut
MUTANT_SEED ?= 2020
SAMPLE_PY   := import random, sys; names = sorted(line.split(":")[0].strip() for line in sys.stdin if ": " in line); \
               random.seed($(MUTANT_SEED)); print("\n".join(random.sample(names, min($(MUTANT_SAMPLE), len(names)))))
mutation: $(STAMP)
	rm -rf $(MUTDIR) && mkdir -p $(MUTDIR)
	git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t $(MUTDIR)
	mv $(MUTDIR)/ext $(MUTDIR)/src
ifdef MUTANT_SAMPLE
	# mutmut makes the mutants and maps tests to functions, then finds no mutant of that name to run
	cd $(MUTDIR) && { $(MUTMUT) run 'sphinx_workshop.no-such-mutant' >run.log 2>&1; \
	    grep -q "nothing matches" run.log || { tail -n 30 run.log; exit 1; }; }
	cd $(MUTDIR) && $(MUTMUT) results --all true | $(abspath $(BIN))/python -c '$(SAMPLE_PY)' >sample.txt
	test -s $(MUTDIR)/sample.txt
	cd $(MUTDIR) && $(MUTMUT) run $$(cat sample.txt) >>run.log 2>&1 || { tail -n 30 run.log; exit 1; }
else
	cd $(MUTDIR) && $(MUTMUT) run $(if $(MUTANTS),'$(MUTANTS)') >run.log 2>&1 || { tail -n 30 run.log; exit 1; }
endif
	cd $(MUTDIR) && $(MUTMUT) export-cicd-stats && cat mutants/mutmut-cicd-stats.json
	cd $(MUTDIR) && $(MUTMUT) results

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCHOPTS)

lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --all-extras --python-version 3.11 --python-platform linux -o requirements/dev.lock
	$(BIN)/uv pip compile pyproject.toml --extra docs --python-version 3.11 --python-platform linux -c requirements/dev.lock -o requirements/docs.lock
	$(BIN)/uv pip compile pyproject.toml --extra serve --python-version 3.11 --python-platform linux -c requirements/dev.lock -o requirements/serve.lock

# The extension's message catalogs: extract the template from ext/, merge it into each language's
# .po (translate what is new there: no fuzzy guesses, an untranslated entry is empty), compile the .mo files that ship in the package.
LOCALE := ext/sphinx_workshop/locale
catalogs: $(STAMP)
	$(BIN)/pybabel extract -k _ --no-location --sort-output --project sphinx-workshop \
	    --copyright-holder "ML for Systems workshop organizers" -o $(LOCALE)/sphinx_workshop.pot ext/sphinx_workshop
	$(BIN)/pybabel update -D sphinx_workshop -i $(LOCALE)/sphinx_workshop.pot -d $(LOCALE) -w 110 --no-fuzzy-matching
	$(BIN)/pybabel compile -D sphinx_workshop -d $(LOCALE) --statistics

clean:
	rm -rf $(BUILDDIR)

distclean: clean
	rm -rf $(VENV) node_modules
