from seaward.core.errors import Conflict, Forbidden, InvalidInput, NotFound, gettext_noop


class NotAMember(Forbidden):
    code = "not_a_member"
    default_message = gettext_noop("You are not a member of this organization.")


class InvitationInvalid(InvalidInput):
    code = "invitation_invalid"
    default_message = gettext_noop("This invitation is unknown, used or expired.")


class InvitationEmailMismatch(InvalidInput):
    code = "invitation_email_mismatch"
    default_message = gettext_noop(
        "This invitation was sent to %(email)s; sign in with that address to accept it."
    )


class AlreadyMember(Conflict):
    code = "already_member"
    default_message = gettext_noop("%(email)s is already a member of this organization.")


class TokenInvalid(NotFound):
    code = "token_invalid"
    default_message = gettext_noop("Unknown or revoked API token.")


class LastOwner(Conflict):
    code = "last_owner"
    default_message = gettext_noop("An organization must keep at least one owner.")
