"""MADOGUCHI_DATABASE_URL: the forms operators write are accepted, anything else is refused clearly."""

from __future__ import annotations

import pytest

from storage.db import Database, engine_url


@pytest.mark.parametrize("written", ["postgresql://app:pw@db.internal:5432/madoguchi",
                                     "postgres://app:pw@db.internal:5432/madoguchi",
                                     "postgresql+psycopg://app:pw@db.internal:5432/madoguchi"])
def test_postgresql_urls_use_the_installed_psycopg_driver(written: str) -> None:
    assert engine_url(written) == "postgresql+psycopg://app:pw@db.internal:5432/madoguchi"
    assert Database(written).engine.dialect.driver == "psycopg"  # no connection is made yet


def test_sqlite_urls_are_kept_as_written() -> None:
    assert engine_url("sqlite:////srv/madoguchi/var/madoguchi.db") == "sqlite:////srv/madoguchi/var/madoguchi.db"


@pytest.mark.parametrize("written", ["mysql://app:s3cret@db/madoguchi", "postgresql+psycopg2://app:s3cret@db/m",
                                     "app:s3cret@db/madoguchi"])
def test_an_unsupported_url_names_the_supported_forms_without_the_password(written: str) -> None:
    with pytest.raises(ValueError, match="unsupported database URL scheme") as error:
        Database(written)
    assert "postgresql://" in str(error.value) and "s3cret" not in str(error.value)
