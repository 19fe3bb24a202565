"""Calf Coach: talks a person through a calf cramp, then helps prevent the next."""

__version__ = "0.1.0"
