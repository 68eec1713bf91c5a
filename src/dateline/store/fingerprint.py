"""Fingerprints of article texts: a content hash for exact duplicates, MinHash over
word 5-grams with LSH banding for near-duplicates (the same wire story republished
with small edits)."""

from __future__ import annotations

import hashlib
import zlib
from typing import Any

import numpy as np

NEAR_DUPLICATE = 0.8  # estimated Jaccard of word 5-gram sets
SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: a pair at Jaccard 0.8 becomes a candidate with p > 0.999
_PRIME = (1 << 61) - 1
_RNG = np.random.default_rng(20240607)  # fixed: signatures must match across runs
_PERM_A = _RNG.integers(1, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_PERM_B = _RNG.integers(0, 1 << 31, PERMUTATIONS, dtype=np.uint64)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def minhash(text: str) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """MinHash signature of the set of lower-cased word 5-grams (crc32-hashed)."""
    words = text.lower().split()
    grams = {
        " ".join(words[i : i + SHINGLE_WORDS])
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    hashed = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), np.uint64, len(grams))
    # a < 2^31 and x < 2^32, so a*x + b stays below 2^64: no overflow before the modulus
    values = (_PERM_A[:, None] * hashed[None, :] + _PERM_B[:, None]) % np.uint64(_PRIME)
    return values.min(axis=1)  # type: ignore[no-any-return]


def lsh_bands(signature: bytes) -> list[tuple[int, int]]:
    rows = len(signature) // BANDS
    return [
        (
            band,
            int.from_bytes(
                hashlib.blake2b(signature[band * rows : (band + 1) * rows], digest_size=7).digest(),
                "big",
            ),
        )
        for band in range(BANDS)
    ]
