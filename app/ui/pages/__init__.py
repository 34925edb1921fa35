"""Full-window pages shown one at a time in the main window."""
