"""``python -m dateline.cli``: the same as the ``dateline`` command."""

from dateline.cli.app import main

main()
