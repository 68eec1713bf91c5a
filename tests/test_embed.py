"""The ONNX MiniLM embedder: real model, real tokenizer, no network."""

from __future__ import annotations

import numpy as np

from dateline.embed import get_embedder


def test_embeddings_are_unit_vectors_that_rank_paraphrases_closer() -> None:
    vectors = get_embedder().encode(
        [
            "Ban Ki-moon urged Russia and the United States to help.",
            "The UN chief pressed Moscow and Washington to assist.",
            "Oil spilled into the Gulf of Mexico from the damaged well.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    sims = vectors @ vectors.T
    assert sims[0, 1] > sims[0, 2] + 0.2


def test_order_and_batching_do_not_change_vectors() -> None:
    texts = ["short one", "a considerably longer sentence about peace talks in Geneva", "mid"]
    one = get_embedder().encode(texts, batch_size=1)
    many = get_embedder().encode(list(reversed(texts)), batch_size=8)[::-1]
    assert np.allclose(one, many, atol=1e-4)
    assert get_embedder().encode([]).shape == (0, 384)
