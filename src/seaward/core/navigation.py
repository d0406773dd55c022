"""The main navigation: each app registers its entries when it is ready.

The menu grows as capabilities land; an entry exists only when its pages do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str | Promise
    url_name: str
    icon: str
    order: int
    section: str | Promise = ""
    capability: str | None = None
    organization_kinds: frozenset[str] = field(default_factory=frozenset)


_items: dict[str, NavItem] = {}


def register(item: NavItem) -> None:
    _items[item.key] = item


def items() -> list[NavItem]:
    """Entries grouped by section (a section sits where its first entry's order puts it)."""
    section_rank: dict[str, int] = {}
    for item in _items.values():
        key = str(item.section)
        section_rank[key] = min(section_rank.get(key, item.order), item.order)
    return sorted(
        _items.values(),
        key=lambda item: (section_rank[str(item.section)], str(item.section), item.order, item.key),
    )
