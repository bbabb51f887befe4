# Fizzly Desktop — two commands on a fresh machine: `make run` and `make test`.
# Everything they need is set up here; nothing has to be typed first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages: Qt's runtime libraries (offscreen and xcb; libpulse0 for QtMultimedia, which
# plays video and sound outputs), the Secret Service used by the
# keyring test, Xvfb for screenshots, and binutils for packaging (PyInstaller strips with it;
# the Linux build links its trimmed ICU data library with as and ld, and a unit test does too).
# Installed only when missing, only where apt exists.
DEBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
        libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
        libxcb-randr0 libxcb-render-util0 libxcb-image0 \
        libpulse0 binutils \
        gnome-keyring dbus dbus-x11 xvfb xauth fonts-dejavu-core desktop-file-utils appstream

# Translations: the .ts files are the translators'; the .qm files the app loads are compiled
# from them (and committed, so that any install has them without Qt's tools).
TS := $(wildcard fizzly_desktop/resources/translations/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint typecheck unit bench package package-test sysdeps setup clean translations

setup: $(STAMP)

# The venv is (re)built when missing or when pyproject.toml is newer than the last install.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

sysdeps:
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null; \
	  else echo "Note: these system packages are missing:$$missing"; fi; \
	fi

# Extract the phrases of the code into the .ts files (keeping what is translated), then compile.
translations: setup
	$(BIN)/python packaging/translations.py

# A .ts newer than its .qm (a translation edited) is compiled before the app runs or is built.
%.qm: %.ts | setup
	$(BIN)/python packaging/translations.py --compile

run: sysdeps setup $(QM)
	$(BIN)/fizzly-desktop --sandbox

lint: setup
	$(BIN)/ruff check fizzly_desktop tests
	$(BIN)/ruff format --check fizzly_desktop tests
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy

unit: setup $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: sysdeps setup lint typecheck unit

bench: sysdeps setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench

package: sysdeps setup $(QM)
	$(BIN)/python -m pip install -q -e '.[package]'
	$(BIN)/python packaging/build.py

package-test: package
	$(BIN)/python packaging/smoke_test.py

clean:
	rm -rf $(VENV) build dist packaging/build packaging/dist .mypy_cache .ruff_cache
