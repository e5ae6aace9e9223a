"""Semantic matching's cost: résumé-length texts embedded per second by the numpy encoder.

    .venv/bin/python bench/embeddings.py [--texts 64] [--batch 16] [--repeat 3]

Builds `--texts` résumé-like texts of about 300 words (each longer than the model's 256
tokens, so every one costs a full-length pass, the worst case), loads the packaged model and
embeds them in batches of `--batch`, `--repeat` times; prints the load time and the best and
median rates. Needs the `semantic` extra. Keep it short on a shared machine: the encoder uses
every core numpy's BLAS gives it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from hireline.matching import embeddings

PHRASES = (
    "Designed and built REST APIs in Python with Django and FastAPI",
    "tuned PostgreSQL queries and indexes for a payments ledger",
    "led a team of five engineers through a migration to Kubernetes",
    "wrote Celery tasks for nightly reconciliation of card settlements",
    "introduced contract tests and cut release time from days to hours",
    "mentored junior developers and ran the hiring loop for backend roles",
    "automated infrastructure with Terraform on AWS, with cost reports per team",
    "built a React dashboard for operations with real-time updates over websockets",
    "on call for a service handling four thousand requests per second",
    "Bachelor of Science in Computer Science; fluent in English and Spanish",
)


def resume_texts(count: int, *, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        sentences = [rng.choice(PHRASES) for _ in range(25)]
        texts.append("Senior Backend Engineer. " + ". ".join(sentences) + ".")
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=64)
    parser.add_argument("--batch", type=int, default=embeddings.BATCH_SIZE)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(texts=8, batch=8, repeat=1)
    args = parser.parse_args()

    started = time.perf_counter()
    model = embeddings.model()
    loaded = time.perf_counter() - started
    texts = resume_texts(args.texts)
    tokens = [len(e.ids) for e in model.tokenizer.encode_batch(texts)]
    rates = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        model.encode(texts, batch_size=args.batch)
        rates.append(len(texts) / (time.perf_counter() - started))
    print(f"model loaded in {loaded:.2f} s")
    print(
        f"{len(texts)} résumé texts of ~{statistics.mean(len(t.split()) for t in texts):.0f} "
        f"words ({min(tokens)}-{max(tokens)} tokens after truncation), batches of {args.batch}"
    )
    print(
        f"embedded per second: best {max(rates):.1f}, median {statistics.median(rates):.1f} "
        f"({args.repeat} runs)"
    )


if __name__ == "__main__":
    main()
