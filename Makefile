# PoolSim: `make run` and `make test` are all a new user needs.
SWIFT ?= swift
RELEASE := .build/release/poolsim
MPI_RELEASE := .build/release/poolsim-mpi
SCENARIO ?= scenarios/hebei-2022.yaml
OUT ?= results/hebei-2022
# Tests run against a release build with testing enabled: the statistical
# tests draw millions of numbers, ten times slower in a debug build.
TEST_FLAGS := -c release -Xswiftc -enable-testing

.PHONY: bootstrap bootstrap-test build release run serve test unit e2e warnings bench mpi mpi-test-build mpi-test clean

bootstrap:
	@scripts/bootstrap

# The report tests render the HTML reports in a headless browser; the workbook
# tests open the workbooks in LibreOffice.
bootstrap-test:
	@scripts/bootstrap browser office

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release --product poolsim

run: release
	$(RELEASE) run $(SCENARIO) --out $(OUT) --force

# The web app on http://127.0.0.1:8080 (PORT=… to change), offering the bundled scenarios.
PORT ?= 8080
serve: release
	$(RELEASE) serve --port $(PORT)

test: unit e2e warnings

unit: bootstrap-test
	$(SWIFT) build $(TEST_FLAGS) --build-tests
	$(SWIFT) test $(TEST_FLAGS) --skip-build

# End-to-end checks of the command line, the exports and the report, and of
# poolsim-mpi under mpirun (tests-e2e/test_mpi.py).
e2e: bootstrap-test mpi-test-build
	$(SWIFT) build $(TEST_FLAGS) --build-tests
	POOLSIM=$(RELEASE) python3 -m pytest -q tests-e2e

# The project's own code, poolsim-mpi included, builds without warnings.
warnings: bootstrap-test
	@scripts/bootstrap mpi
	POOLSIM_MPI=1 scripts/check-warnings

# poolsim-mpi: the same commands with trial blocks spread over MPI ranks. Its
# targets exist only when POOLSIM_MPI is set (see Package.swift), so builds
# without it never look for MPI; switching it on and off in .build recompiles
# nothing but poolsim-mpi itself, so it shares .build with poolsim.
mpi:
	@scripts/bootstrap mpi
	POOLSIM_MPI=1 $(SWIFT) build -c release --product poolsim-mpi

# poolsim-mpi for the tests: built with the tests' flags and products, so the
# test builds that follow find nothing left to do.
mpi-test-build: bootstrap-test
	@scripts/bootstrap mpi
	POOLSIM_MPI=1 $(SWIFT) build $(TEST_FLAGS) --build-tests

# The MPI checks alone (make e2e runs them with the rest); CI=1 makes a
# missing binary or mpirun a failure rather than a skip.
mpi-test: mpi-test-build
	CI=1 POOLSIM=$(RELEASE) POOLSIM_MPI_BIN=$(MPI_RELEASE) python3 -m pytest -q tests-e2e/test_mpi.py

bench: release
	POOLSIM=$(RELEASE) bench/run

clean:
	rm -rf .build .build-*
