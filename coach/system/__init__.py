"""The operating system's services: the speech engine, the terminal's own notices
and guarded standard streams.
"""
