"""Serve: the read-only SPARQL endpoint, its front page and the ontology's documentation."""
