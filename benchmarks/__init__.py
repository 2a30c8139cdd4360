"""Benchmarks: accuracy on ../shared data and speed/memory, results written to benchmarks/results/."""
