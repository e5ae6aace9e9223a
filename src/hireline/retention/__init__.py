"""Retention: each organisation's rules for how long it keeps candidates, the notice that
goes out before an erasure they decide, and the daily job that applies them."""
