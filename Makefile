# Two commands do everything on a fresh machine that has only Python and pip:
#   make site   build the whole site into site/ (make offline: into site-offline/, for file://)
#   make test   install what the tests need (Debian's Chromium included) and run them all
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SUM    := $(shell cat pyproject.toml | cksum | cut -d' ' -f1)
STAMP  := $(VENV)/.installed-$(SUM)
TESTS  := $(VENV)/.installed-tests-$(SUM)
export NO_MKDOCS_2_WARNING := 1
# This folder's path for the shell, single-quoted (each ' in it written '\''): a checkout may sit in
# a folder named anything, $(...) and quotes included, and no recipe may run its name.
HERE   := '$(subst ','\'',$(CURDIR))'
# The engine: mkdocs (the default) or properdocs (`make site ENGINE=properdocs`; MAINTAINING.md).
ENGINE ?= mkdocs
# ProperDocs is installed the first time it is asked for.
ENSURE_ENGINE = test "$(ENGINE)" = mkdocs || $(PY) -c "import properdocs" 2>/dev/null || $(PY) -m pip install --quiet -e ".[properdocs]"
# The public address of the site: `make site SITE_URL=https://...` (else mkdocs.yml's site_url).
ifdef SITE_URL
export SITE_URL
endif

.PHONY: site offline demo serve edit test test-fast check screenshots bench clean

# Building needs only what building uses; the tests add their own tools (Playwright, linkchecker, axe).
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e .
	@rm -f $(VENV)/.installed-*; touch $@

$(TESTS): $(STAMP)
	@$(PY) -m pip install --quiet -e ".[test]"
	@touch $@

# Build into a scratch folder and swap it in atomically only when the build succeeded: bad content
# never leaves a half-built site, and two builds at once take turns (tools/build.py).
site: $(STAMP)
	@test "$(ENGINE)" = mkdocs || test "$(ENGINE)" = properdocs || { echo "ENGINE is mkdocs or properdocs" >&2; exit 2; }
	@$(ENSURE_ENGINE)
	@sh tools/ensure-pdf-libraries.sh $(PY)
	@$(PY) tools/build.py --engine $(ENGINE) mkdocs.yml site
	@echo 'Site built in '$(HERE)'/site. To look at it: python3 -m http.server --bind 127.0.0.1 -d site, then http://localhost:8000 (or make serve).'

# The same site for a folder or a USB stick, opened with no network and no server (file://).
offline: $(STAMP)
	@sh tools/ensure-pdf-libraries.sh $(PY)
	@$(PY) tools/build.py mkdocs-offline.yml site-offline
	@echo 'Offline site built in '$(HERE)'/site-offline: copy the folder anywhere and open index.html.'

# The site with the illustrative records of tests/fixtures/examples, for demonstrations only: never publish it.
demo: $(STAMP)
	@$(PY) tools/build.py mkdocs-demo.yml site-demo
	@echo 'Demonstration site (with illustrative examples) built in '$(HERE)'/site-demo.'

# The live preview: rebuilds on every change; while the content has problems, every page lists them.
serve: $(STAMP)
	@$(ENSURE_ENGINE)
	@$(PY) tools/serve.py --engine $(ENGINE) --dev-addr 127.0.0.1:8000

# Edit the content in a browser: the editor at http://127.0.0.1:8081/admin/ saves into data/ and courses/,
# the live preview at http://127.0.0.1:8000 rebuilds after each save (tools/edit.py).
edit: $(STAMP)
	@$(ENSURE_ENGINE)
	@$(PY) tools/edit.py --engine $(ENGINE)

# Validate the content only, without building: fast feedback for content editors.
check: $(STAMP)
	@PYTHONPATH=hooks $(PY) -m bss check .

# ruff first (seconds): a slip in the code is said before minutes of tests (configured in pyproject.toml).
test: $(TESTS)
	$(PY) -m ruff check hooks tools bench tests
	$(PY) -m mypy
	@sh tests/ensure-debian-packages.sh
	@sh tools/ensure-pdf-libraries.sh $(PY)
	$(PY) -m pytest -n auto

# The inner loop: no browser and no whole build (unit, golden, check-level tests); a test that
# builds is marked build, and one that tries without the mark is stopped (tests/conftest.py).
test-fast: $(TESTS)
	$(PY) -m ruff check hooks tools bench tests
	$(PY) -m mypy
	@sh tools/ensure-pdf-libraries.sh $(PY)
	BSS_TEST_FAST=1 $(PY) -m pytest -n auto -m "not browser and not build"

# Every page type in both languages at 390 and 1280 px, one contact sheet per language: look at them.
screenshots: site $(TESTS)
	@sh tests/ensure-debian-packages.sh
	$(PY) tools/screenshots.py site screenshots

# Figures for the closing notes; each script says what it measures. Needs Chromium (and npm for Lighthouse).
bench: site $(TESTS)
	@sh tests/ensure-debian-packages.sh
	$(PY) bench/weights.py
	$(PY) bench/search_payload.py 1000 --material
	$(PY) bench/lighthouse.py
	$(PY) bench/catalogue_size.py
	$(PY) bench/build_speed.py
	$(PY) bench/preview_speed.py

clean:
	rm -rf screenshots site site-offline site-demo .cache/pdfs .site-* .site.lock .site-offline.lock .site-demo.lock bench/out
