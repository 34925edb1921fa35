"""Pure-Python domain: models, bank parsing, assembly, scoring, clock; stdlib and PyYAML only."""
