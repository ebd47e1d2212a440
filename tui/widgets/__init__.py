"""Reusable widgets: they are given data and post messages; they never read files."""
