"""The Textual app and its shell: the app class, its drivers of the flow and the diary,
themes, the command palette, style-sheet timing, and the one list of Textual's
private API it reaches into.
"""
