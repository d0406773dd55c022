"""Writes of a product's fair profile: certifications, green attributes and photos."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from seaward.catalog.models import Product as CatalogProduct
from seaward.core.errors import InvalidInput, NotFound, gettext_noop
from seaward.fair.images import check_image
from seaward.fair.models import ProductCertification, ProductGreen, ProductImage
from seaward.fair.services import _clean, _validated, product_embed_enqueue
from seaward.organizations.audit import audit_record
from seaward.organizations.models import User


@transaction.atomic
def certifications_set(
    *, actor: User | None, product: CatalogProduct, codes: Iterable[str]
) -> list[str]:
    """The product's certifications become exactly ``codes`` (CE, FCC, RoHS, …)."""
    if not product.is_owned_by_active():
        raise NotFound()
    wanted = sorted({c.strip().upper()[:20] for c in codes if c and c.strip()})
    ProductCertification.objects.owned().filter(product=product).exclude(code__in=wanted).delete()
    for code in wanted:
        ProductCertification.objects.owned().get_or_create(product=product, code=code)
    audit_record(
        actor=actor, action="fair.product.certifications", obj=product, after={"codes": wanted}
    )
    product_embed_enqueue(product)
    return wanted


MAX_IMAGES_PER_PRODUCT = 12


@transaction.atomic
def product_image_add(*, actor: User | None, product: CatalogProduct, data: bytes) -> ProductImage:
    """Validate and store a product photo with its thumbnail; a bad file stores nothing."""
    if not product.is_owned_by_active():
        raise NotFound()
    checked = check_image(data)
    count = ProductImage.objects.owned().filter(product=product).count()
    if count >= MAX_IMAGES_PER_PRODUCT:
        raise InvalidInput(
            gettext_noop("A product has at most %(count)s photos."),
            field="image",
            params={"count": MAX_IMAGES_PER_PRODUCT},
        )
    image = ProductImage.objects.create(
        product=product,
        content=checked.content,
        thumbnail=checked.thumbnail,
        width=checked.width,
        height=checked.height,
        position=count,
    )
    audit_record(actor=actor, action="fair.product.image", obj=product, after={"image": image.pk})
    return image


@transaction.atomic
def product_green_set(
    *,
    actor: User | None,
    product: CatalogProduct,
    materials: str = "",
    eco_labels: str = "",
    carbon_kg_co2e: Decimal | None = None,
    recycled_share_percent: int | None = None,
) -> ProductGreen:
    if not product.is_owned_by_active():
        raise NotFound()
    green = ProductGreen.objects.owned().filter(product=product).first() or ProductGreen(
        product=product
    )
    green.materials = _clean(materials, 300)
    green.eco_labels = _clean(eco_labels, 200)
    green.carbon_kg_co2e = carbon_kg_co2e
    green.recycled_share_percent = recycled_share_percent
    _validated(green, exclude=["organization", "product"])
    green.save()
    audit_record(actor=actor, action="fair.product.green", obj=product)
    return green
