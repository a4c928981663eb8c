"""The GUI: the only package that imports QtWidgets (and, lazily, pyqtgraph).

It talks to ``abmdesk.services`` only, never to ``abmdesk.db``.
"""
