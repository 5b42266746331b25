"""Check: consistency and data-quality checks, their reports, diffs between versions."""
