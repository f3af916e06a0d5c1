"""Benchmarks: each figure is reported with its ratio to a baseline measured in the same run."""
