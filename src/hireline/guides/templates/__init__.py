"""Role templates: the built-in ones, a tenant's forks and their versions, and their vocabulary."""
