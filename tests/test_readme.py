"""The README documents every command and option the command line has."""

from __future__ import annotations

import click

from dateline.cli import main
from tests.builders import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        if isinstance(command, click.Group):
            found += _commands(command, full)
        else:
            found.append((full, command))
    return found


def test_every_command_and_option_is_in_the_readme() -> None:
    missing = []
    for full, command in _commands(main, "dateline"):
        if full not in README:
            missing.append(full)
        for param in command.params:
            if isinstance(param, click.Option) and not any(o in README for o in param.opts):
                missing.append(f"{full} {'/'.join(param.opts)}")
    assert not missing, f"not in README.md: {missing}"


def test_the_readme_gives_the_setup_and_test_commands() -> None:
    assert "make demo" in README and "make test" in README
