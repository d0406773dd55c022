"""Tenancy: the one mechanism that scopes every tenant-owned query.

Every tenant-owned model subclasses ``TenantModel``: it carries its
``organization`` and its default manager filters by the *active organization*
of the current request (or task, or command). Views never filter by
organization themselves. With no active organization the scoped manager
refuses to run (``TenancyNotActive``) rather than leak every tenant's rows;
back-office code that must see everything (Django admin for superusers,
migrations, the export command) uses ``all_objects`` or ``activate()``.

A model that is shared explicitly with a second organization (a quotation
addressed to a buyer, a meeting between two parties) names the fields that point
at the other organizations in ``shared_via``; those organizations see the row
too. See docs/adr/0003-tenancy.md.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from seaward.organizations.models import Organization

_active_organization: contextvars.ContextVar[Organization | None] = contextvars.ContextVar(
    "seaward_active_organization", default=None
)

M = TypeVar("M", bound=models.Model)


class TenancyNotActive(RuntimeError):
    """A scoped query ran with no active organization: a programming error."""


def current_organization() -> Organization | None:
    """The organization the current request, task or command acts for."""
    return _active_organization.get()


def require_organization() -> Organization:
    organization = _active_organization.get()
    if organization is None:
        raise TenancyNotActive(
            "No active organization: call tenancy.activate(org) or use all_objects explicitly."
        )
    return organization


def set_organization(organization: Organization | None) -> contextvars.Token[Any]:
    return _active_organization.set(organization)


def reset_organization(token: contextvars.Token[Any]) -> None:
    _active_organization.reset(token)


@contextmanager
def activate(organization: Organization | None) -> Iterator[None]:
    """Act for ``organization`` inside the block (tasks, commands, tests)."""
    token = _active_organization.set(organization)
    try:
        yield
    finally:
        _active_organization.reset(token)


def visibility_filter(model: type[models.Model], organization: Organization) -> Q:
    """The Q that selects the rows of ``model`` visible to ``organization``."""
    condition = Q(organization=organization)
    for field in getattr(model, "shared_via", ()):
        condition |= Q(**{field: organization})
    return condition


class TenantQuerySet(models.QuerySet[M]):
    def owned(self) -> TenantQuerySet[M]:
        """Only the rows the active organization owns (not those shared with it)."""
        return self.filter(organization=require_organization())


class TenantManager(models.Manager[M]):
    """Default manager of tenant-owned models: scoped to the active organization."""

    _queryset_class = TenantQuerySet

    def get_queryset(self) -> TenantQuerySet[M]:
        organization = require_organization()
        queryset: TenantQuerySet[M] = TenantQuerySet(self.model, using=self._db)
        shared_via: tuple[str, ...] = getattr(self.model, "shared_via", ())
        condition = visibility_filter(self.model, organization)
        if any("__" in field for field in shared_via):
            # A path through a to-many relation could repeat rows. A subquery on the primary
            # key removes them without DISTINCT, which would forbid SELECT … FOR UPDATE.
            visible = self.model._base_manager.filter(condition).values("pk")
            return queryset.filter(pk__in=visible)
        return queryset.filter(condition)

    def owned(self) -> TenantQuerySet[M]:
        return self.get_queryset().owned()


class TenantModel(models.Model):
    """Base of every tenant-owned model."""

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
    )

    shared_via: ClassVar[tuple[str, ...]] = ()

    objects: ClassVar[TenantManager[Any]] = TenantManager()
    all_objects: ClassVar[models.Manager[Any]] = models.Manager()

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.organization_id is None:
            self.organization = require_organization()
        super().save(*args, **kwargs)

    def is_owned_by_active(self) -> bool:
        organization = current_organization()
        return organization is not None and self.organization_id == organization.pk
