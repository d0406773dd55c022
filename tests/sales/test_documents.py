"""Trade documents: the PDF text holds the Chinese and English headings, buyer, Incoterm, totals."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from seaward.core.tenancy import activate
from seaward.sales import rendering, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(sent_quotation, buyer_org, buyer_user):  # type: ignore[no-untyped-def]
    with activate(buyer_org):
        return services.quotation_accept(actor=buyer_user, quotation=sent_quotation)


def _text(pdf: bytes) -> tuple[str, set[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Long headings wrap; a wrapped Chinese heading has no space to put back.
    return text + "\n" + text.replace("\n", ""), fonts


@pytest.mark.parametrize(
    ("kind", "english", "chinese"),
    [
        ("proforma-invoice", "Pro-forma Invoice", "形式发票"),
        ("commercial-invoice", "Commercial Invoice", "商业发票"),
        ("packing-list", "Packing List", "装箱单"),
        ("certificate-of-origin", "Certificate of Origin", "原产地证书申请资料"),
    ],
)
def test_bilingual_documents_carry_both_headings_buyer_incoterm_and_totals(
    kind, english, chinese, order, exporter, owner
):
    with activate(exporter):
        document = services.document_issue(actor=owner, order=order, kind=kind)
        text, fonts = _text(rendering.document_pdf(document, "bilingual"))
    assert english in text and chinese in text
    assert "Cocinas Test S.L." in text
    assert "CIF Valencia (ESVLC)" in text
    assert document.number in text
    assert any("CJK" in font for font in fonts)  # a real CJK font is embedded, no blank boxes
    if kind in ("proforma-invoice", "commercial-invoice"):
        assert "€4,387.50" in text
        assert "不锈钢汤锅 24厘米" in text
    if kind == "packing-list":
        # 600 pots at 6 a carton: cartons 1–100; 50 lids in one carton: 101
        assert "1–100" in text and "101" in text


def test_chinese_document_uses_chinese_labels(order, exporter, owner):
    with activate(exporter):
        document = services.document_issue(actor=owner, order=order, kind="commercial-invoice")
        text, _fonts = _text(rendering.document_pdf(document, "zh"))
    assert "商业发票" in text and "买方" in text and "总计" in text and "交货条件" in text


def test_documents_wait_for_a_confirmed_order(order, exporter, owner):
    from seaward.sales.errors import DocumentNotAvailable

    with activate(exporter):
        order = services.order_transition(actor=owner, order=order, to="cancelled")
        with pytest.raises(DocumentNotAvailable):
            services.document_issue(actor=owner, order=order, kind="packing-list")
