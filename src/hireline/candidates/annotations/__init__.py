"""What recruiters add to a candidate by hand: notes (which may mention members) and tags."""
