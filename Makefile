# PoolSim: `make run` and `make test` are all a new user needs.
SWIFT ?= swift
RELEASE := .build/release/poolsim
SCENARIO ?= scenarios/hebei-2022.yaml
OUT ?= results/hebei-2022

.PHONY: bootstrap build release run test unit e2e bench clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release --product poolsim

run: release
	$(RELEASE) run $(SCENARIO) --out $(OUT) --force

# Unit tests run in a release build: the statistical tests draw millions of numbers.
unit: bootstrap
	$(SWIFT) build -c release --build-tests -Xswiftc -enable-testing
	$(SWIFT) test -c release -Xswiftc -enable-testing --skip-build

e2e: release
	python3 -m pytest -q tests-e2e

test: unit e2e

bench: release
	@echo "no benchmarks yet"

clean:
	rm -rf .build
