.PHONY: help setup lint test demo serve serve-demo worker screenshots checks-table

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

serve:  ## run the web UI and API on 127.0.0.1:8000 (SQLite, in-process worker)
	.venv/bin/eipcheck serve

serve-demo:  ## the same after loading the generated demo corpus; prints the logins
	.venv/bin/eipcheck serve --demo

worker:  ## a Celery worker for EIPCHECK_WORKER=celery (Redis at EIPCHECK_REDIS_URL)
	.venv/bin/celery -A service.celery_app worker --loglevel=INFO

screenshots:  ## docs/screenshots/*.png of the main pages (headless Debian Chromium)
	.venv/bin/python docs/screenshots.py
