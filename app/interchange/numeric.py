"""Numeric answers (a value with a tolerance, or a range) as fill-in alternatives the scorer understands."""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from app.core.scoring import parse_decimal

#: Above this many accepted values at the answer's precision, only the exact value is kept.
MAX_VALUES = 200


def parse_number(text: str) -> Decimal | None:
    """A decimal number, or None when `text` is not one."""
    value = parse_decimal(text.strip())
    return value if value is not None and abs(value.adjusted()) < 30 else None


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def plain(value: Decimal) -> str:
    """`value` written without exponent or trailing zeros: 3.1400 -> 3.14, 1E+1 -> 10."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def accepted(exact: Decimal, low: Decimal, high: Decimal) -> tuple[tuple[str, ...], bool]:
    """Alternatives accepting [low, high] at the precision the numbers are written in.

    The first alternative is the exact value; a `re:` alternative lists every value of the range at that
    precision (trailing zeros allowed). The flag is False when the range held too many values to list and
    only the exact value is kept.
    """
    first = plain(exact)
    if low > high:
        low, high = high, low
    places = min(max(_decimals(exact), _decimals(low), _decimals(high)), 12)
    step = Decimal(1).scaleb(-places)
    start = (low / step).to_integral_value(rounding=ROUND_CEILING)
    stop = (high / step).to_integral_value(rounding=ROUND_FLOOR)
    count = int(stop - start) + 1 if stop >= start else 0
    if count > MAX_VALUES:
        return (first,), False
    values = [plain(Decimal(n) * step) for n in range(int(start), int(stop) + 1)]
    if not values or values == [first]:
        return (first,), True
    pieces = [_pattern(v) for v in values]
    return (first, "re:(?:" + "|".join(pieces) + ")"), True


def _pattern(value: str) -> str:
    sign = "" if value.startswith("-") else r"\+?"
    tail = "0*" if "." in value else r"(?:\.0*)?"
    return sign + re.escape(value) + tail
