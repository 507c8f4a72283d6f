"""`policylint regulators`, `rules` and `explain`: what the rulebook holds, read by people.

Plain text (aligned columns) for reading, JSON for tools. No spaCy here except in `explain`,
which runs each example through detection to show that it behaves as documented.
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from typing import Any, TextIO

from policylint.errors import UsageError
from policylint.model import Severity
from policylint.rulebook.types import RegulatorPack, Requirement, Rulebook, Topic

_WIDTH = 96


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    return "\n".join(lines) + "\n"


def severity_counts(pack: RegulatorPack) -> dict[str, int]:
    counts = Counter(req.severity.value for req in pack.requirements)
    return {s.value: counts.get(s.value, 0) for s in sorted(Severity, key=lambda s: -s.rank)}


def render_regulators(rulebook: Rulebook, fmt: str, out: TextIO) -> None:
    """List packs (and the bodies not available yet, with why)."""
    if fmt == "json":
        data = {
            "regulators": [
                {
                    "id": p.id,
                    "name": p.name,
                    "jurisdiction": p.jurisdiction,
                    "profession": p.profession,
                    "documents": [{"title": d.title, "edition": d.edition} for d in p.documents],
                    "extends": list(p.extends),
                    "requirements": severity_counts(p),
                }
                for p in rulebook.packs.values()
            ],
            "unavailable": [
                {"id": u.id, "name": u.name, "reason": u.reason}
                for u in rulebook.unavailable.values()
            ],
        }
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    # One block per pack: names and document titles are too long for table columns.
    for pack in rulebook.packs.values():
        counts = severity_counts(pack)
        lines = [
            f"{pack.name} ({pack.jurisdiction})",
            pack.profession,
            f"{len(pack.requirements)} requirements: {counts['error']} error, "
            f"{counts['warning']} warning, {counts['info']} info",
        ]
        if pack.documents:
            lines.append(
                "Documents: "
                + "; ".join(
                    f"{d.title} ({d.edition})" if d.edition else d.title for d in pack.documents
                )
            )
        out.write(f"{pack.id}\n")
        for line in lines:
            out.write(
                textwrap.fill(line, _WIDTH, initial_indent="    ", subsequent_indent="      ")
                + "\n"
            )
    if rulebook.unavailable:
        out.write("\nNot available yet:\n")
        for body in rulebook.unavailable.values():
            out.write(
                textwrap.fill(
                    f"{body.id}  {body.name}: {body.reason}", _WIDTH, subsequent_indent="    "
                )
                + "\n"
            )


def _requirement_dict(req: Requirement) -> dict[str, Any]:
    return {
        "rule": req.id,
        "regulator": req.pack,
        "topic": req.topic,
        "title": req.title,
        "severity": req.severity.value,
        "strength": req.strength,
        "stance": [s.value for s in req.stance],
        "clause": req.clause,
        "document": req.document,
        "why": req.why,
        "suggestion": req.suggestion,
    }


def render_rules(rulebook: Rulebook, pack_ids: tuple[str, ...], fmt: str, out: TextIO) -> None:
    """List the requirements of the given packs."""
    reqs = [req for pid in pack_ids for req in rulebook.packs[pid].requirements]
    if fmt == "json":
        data = {"regulators": list(pack_ids), "rules": [_requirement_dict(r) for r in reqs]}
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    rows = []
    for pid in pack_ids:
        for req in rulebook.packs[pid].requirements:
            rows.append([pid, req.id, req.severity.value, req.topic, req.clause or "-"])
    out.write(_table(rows, ["PACK", "RULE", "SEVERITY", "TOPIC", "CLAUSE"]))


def _wrap(label: str, text: str) -> str:
    return textwrap.fill(
        " ".join(text.split()), _WIDTH, initial_indent=f"{label:<12}", subsequent_indent=" " * 12
    )


def _explain_topic(topic: Topic, rulebook: Rulebook) -> list[str]:
    from policylint.detect.examples import example_passes

    lines = [_wrap("Topic:", f"{topic.id} — {topic.title}"), _wrap("Covers:", topic.description)]
    lines.append(f"{'Defined in:':<12}{topic.source[0]}")
    if topic.examples:
        lines.append("Examples:")
        for example in topic.examples:
            ok, _ = example_passes(rulebook, topic.id, example)
            verdict = (
                example.stance.value
                if example.stance
                else ("covers" if example.covered else "does not cover")
            )
            mark = "" if ok else "  (MISMATCH: run the test suite)"
            lines.append(
                textwrap.fill(
                    f"[{verdict}] {example.text}{mark}",
                    _WIDTH,
                    initial_indent="  ",
                    subsequent_indent="    ",
                )
            )
    return lines


def render_explain(rulebook: Rulebook, rule_id: str, out: TextIO) -> None:
    """Explain a rule id (e.g. `bcacc.friending`), the `placeholder` rule, or a topic id."""
    req = rulebook.find_requirement(rule_id)
    lines: list[str] = []
    if req is not None:
        lines.append(f"{req.id}  [{req.severity.value}]  {req.title}")
        pack = rulebook.packs[req.pack]
        lines.append(_wrap("Regulator:", f"{pack.name} ({pack.jurisdiction})"))
        if req.clause:
            lines.append(
                _wrap("Clause:", f"{req.clause}" + (f" — {req.document}" if req.document else ""))
            )
        else:
            lines.append(_wrap("Clause:", "none cited (best-practice point)"))
        if req.strength:
            lines.append(_wrap("Strength:", req.strength))
        if req.stance:
            lines.append(_wrap("Expects:", "stance " + " or ".join(s.value for s in req.stance)))
        lines.append(_wrap("Why:", req.why))
        lines.append(_wrap("Suggested:", req.suggestion))
        lines.append(f"{'Defined in:':<12}{req.source[0]}:{req.source[1]}")
        lines += _explain_topic(rulebook.topics[req.topic], rulebook)
    elif rule_id in rulebook.topics:
        lines += _explain_topic(rulebook.topics[rule_id], rulebook)
        users = [
            r.id for p in rulebook.packs.values() for r in p.requirements if r.topic == rule_id
        ]
        lines.append(_wrap("Rules:", ", ".join(dict.fromkeys(users)) or "none"))
    elif rule_id == "placeholder":
        lines.append("placeholder  [error]  Unfilled template text")
        lines.append(
            _wrap(
                "Why:",
                "A copied template left unfinished ('[Practice Name]', "
                "'(insert exceptions here)', 'XXX', 'TBD') tells clients the policy was never completed.",
            )
        )
        lines.append(
            _wrap("Suggested:", "Replace the placeholder with your own wording, or delete it.")
        )
        lines.append("Examples:")
        for example in rulebook.placeholders.examples:
            verdict = "placeholder" if example.covered else "not a placeholder"
            lines.append(f"  [{verdict}] {example.text}")
    else:
        rules = sorted({r.id for p in rulebook.packs.values() for r in p.requirements})
        raise UsageError(
            f"unknown rule id '{rule_id}'; try `policylint rules` (e.g. {', '.join(rules[:4])})"
        )
    out.write("\n".join(lines) + "\n")
