"""wellread: an offline terminal reader for articles on exercise and bone health."""

__version__ = "0.1.0"
