"""Errors of the fair context (matchmaking, vector index, meeting scheduler)."""

from __future__ import annotations

from seaward.core.errors import InvalidInput, gettext_noop


class FairError(InvalidInput):
    """Base of the fair context's input errors."""

    code = "fair_invalid_input"
    default_message = gettext_noop("The fair input is not valid.")


class BadCatalogFile(FairError):
    """A products or requests CSV file that cannot be used."""

    code = "fair_bad_csv"
    default_message = gettext_noop("%(file)s: %(problem)s")


class DuplicateId(FairError):
    """Two products (or requests, or meeting requests) share one id."""

    code = "fair_duplicate_id"
    default_message = gettext_noop("Duplicate id: %(id)s.")


class VectorShapeError(FairError):
    """Vectors whose shape does not fit the index."""

    code = "fair_vector_shape"
    default_message = gettext_noop("Expected vectors of dimension %(expected)s, got %(got)s.")


class BadSchedulingInput(FairError):
    """A scheduling problem that is not well formed (unknown slot, bad priority...)."""

    code = "fair_bad_scheduling_input"
    default_message = gettext_noop("Bad scheduling input: %(problem)s")
