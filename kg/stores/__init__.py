"""Export and load: deterministic RDF files, remote SPARQL endpoints and Graph Stores."""
