"""Reusable widgets the pages are built from."""
