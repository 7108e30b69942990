# Two commands do all set-up: `make demo` and `make test` (see README.md).
# Both create .venv and install argmap into it on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/nato-tokyo/map.argmap.yaml

.PHONY: demo test lint system-deps docs-images docs-html docs-format docs-checks i18n clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

system-deps:
	@bash tools/system-deps.sh

# Draw the bundled Japanese example to SVG and PNG next to it (installs
# Graphviz and the Japanese font with apt-get first when they are missing).
demo: $(VENV)/.installed system-deps
	$(BIN)/argmap render $(EXAMPLE)
	$(BIN)/argmap render $(EXAMPLE) --format png --quiet

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict argmap

test: lint
	$(BIN)/python -m pytest

# Redraw the flagship's diagrams in docs/img/ (a test fails when they are stale).
docs-images: $(VENV)/.installed system-deps
	$(BIN)/python tools/docs_images.py

# Screenshot the flagship's HTML view (argmap render --format html) in
# Chromium for the docs: docs/img/html-ja.png and html-en.png.
docs-html: $(VENV)/.installed system-deps
	$(BIN)/python tools/html_screenshot.py

# Regenerate the JSON Schema and the field tables of docs/format.md from the
# format's one table of fields (a test fails when they are stale).
docs-format: $(VENV)/.installed
	$(BIN)/python tools/format_spec.py

# Regenerate docs/checks.md and docs/ja/checks.md from the rule catalogue
# (a test fails when they are stale).
docs-checks: $(VENV)/.installed
	$(BIN)/python -m argmap.checks.docs --write

# After changing a text marked for translation: add it to the catalogues,
# translate it in argmap/locale/ja/LC_MESSAGES/*.po, then compile
# (a test fails when a text has no translation or a .mo is stale).
i18n: $(VENV)/.installed
	$(BIN)/python tools/i18n.py update
	$(BIN)/python tools/i18n.py compile
	$(BIN)/python tools/i18n.py check

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
