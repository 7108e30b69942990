"""The ``argmap`` command. Each subcommand lives in its own module here and is
imported only when it runs (or when ``--help`` lists it), so start-up stays fast."""

from __future__ import annotations

import importlib

import click

#: command name -> module defining ``command`` (a click.Command)
COMMANDS = {
    "render": "argmap.cli.render",
    "validate": "argmap.cli.validate",
    "check": "argmap.cli.check",
    "explain": "argmap.cli.explain",
    "scaffold": "argmap.cli.scaffold",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = importlib.import_module(module).command
        return command


def _version() -> str:
    from argmap import __version__

    return __version__


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), "--version", prog_name="argmap", message="%(prog)s %(version)s")
def main() -> None:
    """Map the reasoning of a text, check it for leaps and circles, draw it.

    Maps are *.argmap.yaml (or .json) files; see docs/format.md.
    Exit codes: 0 fine, 1 findings of error level (check), 2 bad input or usage.
    """
