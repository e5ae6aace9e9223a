"""How long a hiring guide takes to build and write out, per format, over the built-in templates.

Run: `.venv/bin/python bench/guide_render.py [ROUNDS | --quick]`. Prints the median milliseconds per
guide for building the data and for each output format, in-process and without a database.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from hireline.guides.rendering import pdf, render
from hireline.guides.salaries import service as salaries
from hireline.guides.templates.builtin import load_builtin_templates


def _median_ms(action: Callable[[], object], rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main(rounds: int, limit: int | None = None) -> None:
    templates = dict(list(load_builtin_templates().items())[:limit])
    figures: dict[str, list[float]] = {"build": [], "markdown": [], "html": [], "pdf": []}
    for template in templates.values():
        request = render.GuideRequest(
            template, 1, "built-in", "senior", "fintech", "startup", "austin-tx"
        )

        def build(
            request: render.GuideRequest = request,
        ) -> render.Guide:
            band = salaries.built_in_band(request.template, render.band_query(request))
            return render.build(request, band)

        guide = build()
        figures["build"].append(_median_ms(build, rounds))
        figures["markdown"].append(_median_ms(lambda g=guide: render.to_markdown(g), rounds))
        figures["html"].append(_median_ms(lambda g=guide: render.to_html(g), rounds))
        figures["pdf"].append(_median_ms(lambda g=guide: pdf.to_pdf(g), max(1, rounds // 10)))
    print(f"{len(templates)} templates, senior / fintech / startup / Austin, {rounds} rounds")
    for step, values in figures.items():
        print(f"{step:>9}: median {statistics.median(values):7.2f} ms, max {max(values):7.2f} ms")


if __name__ == "__main__":
    if sys.argv[1:] == ["--quick"]:  # `make bench`
        main(3, limit=4)
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
