# The two commands of a fresh machine: `make up` (install what is missing, bring the mesh up, demo call)
# and `make test` (every check CI runs).
.PHONY: up down test setup

up:
	bash scripts/up.sh

down:
	bash scripts/down.sh

test:
	bash scripts/test.sh

setup:
	bash scripts/setup.sh
