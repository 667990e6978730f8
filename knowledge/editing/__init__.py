"""The one safe writer for data/: validate, write atomically, record a revision, reload."""
