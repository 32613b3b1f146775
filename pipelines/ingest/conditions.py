"""Turn HUD's conditional-rule text ("R2.2 = 1", "RecordType in c(151, 152)", "W4.A is not null")
into a SQL predicate over one file's columns.

References are column names or HUD data-element numbers (resolved through the spec's DE column);
a column the file does not have (ProjectType in CurrentLivingSituation.csv) is looked up through
ProjectID or EnrollmentID. Text this small grammar cannot read ("Integer >0", date ranges) raises
``Unsupported`` and the rule is left to Great Expectations or to people (docs/decisions.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TOKEN = re.compile(r"\s*(\(|\)|,|=|[A-Za-z0-9._]+)")


class Unsupported(ValueError):
    """The condition uses wording this parser does not read."""


def _tokens(text: str) -> list[str]:
    pos, out = 0, []
    text = text.strip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            raise Unsupported(f"cannot read {text[pos:]!r}")
        out.append(match.group(1))
        pos = match.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


class _Parser:
    def __init__(self, text: str, resolve: Callable[[str], str]):
        self.tokens = _tokens(text)
        self.pos = 0
        self.resolve = resolve

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token.lower() != expected):
            raise Unsupported(f"expected {expected or 'more'} at {' '.join(self.tokens[self.pos :])!r}")
        self.pos += 1
        return token

    def parse(self) -> str:
        expr = self.disjunction()
        if self.peek() is not None:
            raise Unsupported(f"unread text {' '.join(self.tokens[self.pos :])!r}")
        return expr

    def disjunction(self) -> str:
        parts = [self.conjunction()]
        while (self.peek() or "").lower() == "or":
            self.take()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def conjunction(self) -> str:
        parts = [self.atom()]
        while (self.peek() or "").lower() == "and":
            self.take()
            parts.append(self.atom())
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def _number(self) -> int:
        token = self.take()
        if not re.fullmatch(r"\d+", token):
            raise Unsupported(f"expected a code, got {token!r}")
        return int(token)

    def atom(self) -> str:
        if self.peek() == "(":
            self.take("(")
            inner = self.disjunction()
            self.take(")")
            return inner
        ref = self.take()
        column = self.resolve(ref)
        op = (self.take() or "").lower()
        if op == "=":
            return f"(TRY_CAST({column} AS INTEGER) = {self._number()})"
        if op == "in":
            self.take("c")
            self.take("(")
            codes = [self._number()]
            while self.peek() == ",":
                self.take(",")
                codes.append(self._number())
            self.take(")")
            return f"(TRY_CAST({column} AS INTEGER) IN ({', '.join(map(str, codes))}))"
        if op == "is":
            self.take("not")
            self.take("null")
            return f"({column} IS NOT NULL)"
        if op == "not":
            self.take("null")
            return f"({column} IS NOT NULL)"
        raise Unsupported(f"unknown operator {op!r}")


def to_sql(condition: str, resolve: Callable[[str], str]) -> str:
    """SQL predicate for HUD's condition text; ``resolve`` maps a column name or DE number to SQL."""
    return _Parser(condition, resolve).parse()
