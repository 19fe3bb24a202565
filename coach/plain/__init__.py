"""Plain line-by-line mode, the screen-reader path: a driver of `coach.core.flow` that
prints each step and reads its answer.
"""
