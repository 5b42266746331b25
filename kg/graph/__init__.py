"""Load: where the project's files live, Turtle parsing with positions, namespaces."""

from kg.graph.load import load_graph, parse_turtle, turtle_files

__all__ = ["load_graph", "parse_turtle", "turtle_files"]
