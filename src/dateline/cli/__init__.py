"""The command line, one module per command family.

``app`` holds the root group and registers the families: ``timeline`` (articles,
timeline, dates), ``speech`` (quotes, actors), ``brief`` (summarize, brief), ``store``
(add, stats, check) and ``evaluate`` (eval ...). ``common`` has the options and error
handling they share; ``output`` writes files safely.
"""

from dateline.cli.app import main

__all__ = ["main"]
