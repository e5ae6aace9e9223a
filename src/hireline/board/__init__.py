"""The public job board: JSON, careers pages, feeds, and the cache in front of them."""
