"""Pure-Python domain: models, bank parsing, exam assembly, scoring, clock. Standard library and PyYAML only."""
