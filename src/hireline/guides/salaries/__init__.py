"""Salary benchmarks: built-in bands from the templates, a tenant's imported figures."""
