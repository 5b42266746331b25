"""Query: saved queries, parameter binding, limits, result formats."""
