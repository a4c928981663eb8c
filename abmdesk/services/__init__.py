"""Use cases that the GUI and the command line both call.

Each write is one transaction; results are plain dataclasses or dicts, never live
ORM objects.
"""
