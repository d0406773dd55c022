"""Background tasks of the organizations context (Django tasks API, database worker)."""

from __future__ import annotations

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_email(subject: str, body: str, recipients: list[str]) -> int:
    """Send one email outside the request (invitations); retried by re-enqueueing on failure."""
    return send_mail(subject, body, None, recipients)
