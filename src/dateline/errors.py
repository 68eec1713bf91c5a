"""The exception hierarchy. Messages name the file, the problem and the fix."""

from __future__ import annotations


class DatelineError(Exception):
    """Base class for every error dateline raises on purpose."""


class InputError(DatelineError):
    """An input file or record cannot be used."""

    def __init__(self, path: str, problem: str, fix: str = "") -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        message = f"{path}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


class StoreDamagedError(InputError):
    """A store file whose pages or records are damaged: dateline reads nothing more from
    it and never writes into it."""

    FIX = (
        "restore it from a backup, or rebuild it: move it aside and run 'dateline add' "
        "on the sources again"
    )

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, f"the store is damaged: {problem}", self.FIX)


class ConfigError(DatelineError):
    """Options that cannot work together, or a value out of range."""


class StageError(DatelineError):
    """A processing stage failed on one article."""

    def __init__(self, stage: str, article_id: str, problem: str) -> None:
        self.stage = stage
        self.article_id = article_id
        super().__init__(f"{stage} failed on article {article_id}: {problem}")


class ModelNotFoundError(DatelineError):
    """A required NLP model is not installed."""


class OutputError(DatelineError):
    """An output that must not be written where asked: over an input, or over a store."""

    def __init__(self, path: str, problem: str, fix: str = "") -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        super().__init__(f"{path}: {problem}" + (f" ({fix})" if fix else ""))


class EnvironmentProblemError(DatelineError):
    """The machine stands in the way, not the input: a read-only store or folder, a full
    disk, an output that cannot be written, a scheduler that cannot be reached."""

    def __init__(self, path: str, problem: str, fix: str = "") -> None:
        self.path = path
        self.problem = problem
        self.fix = fix
        super().__init__(f"{path}: {problem}" + (f" ({fix})" if fix else ""))
