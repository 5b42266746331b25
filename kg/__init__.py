"""mnd-kg: a knowledge graph of motor neuron disease claims, with reasoning and saved SPARQL queries.

The core (load, reason, query, check) takes and returns values and never prints or exits;
``kg.cli`` is the only module that talks to the terminal.
"""

__version__ = "0.1.0"
