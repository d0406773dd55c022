from django.urls import path

from seaward.ledger import views

urlpatterns = [
    path("money/", views.overview, name="ledger_overview"),
    path("ledger/accounts/", views.accounts, name="ledger_accounts"),
    path("ledger/accounts/<id:account_id>/", views.account_detail, name="ledger_account"),
    path("ledger/entries/<id:entry_id>/", views.entry_detail, name="ledger_entry"),
    path("ledger/entries/<id:entry_id>/reverse/", views.entry_reverse, name="ledger_entry_reverse"),
    path("ledger/receivables/", views.receivables, name="ledger_receivables"),
    path(
        "ledger/receivables/<id:receivable_id>/",
        views.receivable_detail,
        name="ledger_receivable",
    ),
    path("ledger/receipts/", views.receipts, name="ledger_receipts"),
    path("ledger/receipts/<id:receipt_id>/", views.receipt_detail, name="ledger_receipt"),
    path("ledger/settlements/", views.settlements, name="ledger_settlements"),
    path("ledger/revaluations/", views.revaluations, name="ledger_revaluations"),
    path("ledger/statements/", views.statements, name="ledger_statements"),
    path("ledger/statements/<id:statement_id>/", views.statement_detail, name="ledger_statement"),
    path(
        "ledger/statement-lines/<id:line_id>/confirm/",
        views.line_confirm,
        name="ledger_line_confirm",
    ),
]
