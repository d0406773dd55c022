"""Background work of the fair: product embeddings, matching, invitations and reminders."""

from __future__ import annotations

from datetime import timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from seaward.core.tenancy import activate

REMINDER_BEFORE = timedelta(hours=1)


@task()
def embed_product_task(organization_id: int, product_id: int) -> int:
    """Embed and store one product's texts (runs after the product is put on show or changed)."""
    from seaward.catalog.models import Product
    from seaward.fair.embedding_store import record_product_vectors

    product = Product.all_objects.filter(pk=product_id, organization_id=organization_id).first()
    if product is None:
        return 0
    with transaction.atomic():
        return record_product_vectors(product)


@task()
def match_request_task(organization_id: int, request_id: int) -> int:
    """Match a sourcing request to the event's products on show; returns the matches stored."""
    from seaward.fair import services
    from seaward.fair.models import SourcingRequest
    from seaward.organizations.models import Organization

    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is None:
        return 0
    with activate(organization):
        request = SourcingRequest.objects.owned().filter(pk=request_id).first()
        if request is None:
            return 0
        return len(services.request_match(request=request))


def _recipients(meeting) -> list[str]:  # type: ignore[no-untyped-def]
    from seaward.organizations.models import Membership

    emails = list(
        Membership.objects.filter(
            organization_id__in=[
                o for o in (meeting.exhibitor_organization_id, meeting.buyer_organization_id) if o
            ],
            role__in=["owner", "admin", "sales"],
        ).values_list("user__email", flat=True)
    )
    if meeting.lead is not None and meeting.lead.email:
        emails.append(meeting.lead.email)
    return sorted({e for e in emails if e})


@task()
def meeting_invite_task(meeting_id: int) -> int:
    """Email both parties the ICS invitation of an accepted meeting."""
    from seaward.fair.ics import meeting_ics
    from seaward.fair.models import Meeting, MeetingStatus

    meeting = (
        Meeting.all_objects.select_related("event", "exhibitor_organization", "lead")
        .filter(pk=meeting_id, status=MeetingStatus.ACCEPTED)
        .first()
    )
    if meeting is None:
        return 0
    recipients = _recipients(meeting)
    if not recipients:
        return 0
    message = EmailMessage(
        subject=f"{meeting.event.name}: meeting with {meeting.exhibitor_organization.name}",
        body=f"{meeting.starts_at:%Y-%m-%d %H:%M} UTC\n{meeting.video_url}\n",
        to=recipients,
    )
    message.attach("meeting.ics", meeting_ics(meeting), "text/calendar")
    return message.send()


@task()
def meeting_remind_task(meeting_id: int) -> int:
    """Remind both parties shortly before an accepted meeting (deferred where the backend can)."""
    from seaward.fair.models import Meeting, MeetingStatus

    meeting = Meeting.all_objects.filter(pk=meeting_id, status=MeetingStatus.ACCEPTED).first()
    if meeting is None or meeting.starts_at is None or meeting.reminded_at is not None:
        return 0
    remind_at = meeting.starts_at - REMINDER_BEFORE
    if timezone.now() < remind_at:
        if default_task_backend.supports_defer:
            meeting_remind_task.using(run_after=remind_at).enqueue(meeting_id)
        return 0
    recipients = _recipients(meeting)
    sent = 0
    if recipients:
        sent = EmailMessage(
            subject=f"Reminder: {meeting.event.name} meeting at {meeting.starts_at:%H:%M} UTC",
            body=meeting.video_url,
            to=recipients,
        ).send()
    Meeting.all_objects.filter(pk=meeting_id).update(reminded_at=timezone.now())
    return sent


@task()
def catalog_import_task(organization_id: int, job_id: int) -> int:
    """Run a previewed bulk product import."""
    from seaward.fair.catalog_import import import_run
    from seaward.fair.models import CatalogImport

    job = CatalogImport.all_objects.filter(pk=job_id, organization_id=organization_id).first()
    if job is None or job.status != CatalogImport.Status.RUNNING:
        return 0
    return import_run(job)
