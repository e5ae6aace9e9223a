"""Jobs: postings with a lifecycle, pipeline stages and a hiring team."""
