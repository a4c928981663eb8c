"""Exchange formats: the native bundle, later other tools' files. No database, no Qt."""
