# Two commands do everything on a fresh machine that has only Python and pip:
#   make site   build the whole site into site/
#   make test   install what the tests need (Debian's Chromium included) and run them all
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test check bench clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e ".[test]"
	@rm -f $(VENV)/.installed-*; touch $@

# Build into a scratch folder and swap it in only when the build succeeded:
# bad content never leaves a half-built site/ behind.
site: $(STAMP)
	@rm -rf .site-new
	@$(PY) -m mkdocs build --strict --quiet --site-dir .site-new || { rm -rf .site-new; echo "Build failed: site/ left as it was." >&2; exit 1; }
	@rm -rf .site-old; if [ -d site ]; then mv site .site-old; fi; mv .site-new site; rm -rf .site-old
	@echo "Site built in $(CURDIR)/site (Romanian at site/index.html, English at site/en/index.html)."

serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# Validate the content only, without building: fast feedback for content editors.
check: $(STAMP)
	@PYTHONPATH=hooks $(PY) -m bss check .

test: $(STAMP)
	@sh tests/ensure-chromium.sh
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/weights.py
	$(PY) bench/build_speed.py

clean:
	rm -rf site .site-new .site-old bench/out
