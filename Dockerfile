# eipcheck service image: the web UI and API on port 8000, SQLite data and stored files under /data.
FROM python:3.11-slim-bookworm

RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY extractors ./extractors
COPY checks ./checks
COPY corpus ./corpus
COPY service ./service
RUN pip install --no-cache-dir .

ENV EIPCHECK_DATA_DIR=/data
RUN mkdir -p /data && chown nobody /data
VOLUME ["/data"]
EXPOSE 8000
USER nobody
CMD ["eipcheck", "serve", "--host", "0.0.0.0", "--port", "8000"]
