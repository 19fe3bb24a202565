"""What the coach prints or writes for a person to keep: the printing commands
(`tips`, `red-flags`), the export and the doctor's one-page report.
"""
