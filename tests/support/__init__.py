"""Helpers the tests share: fake clocks, app drivers, stores and oracles."""
