"""Loading and checking the YAML under the top-level `content/` folder into typed,
read-only records. Imports nothing from the store or any face.
"""
