"""Reference data shared by every organization (not tenant-owned): read-mostly, bulk-loaded."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from seaward.core.tenancy import TenantModel


def _localized(obj: models.Model, language: str | None = None) -> str:
    language = (language or get_language() or "en").lower()
    if language.startswith("zh"):
        return str(obj.name_zh_hans or obj.name_en)  # type: ignore[attr-defined]
    if language.startswith("es"):
        return str(obj.name_es or obj.name_en)  # type: ignore[attr-defined]
    return str(obj.name_en)  # type: ignore[attr-defined]


class DataSet(models.Model):
    """One loaded data set: where it comes from, its edition and what was loaded."""

    key = models.SlugField(_("key"), max_length=40, primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    attribution = models.CharField(_("attribution"), max_length=500, blank=True)
    source = models.TextField(_("source"), blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    edition = models.CharField(_("edition"), max_length=100, blank=True)
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    checksum = models.CharField(_("checksum"), max_length=64, blank=True)
    loaded_at = models.DateTimeField(_("loaded at"), null=True, blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("data set")
        verbose_name_plural = _("data sets")

    def __str__(self) -> str:
        return self.name


class Country(models.Model):
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    alpha3 = models.CharField(_("alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("numeric code"), max_length=3)
    name_en = models.CharField(_("name (English)"), max_length=100)
    official_name_en = models.CharField(_("official name"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=100, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=100, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    is_eu_member = models.BooleanField(_("EU member"), default=False)
    # Folded (lower-case, no diacritics) codes and names in every language, for search.
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _localized(self)


class Currency(models.Model):
    code = models.CharField(_("code"), max_length=3, primary_key=True)
    numeric = models.CharField(_("numeric code"), max_length=3)
    minor_units = models.PositiveSmallIntegerField(_("minor units"))
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=100, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=100, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("currency")
        verbose_name_plural = _("currencies")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def name(self) -> str:
        return _localized(self)


class HsCode(models.Model):
    """A node of the HS 2022 nomenclature: section (level 0), chapter, heading, subheading."""

    class Level(models.IntegerChoices):
        SECTION = 0, _("section")
        CHAPTER = 2, _("chapter")
        HEADING = 4, _("heading")
        SUBHEADING = 6, _("subheading")

    code = models.CharField(_("code"), max_length=6, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    description = models.TextField(_("description"))
    section = models.CharField(_("section"), max_length=5)

    class Meta:
        ordering = ["level", "code"]
        verbose_name = _("HS code")
        verbose_name_plural = _("HS codes")
        indexes = [models.Index(fields=["level", "code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"

    @property
    def display_code(self) -> str:
        """4-digit headings as 01.01, subheadings as 0101.21 (customs style)."""
        if self.level == 4:
            return f"{self.code[:2]}.{self.code[2:]}"
        if self.level == 6:
            return f"{self.code[:4]}.{self.code[4:]}"
        return self.code


class Location(models.Model):
    """A UN/LOCODE location (port, airport, rail or road terminal, inland point)."""

    unlocode = models.CharField(_("UN/LOCODE"), max_length=5, primary_key=True)
    # Not a foreign key: UN/LOCODE uses codes (e.g. XZ, international waters) outside ISO 3166.
    country = models.CharField(_("country"), max_length=2, db_index=True)
    name = models.CharField(_("name"), max_length=120)
    name_wo_diacritics = models.CharField(_("name without diacritics"), max_length=120)
    search_name = models.CharField(max_length=120, db_index=True, editable=False)
    subdivision = models.CharField(_("subdivision"), max_length=5, blank=True)
    status = models.CharField(_("status"), max_length=2, blank=True)
    function = models.CharField(_("function"), max_length=8, blank=True)
    is_seaport = models.BooleanField(_("sea port"), default=False)
    is_rail = models.BooleanField(_("rail terminal"), default=False)
    is_road = models.BooleanField(_("road terminal"), default=False)
    is_airport = models.BooleanField(_("airport"), default=False)
    is_postal = models.BooleanField(_("postal exchange office"), default=False)
    is_multimodal = models.BooleanField(_("multimodal / inland clearance"), default=False)
    is_fixed_transport = models.BooleanField(_("fixed transport (pipeline)"), default=False)
    is_border_crossing = models.BooleanField(_("border crossing"), default=False)
    iata = models.CharField(_("IATA code"), max_length=3, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering = ["unlocode"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return f"{self.unlocode} {self.name}"

    @property
    def functions(self) -> list[str]:
        labels = [
            (self.is_seaport, _("sea port")),
            (self.is_airport, _("airport")),
            (self.is_rail, _("rail")),
            (self.is_road, _("road")),
            (self.is_multimodal, _("inland clearance")),
            (self.is_postal, _("postal")),
            (self.is_border_crossing, _("border crossing")),
        ]
        return [str(label) for flag, label in labels if flag]


class LocationAlias(models.Model):
    """Another code or name people use for a location (CNSHA for the port of Shanghai)."""

    class Kind(models.TextChoices):
        CODE = "code", _("code")
        NAME = "name", _("name")

    alias = models.CharField(_("alias"), max_length=120)
    search_alias = models.CharField(max_length=120, db_index=True, editable=False)
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("location")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["alias"]
        verbose_name = _("location alias")
        verbose_name_plural = _("location aliases")
        constraints = [
            models.UniqueConstraint(fields=["alias", "location"], name="reference_alias_unique")
        ]

    def __str__(self) -> str:
        return f"{self.alias} → {self.location_id}"


class FxRate(models.Model):
    """An ECB euro reference rate: units of ``currency`` per 1 EUR on ``date``."""

    date = models.DateField(_("date"))
    currency = models.CharField(_("currency"), max_length=3)
    rate = models.DecimalField(_("rate per EUR"), max_digits=20, decimal_places=8)
    source = models.CharField(_("source"), max_length=10, default="ECB")

    class Meta:
        ordering = ["-date", "currency"]
        verbose_name = _("FX rate")
        verbose_name_plural = _("FX rates")
        constraints = [
            models.UniqueConstraint(fields=["date", "currency"], name="reference_fxrate_unique")
        ]
        indexes = [models.Index(fields=["currency", "date"])]

    def __str__(self) -> str:
        return f"{self.date} 1 EUR = {self.rate} {self.currency}"


class EnteredFxRate(TenantModel):
    """A rate an organization enters itself (its bank's rate, or a currency the ECB lacks).

    1 ``base`` = ``rate`` ``quote`` on ``date``; it wins over ECB and pegs for that
    organization, for up to the fallback window after its date.
    """

    date = models.DateField(_("date"))
    base = models.CharField(_("from currency"), max_length=3)
    quote = models.CharField(_("to currency"), max_length=3)
    rate = models.DecimalField(_("rate"), max_digits=20, decimal_places=8)
    source = models.CharField(
        _("source"), max_length=200, help_text=_("e.g. Bank of China spot buying rate")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "base", "quote"]
        verbose_name = _("entered FX rate")
        verbose_name_plural = _("entered FX rates")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "date", "base", "quote"], name="reference_enteredfx_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(rate__gt=0), name="reference_enteredfx_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} 1 {self.base} = {self.rate} {self.quote}"


class FxPeg(models.Model):
    """A fixed peg: 1 ``anchor`` = ``rate`` ``currency`` from ``valid_from`` on."""

    currency = models.CharField(_("currency"), max_length=3)
    anchor = models.CharField(_("anchor currency"), max_length=3)
    rate = models.DecimalField(_("rate"), max_digits=20, decimal_places=8)
    valid_from = models.DateField(_("valid from"))
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["currency", "-valid_from"]
        verbose_name = _("FX peg")
        verbose_name_plural = _("FX pegs")
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "valid_from"], name="reference_fxpeg_unique"
            )
        ]

    def __str__(self) -> str:
        return f"1 {self.anchor} = {self.rate} {self.currency}"


class Incoterm(models.Model):
    code = models.CharField(_("code"), max_length=3, primary_key=True)
    name = models.CharField(_("name"), max_length=60)
    edition = models.CharField(_("edition"), max_length=4)
    transport_mode = models.CharField(_("transport mode"), max_length=40)
    group_letter = models.CharField(_("group"), max_length=1)
    named_place_is = models.CharField(_("named place"), max_length=200)
    delivery_and_risk_transfer_point = models.TextField(_("delivery and transfer of risk"))
    loading_at_origin_by = models.CharField(_("loading at origin"), max_length=200)
    export_clearance_by = models.CharField(_("export clearance"), max_length=200)
    main_carriage_contracted_and_paid_by = models.CharField(_("main carriage"), max_length=200)
    insurance_obligation = models.CharField(_("insurance"), max_length=200)
    unloading_at_destination_by = models.CharField(_("unloading at destination"), max_length=200)
    import_clearance_by = models.CharField(_("import clearance"), max_length=200)
    import_duties_and_taxes_by = models.CharField(_("import duties and taxes"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("Incoterm")
        verbose_name_plural = _("Incoterms")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def is_sea_only(self) -> bool:
        return self.transport_mode.startswith("sea")


class ContainerType(models.Model):
    """An ISO freight container type with nominal and typical dimensions (mm, kg, m³)."""

    code = models.CharField(_("code"), max_length=8, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    iso6346_size_type = models.CharField(_("ISO 6346 size-type"), max_length=4)
    iso668_designation = models.CharField(_("ISO 668 designation"), max_length=6)
    teu = models.DecimalField(_("TEU"), max_digits=5, decimal_places=2)
    ext_length_mm = models.PositiveIntegerField(_("external length (mm)"))
    ext_width_mm = models.PositiveIntegerField(_("external width (mm)"))
    ext_height_mm = models.PositiveIntegerField(_("external height (mm)"))
    int_length_mm_typ = models.PositiveIntegerField(_("internal length (mm, typical)"))
    int_width_mm_typ = models.PositiveIntegerField(_("internal width (mm, typical)"))
    int_height_mm_typ = models.PositiveIntegerField(_("internal height (mm, typical)"))
    door_width_mm_typ = models.PositiveIntegerField(_("door width (mm, typical)"))
    door_height_mm_typ = models.PositiveIntegerField(_("door height (mm, typical)"))
    capacity_m3_typ = models.DecimalField(
        _("capacity (m³, typical)"), max_digits=7, decimal_places=2
    )
    tare_kg_typ = models.PositiveIntegerField(_("tare (kg, typical)"))
    max_gross_kg_typ = models.PositiveIntegerField(_("max gross (kg, typical)"))
    max_payload_kg_typ = models.PositiveIntegerField(_("max payload (kg, typical)"))
    notes = models.TextField(_("notes"), blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("container type")
        verbose_name_plural = _("container types")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class VatRate(models.Model):
    """A country's VAT/GST rates in percent (standard; reduced where the source has them)."""

    country = models.CharField(_("country"), max_length=2, primary_key=True)
    tax_type = models.CharField(_("tax type"), max_length=20)
    tax_name = models.CharField(_("tax name"), max_length=200, blank=True)
    tax_abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    standard_rate = models.DecimalField(_("standard rate (%)"), max_digits=6, decimal_places=3)
    reduced_rates = models.JSONField(_("reduced rates (%)"), default=list, blank=True)
    super_reduced_rate = models.DecimalField(
        _("super-reduced rate (%)"), max_digits=6, decimal_places=3, null=True, blank=True
    )
    parking_rate = models.DecimalField(
        _("parking rate (%)"), max_digits=6, decimal_places=3, null=True, blank=True
    )
    vat_number_format = models.CharField(_("VAT number format"), max_length=200, blank=True)
    has_regional_rates = models.BooleanField(_("regional rates apply"), default=False)
    source = models.CharField(_("source"), max_length=200)
    as_of = models.DateField(_("as of"), null=True, blank=True)

    class Meta:
        ordering = ["country"]
        verbose_name = _("VAT rate")
        verbose_name_plural = _("VAT rates")

    def __str__(self) -> str:
        return f"{self.country} {self.standard_rate}%"
