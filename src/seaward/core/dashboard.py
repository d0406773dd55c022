"""Dashboard cards: each context contributes the cards it can fill with real data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Card:
    template: str
    context: dict[str, Any]
    width: int = 6  # Bootstrap columns on a wide screen


CardProvider = Callable[[HttpRequest], "Card | None"]
_providers: list[tuple[int, CardProvider]] = []


def register(order: int, provider: CardProvider) -> None:
    _providers.append((order, provider))


def cards(request: HttpRequest) -> list[Card]:
    built = []
    for _order, provider in sorted(_providers, key=lambda item: item[0]):
        card = provider(request)
        if card is not None:
            built.append(card)
    return built
