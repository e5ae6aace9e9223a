"""Interview kits: questions from the bank traced to the job's requirements, with rubrics.

A requirement is a skill the job requires, or an attribute (the behavioural and culture
topics the job's template asks about at its level). A question probes a skill it names
(or whose name its text holds) and the attribute of its topic. Each requirement a kit's
questions probe becomes a rubric attribute with four anchored levels, worded from the
strongest answer the bank describes and the guide's evaluation tips; a question that probes
no requirement is rated on its own topic. Kits are stored as JSON snapshots (`Kit.dump`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from hireline.guides.templates.service import InterviewMaterial, KitQuestion

RATING_LABELS = {1: "Concern", 2: "Mixed", 3: "Good", 4: "Strong"}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Requirement:
    """Something the job asks of a candidate, which interviews should find evidence of."""

    key: str
    name: str
    kind: str  # skill | attribute | topic (a kit's own, not the job's)


@dataclass(frozen=True)
class Anchor:
    rating: int
    label: str
    sounds_like: str


@dataclass(frozen=True)
class Attribute:
    key: str
    name: str
    kind: str
    question_ids: list[str]
    levels: list[Anchor]
    tip: str | None = None


@dataclass(frozen=True)
class Question:
    id: str
    category: str
    topic: str
    question: str
    strong_answer: str
    probes: list[str]


@dataclass(frozen=True)
class Kit:
    questions: list[Question] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    evaluation_tips: list[str] = field(default_factory=list)
    red_flags: list[dict[str, str]] = field(default_factory=list)

    def dump(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def load(cls, data: dict[str, Any]) -> Kit:
        return cls(
            questions=[Question(**q) for q in data.get("questions", [])],
            attributes=[
                Attribute(**{**a, "levels": [Anchor(**level) for level in a["levels"]]})
                for a in data.get("attributes", [])
            ],
            evaluation_tips=list(data.get("evaluation_tips", [])),
            red_flags=list(data.get("red_flags", [])),
        )

    def attribute_keys(self) -> set[str]:
        return {a.key for a in self.attributes}

    def question_ids(self) -> set[str]:
        return {q.id for q in self.questions}


def slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-") or "x"


def requirements(
    required_skills: Sequence[str], material: InterviewMaterial | None
) -> list[Requirement]:
    """The job's requirements: its required skills, then its template's attributes."""
    found = {
        f"skill:{slug(s)}": Requirement(f"skill:{slug(s)}", s, "skill") for s in required_skills
    }
    if material is not None:
        for q in material.questions:
            if q.category in ("behavioral", "culture"):
                key = f"attribute:{slug(q.topic)}"
                found.setdefault(key, Requirement(key, q.topic, "attribute"))
    return list(found.values())


def probes(question: KitQuestion, requirement: Requirement) -> bool:
    """Whether `question` gives evidence of `requirement`."""
    if requirement.kind == "skill":
        wanted = requirement.name.lower()
        if wanted in {s.lower() for s in question.skills}:
            return True
        pattern = rf"(?<![\w+#.]){re.escape(wanted)}(?![\w+#])"
        return re.search(pattern, f"{question.topic} {question.question}".lower()) is not None
    return requirement.kind == "attribute" and slug(question.topic) == requirement.key.split(":")[1]


def _anchors(name: str, strong_answers: list[str]) -> list[Anchor]:
    strong = strong_answers[0] if strong_answers else f"specific, first-hand evidence of {name}"
    return [
        Anchor(
            1,
            RATING_LABELS[1],
            f"Cannot apply {name} to the problem; answers with definitions, buzzwords or "
            "someone else's work.",
        ),
        Anchor(
            2,
            RATING_LABELS[2],
            f"Knows the vocabulary of {name} but stays general and needs prompting to reach "
            "trade-offs.",
        ),
        Anchor(
            3,
            RATING_LABELS[3],
            "Reaches most of a strong answer with little prompting; small gaps only.",
        ),
        Anchor(4, RATING_LABELS[4], strong),
    ]


def build(
    questions: Iterable[KitQuestion],
    job_requirements: Sequence[Requirement],
    material: InterviewMaterial | None,
) -> Kit:
    """The kit of an interview asking `questions`, rated on what they probe."""
    chosen = list(dict.fromkeys(questions))
    kit_questions: list[Question] = []
    probed: dict[str, tuple[Requirement, list[KitQuestion]]] = {}
    for q in chosen:
        hits = [r for r in job_requirements if probes(q, r)]
        if not hits:
            own = Requirement(f"topic:{slug(q.topic)}", q.topic, "topic")
            hits = [own]
        for requirement in hits:
            probed.setdefault(requirement.key, (requirement, []))[1].append(q)
        kit_questions.append(
            Question(
                id=q.id,
                category=q.category,
                topic=q.topic,
                question=q.question,
                strong_answer=q.strong_answer,
                probes=[r.key for r in hits],
            )
        )
    tips = list(material.evaluation_tips) if material else []
    attributes = [
        Attribute(
            key=requirement.key,
            name=requirement.name,
            kind=requirement.kind,
            question_ids=[q.id for q in asked],
            levels=_anchors(requirement.name, [q.strong_answer for q in asked]),
            tip=tips[index % len(tips)] if tips else None,
        )
        for index, (requirement, asked) in enumerate(probed.values())
    ]
    return Kit(
        questions=kit_questions,
        attributes=attributes,
        evaluation_tips=tips,
        red_flags=(
            [
                {"title": title, "problem": problem, "instead": instead}
                for title, problem, instead in material.red_flags
            ]
            if material
            else []
        ),
    )


def uncovered(job_requirements: Sequence[Requirement], kits: Iterable[Kit]) -> list[Requirement]:
    """The requirements no kit rates: nobody would gather evidence of them."""
    rated = set().union(*(kit.attribute_keys() for kit in kits))
    return [r for r in job_requirements if r.key not in rated]
