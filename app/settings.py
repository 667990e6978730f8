"""All of madoguchi's settings in one typed place (environment: MADOGUCHI_*)."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FRAME_SOURCE = re.compile(r"'self'|[a-z][a-z0-9+.-]*://[A-Za-z0-9.*-]+(:[0-9]+)?")
PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev-secret-change-me"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MADOGUCHI_", env_file=".env", extra="ignore")

    environment: str = "development"  # development | production
    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path = PROJECT_ROOT / "data"
    var_dir: Path = PROJECT_ROOT / "var"
    database_url: str = ""  # empty: SQLite in var_dir
    secret_key: SecretStr = SecretStr("dev-secret-change-me")
    # Load FAQ data that has errors (skipping bad entries) instead of refusing to start.
    lenient_data: bool = False
    log_level: str = "INFO"

    # dialogue (Rasa)
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: SecretStr = SecretStr("")
    rasa_timeout_s: float = 8.0
    # /readyz also waits for Rasa (set by `madoguchi run` when it starts Rasa).
    require_rasa: bool = False

    # translation
    models_dir: Path = PROJECT_ROOT / "var" / "models"  # installed .argosmodel packages
    mt_threads: int = 0  # CTranslate2 threads per model (0: all cores)
    mt_compute_type: str = ""  # "": int8 where the CPU supports it
    translation_cache_size: int = 1024

    # connectors
    # Pages allowed to embed the chat widget and call /api/chat ("*": any); the app's own
    # pages (the demo at /) are always allowed.
    web_allowed_origins: list[str] = ["https://www.city.hikarino.example.jp"]
    chat_limit_per_ip: int = 300  # per window, per client address (a whole office may share one)
    chat_limit_per_session: int = 30  # per window, per conversation
    chat_limit_window_s: int = 60
    # /api/translate and /api/counter/translate together, per client address: a busy counter
    # tablet sends about one text every few seconds, so this leaves room for ~6 tablets behind
    # one address. Staff-phrase writes (add/remove at the counter) are rarer.
    translate_limit_per_ip: int = 120
    translate_limit_window_s: int = 60
    counter_phrase_limit_per_ip: int = 30
    counter_phrase_limit_window_s: int = 60
    # Anonymous usage counts from the tablet (a few per conversation turn); a flood would only
    # skew the admin's report, so the ceiling is generous.
    counter_event_limit_per_ip: int = 300
    counter_event_limit_window_s: int = 60
    line_channel_secret: SecretStr = SecretStr("")
    line_channel_access_token: SecretStr = SecretStr("")
    line_api_base_url: str = "https://api.line.me"

    # dense retrieval (optional; see docs/operations/embedding-models.md)
    # A sentence-transformers folder; empty: models_dir/embedding when installed there.
    embedding_model_dir: Path | None = None
    embedding_query_prompt: str | None = None  # None: the model's own prompts from its config
    embedding_passage_prompt: str | None = None

    # admin
    admin_session_hours: float = 8.0  # a sign-in lasts one working day
    admin_retention_days: int = 365  # chat turns and feedback older than this are deleted
    admin_retention_interval_h: float = 24.0  # how often the app purges (0: only `madoguchi admin purge`)
    admin_watch_data: bool = True  # reload when someone edits data/ files directly

    # response headers (app/security_headers.py)
    # Pages that may show /counter in a frame, e.g. a kiosk shell: ["https://kiosk.city.example.jp"].
    # Empty: no page may. The admin can never be framed.
    counter_frame_ancestors: list[str] = []

    @property
    def embedding_model_path(self) -> Path | None:
        if self.embedding_model_dir is not None:
            return self.embedding_model_dir
        default = self.models_dir / "embedding"
        return default if default.is_dir() else None

    @field_validator("port")
    @classmethod
    def _port_in_range(cls, value: int) -> int:
        if not 0 < value < 65536:
            raise ValueError(f"port must be between 1 and 65535, got {value}")
        return value

    @field_validator("chat_limit_per_ip", "chat_limit_per_session", "chat_limit_window_s", "translate_limit_per_ip",
                     "translate_limit_window_s", "counter_phrase_limit_per_ip", "counter_phrase_limit_window_s",
                     "counter_event_limit_per_ip", "counter_event_limit_window_s")
    @classmethod
    def _limit_positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError(f"rate limits and their windows must be at least 1, got {value}")
        return value

    @field_validator("counter_frame_ancestors")
    @classmethod
    def _frame_ancestors_are_sources(cls, value: list[str]) -> list[str]:
        for source in value:  # each goes into a header: no spaces, commas or ';' (another directive)
            if not FRAME_SOURCE.fullmatch(source):
                raise ValueError(f"counter_frame_ancestors takes origins like 'https://kiosk.example.jp' "
                                 f"or \"'self'\", got {source!r}")
        return value

    @model_validator(mode="after")
    def _no_placeholder_secret_in_production(self) -> Settings:
        if self.environment == "production" and self.secret_key.get_secret_value() in PLACEHOLDER_SECRETS:
            raise ValueError("MADOGUCHI_SECRET_KEY must be set to a random value in production")
        return self

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{self.var_dir / 'madoguchi.db'}"


def get_settings() -> Settings:
    return Settings()
