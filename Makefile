# Byline — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Reinstall when the dependency list changes.
APP_STAMP  := $(VENV)/.byline-app-$(shell cksum pyproject.toml | cut -d' ' -f1)
TEST_STAMP := $(VENV)/.byline-test-$(shell cksum pyproject.toml | cut -d' ' -f1)
PACKAGE_STAMP := $(VENV)/.byline-package-$(shell cksum pyproject.toml | cut -d' ' -f1)
PYTEST_ARGS ?=
# Quiet by default: pip's root-user warning, version nag and build-backend (setuptools) chatter
# stay hidden; errors still show. `make run VERBOSE=1` shows everything.
export PIP_ROOT_USER_ACTION := ignore
export PIP_DISABLE_PIP_VERSION_CHECK := 1
PIP := $(BIN)/python -m pip $(if $(VERBOSE),,-qq)
VERBOSE_FLAG := $(if $(VERBOSE),--verbose)

.PHONY: run test lint typecheck pytest bench screenshots package package-test clean check-python

run: $(APP_STAMP)
	@$(BIN)/python -m editor.platform_check --platform auto --install --dictionaries $(VERBOSE_FLAG)
	@$(BIN)/byline $(VERBOSE_FLAG) $(ARGS)

test: $(TEST_STAMP) lint typecheck pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check editor tests bench db packaging
	$(BIN)/ruff format --check editor tests bench db packaging

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

pytest: $(TEST_STAMP)
	@$(BIN)/python -m editor.platform_check --platform offscreen --install --dictionaries
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Offscreen figures, then what a person sees on a real X server (Xvfb; installed here when
# root, else that part is skipped with a note). `make bench BENCH_ARGS=--screen`: only the latter.
bench: $(TEST_STAMP)
	@command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xdotool >/dev/null; \
	  else echo "make bench: no Xvfb/xdotool (sudo apt-get install xvfb xdotool): the real-screen part is skipped"; fi; }
	@$(BIN)/python -m editor.platform_check --platform offscreen --install --dictionaries
	@! command -v Xvfb >/dev/null || $(BIN)/python -m editor.platform_check --platform xcb --install
	$(BIN)/python -m bench $(BENCH_ARGS)

# PNGs of the window (1280x800 and 1920x1080, light and dark, each panel open) under Xvfb.
SHOTS ?= screenshots
screenshots: $(APP_STAMP)
	@command -v Xvfb >/dev/null || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb; \
	  else echo "make screenshots needs Xvfb: sudo apt-get install xvfb"; exit 1; fi; }
	@$(BIN)/python -m editor.platform_check --platform xcb --install
	$(BIN)/python -m bench.screenshots --out $(SHOTS) $(SHOTS_ARGS)

# The standalone folder, dist/byline-VERSION-linux-x86_64.tar.gz and dist/byline_VERSION_amd64.deb
# (PyInstaller; see packaging/README.md).
package: $(PACKAGE_STAMP)
	@command -v readelf >/dev/null && command -v dpkg-deb >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binutils dpkg >/dev/null; \
	  else echo "make package needs readelf and dpkg-deb: sudo apt-get install binutils dpkg"; exit 1; fi; }
	$(BIN)/python packaging/build.py

# Builds the package, then uses it as a person would (packaging/tests): from a temporary copy
# with a clean environment, and the .deb installed and removed (as root). Run once, after `make test`.
package-test: package $(TEST_STAMP)
	@command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends desktop-file-utils appstream >/dev/null; \
	  else echo "make package-test needs: sudo apt-get install desktop-file-utils appstream"; exit 1; fi; }
	@$(BIN)/python -m editor.platform_check --platform offscreen --install
	@rm -f build/package/package-test.txt
	$(BIN)/python -m pytest packaging/tests -p no:cacheprovider $(PYTEST_ARGS)

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "Byline needs Python 3.11 or newer ($(PYTHON) is older)."; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      echo "Installing python3-venv (Python's venv module is missing)"; \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; \
	    else \
	      echo "Python's venv module is missing. Install it with: sudo apt-get install python3-venv"; exit 1; \
	    fi; }

$(BIN)/python: | check-python
	@echo "Creating $(VENV) (once)"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing Byline and its dependencies into $(VENV) (when pyproject.toml changes)"
	@$(PIP) install -e .
	@rm -f $(VENV)/.byline-app-*; touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing Byline and the test tools into $(VENV) (when pyproject.toml changes)"
	@$(PIP) install -e '.[test]'
	@rm -f $(VENV)/.byline-app-* $(VENV)/.byline-test-*; touch $@ $(APP_STAMP)

$(PACKAGE_STAMP): pyproject.toml | $(APP_STAMP)
	@echo "Installing the build tool (PyInstaller) into $(VENV) (when pyproject.toml changes)"
	@$(PIP) install -e '.[package]'
	@rm -f $(VENV)/.byline-package-*; touch $@

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
