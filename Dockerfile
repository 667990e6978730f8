# madoguchi app image (FastAPI, Python 3.11). Mirrors `make setup-app` + `madoguchi serve`.
# Rasa runs as its own service (see docker-compose.yml), exactly as with `make run`.
FROM python:3.11-slim AS build
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md ./
COPY app app
COPY knowledge knowledge
COPY translation translation
COPY connectors connectors
COPY storage storage
COPY bot bot
RUN pip install --no-cache-dir "torch==2.13.0" \
 && pip install --no-cache-dir ".[dense]"

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 madoguchi
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=madoguchi:madoguchi data data
RUN mkdir -p /app/var/models && chown -R madoguchi:madoguchi /app/var
ENV PATH=/opt/venv/bin:$PATH \
    MADOGUCHI_HOST=0.0.0.0 \
    MADOGUCHI_DATA_DIR=/app/data \
    MADOGUCHI_VAR_DIR=/app/var \
    MADOGUCHI_MODELS_DIR=/app/var/models \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
USER madoguchi
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["madoguchi", "serve"]
