.PHONY: help setup lint test demo serve checks-table

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

setup:  ## venv, system packages when missing, eipcheck with test extras
	bash scripts/setup.sh --test

lint:  ## ruff lint and format check
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

test:  ## the README test command
	bash scripts/test.sh

demo:  ## write the sample package and review it
	.venv/bin/eipcheck demo

serve:  ## run the HTTP API on 127.0.0.1:8000
	.venv/bin/eipcheck serve
