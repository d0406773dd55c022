"""Errors of the sales context."""

from __future__ import annotations

from seaward.core.errors import Conflict, InvalidInput, NotFound, gettext_noop


class QuotationNotEditable(Conflict):
    code = "quotation_not_editable"
    default_message = gettext_noop(
        "Only a draft can be changed; revise the quotation to make a new version."
    )


class QuotationExpired(Conflict):
    code = "quotation_expired"
    default_message = gettext_noop("This quotation was valid until %(date)s.")


class QuotationEmpty(InvalidInput):
    code = "quotation_empty"
    default_message = gettext_noop("Add at least one line before sending the quotation.")


class InvalidNamedPlace(InvalidInput):
    code = "invalid_named_place"
    default_message = gettext_noop(
        "The named place must be a UN/LOCODE location (e.g. ESVLC): %(value)s."
    )


class UnknownDocumentKind(NotFound):
    code = "unknown_document_kind"
    default_message = gettext_noop("Unknown document: %(kind)s.")


class DocumentNotAvailable(Conflict):
    code = "document_not_available"
    default_message = gettext_noop("The %(kind)s is issued once the order is confirmed.")
