"""Metrics and dataset loaders for the benchmarks: TLS, ROUGE, TimeML, quotes, MDS."""
