"""Widgets the screens share: the big clock, the countdown face, the key footer,
choices, tab strip, time bar, the history table and the wording lines.
"""
