"""Keyed hashes (HMAC-SHA-256) that keep residents' addresses and ids out of storage.

A plain SHA-256 of an IPv4 address is reversed by hashing all 2^32 addresses, which takes
minutes. With the city's MADOGUCHI_SECRET_KEY in the hash, a stolen database alone cannot be
turned back into addresses or LINE ids: the attacker would need the key as well.
"""

from __future__ import annotations

import hashlib
import hmac


def purpose_key(secret: str, purpose: str) -> bytes:
    """One key per use, derived from the secret: a pseudonym from one table never matches another's."""
    return hmac.new(secret.encode(), f"madoguchi-pseudonym:{purpose}".encode(), hashlib.sha256).digest()


class Pseudonymizer:
    """Turns a value (an address, a LINE id) into a stable hex pseudonym for one purpose."""

    def __init__(self, *, secret: str, purpose: str) -> None:
        if not purpose:
            raise ValueError(f"a pseudonymizer needs a purpose, got {purpose!r}")
        self._key = purpose_key(secret, purpose)

    def digest(self, value: str, *, chars: int = 40) -> str:
        if not 8 <= chars <= 64:
            raise ValueError(f"chars must be between 8 and 64, got {chars}")
        return hmac.new(self._key, value.encode(), hashlib.sha256).hexdigest()[:chars]
