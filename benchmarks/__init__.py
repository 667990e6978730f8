"""Benchmarks: run with `make bench` or `python -m benchmarks.<name>`; results in docs/BENCHMARKS.md."""
