"""The pure-Python domain of planwatch.

Nothing in this package imports Django, Typer or a document library: it takes
plain values and returns plain values, so every edge (web, API, CLI, reports)
shares one set of rules.
"""
