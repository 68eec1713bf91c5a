"""Results of corpus stages kept between runs: a briefing re-run on an unchanged corpus
reads its parts back instead of computing them again.

A result is kept under a key that names everything it was computed from: the corpus
(each article's text, date, title, source and other metadata, and its annotations), the
options the part reads, and the code itself (a hash of the package's source files, so an
upgrade or a local edit never reads a result made by other code). Anything else changes
the key, and a changed key is a miss, never a wrong answer.

Results are pickled, and a pickle runs code when loaded, so a stored result is signed
with a key only this user can read (``~/.cache/dateline/results.key``): a store or cache
someone else made holds results this user's key does not verify, which are misses.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import pickle
import secrets
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from dateline.model import Corpus
from dateline.options import Options

__all__ = ["Memo", "code_fingerprint", "corpus_fingerprint", "keep", "options_key", "recall"]

log = logging.getLogger(__name__)
_PACKAGE = Path(__file__).resolve().parent


class Memo(Protocol):
    """Where results are kept: :class:`dateline.store.results.StoreMemo` in a store."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, blob: bytes) -> None: ...


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of every source file of the package (about 10 ms, once a process)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def corpus_fingerprint(corpus: Corpus) -> str:
    """A hash of what a corpus stage can read of ``corpus``: articles in order, with
    their texts, dates and metadata, their annotations and the failures."""
    digest = hashlib.sha256()
    for article in corpus.articles:
        ann = corpus.annotations.get(article.id)
        fields = (
            article.id,
            hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
            article.pub_date,
            article.title,
            article.title_span,
            article.body_start,
            article.source,
            article.url,
            article.author,
            article.place,
            article.path,
        )
        digest.update(repr(fields).encode("utf-8"))
        # the annotations themselves, not only their versions: a curated store leaves
        # rejected quotes out of them (about 0.2 s for 700 articles)
        digest.update(repr(ann).encode("utf-8"))
    digest.update(repr(corpus.failures).encode("utf-8"))
    return digest.hexdigest()


def options_key(opts: Options) -> str:
    """The options as a part reads them: how many workers run it changes nothing."""
    return repr(opts.but(workers=1, scheduler=None, extra={}))


@lru_cache(maxsize=1)
def _signing_key() -> bytes | None:
    """This user's signing key, made on first use; None where it cannot be kept."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = home / "dateline" / "results.key"
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(secrets.token_bytes(32))
        key = path.read_bytes()
    except OSError as err:
        log.debug("results not kept: no signing key at %s (%s)", path, err)
        return None
    return key if len(key) >= 16 else None


def _seal(value: Any, key: bytes) -> bytes:
    body = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
    return hmac.new(key, body, hashlib.sha256).digest() + body


def _open(blob: bytes, key: bytes) -> Any:
    tag, body = blob[:32], blob[32:]
    if not hmac.compare_digest(tag, hmac.new(key, body, hashlib.sha256).digest()):
        raise ValueError("signed by another key")
    return pickle.loads(zlib.decompress(body))  # signed by this user: made by this code


def _full_key(name: str, key: str) -> str:
    digest = hashlib.sha256(f"{name}\n{code_fingerprint()}\n{key}".encode()).hexdigest()
    return f"{name}:{digest}"


def recall(memo: Memo | None, name: str, key: str) -> Any | None:
    """The result kept under ``name`` and ``key`` (which must name every input of the
    computation; :func:`code_fingerprint` is added), or None."""
    signing = _signing_key() if memo is not None else None
    if memo is None or signing is None:
        return None
    blob = memo.get(_full_key(name, key))
    if blob is None:
        return None
    try:
        return _open(blob, signing)
    except Exception as err:  # any unreadable result is a miss
        log.debug("kept %s result not used: %s", name, err)
        return None


def keep(memo: Memo | None, name: str, key: str, value: Any) -> None:
    """Keep ``value`` for :func:`recall`; a value that does not pickle is not kept."""
    signing = _signing_key() if memo is not None else None
    if memo is None or signing is None:
        return
    try:
        blob = _seal(value, signing)
    except (pickle.PicklingError, TypeError, AttributeError) as err:
        log.debug("%s result not kept: %s", name, err)
        return
    memo.put(_full_key(name, key), blob)
