"""Evaluate kg ask on benchmarks/ask_eval.yaml: accuracy and wrong verdicts, tuning and each hold-out apart.

    python -m benchmarks.ask_eval [FILE] [--show wrong|missed|all]

A question is right when the verdict is an expected one, every "must" text is in the default answer and no
"forbid" text is. A wrong verdict is a yes / no / qualified other than the expected ones, or any of them
where the documents don't say or the entity is unknown. Evaluated on the five documents' graph (no
supplement), which the questions were written from.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.answers.claim_index import ClaimIndex, build_index
from kg.answers.reply import Reply
from kg.answers.reply_format import format_reply
from kg.answers.verdict import answer
from kg.graph.paths import default_graph_files
from kg.reasoning.engine import load_reasoned

EVAL_FILE = Path(__file__).resolve().parent / "ask_eval.yaml"
VERDICTS = {"yes", "no", "qualified"}
SPLITS = ("tune", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8",
          "holdout9", "holdout10", "holdout11", "holdout12",
          "holdout13", "holdout14", "holdout15", "holdout16")


@dataclass(frozen=True)
class Outcome:
    fact: str
    split: str
    question: str
    expected: tuple[str, ...]
    verdict: str
    right: bool
    wrong_verdict: bool
    missing: tuple[str, ...]
    forbidden: tuple[str, ...]
    text: str


def load_cases(path: Path = EVAL_FILE) -> list[dict[str, Any]]:
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]
    cases = []
    for fact in facts:
        for question in fact["questions"]:
            expected = question["verdict"]
            cases.append({"fact": fact["id"], "split": fact["split"], "question": question["q"],
                          "expected": tuple(expected if isinstance(expected, list) else [expected]),
                          "must": tuple(question.get("must", fact.get("must", []))),
                          "forbid": tuple(fact.get("forbid", []))})
    return cases


def evaluate(cases: list[dict[str, Any]], index: ClaimIndex,
             replies: Mapping[str, Reply] | None = None) -> list[Outcome]:
    """Each case's outcome; ``replies``: the answers by question where already made (else each is answered)."""
    outcomes = []
    for case in cases:
        reply = replies[case["question"]] if replies is not None else answer(case["question"], index)
        text = format_reply(reply, index, width=100_000)
        folded = text.casefold()
        missing = tuple(m for m in case["must"] if not any(a.casefold() in folded for a in m.split("|")))
        forbidden = tuple(f for f in case["forbid"] if f.casefold() in folded)
        expected = case["expected"]
        wrong = reply.verdict in VERDICTS and reply.verdict not in expected
        right = reply.verdict in expected and not missing and not forbidden
        outcomes.append(Outcome(case["fact"], case["split"], case["question"], expected, reply.verdict, right,
                                wrong, missing, forbidden, text))
    return outcomes


def summary(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    result = {}
    for split in SPLITS + tuple(sorted({o.split for o in outcomes} - set(SPLITS))):
        part = [o for o in outcomes if o.split == split]
        right = sum(o.right for o in part)
        accuracy = round(right / len(part), 3) if part else 0.0
        result[split] = {"questions": len(part), "right": right, "accuracy": accuracy,
                         "wrong_verdicts": sum(o.wrong_verdict for o in part)}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=EVAL_FILE)
    parser.add_argument("--show", choices=("wrong", "missed", "all"), help="print these questions and answers")
    parser.add_argument("--split", help=f"only this split ({', '.join(SPLITS)} in the project's file)")
    args = parser.parse_args(argv)
    cases = [c for c in load_cases(args.file) if args.split is None or c["split"] == args.split]
    if not cases:
        print(f"Error: no questions of split {args.split!r} ({args.file})", file=sys.stderr)
        return 2
    index = build_index(load_reasoned(default_graph_files(supplement=False)).dataset())
    outcomes = evaluate(cases, index)
    for outcome in outcomes:
        if args.show == "all" or (args.show == "wrong" and outcome.wrong_verdict) or \
                (args.show == "missed" and not outcome.right):
            print(f"## [{outcome.split}] {outcome.fact}: {outcome.question}\n   expected {outcome.expected}, "
                  f"got {outcome.verdict}; missing {outcome.missing}; forbidden {outcome.forbidden}\n{outcome.text}")
    for split, figures in summary(outcomes).items():
        if figures["questions"]:
            print(f"{split:9} {figures['right']:3}/{figures['questions']:3} right  accuracy {figures['accuracy']:.3f}"
                  f"  wrong verdicts {figures['wrong_verdicts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
