"""Face-neutral words: the lines both the full-screen app and plain mode show,
built from core records and store sums.
"""
