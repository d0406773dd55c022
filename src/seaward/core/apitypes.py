"""Shared API building blocks: bounded pagination and object identifiers.

Unbounded integers from a client would overflow the database's 64-bit integers
(a 500 on SQLite and PostgreSQL); bounding them turns that into a 422 or 404.
"""

from __future__ import annotations

from typing import Annotated

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

MAX_ID = 2**63 - 1
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 500

ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]


class Pages(PageNumberPagination):
    """Page-number pagination with page and page size bounded."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)
