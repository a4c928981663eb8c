"""The board report (PDF): QtGui painting only, never widgets (DESIGN.md)."""
