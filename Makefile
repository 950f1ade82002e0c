# newsgraph: the README's commands. `make run` and `make test` are all a user needs.
VENV    ?= .venv
PY      := $(VENV)/bin/python
NG      := $(VENV)/bin/newsgraph
STORE   ?= data/store
SHARED  ?= ../shared
HOST    ?= 127.0.0.1
PORT    ?= 8000
# the venv's interpreter: the fastest Python >= 3.11 on the PATH, measured at install
# (benchmarks/interpreter.py); `make install PYTHON=python3.12` chooses one
PYTHON  ?= $(shell python3 benchmarks/interpreter.py)

.PHONY: install run test stress score score-dev bench lint docs clean

$(PY):  # made once; the interpreter is measured only then
	$(or $(PYTHON),python3) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	$(NG) --store $(STORE) load seeds/
	$(NG) --store $(STORE) query timeline --param person="Jan Leike"
	$(NG) --store $(STORE) query said --param person="Daniel Kokotajlo"
	$(NG) --store $(STORE) serve --host $(HOST) --port $(PORT)

test: install
	$(PY) -m pytest -q

# the long runs (~6 min): loader fuzz 60 s, 200 reloads vs 2 readers, 8 SIGKILLs, 20 clients
stress: install
	NEWSGRAPH_STRESS=1 $(PY) -m pytest -q -s tests/test_concurrency.py tests/test_stress.py

score: install
	$(PY) $(SHARED)/eval/score.py --gold $(SHARED)/eval/seeds-gold.json --cli $(NG) seeds/

score-dev: install
	$(PY) $(SHARED)/eval/score.py --gold $(SHARED)/eval/dev/gold.json --cli $(NG) $(SHARED)/eval/dev

bench: install
	$(PY) benchmarks/bench.py

docs: install
	$(VENV)/bin/newsgraph ontology docs --out ontology/README.md
	$(VENV)/bin/newsgraph ontology owl --out ontology/newsgraph.owl

lint: install
	$(VENV)/bin/ruff check newsgraph loaders tests benchmarks

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
