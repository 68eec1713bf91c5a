"""Writing what a command produces: never over one of its inputs or a store, and
atomically (a temporary file in the same folder, then a rename), so a full disk or a
kill never leaves a truncated output behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from dateline.errors import EnvironmentProblemError, OutputError

SQLITE_MAGIC = b"SQLite format 3\x00"
# Parameters of a command that name what it reads.
INPUT_PARAMS = ("paths", "file", "store", "manifest")


def inputs_of(params: Mapping[str, Any]) -> list[Path]:
    """The paths a command's parameters name as inputs."""
    found: list[Path] = []
    for name in INPUT_PARAMS:
        value = params.get(name)
        if isinstance(value, Path):
            found.append(value)
        elif isinstance(value, tuple | list):
            found += [v for v in value if isinstance(v, Path)]
    return found


def refuse_overwrite(output: Path, inputs: Iterable[Path]) -> None:
    """Raise :class:`OutputError` when writing ``output`` would replace an input or a
    store: a file given as input, a file inside a folder given as input, an SQLite file."""
    target = output.resolve()
    for given in inputs:
        source = given.resolve()
        if target == source or (source.is_dir() and source in target.parents and target.exists()):
            raise OutputError(
                str(output),
                "is an input of this run; writing there would replace it",
                "give -o a new file name",
            )
    if target.is_file():
        with contextlib.suppress(OSError), target.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                raise OutputError(
                    str(output),
                    "is an SQLite database (a dateline store?); writing there would replace it",
                    "give -o a new file name",
                )


def write_atomically(text: str, output: Path) -> None:
    """Write ``text`` to ``output`` through a temporary file and a rename."""
    tmp: Path | None = None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        tmp = Path(name)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        tmp.chmod(_mode_for(output))
        tmp.replace(output)
        tmp = None
    except OSError as err:
        raise EnvironmentProblemError(
            str(output),
            f"cannot be written: {err.strerror or err}",
            "check the folder exists, is writable and the disk has room, or give -o another path",
        ) from err
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _mode_for(output: Path) -> int:
    """The existing file's permissions, else what a new file gets under the umask."""
    try:
        return output.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
