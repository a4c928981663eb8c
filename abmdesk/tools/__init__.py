"""Developer tools run with ``python -m abmdesk.tools.<name>``."""
