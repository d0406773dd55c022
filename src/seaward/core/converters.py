"""URL converters: object ids that fit a 64-bit integer (longer ones are a 404, not a 500)."""

from __future__ import annotations


class ObjectIdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
