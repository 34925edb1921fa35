"""Parse and validate a bank of Markdown question files into core Question objects."""

from app.core.bank.loader import BankLoad, load_bank
from app.core.bank.parse import parse_question
from app.core.bank.problems import Problem, Severity

__all__ = ["BankLoad", "Problem", "Severity", "load_bank", "parse_question"]
