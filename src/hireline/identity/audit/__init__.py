"""The audit log: sign-ins, failures, revocations and changes to members and credentials."""
