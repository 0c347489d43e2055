"""Data files (lexicons, gazetteers), read with :mod:`narratives._resources`."""
