"""The kg command: parse options, call the library, map errors to exit codes."""

from kg.cli.commands import cli, main

__all__ = ["cli", "main"]
