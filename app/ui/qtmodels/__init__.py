"""QAbstractTableModel adapters over core data (browser, history)."""
