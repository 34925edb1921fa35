"""Importers and exporters: GIFT, Moodle XML, Aiken, CSV, JSON, Markdown folders and Anki; no Qt."""
