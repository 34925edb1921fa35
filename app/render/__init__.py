"""Markdown and pygments to the HTML subset QTextBrowser shows; no Qt."""
