"""Fixed wording of trade documents in English, Chinese and Spanish. Pure Python.

Trade documents carry the trade's standard headings in the language the buyer asked for,
whatever language the user interface is in, so they live here rather than in the UI
message catalogue. ``bilingual`` prints English with Chinese beneath.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "proforma-invoice": {"en": "Pro-forma Invoice", "zh": "形式发票", "es": "Factura proforma"},
    "commercial-invoice": {"en": "Commercial Invoice", "zh": "商业发票", "es": "Factura comercial"},
    "packing-list": {"en": "Packing List", "zh": "装箱单", "es": "Lista de empaque"},
    "certificate-of-origin": {
        "en": "Certificate of Origin — Application Data",
        "zh": "原产地证书申请资料",
        "es": "Certificado de origen — datos de solicitud",
    },
    "quotation": {"en": "Quotation", "zh": "报价单", "es": "Cotización"},
    "number": {"en": "No.", "zh": "编号", "es": "N.º"},
    "date": {"en": "Date", "zh": "日期", "es": "Fecha"},
    "version": {"en": "Version", "zh": "版本", "es": "Versión"},
    "seller": {"en": "Seller / Exporter", "zh": "卖方 / 出口商", "es": "Vendedor / Exportador"},
    "buyer": {"en": "Buyer", "zh": "买方", "es": "Comprador"},
    "consignee": {"en": "Consignee", "zh": "收货人", "es": "Consignatario"},
    "notify_party": {"en": "Notify party", "zh": "通知方", "es": "Parte a notificar"},
    "incoterm": {"en": "Terms of delivery", "zh": "交货条件", "es": "Condiciones de entrega"},
    "payment_terms": {"en": "Terms of payment", "zh": "付款方式", "es": "Condiciones de pago"},
    "valid_until": {"en": "Valid until", "zh": "有效期至", "es": "Válida hasta"},
    "lead_time": {"en": "Lead time", "zh": "交货期", "es": "Plazo de entrega"},
    "days": {"en": "days", "zh": "天", "es": "días"},
    "packing": {"en": "Packing", "zh": "包装", "es": "Embalaje"},
    "notes": {"en": "Notes", "zh": "备注", "es": "Notas"},
    "order": {"en": "Order", "zh": "订单", "es": "Pedido"},
    "buyer_reference": {
        "en": "Buyer's order no.",
        "zh": "买方订单号",
        "es": "Pedido del comprador",
    },
    "item": {"en": "Item", "zh": "序号", "es": "Pos."},
    "sku": {"en": "Item no.", "zh": "货号", "es": "Referencia"},
    "description": {"en": "Description of goods", "zh": "货物描述", "es": "Descripción"},
    "hs_code": {"en": "HS code", "zh": "海关编码", "es": "Código SA"},
    "origin": {"en": "Origin", "zh": "原产地", "es": "Origen"},
    "quantity": {"en": "Quantity", "zh": "数量", "es": "Cantidad"},
    "unit_price": {"en": "Unit price", "zh": "单价", "es": "Precio unitario"},
    "amount": {"en": "Amount", "zh": "金额", "es": "Importe"},
    "total": {"en": "Total", "zh": "总计", "es": "Total"},
    "deposit": {"en": "Deposit", "zh": "定金", "es": "Anticipo"},
    "balance": {"en": "Balance", "zh": "尾款", "es": "Saldo"},
    "due": {"en": "due", "zh": "到期日", "es": "vence"},
    "cartons": {"en": "Cartons", "zh": "箱数", "es": "Cajas"},
    "carton_nos": {"en": "Carton nos.", "zh": "箱号", "es": "N.º de cajas"},
    "net_weight": {"en": "Net weight (kg)", "zh": "净重 (千克)", "es": "Peso neto (kg)"},
    "gross_weight": {"en": "Gross weight (kg)", "zh": "毛重 (千克)", "es": "Peso bruto (kg)"},
    "volume": {"en": "Volume (m³)", "zh": "体积 (立方米)", "es": "Volumen (m³)"},
    "marks": {"en": "Marks and numbers", "zh": "唛头", "es": "Marcas y números"},
    "container": {"en": "Container / seal", "zh": "集装箱号 / 封号", "es": "Contenedor / precinto"},
    "per_carton": {"en": "per carton", "zh": "每箱", "es": "por caja"},
    "by_container": {
        "en": "Cartons by container (loading plan)",
        "zh": "各集装箱所装箱号（装箱方案）",
        "es": "Cajas por contenedor (plan de carga)",
    },
    "exporter_declaration": {
        "en": "We declare that the goods described above originate in %(country)s.",
        "zh": "兹声明上述货物原产于%(country)s。",
        "es": "Declaramos que las mercancías descritas son originarias de %(country)s.",
    },
    "signature": {"en": "Authorised signature", "zh": "授权签字", "es": "Firma autorizada"},
    "bank": {"en": "Bank details", "zh": "银行信息", "es": "Datos bancarios"},
    "tt": {"en": "T/T", "zh": "电汇 (T/T)", "es": "Transferencia (T/T)"},
    "lc_sight": {"en": "L/C at sight", "zh": "即期信用证", "es": "Carta de crédito a la vista"},
    "dp": {"en": "D/P", "zh": "付款交单 (D/P)", "es": "Documentos contra pago (D/P)"},
    "da": {"en": "D/A", "zh": "承兑交单 (D/A)", "es": "Documentos contra aceptación (D/A)"},
    "open_account": {"en": "Open account", "zh": "赊销 (O/A)", "es": "Cuenta abierta"},
}

LANGUAGES = ("en", "zh", "es", "bilingual")


def label(key: str, language: str) -> str:
    """The wording of ``key``: ``bilingual`` gives ``English / 中文``."""
    texts = LABELS[key]
    if language == "bilingual":
        return f"{texts['en']} / {texts['zh']}"
    return texts.get(language) or texts["en"]


def labels(language: str) -> dict[str, str]:
    return {key: label(key, language) for key in LABELS}


def payment_terms_text(terms: str, deposit_percent: str, days: int, language: str) -> str:
    """E.g. ``T/T 30% deposit, 70% balance before shipment``, in ``language``."""
    name = label(terms, language)
    if terms == "tt" and deposit_percent not in ("0", "0.00", ""):
        return (
            f"{name} {deposit_percent}% {label('deposit', language)}, {label('balance', language)}"
        )
    if terms in ("da", "open_account") and days:
        return f"{name} {days} {label('days', language)}"
    return name
