# Every target that needs Python first builds .venv from the pinned, hashed
# lock file, so a fresh clone needs only python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/lock.txt
STAMP := $(VENV)/.installed
SPHINXOPTS ?= -j auto
# -W turns warnings into errors, --keep-going reports all of them, -n checks
# every cross-reference. The doctree cache stays outside the published html.
SPHINXFLAGS := -W --keep-going -n -d docs/_build/doctrees $(SPHINXOPTS)
PORT ?= 8000

.PHONY: help html html-noplot test bench serve livehtml clean lock

help:
	@echo "make html         build the site into docs/_build/html"
	@echo "make html-noplot  build the site without running the gallery"
	@echo "make test         run every test, the site build and browser checks included"
	@echo "make bench        time every activation against its peers (installs torch==2.13.0)"
	@echo "make serve        serve docs/_build/html on http://127.0.0.1:$(PORT)"
	@echo "make livehtml     rebuild the site on every change and serve it"
	@echo "make lock         regenerate $(LOCK) from pyproject.toml"
	@echo "make clean        remove the builds and the generated gallery"

$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

html: $(STAMP)
	$(BIN)/sphinx-build -b html $(SPHINXFLAGS) docs docs/_build/html
	@echo "Built the site: open docs/_build/html/index.html or run 'make serve'."

html-noplot: $(STAMP)
	$(BIN)/sphinx-build -b html $(SPHINXFLAGS) -D plot_gallery=0 docs docs/_build/html

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# torch==2.13.0 exactly: a CPU build on these machines, where any other
# version string pulls a CUDA build of several gigabytes. Its sympy pin
# downgrades mpmath, so the locked versions are reinstalled after it.
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, set on some machines here, slow a
# current NumPy, so the timing run goes without them.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $(BIN)/python benchmarks/run.py $(BENCH_ARGS)

serve:
	@test -f docs/_build/html/index.html || { echo "No built site: run 'make html' first."; exit 1; }
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory docs/_build/html

livehtml: $(STAMP)
	$(BIN)/sphinx-autobuild --host 127.0.0.1 --port $(PORT) --watch src --watch gallery \
		--re-ignore 'auto_examples|api/generated|sg_execution_times' $(SPHINXFLAGS) docs docs/_build/html

lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/python -m pip install --quiet pip-tools
	$(VENV)-lock/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --all-build-deps \
		--extra plot --extra test --extra docs --extra dev \
		--output-file $(LOCK) pyproject.toml
	rm -rf $(VENV)-lock

clean:
	rm -rf docs/_build docs/auto_examples docs/api/generated docs/sg_execution_times.rst docs/benchmarks/generated test-artifacts
