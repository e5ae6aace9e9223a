"""An organisation's members and invitations."""
