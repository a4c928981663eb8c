"""Readers of other tools' files (issue 5): each turns a file into a ParsedFile.

Every reader registers itself in :mod:`abmdesk.interop.formats.detect` with a sniffer
that recognises its files from their content, never from their names.
"""
