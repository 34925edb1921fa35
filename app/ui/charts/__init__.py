"""Charts for the result and history pages; the only package that imports QtCharts (load it lazily)."""
