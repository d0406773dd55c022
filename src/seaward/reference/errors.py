"""Errors of the reference context."""

from __future__ import annotations

from seaward.core.errors import DomainError, InvalidInput, NotFound, gettext_noop


class ReferenceNotFound(NotFound):
    """A code that is not in the reference data (country, HS code, locode, Incoterm…)."""

    code = "reference_not_found"
    default_message = gettext_noop("Unknown %(kind)s: %(code)s.")


class FxRateUnavailable(NotFound):
    """No published rate close enough to the requested date."""

    code = "fx_rate_unavailable"
    default_message = gettext_noop(
        "No exchange rate from %(from)s to %(to)s on %(date)s (nor in the %(days)s days before)."
    )


class UnknownFxCurrency(InvalidInput):
    """A currency for which no source (ECB, peg or user rate) gives a rate."""

    code = "fx_unknown_currency"
    default_message = gettext_noop(
        "No exchange rate source knows %(currency)s: enter the rate yourself."
    )


class InvalidReferenceFile(InvalidInput):
    """A shipped or supplied reference data file that cannot be parsed."""

    code = "invalid_reference_file"
    default_message = gettext_noop("%(file)s, line %(line)s: %(problem)s")


class DataSetLoadFailed(DomainError):
    """A data set's loader failed for a reason other than a bad file (e.g. a missing table)."""

    code = "data_set_load_failed"
    http_status = 500
    default_message = gettext_noop(
        "Loading the data set %(key)s failed (nothing of it was changed): %(problem)s"
    )
