.PHONY: check test lint

check: test lint

test:
	python3 -m pytest

lint:
	python3 -m ruff check tutor tests bench
	python3 -m ruff format --check tutor tests bench
	python3 -m mypy
	lint-imports
	tutor lint
