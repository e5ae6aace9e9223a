"""When candidates were last heard of: what retention policies measure their time from."""
