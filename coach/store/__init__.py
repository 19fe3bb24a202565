"""What the coach keeps on disk: the SQLite history and check-ins, their migrations
and writer thread, the settings file, the data folder and the checked-content cache.

No face (screens, plain mode) is imported from here.
"""
