# PoolSim: `make run` and `make test` are all a new user needs.
SWIFT ?= swift
RELEASE := .build/release/poolsim
SCENARIO ?= scenarios/hebei-2022.yaml
OUT ?= results/hebei-2022
# Tests run against a release build with testing enabled: the statistical
# tests draw millions of numbers, ten times slower in a debug build.
TEST_FLAGS := -c release -Xswiftc -enable-testing

.PHONY: bootstrap bootstrap-test build release run test unit e2e warnings bench mpi clean

bootstrap:
	@scripts/bootstrap

# The report test renders the HTML report in a headless browser.
bootstrap-test:
	@scripts/bootstrap browser

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release --product poolsim

run: release
	$(RELEASE) run $(SCENARIO) --out $(OUT) --force

test: unit e2e warnings

unit: bootstrap-test
	$(SWIFT) build $(TEST_FLAGS) --build-tests
	$(SWIFT) test $(TEST_FLAGS) --skip-build

# End-to-end checks of the command line, the exports and the report.
e2e: bootstrap-test
	$(SWIFT) build $(TEST_FLAGS) --build-tests
	POOLSIM=$(RELEASE) python3 -m pytest -q tests-e2e

# The project's own code builds without warnings.
warnings: bootstrap-test
	scripts/check-warnings

bench: release
	POOLSIM=$(RELEASE) bench/run

clean:
	rm -rf .build .build-*
