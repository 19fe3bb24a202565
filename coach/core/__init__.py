"""What the coach decides: the flow of an episode and the routine, its steps and
records, timing, cues, tip ranking and the diary's rules. No I/O and no Textual:
everything here runs in milliseconds under a fake clock.
"""
